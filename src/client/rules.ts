import type {
  Ballot,
  BallotKind,
  BallotRules,
  BudgetLine,
  FeedbackForm,
  FeedbackResponse,
  MinorUnits,
  Proposal,
  Question,
  Simulation,
  SimulationSubmission,
} from './types.js';

/**
 * Ballot rules as pure functions: what makes a ballot valid, and the figures a ballot UI shows
 * while a resident chooses (money left, points left, why a proposal cannot be added); then the
 * same kind of checks for budget simulations and feedback forms. Shared by the elements, the
 * in-browser backend and the server, so that all three refuse the same submissions.
 *
 * Money is integer minor units throughout; every sum is checked with `Number.isSafeInteger`, so a
 * 21,600,000,000-fillér budget adds up exactly and bad data fails loudly instead of drifting.
 */

/** What a ballot holds: ids (approval, ordinal, choose-1), id to points, or id to yes/no/abstain. */
export type Selections = Ballot['selections'];

/**
 * One broken constraint, as a code with its numbers, so that an element can say it in the
 * resident's language ("£12,000 over the budget"). An empty list of problems means a valid ballot.
 */
export type BallotProblem =
  /** The ballot is for another kind of vote than the round's rules. */
  | { code: 'wrong-kind'; expected: BallotKind; actual: string }
  /** `selections` (or one entry of it) does not have the shape the kind needs. */
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'too-few'; min: number; actual: number }
  | { code: 'too-many'; max: number; actual: number }
  | { code: 'over-budget'; limit: MinorUnits; total: MinorUnits; over: MinorUnits }
  | { code: 'under-minimum-spend'; min: MinorUnits; total: MinorUnits; short: MinorUnits }
  | { code: 'too-many-points'; max: number; actual: number }
  | { code: 'too-few-points'; min: number; actual: number }
  | { code: 'points-out-of-range'; proposalId: string; min: number; max: number; actual: number }
  | { code: 'not-integer'; proposalId: string; actual: number }
  | { code: 'unknown-proposal'; proposalId: string }
  /** The proposal was withdrawn and is no longer on the ballot. */
  | { code: 'withdrawn'; proposalId: string }
  | { code: 'duplicate'; proposalId: string }
  /** Yes/no rounds: every proposal needs an answer. */
  | { code: 'missing-answer'; proposalId: string }
  | { code: 'abstain-not-allowed'; proposalId: string };

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
    const needed = rules.minPoints ?? 1;
    return left < needed ? { code: 'no-points-left', needed, left } : null;
  }
  const left = moneyLeft(rules, selections, proposals);
  if (left !== null && proposal.cost > left) {
    return { code: 'does-not-fit', cost: proposal.cost, left, over: proposal.cost - left };
  }
  return null;
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

/**
 * A plain English sentence for a problem, for logs and problem+json `detail`. Elements translate
 * from the code and numbers instead. `formatMoney` turns minor units into text.
 */
export function describeProblem(problem: BallotProblem, formatMoney: (amount: MinorUnits) => string = String): string {
  switch (problem.code) {
    case 'wrong-kind':
      return `This round takes ${problem.expected} ballots, not ${problem.actual}.`;
    case 'malformed':
      return `${problem.field} must be ${problem.expected}.`;
    case 'too-few':
      return `Choose at least ${problem.min} (you chose ${problem.actual}).`;
    case 'too-many':
      return `Choose at most ${problem.max} (you chose ${problem.actual}).`;
    case 'over-budget':
      return `${formatMoney(problem.over)} over the budget of ${formatMoney(problem.limit)}.`;
    case 'under-minimum-spend':
      return `Spend at least ${formatMoney(problem.min)}: ${formatMoney(problem.short)} more.`;
    case 'too-many-points':
      return `Give at most ${problem.max} points in all (you gave ${problem.actual}).`;
    case 'too-few-points':
      return `Give at least ${problem.min} points in all (you gave ${problem.actual}).`;
    case 'points-out-of-range':
      return `Give proposal ${problem.proposalId} from ${problem.min} to ${problem.max} points, not ${problem.actual}.`;
    case 'not-integer':
      return `Points for proposal ${problem.proposalId} must be a whole number, not ${problem.actual}.`;
    case 'unknown-proposal':
      return `There is no proposal ${problem.proposalId} in this round.`;
    case 'withdrawn':
      return `Proposal ${problem.proposalId} was withdrawn.`;
    case 'duplicate':
      return `Proposal ${problem.proposalId} is chosen more than once.`;
    case 'missing-answer':
      return `Answer yes or no for proposal ${problem.proposalId}.`;
    case 'abstain-not-allowed':
      return `Answer yes or no for proposal ${problem.proposalId}: abstaining is not allowed.`;
  }
}

/** Adds minor units exactly, or throws naming the value that is not a safe integer. */
export function addMinorUnits(total: MinorUnits, amount: MinorUnits, what: string): MinorUnits {
  checkedMinorUnits(amount, what);
  return checkedMinorUnits(total + amount, `the total with ${what}`);
}

function checkedMinorUnits(amount: number, what: string): MinorUnits {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${what} must be a whole number of minor units within ±2^53, got ${amount}`);
  }
  return amount;
}

function indexProposals(proposals: readonly Proposal[]): Map<string, Proposal> {
  return new Map(proposals.map((proposal) => [proposal.id, proposal]));
}

function sumCosts(ids: readonly string[], byId: ReadonlyMap<string, Proposal>): MinorUnits {
  let total = 0;
  for (const id of ids) {
    const proposal = byId.get(id);
    if (proposal) total = addMinorUnits(total, proposal.cost, `the cost of proposal ${id}`);
  }
  return total;
}

function sumPoints(selections: Record<string, unknown>): number {
  let total = 0;
  for (const points of Object.values(selections)) {
    if (typeof points === 'number' && Number.isSafeInteger(points) && points > 0) total += points;
  }
  return total;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems of an id that is not on the ballot paper: unknown or withdrawn. */
function offBallot(id: string, byId: ReadonlyMap<string, Proposal>): BallotProblem[] {
  const proposal = byId.get(id);
  if (!proposal) return [{ code: 'unknown-proposal', proposalId: id }];
  return proposal.status === 'withdrawn' ? [{ code: 'withdrawn', proposalId: id }] : [];
}

function lengthProblems(count: number, min: number, max: number | undefined): BallotProblem[] {
  if (count < min) return [{ code: 'too-few', min, actual: count }];
  if (max !== undefined && count > max) return [{ code: 'too-many', max, actual: count }];
  return [];
}

function validateList(
  selections: unknown,
  byId: ReadonlyMap<string, Proposal>,
  minLength: number,
  maxLength?: number,
  minSumCost?: MinorUnits,
  maxSumCost?: MinorUnits,
): BallotProblem[] {
  if (!Array.isArray(selections) || !selections.every((id) => typeof id === 'string')) {
    return [{ code: 'malformed', field: 'selections', expected: 'a list of proposal ids' }];
  }
  const problems: BallotProblem[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const id of selections) {
    if (seen.has(id) && !reported.has(id)) {
      problems.push({ code: 'duplicate', proposalId: id });
      reported.add(id);
    }
    if (!seen.has(id)) problems.push(...offBallot(id, byId));
    seen.add(id);
  }
  problems.push(...lengthProblems(seen.size, minLength, maxLength));
  if (minSumCost !== undefined || maxSumCost !== undefined) {
    const total = sumCosts([...seen], byId);
    if (maxSumCost !== undefined && total > checkedMinorUnits(maxSumCost, 'maxSumCost')) {
      problems.push({ code: 'over-budget', limit: maxSumCost, total, over: total - maxSumCost });
    }
    if (minSumCost !== undefined && total < checkedMinorUnits(minSumCost, 'minSumCost')) {
      problems.push({ code: 'under-minimum-spend', min: minSumCost, total, short: minSumCost - total });
    }
  }
  return problems;
}

function validatePoints(
  rules: Extract<BallotRules, { kind: 'cumulative' }>,
  selections: unknown,
  byId: ReadonlyMap<string, Proposal>,
): BallotProblem[] {
  if (!isRecord(selections)) {
    return [{ code: 'malformed', field: 'selections', expected: 'an object of proposal id to points' }];
  }
  const problems: BallotProblem[] = [];
  const min = rules.minPoints ?? 1;
  const max = rules.maxPoints ?? rules.maxSumPoints;
  let chosen = 0;
  for (const [id, points] of Object.entries(selections)) {
    if (typeof points !== 'number') {
      problems.push({ code: 'malformed', field: `selections.${id}`, expected: 'a number of points' });
      continue;
    }
    // Zero points means "not chosen": a points UI keeps a zero when a resident takes points back.
    if (points === 0) continue;
    chosen += 1;
    problems.push(...offBallot(id, byId));
    if (!Number.isSafeInteger(points)) problems.push({ code: 'not-integer', proposalId: id, actual: points });
    else if (points < min || points > max) problems.push({ code: 'points-out-of-range', proposalId: id, min, max, actual: points });
  }
  problems.push(...lengthProblems(chosen, rules.minLength ?? 1, rules.maxLength));
  const total = sumPoints(selections);
  if (total > rules.maxSumPoints) problems.push({ code: 'too-many-points', max: rules.maxSumPoints, actual: total });
  if (rules.minSumPoints !== undefined && total < rules.minSumPoints) {
    problems.push({ code: 'too-few-points', min: rules.minSumPoints, actual: total });
  }
  return problems;
}

const ANSWERS: ReadonlySet<unknown> = new Set(['yes', 'no', 'abstain']);

function validateAnswers(
  allowAbstain: boolean,
  selections: unknown,
  proposals: readonly Proposal[],
  byId: ReadonlyMap<string, Proposal>,
): BallotProblem[] {
  if (!isRecord(selections)) {
    return [{ code: 'malformed', field: 'selections', expected: 'an object of proposal id to yes, no or abstain' }];
  }
  const problems: BallotProblem[] = [];
  for (const [id, answer] of Object.entries(selections)) {
    problems.push(...offBallot(id, byId));
    if (!ANSWERS.has(answer)) problems.push({ code: 'malformed', field: `selections.${id}`, expected: 'yes, no or abstain' });
    else if (answer === 'abstain' && !allowAbstain) problems.push({ code: 'abstain-not-allowed', proposalId: id });
  }
  for (const proposal of proposals) {
    if (proposal.status !== 'withdrawn' && !Object.hasOwn(selections, proposal.id)) {
      problems.push({ code: 'missing-answer', proposalId: proposal.id });
    }
  }
  return problems;
}

/*
 * Budget simulations and feedback forms: the same kind of pure checks, shared by the in-browser
 * backend and the server so both refuse the same submissions.
 */

/** One broken constraint of a budget simulation submission. */
export type SimulationProblem =
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'unknown-line'; lineId: string }
  | { code: 'out-of-range'; lineId: string; min: number; max: number; actual: number }
  | { code: 'off-step'; lineId: string; step: number; actual: number }
  | { code: 'locked'; lineId: string; baseline: number; actual: number }
  /** Spending is more than revenue, by `over` minor units. */
  | { code: 'unbalanced'; spending: MinorUnits; revenue: MinorUnits; over: MinorUnits };

/** Spending and revenue of a set of line values, in minor units. */
export interface SimulationBalance {
  spending: MinorUnits;
  revenue: MinorUnits;
  /** Revenue minus spending: negative means the budget does not balance. */
  surplus: MinorUnits;
}

/** The longest comment a simulation submission may carry, in characters. */
export const MAX_SIMULATION_COMMENT = 2000;

/**
 * Spending and revenue totals for the given values; a line without a value counts at its
 * baseline. A percent line is worth `value × amountPerPercent`, rounded to whole minor units.
 */
export function simulationBalance(simulation: Simulation, values: Readonly<Record<string, number>>): SimulationBalance {
  let spending = 0;
  let revenue = 0;
  for (const line of simulation.lines) {
    const value = Object.hasOwn(values, line.id) ? values[line.id]! : line.baseline;
    const amount = line.unit === 'percent' ? Math.round(value * (line.amountPerPercent ?? 0)) : value;
    if (line.kind === 'spending') spending = addMinorUnits(spending, amount, `line ${line.id}`);
    else revenue = addMinorUnits(revenue, amount, `line ${line.id}`);
  }
  return { spending, revenue, surplus: revenue - spending };
}

/**
 * Checks a simulation submission: known lines, values within min/max and on a step from min,
 * locked lines at their baseline, currency values whole minor units, and spending no more than
 * revenue. Lines left out count at their baseline.
 */
export function validateSimulation(simulation: Simulation, submission: SimulationSubmission): SimulationProblem[] {
  const values: unknown = (submission as { values?: unknown } | null)?.values;
  if (!isRecord(values)) return [{ code: 'malformed', field: 'values', expected: 'an object of line id to value' }];
  const comment: unknown = submission.comment;
  const problems: SimulationProblem[] = [];
  if (comment !== undefined && (typeof comment !== 'string' || [...comment].length > MAX_SIMULATION_COMMENT)) {
    problems.push({ code: 'malformed', field: 'comment', expected: `text of at most ${MAX_SIMULATION_COMMENT} characters` });
  }
  const lines = new Map(simulation.lines.map((line) => [line.id, line]));
  for (const [lineId, value] of Object.entries(values)) {
    const line = lines.get(lineId);
    if (!line) problems.push({ code: 'unknown-line', lineId });
    else problems.push(...lineValueProblems(line, value));
  }
  if (problems.length > 0) return problems;
  const balance = simulationBalance(simulation, values as Record<string, number>);
  if (balance.surplus < 0) {
    problems.push({ code: 'unbalanced', spending: balance.spending, revenue: balance.revenue, over: -balance.surplus });
  }
  return problems;
}

function lineValueProblems(line: BudgetLine, value: unknown): SimulationProblem[] {
  const field = `values.${line.id}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ code: 'malformed', field, expected: 'a number' }];
  if (line.unit === 'currency' && !Number.isSafeInteger(value)) {
    return [{ code: 'malformed', field, expected: 'a whole number of minor units' }];
  }
  if (line.locked && value !== line.baseline) return [{ code: 'locked', lineId: line.id, baseline: line.baseline, actual: value }];
  if (value < line.min || value > line.max) {
    return [{ code: 'out-of-range', lineId: line.id, min: line.min, max: line.max, actual: value }];
  }
  const steps = (value - line.min) / line.step;
  // Percent steps such as 0.1 are not exact in binary, so "on a step" allows rounding noise.
  if (Math.abs(steps - Math.round(steps)) > 1e-9) return [{ code: 'off-step', lineId: line.id, step: line.step, actual: value }];
  return [];
}

/** One broken constraint of a feedback response. */
export type FeedbackProblem =
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'unknown-question'; questionId: string }
  | { code: 'required'; questionId: string }
  | { code: 'too-long'; questionId: string; maxLength: number; actual: number }
  | { code: 'invalid-option'; questionId: string; value: string }
  | { code: 'duplicate'; questionId: string; value: string }
  | { code: 'out-of-range'; questionId: string; min: number; max: number; actual: number }
  /** A required consent question was not agreed to. */
  | { code: 'consent-required'; questionId: string };

/** A rating question without options is a whole number from 1 to this. */
export const RATING_MAX = 5;

/**
 * Checks a feedback response: known questions, required answers present (a required consent must
 * be `true`), text within `maxLength` (counted in characters, not UTF-16 units), choices among the
 * options, ratings from 1 to `RATING_MAX` or among the options when the question lists some.
 */
export function validateFeedback(form: FeedbackForm, response: FeedbackResponse): FeedbackProblem[] {
  const answers: unknown = (response as { answers?: unknown } | null)?.answers;
  if (!isRecord(answers)) return [{ code: 'malformed', field: 'answers', expected: 'an object of question id to answer' }];
  const questions = new Map(form.questions.map((question) => [question.id, question]));
  const problems: FeedbackProblem[] = Object.keys(answers)
    .filter((id) => !questions.has(id))
    .map((questionId) => ({ code: 'unknown-question', questionId }));
  for (const question of form.questions) {
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isUnanswered(answer)) {
      if (question.required) problems.push({ code: question.kind === 'consent' ? 'consent-required' : 'required', questionId: question.id });
    } else {
      problems.push(...answerProblems(question, answer));
    }
  }
  return problems;
}

function isUnanswered(answer: unknown): boolean {
  return answer === undefined || answer === null || answer === false || (typeof answer === 'string' && answer.trim() === '') ||
    (Array.isArray(answer) && answer.length === 0);
}

function answerProblems(question: Question, answer: unknown): FeedbackProblem[] {
  const field = `answers.${question.id}`;
  const options = new Set((question.options ?? []).map((option) => option.value));
  const questionId = question.id;
  switch (question.kind) {
    case 'consent':
      return answer === true ? [] : [{ code: 'malformed', field, expected: 'true or false' }];
    case 'text': {
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'text' }];
      const length = [...answer].length;
      return question.maxLength !== undefined && length > question.maxLength
        ? [{ code: 'too-long', questionId, maxLength: question.maxLength, actual: length }]
        : [];
    }
    case 'choice':
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'one option value' }];
      return options.has(answer) ? [] : [{ code: 'invalid-option', questionId, value: answer }];
    case 'multi-choice': {
      if (!Array.isArray(answer) || !answer.every((value) => typeof value === 'string')) {
        return [{ code: 'malformed', field, expected: 'a list of option values' }];
      }
      const invalid = answer.filter((value) => !options.has(value)).map((value): FeedbackProblem => ({ code: 'invalid-option', questionId, value }));
      const repeated = [...new Set(answer.filter((value, index) => answer.indexOf(value) !== index))];
      return [...invalid, ...repeated.map((value): FeedbackProblem => ({ code: 'duplicate', questionId, value }))];
    }
    case 'rating':
      if (typeof answer !== 'number' || !Number.isSafeInteger(answer)) return [{ code: 'malformed', field, expected: 'a whole number' }];
      if (options.size > 0) return options.has(String(answer)) ? [] : [{ code: 'invalid-option', questionId, value: String(answer) }];
      return answer >= 1 && answer <= RATING_MAX ? [] : [{ code: 'out-of-range', questionId, min: 1, max: RATING_MAX, actual: answer }];
  }
}

/** A plain English sentence for a simulation problem, for logs and problem+json `detail`. */
export function describeSimulationProblem(problem: SimulationProblem, formatMoney: (amount: MinorUnits) => string = String): string {
  switch (problem.code) {
    case 'malformed':
      return `${problem.field} must be ${problem.expected}.`;
    case 'unknown-line':
      return `There is no budget line ${problem.lineId}.`;
    case 'out-of-range':
      return `${problem.lineId} must be from ${problem.min} to ${problem.max}, not ${problem.actual}.`;
    case 'off-step':
      return `${problem.lineId} moves in steps of ${problem.step}; ${problem.actual} is between two steps.`;
    case 'locked':
      return `${problem.lineId} cannot be changed from ${problem.baseline}.`;
    case 'unbalanced':
      return `Spending is ${formatMoney(problem.over)} more than the money coming in.`;
  }
}

/** A plain English sentence for a feedback problem, for logs and problem+json `detail`. */
export function describeFeedbackProblem(problem: FeedbackProblem): string {
  switch (problem.code) {
    case 'malformed':
      return `${problem.field} must be ${problem.expected}.`;
    case 'unknown-question':
      return `There is no question ${problem.questionId} in this form.`;
    case 'required':
      return `Answer question ${problem.questionId}.`;
    case 'too-long':
      return `The answer to ${problem.questionId} is ${problem.actual} characters; the most is ${problem.maxLength}.`;
    case 'invalid-option':
      return `"${problem.value}" is not one of the options of ${problem.questionId}.`;
    case 'duplicate':
      return `"${problem.value}" is chosen more than once in ${problem.questionId}.`;
    case 'out-of-range':
      return `Rate ${problem.questionId} from ${problem.min} to ${problem.max}, not ${problem.actual}.`;
    case 'consent-required':
      return `Agree to ${problem.questionId} to send your answers.`;
  }
}
