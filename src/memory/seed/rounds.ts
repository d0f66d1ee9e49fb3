/** Fernwick's neighbourhood fund: this year's open round and last year's closed one, with its ballots. */
import type { Round } from '../../domain/types.js';
import type { MemoryRoundSeed } from './types.js';
import { CATEGORIES, gbp, proposal, WARDS, type ProposalRow } from './fernwick.js';

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

/**
 * An open neighbourhood infrastructure round (£250,000, up to 5 proposals within the budget) closing
 * three weeks after `now`, and last year's closed round with ballots.
 */
export function neighbourhoodRounds(at: (days: number) => string): MemoryRoundSeed[] {
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
    // Decided by equal shares; residents can compare it with greedy.
    results: { rules: ['equal-shares', 'greedy'] },
  };
  return [
    { round: open, proposals: OPEN_ROUND_PROPOSALS.map((row) => proposal(open.id, row)) },
    { round: closed, proposals: CLOSED_ROUND_PROPOSALS.map((row) => proposal(closed.id, row)), ballots: CLOSED_ROUND_BALLOTS },
  ];
}
