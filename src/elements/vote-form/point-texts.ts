/**
 * The sentences of a points ballot whose count decides their grammar ("at least 1 point", "at least
 * 2 points"): each plural form is its own message, as `plural` asks, so that a rule of one point is
 * not written in the plural in English, Portuguese, Urdu or Welsh.
 */
import { msg, str } from '@lit/localize';
import { plural } from '../../i18n/plural.js';

/** What these sentences need of the ballot's `Words`: the locale, and its way of writing a count. */
interface Counting {
  locale: string;
  number: (value: number) => string;
}

/** "You have 100 points to share between the proposals you support." */
export function pointsToShare(points: number, words: Counting): string {
  const count = words.number(points);
  return plural(points, words.locale, {
    zero: () => msg(str`You have ${count} points to share between the proposals you support.`, { id: 'vote.rule.points-to-share.zero' }),
    one: () => msg(str`You have ${count} point to share between the proposals you support.`, { id: 'vote.rule.points-to-share.one' }),
    two: () => msg(str`You have ${count} points to share between the proposals you support.`, { id: 'vote.rule.points-to-share.two' }),
    few: () => msg(str`You have ${count} points to share between the proposals you support.`, { id: 'vote.rule.points-to-share.few' }),
    many: () => msg(str`You have ${count} points to share between the proposals you support.`, { id: 'vote.rule.points-to-share.many' }),
    other: () => msg(str`You have ${count} points to share between the proposals you support.`, { id: 'vote.rule.points-to-share.other' }),
  });
}

/** "Give each proposal up to 10 points." */
export function pointsEachUpTo(points: number, words: Counting): string {
  const count = words.number(points);
  return plural(points, words.locale, {
    zero: () => msg(str`Give each proposal up to ${count} points.`, { id: 'vote.rule.points-each.zero' }),
    one: () => msg(str`Give each proposal up to ${count} point.`, { id: 'vote.rule.points-each.one' }),
    two: () => msg(str`Give each proposal up to ${count} points.`, { id: 'vote.rule.points-each.two' }),
    few: () => msg(str`Give each proposal up to ${count} points.`, { id: 'vote.rule.points-each.few' }),
    many: () => msg(str`Give each proposal up to ${count} points.`, { id: 'vote.rule.points-each.many' }),
    other: () => msg(str`Give each proposal up to ${count} points.`, { id: 'vote.rule.points-each.other' }),
  });
}

/** "Give at least 1 point in all." */
export function pointsAtLeastInAll(points: number, words: Counting): string {
  const count = words.number(points);
  return plural(points, words.locale, {
    zero: () => msg(str`Give at least ${count} points in all.`, { id: 'vote.rule.points-at-least.zero' }),
    one: () => msg(str`Give at least ${count} point in all.`, { id: 'vote.rule.points-at-least.one' }),
    two: () => msg(str`Give at least ${count} points in all.`, { id: 'vote.rule.points-at-least.two' }),
    few: () => msg(str`Give at least ${count} points in all.`, { id: 'vote.rule.points-at-least.few' }),
    many: () => msg(str`Give at least ${count} points in all.`, { id: 'vote.rule.points-at-least.many' }),
    other: () => msg(str`Give at least ${count} points in all.`, { id: 'vote.rule.points-at-least.other' }),
  });
}

/** The problem "Give at most 1 point in all (you gave 3)." */
export function tooManyPoints(max: number, actual: number, words: Counting): string {
  const [count, gave] = [words.number(max), words.number(actual)];
  return plural(max, words.locale, {
    zero: () => msg(str`Give at most ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-many-points.zero' }),
    one: () => msg(str`Give at most ${count} point in all (you gave ${gave}).`, { id: 'vote.problem.too-many-points.one' }),
    two: () => msg(str`Give at most ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-many-points.two' }),
    few: () => msg(str`Give at most ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-many-points.few' }),
    many: () => msg(str`Give at most ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-many-points.many' }),
    other: () => msg(str`Give at most ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-many-points.other' }),
  });
}

/** The problem "Give at least 1 point in all (you gave 0)." */
export function tooFewPoints(min: number, actual: number, words: Counting): string {
  const [count, gave] = [words.number(min), words.number(actual)];
  return plural(min, words.locale, {
    zero: () => msg(str`Give at least ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-few-points.zero' }),
    one: () => msg(str`Give at least ${count} point in all (you gave ${gave}).`, { id: 'vote.problem.too-few-points.one' }),
    two: () => msg(str`Give at least ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-few-points.two' }),
    few: () => msg(str`Give at least ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-few-points.few' }),
    many: () => msg(str`Give at least ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-few-points.many' }),
    other: () => msg(str`Give at least ${count} points in all (you gave ${gave}).`, { id: 'vote.problem.too-few-points.other' }),
  });
}
