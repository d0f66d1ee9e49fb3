import type { BudgetLine, Simulation } from '../../domain/types.js';
import { gbp } from './fernwick.js';

/**
 * Fernwick's whole budget consultation as a council runs one: 32 lines in seven groups, a £6.5m gap
 * to close to within £250,000, council tax up to the referendum limit with each household's bill,
 * and legal minimums explained. Plus a priorities exercise in points. For webmasters to copy.
 */

/** £ millions to pence. */
const m = (millions: number) => gbp(millions * 1_000_000);

type Impacts = Array<[fromMillions: number, text: string]>;

interface LineOptions {
  description?: string;
  minReason?: string;
  maxReason?: string;
  locked?: boolean;
}

function line(group: string, id: string, label: string, kind: BudgetLine['kind'], [min, baseline, max, step]: [number, number, number, number], impacts: Impacts, options: LineOptions = {}): BudgetLine {
  const { locked = false, ...texts } = options;
  return {
    id, label, kind, group, unit: 'currency', locked,
    baseline: m(baseline), min: m(min), max: m(max), step: m(step),
    impacts: impacts.map(([from, text]) => ({ from: m(from), text })),
    ...texts,
  };
}

const fixed = (group: string, id: string, label: string, kind: BudgetLine['kind'], millions: number, why: string) =>
  line(group, id, label, kind, [millions, millions, millions, 0.1], [[millions, why]], { locked: true });

const LEGAL_DUTY = 'The council has a legal duty to provide this, and cannot spend less.';

/** The council's 2026/27 budget consultation. */
export function councilBudget(): Simulation {
  return {
    id: 'fernwick-council-budget-2026',
    title: 'Fernwick Council budget 2026/27: help us close a £6.5 million gap',
    description:
      'The cost of care, temporary housing and energy is rising faster than our income. Keeping every service as it is would cost £6.5 million more than we expect to have. Move the sliders to show how you would balance the budget: spend less on some services, more on others, or raise more money.',
    currency: 'GBP',
    mode: 'balance',
    tolerance: m(0.25),
    councilTax: { lineId: 'council-tax-rise', bandD: gbp(1812.4) },
    groups: [
      { id: 'adults', label: 'Adults and health', description: 'Care and support for older people and adults with disabilities or mental health needs.' },
      { id: 'children', label: 'Children and families' },
      { id: 'housing', label: 'Housing and homelessness' },
      { id: 'streets', label: 'Streets, bins and parks' },
      { id: 'community', label: 'Libraries, leisure and community' },
      { id: 'running', label: 'Running the council' },
      { id: 'income', label: 'Where the money comes from' },
    ],
    lines: [
      line('adults', 'older-people', 'Care for older people', 'spending', [56, 62, 68, 0.25], [
        [56, 'Care only for people with the highest needs; about 400 fewer people helped at home'],
        [59, 'Fewer home-care visits and longer waits for assessments'],
        [62, 'Care continues as now'],
        [65, 'Shorter waits for assessments and more help for unpaid carers'],
      ], { description: 'Home care, care homes and equipment for about 3,200 older residents.', minReason: LEGAL_DUTY }),
      line('adults', 'disability-support', 'Support for adults with disabilities', 'spending', [43, 48, 53, 0.25], [
        [43, 'Day centres close; support only for the highest needs'],
        [46, 'Two of the four day centres close'],
        [48, 'Support continues as now'],
        [51, 'More supported jobs and independent living'],
      ], { minReason: LEGAL_DUTY }),
      line('adults', 'mental-health', 'Mental health support', 'spending', [12, 14.5, 17, 0.25], [
        [12, 'Drop-in and crisis café close'],
        [14.5, 'Support continues as now'],
        [16, 'A second crisis café, open evenings'],
      ]),
      fixed('adults', 'public-health', 'Public health', 'spending', 19.8, 'Paid for by a government grant that can only be spent on public health'),
      line('children', 'children-care', 'Children’s social care and fostering', 'spending', [37, 41, 45, 0.25], [
        [37, 'Fewer social workers; caseloads rise above safe levels'],
        [41, 'Services continue as now'],
        [43, 'More foster carers recruited locally'],
      ], { minReason: 'The council must by law protect children at risk; it cannot spend less than this.' }),
      line('children', 'send-transport', 'School transport for children with special needs', 'spending', [8, 9.2, 11, 0.1], [
        [8, 'Travel training and personal budgets replace some taxis'],
        [9.2, 'Transport continues as now'],
      ], { minReason: LEGAL_DUTY }),
      line('children', 'early-help', 'Early help for families', 'spending', [3, 6, 9, 0.25], [
        [3, 'Family support workers cut by half'],
        [6, 'Support continues as now'],
        [7.5, 'Help reaches families before problems become crises'],
      ]),
      line('children', 'youth', 'Youth clubs and services', 'spending', [0, 2.4, 4, 0.1], [
        [0, 'All four youth clubs close'],
        [1.2, 'Two youth clubs close'],
        [2.4, 'Four youth clubs stay open'],
        [3.2, 'Youth clubs open at weekends'],
      ]),
      line('children', 'childrens-centres', 'Children’s centres', 'spending', [1, 3.1, 5, 0.1], [
        [1, 'Five of the six children’s centres close'],
        [2, 'Three children’s centres close'],
        [3.1, 'All six children’s centres stay open'],
      ]),
      line('housing', 'temporary-accommodation', 'Temporary housing for homeless households', 'spending', [16, 18.5, 22, 0.25], [
        [16, 'More families placed in bed and breakfasts outside the borough'],
        [18.5, 'About 1,100 households housed as now'],
        [20, 'The council buys 40 homes to use instead of hotels'],
      ], { minReason: 'The council must by law house homeless families; it cannot spend less than this.' }),
      line('housing', 'homelessness-prevention', 'Homelessness prevention and advice', 'spending', [1.5, 3.2, 5, 0.1], [
        [1.5, 'Advice by phone only; longer waits'],
        [3.2, 'Advice continues as now'],
        [4, 'More help to stop evictions before they happen'],
      ]),
      line('streets', 'bins', 'Bin collections', 'spending', [10.5, 12.6, 14, 0.1], [
        [10.5, 'General waste collected every three weeks'],
        [12.6, 'General waste every two weeks'],
        [13.5, 'Weekly general waste collection'],
      ]),
      line('streets', 'recycling', 'Recycling and food waste', 'spending', [4, 5.8, 7.5, 0.1], [
        [4, 'Food waste collection stops'],
        [5.8, 'Weekly recycling and food waste'],
        [6.8, 'Recycling for flats and small businesses'],
      ]),
      line('streets', 'street-cleaning', 'Street cleaning', 'spending', [4.5, 6.4, 8, 0.1], [
        [4.5, 'Residential streets swept every four weeks'],
        [6.4, 'Residential streets swept every two weeks'],
        [7.2, 'Town centres cleaned twice a day'],
      ]),
      line('streets', 'parks', 'Parks and open spaces', 'spending', [5, 7.2, 9.5, 0.1], [
        [5, 'Grass cut monthly; park toilets close'],
        [6, 'Park toilets close in winter'],
        [7.2, 'Parks kept as now'],
        [8.5, 'Two playgrounds renewed each year'],
      ]),
      line('streets', 'roads', 'Road and pavement repairs', 'spending', [6, 8.8, 12, 0.2], [
        [6, 'Only dangerous potholes repaired'],
        [8.8, 'Repairs continue as now'],
        [10.4, 'Every pavement in poor condition repaired in five years'],
      ]),
      line('streets', 'street-lighting', 'Street lighting', 'spending', [2, 2.6, 3.2, 0.1], [
        [2, 'Lights dimmed after midnight'],
        [2.6, 'Lighting as now'],
      ]),
      line('community', 'libraries', 'Libraries', 'spending', [2.5, 4.2, 5.5, 0.1], [
        [2.5, 'Five of the seven libraries close'],
        [3.2, 'Three branch libraries close'],
        [3.8, 'Shorter opening hours at every library'],
        [4.2, 'All seven libraries keep their hours'],
        [5, 'Sunday opening at the central library'],
      ], { description: 'Seven libraries, the home library service and free computers.' }),
      line('community', 'leisure', 'Leisure centres and pools', 'spending', [2, 3.6, 5, 0.1], [
        [2, 'Ashcombe pool closes'],
        [3.6, 'Three leisure centres open as now'],
        [4.4, 'Free swimming for under-16s'],
      ]),
      line('community', 'arts-grants', 'Grants to arts and community groups', 'spending', [0, 1.4, 2.5, 0.1], [
        [0, 'All grants stop; some groups may close'],
        [0.7, 'Grants halved'],
        [1.4, 'About 60 groups funded as now'],
      ]),
      line('community', 'community-safety', 'Community safety and CCTV', 'spending', [1.5, 2.8, 4, 0.1], [
        [1.5, 'CCTV watched in office hours only'],
        [2.8, 'Services continue as now'],
        [3.4, 'More wardens in town centres at night'],
      ]),
      line('running', 'customer-services', 'Customer contact and council offices', 'spending', [5.5, 7.4, 8.5, 0.1], [
        [5.5, 'One council office open; most help online'],
        [7.4, 'Three offices and phone lines as now'],
      ]),
      line('running', 'back-office', 'IT, finance and staff services', 'spending', [13, 15.6, 17, 0.2], [
        [13, 'Fewer staff; slower payments and complaints'],
        [15.6, 'Services continue as now'],
      ]),
      fixed('running', 'borrowing', 'Borrowing costs', 'spending', 11, 'Fixed by loans already taken out for schools and housing'),
      {
        id: 'council-tax-rise',
        label: 'Council tax rise',
        description: 'Each 1% raises about £1.54 million. The council can raise council tax by up to 4.99% without a local referendum.',
        kind: 'revenue',
        group: 'income',
        unit: 'percent',
        amountPerPercent: m(1.54),
        baseline: 0,
        min: 0,
        max: 4.99,
        step: 0.01,
        locked: false,
        maxReason: 'Above 4.99% (2.99% plus 2% for adult social care) the council would have to hold a local referendum.',
        impacts: [
          { from: 0, text: 'Council tax stays the same' },
          { from: 2, text: 'Just the 2% adult social care precept' },
          { from: 2.99, text: 'A general rise, plus part of the adult social care precept' },
          { from: 4.99, text: 'The highest rise allowed without a referendum' },
        ],
      },
      fixed('income', 'council-tax-base', 'Council tax at this year’s level', 'revenue', 154, 'About 85,000 homes paying this year’s rates'),
      fixed('income', 'business-rates', 'Business rates the council keeps', 'revenue', 58, 'Set by central government'),
      fixed('income', 'grants', 'Government grants', 'revenue', 72.6, 'Set by central government for 2026/27'),
      line('income', 'parking', 'Parking charges and fines', 'revenue', [10, 12, 15, 0.25], [
        [10, 'Parking charges cut by a sixth'],
        [12, 'Charges rise with inflation'],
        [13.5, 'Higher charges for the most polluting vehicles'],
      ]),
      line('income', 'fees', 'Leisure, licensing and planning fees', 'revenue', [5, 6.5, 8.5, 0.1], [
        [5, 'Lower fees for leisure and licences'],
        [6.5, 'Fees rise with inflation'],
        [7.5, 'A garden waste charge of £60 a year'],
      ]),
      line('income', 'property', 'Rents from council shops and offices', 'revenue', [4, 4.5, 5.5, 0.1], [
        [4, 'Rents frozen to help small businesses'],
        [4.5, 'Rents as now'],
        [5, 'Two empty offices let to new tenants'],
      ]),
      line('income', 'reserves', 'Savings used this year (reserves)', 'revenue', [0, 3, 6, 0.25], [
        [0, 'Savings kept for emergencies'],
        [3, 'Savings fall to the minimum the council considers safe'],
        [4, 'Savings below the safe minimum: the gap returns next year'],
      ], { description: 'Savings can only be spent once: using them puts off the problem to next year.' }),
    ],
  };
}

/** A priorities exercise: 100 points spread over six areas, as councils ask before setting a budget. */
export function councilPriorities(): Simulation {
  const priority = (id: string, label: string, description: string): BudgetLine => ({
    id, label, description, kind: 'spending', unit: 'points', baseline: 0, min: 0, max: 50, step: 1, locked: false,
    impacts: [{ from: 0, text: 'Not a priority for you' }, { from: 10, text: 'A priority' }, { from: 25, text: 'A top priority' }],
  });
  return {
    id: 'fernwick-priorities-2026',
    title: 'What matters most to you? Share 100 points',
    description: 'Give more points to what matters most to you. You must give out all 100 points.',
    currency: 'GBP',
    mode: 'points',
    points: 100,
    lines: [
      priority('care', 'Care for older and disabled people', 'Help at home, care homes and support for carers.'),
      priority('children', 'Keeping children safe', 'Social workers, fostering and early help for families.'),
      priority('homes', 'Homes and homelessness', 'Affordable homes and help for people at risk of losing theirs.'),
      priority('streets', 'Clean, safe streets', 'Bins, street cleaning, lighting and wardens.'),
      priority('green', 'Parks and climate', 'Parks, trees, recycling and cutting the council’s carbon.'),
      priority('culture', 'Libraries, leisure and culture', 'Libraries, pools and grants to community groups.'),
    ],
  };
}
