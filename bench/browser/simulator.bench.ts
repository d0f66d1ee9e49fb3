import { clearAllDrafts } from '../../src/core/draft-controller.js';
import { createMemoryClient } from '../../src/memory/index.js';
import { councilBudget } from '../../src/memory/seed/simulation-council.js';
import type { Simulation } from '../../src/domain/types.js';
import type { CivicBudgetSimulator } from '../../src/elements/budget-simulator/budget-simulator.js';
import type { CivicBudgetSlider } from '../../src/elements/budget-slider/budget-slider.js';
import { benchCase, container } from './harness.js';

/** A council budget of 60 lines: the demo's 32, and 28 of its money lines again as a second year's. */
function sixtyLines(): Simulation {
  const council = councilBudget();
  const extra = council.lines.filter((line) => line.unit === 'currency').slice(0, 28);
  const lines = [...council.lines, ...extra.map((line) => ({ ...line, id: `${line.id}-2`, label: `${line.label} (2027/28)` }))];
  return { ...council, id: 'bench-60', lines };
}

const sliders = (simulator: CivicBudgetSimulator) => [...simulator.shadowRoot!.querySelectorAll<CivicBudgetSlider>('civic-budget-slider')];

async function loaded(simulator: CivicBudgetSimulator): Promise<void> {
  while (!simulator.shadowRoot?.querySelector('[part~="balance"]')) await new Promise((resolve) => setTimeout(resolve, 10));
  await simulator.updateComplete;
  await Promise.all(sliders(simulator).map((slider) => slider.updateComplete));
}

// Moving one slider of 60 (council tax, 0% to 2.99%) re-reckons everything a resident watches: the
// line's value and impact, its group's total, the running balance and the household's own bill.
export const simulatorBenchmarks = [
  benchCase({
    name: 'simulator 60 slider move',
    prepare: async () => {
      clearAllDrafts();
      const host = container();
      const simulation = sixtyLines();
      const simulator = document.createElement('civic-budget-simulator');
      simulator.client = createMemoryClient({ rounds: [], simulations: [simulation], forms: [] });
      simulator.simulation = simulation.id;
      host.append(simulator);
      await loaded(simulator);
      if (sliders(simulator).length !== 60) throw new Error(`The simulator shows ${sliders(simulator).length} lines, not 60`);
      // Council tax: its value, impact and group total change, and so do the balance and the household's bill.
      const slider = sliders(simulator).find((candidate) => candidate.dataset.line === 'council-tax-rise')!;
      return { host, simulator, slider, value: 2.99 };
    },
    measure: async ({ simulator, slider, value }) => {
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await simulator.updateComplete;
      await slider.updateComplete;
    },
    cleanup: ({ host }) => host.remove(),
  }),
];
