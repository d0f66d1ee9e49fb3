/**
 * What a clerk types for one paper ballot, read into selections: the proposals' numbers as printed
 * on the paper (their 1-based place in the round's list), or their ids. Approval, choose-1 and
 * ranked ballots are numbers in the paper's order (`3 1 7`); cumulative ballots number:points
 * (`3:5 1:2`); yes/no ballots a number and y, n or a (`1y 2n 3a`). Spaces or commas between.
 */
import type { Selections } from './rules/index.js';
import type { BallotRules, Proposal, YesNoAnswer } from './types.js';

/** Why the typed text cannot be read, naming the piece at fault as typed. */
export type KeyingProblem =
  | { code: 'unknown-number'; token: string; count: number }
  | { code: 'not-understood'; token: string; kind: BallotRules['kind'] }
  | { code: 'repeated'; token: string };

const ANSWERS: Record<string, YesNoAnswer> = { y: 'yes', yes: 'yes', n: 'no', no: 'no', a: 'abstain', abstain: 'abstain' };
const SHORT: Record<YesNoAnswer, string> = { yes: 'y', no: 'n', abstain: 'a' };

/** The typed text as selections, or every piece that cannot be read. */
export function readKeys(text: string, rules: BallotRules, proposals: readonly Proposal[]): { selections: Selections } | { problems: KeyingProblem[] } {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const problems: KeyingProblem[] = [];
  const idOf = (token: string): string | undefined => {
    if (/^\d+$/.test(token)) {
      const proposal = proposals[Number(token) - 1];
      if (!proposal) problems.push({ code: 'unknown-number', token, count: proposals.length });
      return proposal?.id;
    }
    if (proposals.some((proposal) => proposal.id === token)) return token;
    problems.push({ code: 'unknown-number', token, count: proposals.length });
    return undefined;
  };
  if (rules.kind === 'cumulative' || rules.kind === 'yes-no') {
    const selections: Record<string, number | YesNoAnswer> = {};
    for (const token of tokens) {
      const match = rules.kind === 'cumulative' ? /^(.+?)[:=](\d+)$/.exec(token) : /^(.+?)[:=]?(y|yes|n|no|a|abstain)$/i.exec(token);
      if (!match) {
        problems.push({ code: 'not-understood', token, kind: rules.kind });
        continue;
      }
      const id = idOf(match[1]!);
      if (id === undefined) continue;
      if (id in selections) problems.push({ code: 'repeated', token });
      else selections[id] = rules.kind === 'cumulative' ? Number(match[2]) : ANSWERS[match[2]!.toLowerCase()]!;
    }
    return problems.length > 0 ? { problems } : { selections: selections as Selections };
  }
  const ids: string[] = [];
  for (const token of tokens) {
    const id = idOf(token);
    if (id !== undefined) ids.push(id);
  }
  return problems.length > 0 ? { problems } : { selections: ids };
}

/** The selections as a clerk would type them, by printed number where there is one: `3 1`, `3:5 1:2`, `1y 2n`. */
export function keysOf(selections: Selections, proposals: readonly Proposal[]): string {
  const numberOf = (id: string) => {
    const index = proposals.findIndex((proposal) => proposal.id === id);
    return index < 0 ? id : String(index + 1);
  };
  if (Array.isArray(selections)) return selections.map(numberOf).join(' ');
  return Object.entries(selections)
    .map(([id, value]) => (typeof value === 'number' ? `${numberOf(id)}:${value}` : `${numberOf(id)}${SHORT[value as YesNoAnswer] ?? value}`))
    .join(' ');
}
