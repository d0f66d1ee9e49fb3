/** The words of civic-results: each rule in plain language, and why each proposal was or was not funded. */
import { msg, str } from '@lit/localize';
import { formatMoney, formatNumber } from '../../domain/format.js';
import type { TallyRule } from '../../domain/types.js';
import { plural } from '../../i18n/plural.js';
import type { ResultRow } from './results-model.js';

export function ruleName(rule: TallyRule): string {
  return rule === 'equal-shares' ? msg('Equal shares') : msg('Most votes first');
}

/** What the rule does, in a sentence a resident can follow. */
export function ruleSummary(rule: TallyRule): string {
  return rule === 'equal-shares'
    ? msg('The budget is split equally between voters; a project is funded when its supporters can pay for it together.')
    : msg('Projects are funded in order of votes while the money lasts.');
}

/**
 * Why `row` was or was not funded, with the numbers behind it; undefined when the backend gave no
 * explanation (an older backend), since guessing one could mislead.
 */
export function whySentence(row: ResultRow, currency: string, locale: string): string | undefined {
  const why = row.explanation;
  if (!why) return undefined;
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const cost = row.cost === undefined ? undefined : money(row.cost);
  if (why.outcome === 'funded' && why.rule === 'greedy') {
    const rank = formatNumber(row.voteRank, locale);
    const left = money(why.moneyLeft);
    return plural(row.voteRank, locale, {
      zero: () => msg(str`Funded: it was ${rank}th by votes and ${left} was still unspent.`, { id: 'results.why.greedy-funded.zero' }),
      one: () => msg(str`Funded: it was ${rank}st by votes and ${left} was still unspent.`, { id: 'results.why.greedy-funded.one' }),
      two: () => msg(str`Funded: it was ${rank}nd by votes and ${left} was still unspent.`, { id: 'results.why.greedy-funded.two' }),
      few: () => msg(str`Funded: it was ${rank}rd by votes and ${left} was still unspent.`, { id: 'results.why.greedy-funded.few' }),
      many: () => msg(str`Funded: it was ${rank}th by votes and ${left} was still unspent.`, { id: 'results.why.greedy-funded.many' }),
      other: () => msg(str`Funded: it was ${rank}th by votes and ${left} was still unspent.`, { id: 'results.why.greedy-funded.other' }),
    }, 'ordinal');
  }
  if (why.outcome === 'funded') {
    const payers = formatNumber(why.payers, locale);
    const share = money(why.largestShare);
    const total = cost ?? money(why.largestShare);
    return plural(why.payers, locale, {
      zero: () => msg(str`Funded: ${payers} voters shared its ${total}, each paying at most ${share}.`, { id: 'results.why.shares-funded.zero' }),
      one: () => msg(str`Funded: ${payers} voter paid its ${total}.`, { id: 'results.why.shares-funded.one' }),
      two: () => msg(str`Funded: ${payers} voters shared its ${total}, each paying at most ${share}.`, { id: 'results.why.shares-funded.two' }),
      few: () => msg(str`Funded: ${payers} voters shared its ${total}, each paying at most ${share}.`, { id: 'results.why.shares-funded.few' }),
      many: () => msg(str`Funded: ${payers} voters shared its ${total}, each paying at most ${share}.`, { id: 'results.why.shares-funded.many' }),
      other: () => msg(str`Funded: ${payers} voters shared its ${total}, each paying at most ${share}.`, { id: 'results.why.shares-funded.other' }),
    });
  }
  switch (why.reason) {
    case 'did-not-fit': {
      const left = money(why.moneyLeft);
      return cost
        ? msg(str`Not funded: it needed ${cost} but only ${left} was left when its turn came.`)
        : msg(str`Not funded: only ${left} was left when its turn came.`);
    }
    case 'supporters-out-of-money': {
      const supporters = formatNumber(why.supporters, locale);
      const had = money(why.supportersMoney);
      const needed = cost ?? '';
      if (!cost) return msg(str`Not funded: its supporters had only ${had} left between them, not enough to pay for it.`);
      return plural(why.supporters, locale, {
        zero: () => msg(str`Not funded: it needed ${needed} and its ${supporters} supporters had ${had} left.`, { id: 'results.why.shares-not-funded.zero' }),
        one: () => msg(str`Not funded: it needed ${needed} and its ${supporters} supporter had ${had} left.`, { id: 'results.why.shares-not-funded.one' }),
        two: () => msg(str`Not funded: it needed ${needed} and its ${supporters} supporters had ${had} left.`, { id: 'results.why.shares-not-funded.two' }),
        few: () => msg(str`Not funded: it needed ${needed} and its ${supporters} supporters had ${had} left.`, { id: 'results.why.shares-not-funded.few' }),
        many: () => msg(str`Not funded: it needed ${needed} and its ${supporters} supporters had ${had} left.`, { id: 'results.why.shares-not-funded.many' }),
        other: () => msg(str`Not funded: it needed ${needed} and its ${supporters} supporters had ${had} left.`, { id: 'results.why.shares-not-funded.other' }),
      });
    }
    case 'no-votes':
      return msg('Not funded: nobody voted for it.');
    case 'below-threshold': {
      const needed = formatNumber(why.minVotes, locale);
      const had = formatNumber(row.votes, locale);
      return plural(why.minVotes, locale, {
        zero: () => msg(str`Not funded: a project needed at least ${needed} votes; it had ${had}.`, { id: 'results.why.threshold.zero' }),
        one: () => msg(str`Not funded: a project needed at least ${needed} vote; it had ${had}.`, { id: 'results.why.threshold.one' }),
        two: () => msg(str`Not funded: a project needed at least ${needed} votes; it had ${had}.`, { id: 'results.why.threshold.two' }),
        few: () => msg(str`Not funded: a project needed at least ${needed} votes; it had ${had}.`, { id: 'results.why.threshold.few' }),
        many: () => msg(str`Not funded: a project needed at least ${needed} votes; it had ${had}.`, { id: 'results.why.threshold.many' }),
        other: () => msg(str`Not funded: a project needed at least ${needed} votes; it had ${had}.`, { id: 'results.why.threshold.other' }),
      });
    }
  }
}
