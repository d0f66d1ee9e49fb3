import type { Ballot, BallotRules, MinorUnits, Proposal } from '../types.js';
import type { BallotProblem } from './ballot-problems.js';
import { indexProposals, pointsPerProposal, sumCosts, sumPoints, validateAnswers, validateList, validatePoints } from './ballot-checks.js';
import { checkedMinorUnits } from '../money.js';

/**
 * Ballot rules as pure functions: what makes a ballot valid, and the figures a ballot UI shows
 * while a resident chooses (money left, points left, why a proposal cannot be added); then the
 * same kind of checks for budget simulations and feedback forms. Shared by the elements, the
 * in-browser backend and the server, so that all three refuse the same submissions.
 *
 * Money is integer minor units throughout; every sum is checked with `Number.isSafeInteger`, so a
 * 21,600,000,000-fillér budget adds up exactly and bad data fails loudly instead of drifting.
 */

export { describeProblem, type BallotProblem } from './ballot-problems.js';
export { pointsPerProposal } from './ballot-checks.js';
export {
  MAX_SIMULATION_COMMENT,
  describeSimulationProblem,
  impactAt,
  isAllowedValue,
  isOnStep,
  lineAmount,
  lineValue,
  lineValueProblems,
  simulationBalance,
  simulationMode,
  validateSimulation,
  type SimulationBalance,
  type SimulationProblem,
} from './simulation.js';
export {
  CONTEXT_LIMITS,
  RATING_MAX,
  describeFeedbackProblem,
  isEmailAddress,
  isUkPostcode,
  isUnanswered,
  normalizePostcode,
  validateFeedback,
  type FeedbackProblem,
} from './feedback.js';
export {
  PREFER_NOT_TO_SAY,
  answerOptions,
  askedAnswers,
  askedQuestions,
  formProblems,
  isRequired,
  meetsCondition,
  sectionOf,
  type FormProblem,
} from './feedback-form.js';
export { simulationSetupProblems, type SimulationSetupProblem } from './simulation-setup.js';
export { ENGLAND_COUNCIL_TAX_BANDS, councilTaxBands, councilTaxBill, type CouncilTaxBill } from './council-tax.js';

/** What a ballot holds: ids (approval, ordinal, choose-1), id to points, or id to yes/no/abstain. */
export type Selections = Ballot['selections'];

/** Why a proposal cannot be added to the current selections. */
export type SelectionBlock =
  | { code: 'does-not-fit'; cost: MinorUnits; left: MinorUnits; over: MinorUnits }
  | { code: 'limit-reached'; max: number }
  | { code: 'no-points-left'; needed: number; left: number }
  | { code: 'unknown-proposal'; proposalId: string }
  | { code: 'withdrawn'; proposalId: string };

/** Checks a whole ballot against its round's rules and proposals; returns every problem. */
export function validateBallot(ballot: Ballot, rules: BallotRules, proposals: readonly Proposal[]): BallotProblem[] {
  const actual: unknown = (ballot as { kind?: unknown } | null)?.kind;
  if (actual !== rules.kind) return [{ code: 'wrong-kind', expected: rules.kind, actual: String(actual) }];
  return validateSelections(rules, ballot.selections, proposals);
}

/**
 * Checks selections against rules, for a UI that has no ballot object yet. `selections` is
 * `unknown` because it may come straight from a request body.
 */
export function validateSelections(rules: BallotRules, selections: unknown, proposals: readonly Proposal[]): BallotProblem[] {
  const byId = indexProposals(proposals);
  switch (rules.kind) {
    case 'approval':
      return validateList(selections, byId, rules.minLength ?? 1, rules.maxLength, rules.minSumCost, rules.maxSumCost);
    case 'ordinal':
      return validateList(selections, byId, rules.minLength ?? 1, rules.maxLength);
    case 'choose-1':
      return validateList(selections, byId, 1, 1);
    case 'cumulative':
      return validatePoints(rules, selections, byId);
    case 'yes-no':
      return validateAnswers(rules.allowAbstain, selections, proposals, byId);
  }
}

/**
 * The proposals a selection chooses: the ids of a list (each once), the ids given points above
 * zero, or the ids answered `yes`.
 */
export function chosenIds(selections: Selections): string[] {
  if (Array.isArray(selections)) return [...new Set(selections)];
  return Object.entries(selections)
    .filter(([, value]) => value === 'yes' || (typeof value === 'number' && value > 0))
    .map(([id]) => id);
}

/** The total cost of the chosen proposals, in minor units. Unknown ids cost nothing here; `validateBallot` reports them. */
export function spent(selections: Selections, proposals: readonly Proposal[]): MinorUnits {
  const byId = indexProposals(proposals);
  return sumCosts(chosenIds(selections), byId);
}

/**
 * Money still available under the round's cost limit; negative when the selection is over it,
 * `null` when the rules set no cost limit.
 */
export function moneyLeft(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): MinorUnits | null {
  if (rules.kind !== 'approval' || rules.maxSumCost === undefined) return null;
  return checkedMinorUnits(rules.maxSumCost, 'maxSumCost') - spent(selections, proposals);
}

/** Points still to give under `maxSumPoints` (negative when over); `null` unless the rules are cumulative. */
export function pointsLeft(rules: BallotRules, selections: Selections): number | null {
  if (rules.kind !== 'cumulative' || Array.isArray(selections)) return null;
  return rules.maxSumPoints - sumPoints(selections as Record<string, unknown>);
}

/**
 * What deciding whether a proposal can be added needs from the selections, worked out once however
 * many proposals are asked about: a 200-proposal ballot asks about every one on every click.
 */
interface Room {
  chosen: ReadonlySet<string>;
  /** Money left under the cost limit, worked out when first needed (it checks the limit, and may throw). */
  money(): MinorUnits | null;
  points: number | null;
}

function roomIn(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): Room {
  let money: MinorUnits | null | undefined;
  return {
    chosen: new Set(chosenIds(selections)),
    money: () => (money === undefined ? (money = moneyLeft(rules, selections, proposals)) : money),
    points: pointsLeft(rules, selections),
  };
}

/** Why `proposal` (one of the round's) cannot be added, given the room the selections leave. */
function blockOf(proposal: Proposal, rules: BallotRules, room: Room): SelectionBlock | null {
  if (proposal.status === 'withdrawn') return { code: 'withdrawn', proposalId: proposal.id };
  if (rules.kind === 'yes-no' || room.chosen.has(proposal.id)) return null;
  const max = rules.kind === 'choose-1' ? 1 : rules.maxLength;
  if (max !== undefined && room.chosen.size >= max) return { code: 'limit-reached', max };
  if (rules.kind === 'cumulative') {
    const left = room.points ?? 0;
    const needed = pointsPerProposal(rules).min;
    return left < needed ? { code: 'no-points-left', needed, left } : null;
  }
  const left = room.money();
  if (left !== null && proposal.cost > left) {
    return { code: 'does-not-fit', cost: proposal.cost, left, over: proposal.cost - left };
  }
  return null;
}

/**
 * `null` when the proposal can be added to the selections (or is already chosen), otherwise why
 * not. Yes/no ballots answer every proposal, so nothing blocks them; a choose-1 ballot that
 * already has its one choice is `limit-reached` (a UI of radios replaces the choice instead).
 */
export function whyNotSelectable(
  proposalId: string,
  rules: BallotRules,
  selections: Selections,
  proposals: readonly Proposal[],
): SelectionBlock | null {
  const proposal = proposals.find((candidate) => candidate.id === proposalId);
  if (!proposal) return { code: 'unknown-proposal', proposalId };
  return blockOf(proposal, rules, roomIn(rules, selections, proposals));
}

/**
 * `whyNotSelectable` for every proposal at once, for a ballot that marks each row: only the
 * proposals that cannot be added are in the map. The selections are summed once, not once per
 * proposal, so a 200-proposal ballot can mark its rows on every click however many are chosen.
 */
export function selectionBlocks(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): Map<string, SelectionBlock> {
  const room = roomIn(rules, selections, proposals);
  const blocks = new Map<string, SelectionBlock>();
  for (const proposal of proposals) {
    const block = blockOf(proposal, rules, room);
    if (block) blocks.set(proposal.id, block);
  }
  return blocks;
}

/** The ids of the proposals that are not chosen yet and could be added now, in the given order. */
export function selectableProposals(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): string[] {
  const room = roomIn(rules, selections, proposals);
  return proposals.filter((proposal) => !room.chosen.has(proposal.id) && blockOf(proposal, rules, room) === null).map((proposal) => proposal.id);
}

/** Whether the selection spends at least `minSumCost`; true when the rules set no minimum. */
export function minimumSpendMet(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): boolean {
  if (rules.kind !== 'approval' || rules.minSumCost === undefined) return true;
  return spent(selections, proposals) >= checkedMinorUnits(rules.minSumCost, 'minSumCost');
}

/** Whether the selections would be accepted as they are. */
export function isComplete(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): boolean {
  return validateSelections(rules, selections, proposals).length === 0;
}
export { characterLength } from './text-length.js';
