/** Facts about a round that every backend derives the same way. */
import { formatDate } from './format.js';
import type { FieldError, Round, RoundStatus, TallyRule } from './types.js';

/** Dates win over the stored status, so a round opens and closes on time without anyone editing it. */
export function effectiveStatus(round: Round, now: Date): RoundStatus {
  const time = now.getTime();
  // `!= null`: a hand-written seed may leave a date out instead of writing null.
  if (round.status === 'closed' || (round.closesAt != null && time >= Date.parse(round.closesAt))) return 'closed';
  if (round.opensAt != null ? time < Date.parse(round.opensAt) : round.status === 'upcoming') return 'upcoming';
  return 'open';
}

/** Residents type codes from a letter: case, spaces and hyphens do not matter. */
export function normalizeVotingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/** Every rule the tally can count a round's results by. */
export const TALLY_RULES: readonly TallyRule[] = ['greedy', 'equal-shares'];

/**
 * The rules a round's results may be shown under, its own (the one that decides) first:
 * `Round.results.rules`, else greedy. Equal shares is left out for ranked ballots, which give it
 * no amounts to share.
 */
export function resultsRules(round: Round): TallyRule[] {
  const listed = (round.results?.rules ?? []).filter((rule, index, rules) => rules.indexOf(rule) === index);
  const countable = round.rules.kind === 'ordinal' ? listed.filter((rule) => rule !== 'equal-shares') : listed;
  return countable.length > 0 ? countable : ['greedy'];
}

/**
 * The rule to count a round's results by: `requested` when the round allows it (`resultsRules`),
 * the round's own when none is asked (`undefined` or `null`); otherwise the field error a `422`
 * answer carries. Both backends check this before `resultsVisible`.
 */
export function resultsRuleFor(round: Round, requested?: unknown): { rule: TallyRule } | { error: FieldError } {
  const allowed = resultsRules(round);
  if (requested === undefined || requested === null) return { rule: allowed[0] as TallyRule };
  if (!TALLY_RULES.includes(requested as TallyRule)) {
    return { error: { field: 'rule', code: 'unknown-rule', detail: `rule must be ${TALLY_RULES.join(' or ')}.` } };
  }
  if (allowed.includes(requested as TallyRule)) return { rule: requested as TallyRule };
  const why = round.rules.kind === 'ordinal' && requested === 'equal-shares' ? ' Ranked ballots cannot be counted by equal shares.' : '';
  return {
    error: { field: 'rule', code: 'rule-not-allowed', detail: `The results of this round are shown by ${allowed.join(' or ')}, not ${String(requested)}.${why}` },
  };
}

/**
 * When a round's results are published for everyone: when voting opens for a round with live
 * results, otherwise when it closes; `null` when the round has no such date.
 */
export function resultsPublishedAt(round: Round): string | null {
  return (round.results?.live === true ? round.opensAt : round.closesAt) ?? null;
}

/** Whether residents may see a round's results now, and if not, when they will. */
export type ResultsVisibility = { visible: true } | { visible: false; publishedAt: string | null; detail: string };

/**
 * Results are shown once the round has closed, or while it is open when its results are live;
 * administrators always see them. Otherwise `detail` says when they will be published, for a
 * `403` answer.
 */
export function resultsVisible(round: Round, now: Date, isAdmin: boolean): ResultsVisibility {
  const status = effectiveStatus(round, now);
  const live = round.results?.live === true;
  if (isAdmin || status === 'closed' || (live && status === 'open')) return { visible: true };
  const publishedAt = resultsPublishedAt(round);
  const when = publishedAt === null ? '' : `, on ${formatDate(publishedAt, 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
  return {
    visible: false,
    publishedAt,
    detail: `The results of “${round.title}” will be published when voting ${live ? 'opens' : 'closes'}${when}.`,
  };
}

/** The round opened or closed now; its dates move so that they agree with the change. */
export function withStatus(round: Round, status: 'open' | 'closed', now: Date): Round {
  const time = now.getTime();
  if (status === 'closed') {
    return { ...round, status, closesAt: round.closesAt != null && Date.parse(round.closesAt) <= time ? round.closesAt : now.toISOString() };
  }
  return {
    ...round,
    status,
    opensAt: round.opensAt != null && Date.parse(round.opensAt) <= time ? round.opensAt : now.toISOString(),
    closesAt: round.closesAt != null && Date.parse(round.closesAt) > time ? round.closesAt : null,
  };
}
