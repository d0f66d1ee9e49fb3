/**
 * What the ballot says, in the resident's language: the rules before choosing, the figures while
 * choosing, and each rule's problem from its code and numbers. The English of a problem that names
 * no proposal is word for word the domain's `describeProblem`, so the form and the server say the
 * same thing; a problem about one proposal names it by its title instead of its id. Every count is
 * written as the locale writes numbers (১২ in Bengali, 1,200 in English), as money is.
 */
import { msg, str } from '@lit/localize';
import type { BallotProblem, SelectionBlock } from '../../domain/rules/index.js';
import type { BallotRules, Proposal, Round, YesNoAnswer } from '../../domain/types.js';
import { formatMoney, formatNumber } from '../../domain/format.js';
import { textIn } from '../../domain/localized-text.js';
import { plural } from '../../i18n/plural.js';
import { pointsAtLeastInAll, pointsEachUpTo, pointsToShare, tooFewPoints, tooManyPoints } from './point-texts.js';

/** The resident's locale (for plural forms), money in the round's currency, a count in the locale's digits, and a proposal's title by id. */
export interface Words {
  locale: string;
  money: (amount: number) => string;
  number: (value: number) => string;
  titleOf: (proposalId: string) => string;
}

/** The words of a round's ballot in `locale`, for the vote form and the paper count alike. */
export function ballotWords(round: Round, proposals: Proposal[], locale: string): Words {
  return {
    locale,
    money: (amount) => formatMoney(amount, round.currency, locale),
    number: (value) => formatNumber(value, locale),
    titleOf: (id) => textIn(proposals.find((proposal) => proposal.id === id)?.title, locale) || id,
  };
}

/** How many to choose, as a sentence; empty when there is no limit worth saying. */
function countRule(min: number | undefined, max: number | undefined, words: Words): string {
  const n = words.number;
  if (max !== undefined && min === max) return msg(str`Choose ${n(max)}.`);
  if (max !== undefined && min !== undefined && min > 1) return msg(str`Choose from ${n(min)} to ${n(max)}.`);
  if (max !== undefined) return msg(str`Choose up to ${n(max)}.`);
  if (min !== undefined && min > 1) return msg(str`Choose at least ${n(min)}.`);
  return '';
}

/** The round's rules as sentences, shown before the resident chooses anything. */
export function rulesSentences(rules: BallotRules, words: Words, single: boolean): string[] {
  switch (rules.kind) {
    case 'approval':
      return [
        countRule(rules.minLength, rules.maxLength, words) || msg('Choose as many as you like.'),
        rules.maxSumCost !== undefined ? msg(str`Together they can cost up to ${words.money(rules.maxSumCost)}.`) : '',
        rules.minSumCost !== undefined ? msg(str`Together they must cost at least ${words.money(rules.minSumCost)}.`) : '',
      ].filter(Boolean);
    case 'ordinal':
      return [countRule(rules.minLength, rules.maxLength, words), msg('Then put your choices in order, your favourite first.')].filter(Boolean);
    case 'cumulative':
      return [
        pointsToShare(rules.maxSumPoints, words),
        rules.maxPoints !== undefined ? pointsEachUpTo(rules.maxPoints, words) : '',
        rules.minPoints !== undefined && rules.minPoints > 1 ? msg(str`Give a proposal at least ${words.number(rules.minPoints)} points, or none.`) : '',
        rules.minSumPoints !== undefined ? pointsAtLeastInAll(rules.minSumPoints, words) : '',
        countRule(rules.minLength, rules.maxLength, words),
      ].filter(Boolean);
    case 'choose-1':
      return [msg('Choose one proposal.')];
    case 'yes-no':
      if (single) return [rules.allowAbstain ? msg('Answer yes or no, or abstain.') : msg('Answer yes or no.')];
      return [rules.allowAbstain ? msg('Answer yes, no or abstain for each proposal.') : msg('Answer yes or no for each proposal.')];
  }
}

/** "3 chosen", in every plural form a language has. */
export function chosenCount(chosen: number, locale: string): string {
  const count = formatNumber(chosen, locale);
  return plural(chosen, locale, {
    zero: () => msg(str`${count} chosen`, { id: 'vote.chosen.zero' }),
    one: () => msg(str`${count} chosen`, { id: 'vote.chosen.one' }),
    two: () => msg(str`${count} chosen`, { id: 'vote.chosen.two' }),
    few: () => msg(str`${count} chosen`, { id: 'vote.chosen.few' }),
    many: () => msg(str`${count} chosen`, { id: 'vote.chosen.many' }),
    other: () => msg(str`${count} chosen`, { id: 'vote.chosen.other' }),
  });
}

/** "3 points", in every plural form a language has. */
export function pointsCount(points: number, locale: string): string {
  const count = formatNumber(points, locale);
  return plural(points, locale, {
    zero: () => msg(str`${count} points`, { id: 'vote.points.zero' }),
    one: () => msg(str`${count} point`, { id: 'vote.points.one' }),
    two: () => msg(str`${count} points`, { id: 'vote.points.two' }),
    few: () => msg(str`${count} points`, { id: 'vote.points.few' }),
    many: () => msg(str`${count} points`, { id: 'vote.points.many' }),
    other: () => msg(str`${count} points`, { id: 'vote.points.other' }),
  });
}

/** The budget figure: "£23,400 of £50,000 chosen, £26,600 left", or how far over it is. */
export function moneyFigure(spent: number, limit: number, left: number, words: Words): string {
  const [s, l] = [words.money(spent), words.money(limit)];
  return left >= 0 ? msg(str`${s} of ${l} chosen, ${words.money(left)} left`) : msg(str`${s} chosen: ${words.money(-left)} more than ${l}`);
}

/** Why a proposal cannot be added now, said beside it. */
export function blockText(block: SelectionBlock, words: Words): string {
  switch (block.code) {
    case 'does-not-fit':
      return msg(str`${words.money(block.cost)}: ${words.money(block.over)} more than you have left`);
    case 'limit-reached':
      return msg(str`You have chosen ${words.number(block.max)}, the most you can. Remove one to choose this.`);
    case 'no-points-left':
      return msg('You have no points left. Take points from another proposal to give some here.');
    case 'unknown-proposal':
    case 'withdrawn':
      return msg('This proposal is no longer on the ballot.');
  }
}

/** A broken rule, as the resident reads it in the error summary. */
export function problemText(problem: BallotProblem, words: Words): string {
  const title = 'proposalId' in problem ? words.titleOf(problem.proposalId) : '';
  const n = words.number;
  switch (problem.code) {
    case 'too-few':
      return msg(str`Choose at least ${n(problem.min)} (you chose ${n(problem.actual)}).`);
    case 'too-many':
      return msg(str`Choose at most ${n(problem.max)} (you chose ${n(problem.actual)}).`);
    case 'over-budget':
      return msg(str`${words.money(problem.over)} over the budget of ${words.money(problem.limit)}.`);
    case 'under-minimum-spend':
      return msg(str`Spend at least ${words.money(problem.min)}: ${words.money(problem.short)} more.`);
    case 'too-many-points':
      return tooManyPoints(problem.max, problem.actual, words);
    case 'too-few-points':
      return tooFewPoints(problem.min, problem.actual, words);
    case 'points-out-of-range':
      return msg(str`${title}: give from ${n(problem.min)} to ${n(problem.max)} points, not ${n(problem.actual)}.`);
    case 'not-integer':
      return msg(str`${title}: give a whole number of points, not ${n(problem.actual)}.`);
    case 'duplicate':
      return msg(str`${title} is chosen more than once.`);
    case 'missing-answer':
    case 'abstain-not-allowed':
      return msg(str`${title}: answer yes or no.`);
    case 'unknown-proposal':
    case 'withdrawn':
      return msg(str`${title} is no longer on the ballot. Choose another.`);
    case 'wrong-kind':
    case 'malformed':
      return msg('Your choices could not be read. Reload the page and choose again.');
  }
}

export function answerText(answer: YesNoAnswer): string {
  return answer === 'yes' ? msg('Yes') : answer === 'no' ? msg('No') : msg('Abstain');
}
