/** Realistic data for the benchmarks: a round's proposals, grown to any count with real messy texts. */
import type { Proposal } from '../../src/domain/types.js';
import texts from '../../test/fixtures/texts/pabulib_messy_project_texts.json' with { type: 'json' };

/** `count` proposals cycled from `base`, one in four titled with a real city's messy text. */
export function messyProposals(base: readonly Proposal[], count: number): Proposal[] {
  return Array.from({ length: count }, (_, i) => {
    const from = base[i % base.length]!;
    const messy = i % 4 === 0 ? texts[(i / 4) % texts.length]?.text : undefined;
    return { ...from, id: `${from.id}-${i}`, title: messy ?? `${from.title} ${i}`, cost: from.cost + i * 100 };
  });
}
