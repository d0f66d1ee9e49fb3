/** A blocked submit: every problem the rules find (or the server's, when they find none) for the summary and beside its control. */
import { chosenIds, validateSelections } from '../../domain/rules/index.js';
import type { FieldError } from '../../domain/types.js';
import { problemText } from './texts.js';
import type { BallotView } from './view.js';

/** One problem of a blocked submit: what to say, and the id of the control it links to. */
export interface SummaryItem {
  text: string;
  target: string;
}

/** The key of the messages about the whole ballot (too few, over budget…), shown above the list. */
export const WHOLE_BALLOT = 'ballot';

export interface Problems {
  summary: SummaryItem[];
  /** Messages by control id, or `WHOLE_BALLOT`. */
  errors: Map<string, string[]>;
}

export function checkBallot(view: BallotView, server: readonly FieldError[] = []): Problems {
  const found = validateSelections(view.rules, view.selections, view.proposals);
  const items = found.length
    ? found.map((problem) => ({ text: problemText(problem, view), at: 'proposalId' in problem ? view.idOf(problem.proposalId) : '' }))
    : server.map((error) => ({ text: error.detail, at: view.idOf(error.field.replace(/^selections\./, '')) }));
  // A problem of the whole ballot links to the first chosen proposal, else the first on the ballot.
  const first = view.idOf(chosenIds(view.selections)[0] ?? view.shown[0]?.id ?? '');
  const errors = new Map<string, string[]>();
  for (const { text, at } of items) errors.set(at || WHOLE_BALLOT, [...(errors.get(at || WHOLE_BALLOT) ?? []), text]);
  return { summary: items.map(({ text, at }) => ({ text, target: at || first })), errors };
}
