/**
 * The domain model shared by the elements, the client, the in-browser backend and the server.
 *
 * Money is always an integer number of minor units of the round's currency (pence for GBP,
 * fillér for HUF), so that sums and comparisons are exact on any real budget.
 * Dates are ISO 8601 strings.
 */

import type { LocalizedText } from './localized-text.js';

export type { LocalizedText } from './localized-text.js';

/** An integer amount of the smallest unit of a currency (e.g. pence). */
export type MinorUnits = number;

export type RoundStatus = 'upcoming' | 'open' | 'closed';

/** How a round knows who is voting; one ballot per voter per round either way. */
export type VoterIdentity = 'open' | 'code' | 'token';

export interface Round {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  /** Total money to allocate, in minor units of `currency`. */
  budget: MinorUnits;
  /** ISO 4217 code, e.g. `GBP`. */
  currency: string;
  opensAt: string | null;
  closesAt: string | null;
  status: RoundStatus;
  rules: BallotRules;
  voterIdentity?: VoterIdentity;
  /** The areas (wards, districts) proposals belong to, for filters. */
  areas?: string[];
  categories?: string[];
  /** How the round is decided and when residents see it; without it, greedy, after the round closes. */
  results?: RoundResultsSettings;
}

/** How a round's outcome is counted and shown. */
export interface RoundResultsSettings {
  /** The rules residents may see the outcome under, the round's own (the one that decides) first. */
  rules: TallyRule[];
  /** Results are shown while the round is open, not only once it has closed. */
  live?: boolean;
  /**
   * Greedy only: a proposal needs at least this many votes to be funded (pabulib's
   * `greedy-threshold`, META `min_project_score_threshold`). A proposal nobody voted for is never
   * funded, whatever this says.
   */
  minVotes?: number;
}

export type ProposalStatus =
  | 'proposed'
  | 'shortlisted'
  | 'funded'
  | 'not-funded'
  | 'withdrawn'
  | 'delivered';

export interface Proposal {
  id: string;
  roundId?: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** Plain text unless `descriptionFormat` is `html`, which is sanitised before it renders. */
  description?: LocalizedText;
  descriptionFormat?: 'text' | 'html';
  cost: MinorUnits;
  area?: string | null;
  categories: string[];
  imageUrl?: string | null;
  imageAlt?: LocalizedText | null;
  status: ProposalStatus;
  supporters?: number | null;
  url?: string | null;
}

/**
 * Ballot rules follow pabulib's META keys, so a real `.pb` round maps onto them without loss.
 * Absent limits mean "no limit". Cost limits are minor units.
 */
export type BallotRules =
  | ApprovalRules
  | CumulativeRules
  | OrdinalRules
  | ChooseOneRules
  | YesNoRules;

/** Approval voting; with `maxSumCost` it is a knapsack ballot. */
export interface ApprovalRules {
  kind: 'approval';
  minLength?: number;
  maxLength?: number;
  minSumCost?: MinorUnits;
  maxSumCost?: MinorUnits;
}

/** Points spread over proposals. */
export interface CumulativeRules {
  kind: 'cumulative';
  minLength?: number;
  maxLength?: number;
  /** Least points on one chosen proposal. */
  minPoints?: number;
  /** Most points on one proposal. */
  maxPoints?: number;
  minSumPoints?: number;
  maxSumPoints: number;
}

/** Ranked: selections in order of preference, most preferred first. */
export interface OrdinalRules {
  kind: 'ordinal';
  minLength?: number;
  maxLength?: number;
}

/** Exactly one proposal. */
export interface ChooseOneRules {
  kind: 'choose-1';
}

/** A yes/no answer for each proposal of the round (one proposal: a single question). */
export interface YesNoRules {
  kind: 'yes-no';
  allowAbstain: boolean;
}

export type BallotKind = BallotRules['kind'];

export type YesNoAnswer = 'yes' | 'no' | 'abstain';

interface BallotBase {
  roundId: string;
  /** A token signed by the host site, for rounds with `voterIdentity: 'token'`. */
  voterToken?: string;
  /** A single-use voting code typed by the resident, for rounds with `voterIdentity: 'code'`. */
  votingCode?: string;
}

export type Ballot =
  | (BallotBase & { kind: 'approval'; selections: string[] })
  | (BallotBase & { kind: 'cumulative'; selections: Record<string, number> })
  | (BallotBase & { kind: 'ordinal'; selections: string[] })
  | (BallotBase & { kind: 'choose-1'; selections: string[] })
  | (BallotBase & { kind: 'yes-no'; selections: Record<string, YesNoAnswer> });

export interface Receipt {
  id: string;
  roundId: string;
  receivedAt: string;
}

/** The receipt for a simulation submission or a feedback response. */
export interface SubmissionReceipt {
  id: string;
  receivedAt: string;
}

export interface ProposalQuery {
  area?: string;
  category?: string;
  /** Free text matched against title and summary. */
  q?: string;
  sort?: ProposalSort;
  /**
   * For `sort: 'random'`: the order's seed, a whole number from 0 to 4294967295. One visitor sends
   * the same seed for a round on every page and visit, so their order stays put; without it the
   * backend uses its own.
   */
  seed?: number;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export type ProposalSort = 'title' | 'cost-asc' | 'cost-desc' | 'supporters' | 'random';

export interface ProposalPage {
  items: Proposal[];
  total: number;
  page: number;
  pageSize: number;
}

export type TallyRule = 'greedy' | 'equal-shares';

export interface Results {
  roundId: string;
  rule: TallyRule;
  budget: MinorUnits;
  spent: MinorUnits;
  /** How many ballots were counted. */
  ballots?: number;
  /** In the order the rule selected them. */
  winners: Array<{ id: string; title: LocalizedText; cost: MinorUnits; votes: number }>;
  /** Every proposal, with why it was or was not funded. */
  proposals: Array<{ id: string; votes: number; selected: boolean; explanation?: ResultExplanation }>;
  /**
   * How many voters had how many of their choices funded, e.g. `[{ funded: 0, voters: 120 },
   * { funded: 1, voters: 300 }]`: "61% of voters have at least one project they chose funded".
   */
  fundedChoices?: Array<{ funded: number; voters: number }>;
  /** For `equal-shares`: each voter's share of the budget in the pass whose outcome was kept (minor units, may be fractional). */
  equalShares?: { perVoterShare: number; completion: string; add1Options: string[] };
  /** Where the counted ballots came from: cast online, or paper ballots entered by clerks (agreed or settled). */
  sources?: { online: number; paper: number };
}

/**
 * Why a proposal was or was not funded, with the numbers a resident can check. Money is minor
 * units; an amount that is a fraction of a minor unit in the exact count is rounded (shares up,
 * money left down), so a sentence never claims more than the count supports.
 */
export type ResultExplanation =
  /** Greedy: funded in `order`, when `moneyLeft` was still unspent and it cost no more than that. */
  | { outcome: 'funded'; rule: 'greedy'; order: number; moneyLeft: MinorUnits }
  /** Equal shares: funded in `order`; `payers` of its supporters shared the cost, none paying more than `largestShare`. */
  | { outcome: 'funded'; rule: 'equal-shares'; order: number; payers: number; largestShare: MinorUnits }
  /** Greedy: when its turn came only `moneyLeft` was unspent, less than its cost. */
  | { outcome: 'not-funded'; reason: 'did-not-fit'; moneyLeft: MinorUnits }
  /** Equal shares: its `supporters` had only `supportersMoney` left between them, less than its cost. */
  | { outcome: 'not-funded'; reason: 'supporters-out-of-money'; supporters: number; supportersMoney: MinorUnits }
  /** Nobody voted for it. */
  | { outcome: 'not-funded'; reason: 'no-votes' }
  /** Fewer votes than the round's threshold (pabulib's greedy-threshold). */
  | { outcome: 'not-funded'; reason: 'below-threshold'; minVotes: number };

export interface BudgetLineImpact {
  /** The line's value from which this impact applies (until the next impact's `from`). */
  from: number;
  text: LocalizedText;
}

/**
 * What a line's value means: minor units of the simulation's currency, a percentage (priced by
 * `amountPerPercent`), or points (simulations in `points` mode).
 */
export type BudgetLineUnit = 'currency' | 'percent' | 'points';

export interface BudgetLine {
  id: string;
  label: LocalizedText;
  description?: LocalizedText;
  kind: 'spending' | 'revenue';
  /** Current value: minor units for `currency` lines, percent for `percent` lines, points for `points` lines. */
  baseline: number;
  min: number;
  max: number;
  step: number;
  unit: BudgetLineUnit;
  /** For `percent` lines: the money one percent is worth, in minor units. */
  amountPerPercent?: MinorUnits;
  locked: boolean;
  /** What the value means for residents, by threshold: the impact with the greatest `from` at or below the value applies. */
  impacts: BudgetLineImpact[];
  /** The id of the group (in `Simulation.groups`) the line is shown in; absent: shown under "Spending" or "Income". */
  group?: string;
  /** Why the value can go no lower, shown when a resident reaches `min` (e.g. a legal minimum). */
  minReason?: LocalizedText;
  /** Why the value can go no higher, shown when a resident reaches `max` (e.g. the council tax referendum limit). */
  maxReason?: LocalizedText;
}

/** A heading that gathers lines, e.g. "Adults and health"; residents can fold it away. */
export interface BudgetGroup {
  id: string;
  label: LocalizedText;
  description?: LocalizedText;
}

/**
 * What a submission must achieve:
 * - `no-deficit`: spending no more than income (the default, and the rule before modes existed);
 * - `balance`: spending and income within `tolerance` of each other;
 * - `points`: exactly `points` points spread over the lines (a priority simulator, no money).
 */
export type SimulationMode = 'balance' | 'no-deficit' | 'points';

/** Council tax as a lever, so each resident sees what a budget means for their own bill. */
export interface CouncilTax {
  /** The `revenue`, `percent` line whose value is the rise in council tax (its `max` is the referendum limit). */
  lineId: string;
  /** This year's Band D bill, in minor units, before any rise. */
  bandD: MinorUnits;
  /** Each band's bill as a ratio of Band D; default England's A (6/9) to H (18/9). */
  bands?: Array<{ band: string; ratio: number }>;
}

export interface Simulation {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  currency: string;
  lines: BudgetLine[];
  /** Default `no-deficit`. */
  mode?: SimulationMode;
  /**
   * How far apart spending and income may be and still count as balanced, in minor units: in
   * `balance` mode either way, in `no-deficit` mode a deficit this small is accepted. Default 0.
   */
  tolerance?: MinorUnits;
  /** In `points` mode: the points to spend, exactly. */
  points?: number;
  /** The groups lines are shown in, in order. */
  groups?: BudgetGroup[];
  councilTax?: CouncilTax;
}

export interface SimulationSubmission {
  simulationId: string;
  /** Line id to chosen value. */
  values: Record<string, number>;
  comment?: string;
}

export type QuestionKind =
  | 'rating'
  | 'text'
  | 'choice'
  | 'multi-choice'
  | 'consent'
  /** An email address, checked for the form `name@example.com`. */
  | 'email'
  /** A UK postcode, checked and sent in capitals with one space (`SW1A 2AA`). */
  | 'postcode';

export interface QuestionOption {
  value: string;
  label: LocalizedText;
  /**
   * Multi-choice only: an answer that excludes the others, such as "None of these". Choosing it
   * clears the other options; choosing another clears it.
   */
  exclusive?: boolean;
}

/**
 * When a question is asked: only once an earlier question's answer `equals` a value (a choice's
 * option value, a rating's number, `true` for a given consent), or a multi-choice answer
 * `includes` an option value. A question not asked is not required, and its answer is not sent.
 */
export interface ShowIf {
  /** An earlier question of the same form. */
  questionId: string;
  equals?: string | number | boolean;
  includes?: string;
}

/** The council's words about how answers are used, shown with a consent question. */
export interface PrivacyNotice {
  /** Plain text, e.g. "We keep your answers for 12 months and never share them." */
  text?: LocalizedText;
  /** The full privacy notice. */
  url?: string;
  /** The link's text; "Read the privacy notice" by default. */
  linkText?: LocalizedText;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  label: LocalizedText;
  hint?: LocalizedText;
  required: boolean;
  /** Text kinds: the most characters (not UTF-16 units) an answer may have. */
  maxLength?: number;
  /**
   * `text` only: false for a one-line answer (a name, a street); a text question without it is a
   * free comment in a box of several lines, as text questions have always been.
   */
  multiline?: boolean;
  /** `text` only: an HTML autocomplete token such as `name` or `address-line1`, so browsers can fill it. */
  autocomplete?: string;
  /** Choice, multi-choice, and rating points with labels (their values whole numbers). */
  options?: QuestionOption[];
  /** The id of the `FormSection` this question belongs to. */
  section?: string;
  showIf?: ShowIf;
  /** `consent` only. */
  privacy?: PrivacyNotice;
}

/** A group of questions under a heading. */
export interface FormSection {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /**
   * Equality monitoring (UK Equality Act 2010): every question in it is optional, and every choice
   * and multi-choice question offers "Prefer not to say" (`PREFER_NOT_TO_SAY`), added when the form
   * does not list it.
   */
  equalityMonitoring?: boolean;
}

export interface FeedbackForm {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Optional headings for groups of questions, in order; questions name theirs with `section`. */
  sections?: FormSection[];
  questions: Question[];
}

export type Answer = string | number | boolean | string[];

export interface FeedbackResponse {
  formId: string;
  proposalId?: string;
  /** Answers to the questions asked; none for a question its `showIf` did not ask. */
  answers: Record<string, Answer>;
  /**
   * Facts the host page adds, unseen by the resident: which page, which campaign. At most
   * `CONTEXT_LIMITS.entries` entries of short keys and plain text values.
   */
  context?: Record<string, string>;
}

/**
 * One field at fault in a refused submission, as problem+json `errors` carry it: `field` is a path
 * in the request body (`selections.ash-pocket-park`, `answers.email`), `detail` plain English.
 */
export interface FieldError {
  field: string;
  code: string;
  detail: string;
}
