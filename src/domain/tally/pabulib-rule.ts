import type { TallyOptions } from './types.js';
import { TallyError } from './types.js';

const COMPUTED = 'greedy, greedy-threshold, equalshares, equalshares-comparison, equalshares/add1 and equalshares/add1-comparison';

/** Rules pabulib lists that this tally does not compute, and why. */
const NOT_COMPUTED: Readonly<Record<string, string>> = {
  'greedy-no-skip': 'greedy that stops at the first proposal that does not fit',
  'greedy-exclusive': 'a greedy variant with exclusions the file does not describe',
  'greedy-custom': 'a city-specific greedy variant whose extra conditions are not in the file',
  unknown: 'the file says the city’s rule is unknown',
};

/**
 * The tally options for a pabulib META `rule`: `greedy`, `greedy-threshold` (reads META
 * `min_project_score_threshold` from `meta`), `equalshares` (no completion),
 * `equalshares-comparison`, `equalshares/add1` and `equalshares/add1-comparison`.
 * @throws {TallyError} for a missing rule or one this tally cannot compute, naming it.
 */
export function ruleFromPabulib(metaRule: string | undefined, meta: Readonly<Record<string, string>> = {}): TallyOptions {
  const rule = (metaRule ?? '').trim();
  switch (rule) {
    case '':
      throw new TallyError('The file has no META rule; choose one: greedy or equal-shares');
    case 'greedy':
      return { rule: 'greedy' };
    case 'greedy-threshold':
      return { rule: 'greedy', minVotes: readThreshold(meta.min_project_score_threshold) };
    case 'equalshares':
      return { rule: 'equal-shares', completion: 'none' };
    case 'equalshares-comparison':
      return { rule: 'equal-shares', completion: 'none-comparison' };
    case 'equalshares/add1':
      return { rule: 'equal-shares', completion: 'add1' };
    case 'equalshares/add1-comparison':
      return { rule: 'equal-shares', completion: 'add1-comparison' };
  }
  const why = NOT_COMPUTED[rule];
  if (why !== undefined) throw new TallyError(`META rule "${rule}" (${why}) cannot be computed; this tally computes ${COMPUTED}`);
  throw new TallyError(`META rule "${rule}" is not a rule this tally knows; it computes ${COMPUTED}`);
}

function readThreshold(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') {
    throw new TallyError('META rule is greedy-threshold but min_project_score_threshold is missing, so the threshold is unknown');
  }
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new TallyError(`META min_project_score_threshold "${text}" is not a number of votes`);
  }
  return Number(text);
}
