/**
 * What civic-results shows, derived from a round's `Results` and its proposals: plain data, no Lit,
 * so every number on screen, in the table and in the CSV comes from one place.
 */
import { effectiveStatus } from '../../domain/rounds.js';
import type { MinorUnits, Proposal, ResultExplanation, Results, Round, TallyRule } from '../../domain/types.js';
import { pickText } from '../../domain/localized-text.js';

/** One proposal as the results show it. */
export interface ResultRow {
  id: string;
  /** In the resident's language where the backend has it. */
  title: string;
  /** The language of `title`, when the backend sent it in several. */
  titleLang?: string;
  area: string | null;
  /** Undefined when the backend listed a proposal the round's proposals do not include and did not fund it. */
  cost?: MinorUnits;
  votes: number;
  selected: boolean;
  /** 1 for the most votes; proposals with equal votes share a position. */
  voteRank: number;
  /** Absent from backends older than the explanations. */
  explanation?: ResultExplanation;
}

/** The money one area's funded proposals took. */
export interface AreaRow {
  /** Null for proposals without an area. */
  area: string | null;
  funded: number;
  spent: MinorUnits;
}

/** The rules residents may see the round under, its own first; greedy when the round does not say. */
export function allowedRules(round: Round): TallyRule[] {
  const rules = round.results?.rules.filter((rule, i, all) => all.indexOf(rule) === i) ?? [];
  return rules.length ? rules : ['greedy'];
}

/** Whether the outcome may be shown now: the round has closed, or it shows live results while open. */
export function isPublished(round: Round, now: Date): boolean {
  const status = effectiveStatus(round, now);
  return status === 'closed' || (status === 'open' && round.results?.live === true);
}

/**
 * Every proposal of the results, funded ones first in the order the rule chose them, then the rest
 * by votes, then by title.
 */
export function resultRows(results: Results, proposals: readonly Proposal[], locale: string): ResultRow[] {
  const known = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const winners = new Map(results.winners.map((winner, order) => [winner.id, { ...winner, order }]));
  // Competition ranking: the position of the first proposal with as many votes, in votes order.
  const rankOfVotes = new Map<number, number>();
  [...results.proposals].sort((a, b) => b.votes - a.votes).forEach(({ votes }, i) => rankOfVotes.has(votes) || rankOfVotes.set(votes, i + 1));
  const rows = results.proposals.map(({ id, votes, selected, explanation }): ResultRow => {
    const proposal = known.get(id);
    const winner = winners.get(id);
    const title = pickText(proposal?.title ?? winner?.title ?? id, locale);
    return {
      id,
      title: title.text,
      titleLang: title.lang,
      area: proposal?.area || null,
      cost: proposal?.cost ?? winner?.cost,
      votes,
      selected,
      voteRank: rankOfVotes.get(votes)!,
      explanation,
    };
  });
  const order = (row: ResultRow) => winners.get(row.id)?.order ?? Infinity;
  return rows.sort((a, b) => (a.selected === b.selected ? 0 : a.selected ? -1 : 1) || order(a) - order(b) || b.votes - a.votes || a.title.localeCompare(b.title));
}

/** The funded proposals and the money they took, per area, most money first. */
export function areaRows(rows: readonly ResultRow[]): AreaRow[] {
  const byArea = new Map<string | null, AreaRow>();
  for (const row of rows) {
    const area = byArea.get(row.area) ?? { area: row.area, funded: 0, spent: 0 };
    if (row.selected) {
      area.funded += 1;
      area.spent += row.cost ?? 0;
    }
    byArea.set(row.area, area);
  }
  return [...byArea.values()].sort((a, b) => b.spent - a.spent || (a.area ?? '\uffff').localeCompare(b.area ?? '\uffff'));
}

/** How many ballots were counted, from `ballots` or, from an older backend, whether anyone voted at all. */
export function hasBallots(results: Results): boolean {
  return results.ballots !== undefined ? results.ballots > 0 : results.proposals.some((proposal) => proposal.votes > 0);
}

/** The percentage of voters with at least one of their choices funded; undefined without the figures. */
export function shareWithAnyFunded(fundedChoices: Results['fundedChoices']): number | undefined {
  const voters = fundedChoices?.reduce((sum, row) => sum + row.voters, 0);
  if (!fundedChoices || !voters) return undefined;
  return (100 * fundedChoices.filter((row) => row.funded > 0).reduce((sum, row) => sum + row.voters, 0)) / voters;
}

/** `part` of `whole` in percent, 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}
