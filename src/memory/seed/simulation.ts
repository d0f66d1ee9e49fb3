import type { Simulation } from '../../domain/types.js';
import { gbp } from './fernwick.js';

/** The Fernwick budget consultation: six services and three sources of money, balanced at baseline. */
export function budgetSimulation(): Simulation {
  const line = (id: string, label: string, kind: 'spending' | 'revenue', baseline: number, min: number, max: number, step: number, impacts: Array<[number, string]>, locked = false) => ({
    id, label, kind, baseline, min, max, step, unit: 'currency' as const, locked, impacts: impacts.map(([from, text]) => ({ from, text })),
  });
  return {
    id: 'fernwick-budget-2026',
    title: 'Balance Fernwick’s budget for 2026/27',
    description: 'Move money between services. Spending cannot be more than the money coming in.',
    currency: 'GBP',
    lines: [
      line('adult-care', 'Adult social care', 'spending', gbp(98e6), gbp(90e6), gbp(110e6), gbp(5e5), [
        [gbp(90e6), 'Fewer home-care visits; longer waits for assessments'], [gbp(98e6), 'Care continues as now'], [gbp(104e6), 'Shorter waits and more support for carers'],
      ]),
      line('children', 'Children’s services', 'spending', gbp(61e6), gbp(55e6), gbp(70e6), gbp(5e5), [
        [gbp(55e6), 'Two children’s centres close'], [gbp(61e6), 'Services continue as now'], [gbp(66e6), 'More early help for families'],
      ]),
      line('waste', 'Bins and recycling', 'spending', gbp(18e6), gbp(15e6), gbp(21e6), gbp(25e4), [
        [gbp(15e6), 'General waste collected every three weeks'], [gbp(18e6), 'Weekly recycling, fortnightly general waste'],
      ]),
      line('parks', 'Parks and open spaces', 'spending', gbp(9e6), gbp(6e6), gbp(12e6), gbp(25e4), [
        [gbp(6e6), 'Grass cut monthly; toilets close in winter'], [gbp(9e6), 'Parks kept as now'], [gbp(11e6), 'Two playgrounds renewed each year'],
      ]),
      line('libraries', 'Libraries', 'spending', gbp(42e5), gbp(3e6), gbp(5e6), gbp(1e5), [
        [gbp(3e6), 'Three branch libraries close'], [gbp(42e5), 'All seven libraries keep their hours'], [gbp(48e5), 'Sunday opening at the central library'],
      ]),
      line('debt', 'Borrowing costs', 'spending', gbp(12e6), gbp(12e6), gbp(12e6), gbp(1e5), [[gbp(12e6), 'Fixed by loans already taken out']], true),
      line('grants', 'Government grants and business rates', 'revenue', gbp(1825e5), gbp(1825e5), gbp(1825e5), gbp(1e5), [[gbp(1825e5), 'Set by central government']], true),
      {
        id: 'council-tax', label: 'Council tax rise', description: 'Each 1% raises about £1.15m.', kind: 'revenue', baseline: 4.99, min: 0, max: 4.99, step: 0.01,
        unit: 'percent', amountPerPercent: gbp(115e4), locked: false,
        impacts: [{ from: 0, text: 'Band D stays at £1,812 a year' }, { from: 2.99, text: 'Band D rises by about £54 a year' }, { from: 4.99, text: 'Band D rises by about £90 a year' }],
      },
      line('fees', 'Fees and charges', 'revenue', gbp(14e6), gbp(10e6), gbp(18e6), gbp(5e5), [
        [gbp(10e6), 'Parking and leisure prices cut'], [gbp(14e6), 'Charges rise with inflation'], [gbp(16e6), 'Higher parking charges and garden waste fee'],
      ]),
    ],
  };
}
