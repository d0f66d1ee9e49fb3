/** How a round's results are counted, to and from pabulib's META `rule`. */
import { ruleFromPabulib } from '../tally/pabulib-rule.js';
import { TallyError } from '../tally/types.js';
import type { BallotKind, RoundResultsSettings } from '../types.js';
import { metaValue } from './meta.js';
import { PabulibError } from './types.js';

/**
 * The rules META `rule` decides by: `greedy` and `greedy-threshold` (with its threshold) give
 * greedy; every `equalshares` variant gives equal shares first, then greedy, so that residents
 * can compare the two. A missing rule, or one the tally cannot compute (`greedy-no-skip`,
 * `unknown`…), gives none, which means greedy (`Round.results`).
 * @throws {PabulibError} for a `greedy-threshold` rule without a readable threshold.
 */
export function resultsFromMeta(meta: Record<string, string>, kind: BallotKind): RoundResultsSettings | undefined {
  const rule = metaValue(meta, 'rule');
  let options;
  try {
    options = ruleFromPabulib(rule, meta);
  } catch (error) {
    if (!(error instanceof TallyError)) throw error;
    if (rule === 'greedy-threshold') throw new PabulibError(0, error.message);
    return undefined;
  }
  if (options.rule === 'equal-shares') return kind === 'ordinal' ? undefined : { rules: ['equal-shares', 'greedy'] };
  // Votes are whole numbers, so a threshold of 30.5 asks for 31.
  return options.minVotes ? { rules: ['greedy'], minVotes: Math.ceil(options.minVotes) } : { rules: ['greedy'] };
}

/**
 * META `rule` (and `min_project_score_threshold`) for a round's own rule: `greedy`,
 * `greedy-threshold`, or `equalshares/add1`, the variant its results are computed with.
 */
export function resultsToMeta(settings: RoundResultsSettings | undefined): Array<[string, string]> {
  const rule = settings?.rules[0];
  if (rule === undefined) return [];
  if (rule === 'equal-shares') return [['rule', 'equalshares/add1']];
  const minVotes = settings?.minVotes ?? 0;
  return minVotes > 0 ? [['rule', 'greedy-threshold'], ['min_project_score_threshold', String(minVotes)]] : [['rule', 'greedy']];
}
