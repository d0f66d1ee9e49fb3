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
  if (proposal.status === 'withdrawn') return { code: 'withdrawn', proposalId };
  const chosen = chosenIds(selections);
  if (rules.kind === 'yes-no' || chosen.includes(proposalId)) return null;
  const max = rules.kind === 'choose-1' ? 1 : rules.maxLength;
  if (max !== undefined && chosen.length >= max) return { code: 'limit-reached', max };
  if (rules.kind === 'cumulative') {
    const left = pointsLeft(rules, selections) ?? 0;
    const needed = pointsPerProposal(rules).min;
    return left < needed ? { code: 'no-points-left', needed, left } : null;
  }
  const left = moneyLeft(rules, selections, proposals);
  if (left !== null && proposal.cost > left) {
    return { code: 'does-not-fit', cost: proposal.cost, left, over: proposal.cost - left };
  }
  return null;
}

/**
 * `whyNotSelectable` for every proposal at once, for a ballot that marks each row: only the
 * proposals that cannot be added are in the map. One pass, so a 200-proposal ballot can mark its
 * rows on every click: whether a proposal can be added depends only on it and on the chosen ones.
 */
export function selectionBlocks(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): Map<string, SelectionBlock> {
  const chosen = new Set(chosenIds(selections));
  const chosenProposals = proposals.filter((proposal) => chosen.has(proposal.id));
  const blocks = new Map<string, SelectionBlock>();
  for (const proposal of proposals) {
    const block = whyNotSelectable(proposal.id, rules, selections, [proposal, ...chosenProposals]);
    if (block) blocks.set(proposal.id, block);
  }
  return blocks;
}

/** The ids of the proposals that are not chosen yet and could be added now, in the given order. */
export function selectableProposals(rules: BallotRules, selections: Selections, proposals: readonly Proposal[]): string[] {
  const chosen = new Set(chosenIds(selections));
  return proposals
    .filter((proposal) => !chosen.has(proposal.id) && whyNotSelectable(proposal.id, rules, selections, proposals) === null)
    .map((proposal) => proposal.id);
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
