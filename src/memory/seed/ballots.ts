/**
 * Fernwick rounds for every kind of ballot and every way of knowing the voter, so the vote form
 * can be tried in each: youth points, ranked priorities, a single choice, yes/no questions, a round
 * not open yet, one with posted voting codes and one for a residents' association's signed-in members.
 */
import type { Round } from '../../domain/types.js';
import type { MemoryRoundSeed } from './types.js';
import { CATEGORIES, gbp, proposal, WARDS, type ProposalRow } from './fernwick.js';

type RoundFacts = Pick<Round, 'id' | 'title' | 'description' | 'rules'> & Partial<Round>;

function round(at: (days: number) => string, facts: RoundFacts, budget: number): Round {
  return {
    budget: gbp(budget),
    currency: 'GBP',
    opensAt: at(-7),
    closesAt: at(28),
    status: 'open',
    voterIdentity: 'open',
    areas: WARDS,
    categories: CATEGORIES,
    ...facts,
  };
}

const YOUTH: ProposalRow[] = [
  ['yf-skate', 'Skate park at Brindle Rec', 'Ramps and a bowl designed with local skaters, lit until 9pm.', 38_000, 'Brindle Park', 'Play', 187, true],
  ['yf-studio', 'Music studio in the youth centre', 'Recording kit and weekly sessions with a sound engineer.', 12_500, 'Canal Wharf', 'Community', 96, false],
  ['yf-pitch', 'Floodlights for the Elmhurst cage pitch', 'Play football after school in winter too.', 16_000, 'Elmhurst', 'Play', 141, false],
  ['yf-jobs', 'First jobs fair and CV clinic', 'Local employers, apprenticeships and help with applications.', 4_000, "St Jude's", 'Community', 58, false],
  ['yf-bikes', 'Bike library for teenagers', 'Borrow a bike for a term, with lessons and repairs included.', 9_500, 'Ashcombe', 'Cycling and walking', 73, false],
];

const CANAL: ProposalRow[] = [
  ['cw-pri-boats', 'Moorings for a floating classroom', 'A permanent berth for the canal trust’s education boat.', 60_000, 'Canal Wharf', 'Community', 88, false],
  ['cw-pri-market', 'Weekend market on the wharf', 'Stalls, power points and toilets for a Saturday market.', 45_000, 'Canal Wharf', 'Community', 132, false],
  ['cw-pri-bridge', 'Step-free footbridge ramps', 'Ramps on both sides of the Mill Lane footbridge.', 150_000, 'Canal Wharf', 'Cycling and walking', 204, false],
  ['cw-pri-wetland', 'Reed-bed wetland at the basin', 'Cleaner water, birds and a boardwalk for school visits.', 70_000, 'Canal Wharf', 'Green spaces', 117, false],
];

const PAVILION: ProposalRow[] = [
  ['eg-cafe', 'A community café', 'Run as a social enterprise with training places for young people.', 80_000, 'Elmhurst', 'Community', 154, true],
  ['eg-changing', 'Changing rooms for the sports clubs', 'Showers and lockers for the five clubs that use the green.', 80_000, 'Elmhurst', 'Play', 119, false],
  ['eg-library', 'A small library and study room', 'Open evenings and weekends, with free wifi.', 80_000, 'Elmhurst', 'Community', 98, false],
];

const HALL: ProposalRow[] = [
  ['sj-q-solar', 'Solar panels on the hall roof', 'Cut the hall’s bills and its carbon; the council pays up front.', 24_000, "St Jude's", 'Community', 0, false],
  ['sj-q-hours', 'Open the hall on Sunday afternoons', 'Pay a caretaker so groups can book Sunday afternoons.', 6_000, "St Jude's", 'Community', 0, false],
  ['sj-q-garden', 'Turn the car park edge into a garden', 'Lose four parking spaces to make a garden with seating.', 11_000, "St Jude's", 'Green spaces', 0, false],
];

const STREETS: ProposalRow[] = [
  ['gs-parklets', 'Parklets on three high streets', 'Seating and planters in a parking space outside shops.', 21_000, 'Ashcombe', 'Green spaces', 0, false],
  ['gs-rain', 'Rain gardens on Fern Road', 'Kerbside planting that soaks up storm water.', 54_000, 'Elmhurst', 'Green spaces', 0, false],
  ['gs-trees', 'Forty street trees', 'Trees where the ward has least shade.', 48_000, 'Brindle Park', 'Green spaces', 0, false],
];

const ESTATE: ProposalRow[] = [
  ['ae-lifts', 'Repaint and light the Ashcombe stairwells', 'Brighter, safer stairs in all four blocks.', 18_000, 'Ashcombe', 'Safer streets', 66, false],
  ['ae-play', 'Toddler play area in the courtyard', 'Soft surface, a sandpit and benches for carers.', 26_000, 'Ashcombe', 'Play', 91, false],
  ['ae-bins', 'Covered bin stores', 'Stop foxes and flytipping with lockable stores.', 14_000, 'Ashcombe', 'Community', 47, false],
  ['ae-garden', 'Food-growing beds on the green', 'Twelve raised beds for residents, with a water butt.', 7_500, 'Ashcombe', 'Green spaces', 72, false],
  ['ae-wifi', 'Free wifi in the community room', 'For homework clubs and job searches.', 3_000, 'Ashcombe', 'Community', 39, false],
];

const RESIDENTS: ProposalRow[] = [
  ['br-noticeboards', 'Noticeboards at every entrance', 'Weatherproof boards for estate news and events.', 2_500, 'Brindle Park', 'Community', 24, false],
  ['br-trip', 'A summer trip to the coast', 'A coach and lunch for 50 residents, older residents first.', 4_000, 'Brindle Park', 'Community', 61, false],
  ['br-tools', 'A shared tool shed', 'Ladders, drills and garden tools to borrow.', 1_800, 'Brindle Park', 'Community', 33, false],
  ['br-planters', 'Planters on the walkways', 'Colour along the first-floor walkways, looked after by volunteers.', 3_200, 'Brindle Park', 'Green spaces', 29, false],
];

/** The single-use codes posted with the Ashcombe estate letters, for trying the code step in the demo. */
export const DEMO_VOTING_CODES = ['ASH-4821-KT', 'ASH-7730-PB', 'ASH-1956-RW', 'ASH-3304-LM'];

/** The tokens the Brindle Park residents’ association site signs in its members with, in the demo. */
export const DEMO_VOTER_TOKENS = ['brindle-member-001', 'brindle-member-002', 'brindle-member-003'];

export function ballotRounds(at: (days: number) => string): MemoryRoundSeed[] {
  const rows = (id: string, list: ProposalRow[]) => list.map((row) => proposal(id, row));
  const youth = round(at, {
    id: 'fernwick-youth-2026',
    title: 'Fernwick Youth Fund 2026',
    description: 'For residents aged 11 to 25: you have 10 points to share between the projects you want most.',
    rules: { kind: 'cumulative', maxSumPoints: 10, maxPoints: 5 },
  }, 60_000);
  const canal = round(at, {
    id: 'canal-wharf-priorities',
    title: 'Canal Wharf: what should come first?',
    description: 'The regeneration budget cannot do everything at once. Choose three projects and put them in order.',
    rules: { kind: 'ordinal', minLength: 3, maxLength: 3 },
  }, 200_000);
  const pavilion = round(at, {
    id: 'elmhurst-pavilion',
    title: 'Elmhurst Green pavilion: what should it be?',
    description: 'The old pavilion will be rebuilt for £80,000. Choose the one use you want most.',
    rules: { kind: 'choose-1' },
  }, 80_000);
  const hall = round(at, {
    id: 'st-judes-hall',
    title: 'St Jude’s Hall: three questions',
    description: 'The hall committee asks residents to approve three changes. Answer each one, or abstain.',
    rules: { kind: 'yes-no', allowAbstain: true },
  }, 41_000);
  const streets = round(at, {
    id: 'green-streets-2027',
    title: 'Green Streets Fund 2027',
    description: 'Choose up to two projects to make streets greener. Voting opens next month.',
    opensAt: at(30),
    closesAt: at(58),
    status: 'upcoming',
    rules: { kind: 'approval', maxLength: 2, maxSumCost: gbp(75_000) },
  }, 75_000);
  const estate = round(at, {
    id: 'ashcombe-estate-2026',
    title: 'Ashcombe Estate improvement budget',
    description: 'Every household on the estate was sent a voting code. Choose two to four projects, spending at least £30,000 of the £50,000.',
    voterIdentity: 'code',
    areas: ['Ashcombe'],
    rules: { kind: 'approval', minLength: 2, maxLength: 4, minSumCost: gbp(30_000), maxSumCost: gbp(50_000) },
  }, 50_000);
  const residents = round(at, {
    id: 'brindle-residents-2026',
    title: 'Brindle Park Residents’ Association: this year’s budget',
    description: 'For members of the association: sign in on the association’s website, then choose what to spend £8,000 on.',
    voterIdentity: 'token',
    areas: ['Brindle Park'],
    rules: { kind: 'approval', maxSumCost: gbp(8_000) },
  }, 8_000);
  return [
    { round: youth, proposals: rows(youth.id, YOUTH) },
    { round: canal, proposals: rows(canal.id, CANAL) },
    { round: pavilion, proposals: rows(pavilion.id, PAVILION) },
    { round: hall, proposals: rows(hall.id, HALL).map((p) => ({ ...p, supporters: null })) },
    { round: streets, proposals: rows(streets.id, STREETS).map((p) => ({ ...p, supporters: null })) },
    { round: estate, proposals: rows(estate.id, ESTATE), votingCodes: DEMO_VOTING_CODES },
    { round: residents, proposals: rows(residents.id, RESIDENTS), voterTokens: DEMO_VOTER_TOKENS },
  ];
}
