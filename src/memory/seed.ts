import type { Ballot, FeedbackForm, Proposal, Round, Simulation } from '../domain/types.js';

/**
 * The data an in-browser backend starts from, and the default demo: the (fictional) London Borough
 * of Fernwick. Plain data, kept short because it ships in the bundle.
 */

/** One round with its proposals and, for rounds that need them, who may vote. */
export interface MemoryRoundSeed {
  round: Round;
  proposals: Proposal[];
  /** For `voterIdentity: 'code'`: the single-use voting codes that were posted to residents. */
  votingCodes?: string[];
  /** For `voterIdentity: 'token'`: the tokens accepted; when absent, any non-empty token is. */
  voterTokens?: string[];
  /** Ballots already cast (their selections), e.g. so a closed round has results to show. */
  ballots?: Array<Ballot['selections']>;
}

/** Everything `createMemoryClient` serves. Ids are unique across the whole seed. */
export interface MemorySeed {
  rounds: MemoryRoundSeed[];
  simulations: Simulation[];
  forms: FeedbackForm[];
}

const DAY = 86_400_000;
/** Pounds to pence. */
const gbp = (pounds: number): number => Math.round(pounds * 100);

const WARDS = ['Ashcombe', 'Brindle Park', 'Canal Wharf', 'Elmhurst', "St Jude's"];
const CATEGORIES = ['Green spaces', 'Cycling and walking', 'Safer streets', 'Play', 'Community'];

/** A small pictogram for a category, as an SVG data URL so the demo works offline. */
function picture(shape: string, colour: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="${colour}"/><g fill="none" stroke="#fff" stroke-width="5">${shape}</g></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const PICTURES: Record<string, [string, string]> = {
  'Green spaces': [picture('<circle cx="80" cy="36" r="20"/><path d="M80 56v22"/>', '#2e6b3a'), 'Drawing of a tree'],
  'Cycling and walking': [picture('<circle cx="52" cy="56" r="16"/><circle cx="108" cy="56" r="16"/><path d="M52 56l20-26h26l10 26M72 30l8 26"/>', '#1d5a8a'), 'Drawing of a bicycle'],
  'Safer streets': [picture('<path d="M80 80V20h20"/><circle cx="104" cy="30" r="8"/>', '#5b4a8a'), 'Drawing of a street light'],
  Play: [picture('<path d="M40 80l30-60 30 60M70 20h50v60"/>', '#a4501e'), 'Drawing of a climbing frame and slide'],
  Community: [picture('<rect x="50" y="30" width="60" height="44"/><path d="M44 32l36-20 36 20"/>', '#7a3357'), 'Drawing of a community building'],
};

type ProposalRow = [id: string, title: string, summary: string, pounds: number, ward: string, category: string, supporters: number, withImage: boolean];

function proposal(roundId: string, [id, title, summary, pounds, ward, category, supporters, withImage]: ProposalRow): Proposal {
  const [imageUrl, imageAlt] = withImage ? PICTURES[category]! : [null, null];
  return { id, roundId, title, summary, cost: gbp(pounds), area: ward, categories: [category], imageUrl, imageAlt, status: 'shortlisted', supporters, url: null };
}

const OPEN_ROUND_PROPOSALS: ProposalRow[] = [
  ['ash-pocket-park', 'Pocket park on Mercer Street', 'Turn the fenced-off corner plot into a small park with seating and planting.', 48_000, 'Ashcombe', 'Green spaces', 212, true],
  ['ash-street-trees', 'Twenty street trees for Ashcombe Road', 'Plant and water for three years twenty trees where pavements are widest.', 26_000, 'Ashcombe', 'Green spaces', 174, true],
  ['ash-kerbs', 'Dropped kerbs around Ashcombe surgery', 'Six accessible crossings with tactile paving for wheelchairs, buggies and walkers.', 18_500, 'Ashcombe', 'Safer streets', 98, false],
  ['ash-fridge', 'Community fridge at Ashcombe library', 'A fridge where shops and neighbours share surplus food, run by volunteers.', 6_500, 'Ashcombe', 'Community', 143, true],
  ['bp-cycle-hangars', 'Four cycle hangars on Brindle Park estate', 'Secure on-street bike storage for 24 bikes where flats have no room for one.', 22_000, 'Brindle Park', 'Cycling and walking', 131, true],
  ['bp-play', 'New play equipment for Brindle Rec', 'Replace the worn climbing frame with equipment for under-fives and older children.', 55_000, 'Brindle Park', 'Play', 256, true],
  ['bp-benches', 'Benches along Brindle Hill', 'Ten benches every 100 metres up the hill so older residents can rest.', 9_000, 'Brindle Park', 'Community', 77, false],
  ['bp-lighting', 'Brighter lighting on the railway footpath', 'LED lights along the path between the station and Cotter Lane.', 31_000, 'Brindle Park', 'Safer streets', 189, true],
  ['cw-towpath', 'Resurface the Canal Wharf towpath', 'Smooth, wider surface for walkers, wheelchairs and cycles between the two bridges.', 42_000, 'Canal Wharf', 'Cycling and walking', 165, true],
  ['cw-planters', 'School street planters at Wharfside Primary', 'Planters that close the road to cars at drop-off and pick-up times.', 7_800, 'Canal Wharf', 'Safer streets', 118, true],
  ['cw-wildflowers', 'Wildflower verges by the canal', 'Sow and look after native wildflowers on four grass verges.', 4_500, 'Canal Wharf', 'Green spaces', 64, false],
  ['cw-youth', 'Youth shelter and outdoor table tennis', 'A covered meeting spot and two tables for teenagers near the basin.', 19_000, 'Canal Wharf', 'Play', 92, true],
  ['el-crossing', 'Zebra crossing on Elmhurst Parade', 'A new crossing outside the shops, where residents cross between parked cars.', 38_000, 'Elmhurst', 'Safer streets', 201, false],
  ['el-orchard', 'Community orchard at Elmhurst Green', 'Twelve fruit trees and a picking day each autumn, cared for by local groups.', 8_200, 'Elmhurst', 'Green spaces', 85, true],
  ['el-repair-cafe', 'Tools for the Elmhurst repair café', 'Tools and a storage cabinet for monthly sessions that fix bikes and small appliances.', 5_200, 'Elmhurst', 'Community', 59, true],
  ['el-water', 'Drinking fountain in Elmhurst Park', 'A free water fountain with a bottle filler near the playground.', 12_000, 'Elmhurst', 'Green spaces', 103, false],
  ['sj-hall', 'Accessible toilet for St Jude\'s hall', 'A changing-places toilet so disabled residents can use the hall for longer.', 34_000, "St Jude's", 'Community', 147, true],
  ['sj-bike-repair', 'Bike repair stands at St Jude\'s', 'Two public stands with pumps and tools outside the health centre.', 3_800, "St Jude's", 'Cycling and walking', 48, true],
  ['sj-playground', 'Inclusive swings for St Jude\'s playground', 'A basket swing and a wheelchair-accessible roundabout.', 27_500, "St Jude's", 'Play', 176, true],
  ['sj-alley', 'Light and paint Chapel Alley', 'Lighting and a mural by local young people in an alley residents avoid at night.', 14_500, "St Jude's", 'Safer streets', 121, false],
];

const CLOSED_ROUND_PROPOSALS: ProposalRow[] = [
  ['n25-tree-pits', 'Larger tree pits on Cotter Lane', 'Give eight struggling street trees room to grow.', 14_000, 'Brindle Park', 'Green spaces', 66, false],
  ['n25-hangar', 'Cycle hangar for Wharf Court', 'Secure storage for six bikes.', 5_500, 'Canal Wharf', 'Cycling and walking', 52, true],
  ['n25-mural', 'Underpass mural and lighting', 'Make the Elmhurst underpass brighter and welcoming.', 21_000, 'Elmhurst', 'Safer streets', 94, true],
  ['n25-garden', 'Sensory garden at Ashcombe school', 'Raised beds and scented plants open to the public at weekends.', 32_000, 'Ashcombe', 'Green spaces', 120, true],
  ['n25-outdoor-gym', 'Outdoor gym in St Jude\'s Park', 'Six pieces of free exercise equipment.', 45_000, "St Jude's", 'Play', 88, false],
  ['n25-chairs', 'Chairs and tables for Canal Wharf hall', 'Replace broken furniture used by twenty community groups.', 7_500, 'Canal Wharf', 'Community', 41, false],
  ['n25-bus-seats', 'Seats at four bus stops', 'Perch seats where shelters have none.', 11_000, 'Ashcombe', 'Community', 57, true],
  ['n25-crossing', 'Crossing island on Fern Road', 'A refuge in the middle of the road near the school.', 36_000, 'Elmhurst', 'Safer streets', 103, false],
];

/** Ballots cast in the closed round: a few dozen approval ballots within its £120,000 limit. */
const CLOSED_ROUND_BALLOTS: string[][] = [
  ['n25-garden', 'n25-mural', 'n25-hangar'], ['n25-crossing', 'n25-garden'], ['n25-outdoor-gym', 'n25-mural'],
  ['n25-garden', 'n25-tree-pits', 'n25-chairs'], ['n25-crossing', 'n25-mural', 'n25-bus-seats'], ['n25-garden'],
  ['n25-hangar', 'n25-tree-pits', 'n25-bus-seats'], ['n25-outdoor-gym', 'n25-crossing'], ['n25-mural', 'n25-garden', 'n25-chairs'],
  ['n25-crossing', 'n25-tree-pits'], ['n25-garden', 'n25-outdoor-gym'], ['n25-mural', 'n25-hangar'],
  ['n25-bus-seats', 'n25-chairs', 'n25-hangar'], ['n25-garden', 'n25-crossing', 'n25-hangar'], ['n25-outdoor-gym', 'n25-bus-seats'],
  ['n25-mural'], ['n25-garden', 'n25-mural', 'n25-tree-pits'], ['n25-crossing', 'n25-outdoor-gym'],
  ['n25-tree-pits', 'n25-hangar', 'n25-chairs'], ['n25-garden', 'n25-crossing'], ['n25-mural', 'n25-bus-seats', 'n25-tree-pits'],
  ['n25-outdoor-gym'], ['n25-garden', 'n25-hangar'], ['n25-crossing', 'n25-mural'],
  ['n25-chairs', 'n25-bus-seats'], ['n25-garden', 'n25-outdoor-gym', 'n25-hangar'], ['n25-mural', 'n25-crossing', 'n25-hangar'],
  ['n25-tree-pits', 'n25-garden'], ['n25-outdoor-gym', 'n25-chairs'], ['n25-garden', 'n25-mural'],
];

/** The Fernwick budget consultation: six services and three sources of money, balanced at baseline. */
function budgetSimulation(): Simulation {
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

function feedbackForm(): FeedbackForm {
  const options = (values: string[]) => values.map((label) => ({ value: label.toLowerCase().replace(/[^a-z]+/g, '-'), label }));
  return {
    id: 'fernwick-feedback',
    title: 'Tell us what you think',
    description: 'Your answers help us run the next round better.',
    questions: [
      { id: 'ease', kind: 'rating', label: 'How easy was it to vote?', hint: '1 is very hard, 5 is very easy', required: true },
      { id: 'improve', kind: 'text', label: 'What could we do better?', required: false, maxLength: 500 },
      { id: 'ward', kind: 'choice', label: 'Which ward do you live in?', required: false, options: options([...WARDS, 'Outside Fernwick']) },
      { id: 'next-focus', kind: 'multi-choice', label: 'What should the next round focus on?', hint: 'Choose any', required: false, options: options(CATEGORIES) },
      { id: 'consent', kind: 'consent', label: 'I agree that Fernwick Council may keep my answers for 12 months to improve its services', required: true },
    ],
  };
}

/**
 * The default demo: an open neighbourhood infrastructure round (£250,000, up to 5 proposals within
 * the budget) closing three weeks after `now`, last year's closed round with ballots, a budget
 * simulation and a feedback form.
 */
export function defaultSeed(now: Date = new Date()): MemorySeed {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const open: Round = {
    id: 'fernwick-2026',
    title: 'Fernwick Neighbourhood Fund 2026',
    description: 'Choose up to five projects for your neighbourhood. Together they can cost up to £250,000.',
    budget: gbp(250_000),
    currency: 'GBP',
    opensAt: at(-14),
    closesAt: at(21),
    status: 'open',
    rules: { kind: 'approval', maxLength: 5, maxSumCost: gbp(250_000) },
    voterIdentity: 'open',
    areas: WARDS,
    categories: CATEGORIES,
  };
  const closed: Round = {
    id: 'fernwick-2025',
    title: 'Fernwick Neighbourhood Fund 2025',
    description: 'Last year residents chose up to three projects costing up to £120,000 together.',
    budget: gbp(120_000),
    currency: 'GBP',
    opensAt: at(-400),
    closesAt: at(-372),
    status: 'closed',
    rules: { kind: 'approval', maxLength: 3, maxSumCost: gbp(120_000) },
    voterIdentity: 'open',
    areas: WARDS,
    categories: CATEGORIES,
  };
  return {
    rounds: [
      { round: open, proposals: OPEN_ROUND_PROPOSALS.map((row) => proposal(open.id, row)) },
      { round: closed, proposals: CLOSED_ROUND_PROPOSALS.map((row) => proposal(closed.id, row)), ballots: CLOSED_ROUND_BALLOTS },
    ],
    simulations: [budgetSimulation()],
    forms: [feedbackForm()],
  };
}
