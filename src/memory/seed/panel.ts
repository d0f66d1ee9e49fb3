/**
 * The resident panel of Brindle Park: twelve residents meet in the community hall, debate five
 * proposals and vote with the single-use codes handed out at the door (the panel screen's demo).
 * Voting opens when the facilitator opens it.
 */
import type { Round } from '../../domain/types.js';
import { CATEGORIES, gbp, proposal, WARDS, type ProposalRow } from './fernwick.js';
import type { MemoryRoundSeed } from './types.js';

export const PANEL_ROUND_ID = 'fernwick-panel-2026';
/** Printed on the facilitator's sheet; a demo only, so it can be public. */
export const PANEL_FACILITATOR_CODE = 'PANL-DEMO-2026';
/** The twelve cards handed out at the door. */
export const PANEL_VOTING_CODES = Array.from({ length: 12 }, (_, i) => `PANL-SEAT-${String(i + 1).padStart(4, '0').replace(/0/g, 'Z')}`);

const PROPOSALS: ProposalRow[] = [
  ['panel-hall-heating', 'Heating for Brindle Park community hall', 'A heat pump so the hall can open on winter evenings without costly heaters.', 28_000, 'Brindle Park', 'Community', 64, true],
  ['panel-play-street', 'Monthly play street on Fern Road', 'Close the road to cars one Sunday a month, with marshals and cones.', 6_000, 'Brindle Park', 'Play', 88, true],
  ['panel-path-lights', 'Lights on the Brindle Rec path', 'Solar lights along the path across the recreation ground.', 19_500, 'Brindle Park', 'Safer streets', 71, false],
  ['panel-food-garden', 'Food-growing beds by the flats', 'Raised beds, a water butt and tools for residents of the estate.', 9_500, 'Brindle Park', 'Green spaces', 52, true],
  ['panel-cycle-lessons', 'Cycling lessons for adults', 'Forty free lessons with loan bikes for residents who never learnt.', 7_500, 'Brindle Park', 'Cycling and walking', 39, false],
];

export function panelRounds(): MemoryRoundSeed[] {
  const round: Round = {
    id: PANEL_ROUND_ID,
    title: 'Brindle Park resident panel 2026',
    description: 'Twelve residents decide how to spend £50,000 on Brindle Park. Choose up to three projects.',
    budget: gbp(50_000),
    currency: 'GBP',
    opensAt: null,
    closesAt: null,
    status: 'upcoming',
    rules: { kind: 'approval', maxLength: 3, maxSumCost: gbp(50_000) },
    voterIdentity: 'code',
    areas: WARDS,
    categories: CATEGORIES,
    results: { rules: ['greedy', 'equal-shares'] },
  };
  return [{ round, proposals: PROPOSALS.map((row) => proposal(round.id, row)), votingCodes: PANEL_VOTING_CODES, facilitatorCode: PANEL_FACILITATOR_CODE }];
}
