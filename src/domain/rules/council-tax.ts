/**
 * Council tax for one household: each band pays a fixed ratio of Band D, so a simulation that knows
 * Band D and the council tax line tells every resident what a budget means for their own bill.
 */
import type { CouncilTax, MinorUnits, Simulation } from '../types.js';
import { lineValue } from './simulation.js';

/** England's bands as ratios of Band D (Local Government Finance Act 1992, s.5): A 6/9 to H 18/9. */
export const ENGLAND_COUNCIL_TAX_BANDS: ReadonlyArray<{ band: string; ratio: number }> = [
  { band: 'A', ratio: 6 / 9 },
  { band: 'B', ratio: 7 / 9 },
  { band: 'C', ratio: 8 / 9 },
  { band: 'D', ratio: 1 },
  { band: 'E', ratio: 11 / 9 },
  { band: 'F', ratio: 13 / 9 },
  { band: 'G', ratio: 15 / 9 },
  { band: 'H', ratio: 18 / 9 },
];

/** The bands of a simulation's council tax, England's unless it lists its own. */
export function councilTaxBands(councilTax: CouncilTax): ReadonlyArray<{ band: string; ratio: number }> {
  return councilTax.bands?.length ? councilTax.bands : ENGLAND_COUNCIL_TAX_BANDS;
}

/** One band's yearly bill now, with the budget's rise, and the difference, in minor units. */
export interface CouncilTaxBill {
  band: string;
  /** This year's bill. */
  now: MinorUnits;
  /** Next year's bill with the council tax rise in the budget. */
  next: MinorUnits;
  /** `next - now`: what the budget changes the bill by, a year. */
  change: MinorUnits;
}

/**
 * What the budget in `values` means for a household in `band`: this year's bill, next year's with
 * the rise on the council tax line, and the change. Undefined when the simulation has no council
 * tax or no such band. Bills are rounded to whole minor units, as councils bill.
 */
export function councilTaxBill(simulation: Simulation, values: Readonly<Record<string, number>>, band: string): CouncilTaxBill | undefined {
  const councilTax = simulation.councilTax;
  const line = councilTax && simulation.lines.find((candidate) => candidate.id === councilTax.lineId);
  const ratio = councilTax && councilTaxBands(councilTax).find((candidate) => candidate.band === band)?.ratio;
  if (!councilTax || !line || ratio === undefined) return undefined;
  const now = Math.round(councilTax.bandD * ratio);
  const next = Math.round(now * (1 + lineValue(line, values) / 100));
  return { band, now, next, change: next - now };
}
