/** The data the server suite starts from: one round of each kind, a simulation and a form. */
import { defaultSeed } from '../../../src/memory/seed/index.js';
import type { Proposal, Round } from '../../../src/domain/types.js';
import type { SeedImport } from '../../../server/store/import.js';

const DAY = 86_400_000;
export const TEST_NOW = new Date('2026-06-15T12:00:00Z');
const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY).toISOString();

export const VOTING_CODES = ['ABCD-EFGH-JK23', 'ABCD-EFGH-JK24', 'ABCD-EFGH-JK25', 'ABCD-EFGH-JK26'];
/** Ids up to the contract's limit of 200 characters, with the characters pabulib ids hold. */
export const LONG_ID = `BO.D16.5/23 ${'ż'.repeat(100)}`.padEnd(200, 'x');

function round(id: string, overrides: Partial<Round> = {}): Round {
  return {
    id,
    title: `Round ${id}`,
    description: 'A round for the tests.',
    budget: 100_000,
    currency: 'GBP',
    opensAt: at(-10),
    closesAt: at(10),
    status: 'open',
    rules: { kind: 'approval', maxLength: 2, maxSumCost: 100_000 },
    voterIdentity: 'open',
    ...overrides,
  };
}

function proposals(roundId: string, prefix = ''): Proposal[] {
  return [
    ['trees', 'Street trees', 40_000, 'North', 'Green'],
    ['benches', 'Benches', 30_000, 'South', 'Community'],
    ['lights', 'Lights', 60_000, 'North', 'Safety'],
  ].map(([id, title, cost, area, category]) => ({
    id: `${prefix}${id}`,
    roundId,
    title: title as string,
    summary: `${title} for the neighbourhood.`,
    cost: cost as number,
    area: area as string,
    categories: [category as string],
    status: 'shortlisted' as const,
  }));
}

/** A fresh copy each time: tests may change what they get. */
export function testSeed(): SeedImport {
  const demo = defaultSeed(TEST_NOW);
  return {
    rounds: [
      { round: round('open-round'), proposals: proposals('open-round') },
      { round: round('code-round', { voterIdentity: 'code' }), proposals: proposals('code-round', 'c-'), votingCodes: VOTING_CODES },
      { round: round('token-round', { voterIdentity: 'token' }), proposals: proposals('token-round', 't-') },
      { round: round('closed-round', { opensAt: at(-30), closesAt: at(-5), status: 'closed', results: { rules: ['greedy', 'equal-shares'] } }), proposals: proposals('closed-round', 'x-'), ballots: [['x-trees'], ['x-trees', 'x-benches'], ['x-lights']] },
      { round: round('live-round', { results: { rules: ['equal-shares'], live: true } }), proposals: proposals('live-round', 'v-') },
      { round: round('upcoming-round', { opensAt: at(5), closesAt: at(20), status: 'upcoming' }), proposals: proposals('upcoming-round', 'u-') },
      { round: round(LONG_ID), proposals: [{ ...proposals(LONG_ID, 'l-')[0]!, id: LONG_ID }] },
      { round: round('cumulative-round', { rules: { kind: 'cumulative', maxSumPoints: 10, maxPoints: 6 } }), proposals: proposals('cumulative-round', 'p-') },
    ],
    simulations: demo.simulations,
    forms: demo.forms,
  };
}
