import { trimPadding } from './csv.js';
import type { PabulibVoteType } from './meta.js';

/** A `vote` cell (and `points` cell) read into ids and points. */
export interface VoteReading {
  /** Ids with duplicates removed, first occurrence kept, order kept. */
  vote: string[];
  /** Cumulative votes: points per id of `vote`, a duplicate's points added to the first occurrence. */
  points?: number[];
  /** Ids that appeared more than once, each named once. */
  duplicates: string[];
}

/** Splits a comma list (`vote`, `points`, `category`) into trimmed items; an empty cell is an empty list. */
export function splitList(cell: string): string[] {
  const text = trimPadding(cell);
  if (text === '') return [];
  const items = text.split(',');
  // Real files never pad list items; skip the per-item trim when there is nothing to trim.
  if (text.includes(' ') || text.includes('\t')) {
    for (let index = 0; index < items.length; index += 1) items[index] = trimPadding(items[index] ?? '');
  }
  return items;
}

/**
 * Reads a vote as the file writes it. Returns a sentence naming the problem when the cells do
 * not make a vote of `voteType`: an empty id, points that are not whole numbers, a points list
 * of another length, more than one project on a choose-1 ballot.
 */
export function readVoteCells(
  voteCell: string,
  pointsCell: string | undefined,
  voteType: PabulibVoteType,
): VoteReading | string {
  const ids = splitList(voteCell);
  if (ids.includes('')) return `vote "${voteCell}" has an empty project id (two commas in a row, or one at an end)`;
  let points: number[] | undefined;
  if (voteType === 'cumulative') {
    const items = splitList(pointsCell ?? '');
    if (items.length !== ids.length) {
      return `vote lists ${ids.length} project(s) but points lists ${items.length} number(s)`;
    }
    points = [];
    for (const item of items) {
      if (!/^\d+$/.test(item)) return `points "${item}" is not a whole number of points`;
      points.push(Number(item));
    }
  }
  const reading = dedupe(ids, points);
  if (voteType === 'choose-1' && reading.vote.length > 1) {
    return `a choose-1 vote names ${reading.vote.length} projects; it may name one`;
  }
  return reading;
}

function dedupe(ids: string[], points: number[] | undefined): VoteReading {
  if (new Set(ids).size === ids.length) return points === undefined ? { vote: ids, duplicates: [] } : { vote: ids, points, duplicates: [] };
  const seen = new Map<string, number>();
  const vote: string[] = [];
  const summed: number[] = [];
  const duplicates = new Set<string>();
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, vote.length);
      vote.push(id);
      summed.push(points?.[index] ?? 0);
    } else {
      duplicates.add(id);
      summed[first] = (summed[first] ?? 0) + (points?.[index] ?? 0);
    }
  });
  return points === undefined ? { vote, duplicates: [...duplicates] } : { vote, points: summed, duplicates: [...duplicates] };
}
