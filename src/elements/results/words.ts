/**
 * The words of civic-results: each rule in plain language, why each proposal was or was not funded,
 * and its counts, each in every plural form a language needs.
 */
import { msg, str } from '@lit/localize';
import { formatMoney, formatNumber, formatPercent } from '../../domain/format.js';
import type { TallyRule } from '../../domain/types.js';
import { plural } from '../../i18n/plural.js';
import { percentOf, type ResultRow } from './results-model.js';

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

/** `£91,000 of £120,000 spent on 6 projects.`, from amounts already formatted. */
export function spentSentence(spent: string, budget: string, funded: number, locale: string): string {
  const count = formatNumber(funded, locale);
  return plural(funded, locale, {
    zero: () => msg(str`${spent} of ${budget} spent on ${count} projects.`, { id: 'results.spent.zero' }),
    one: () => msg(str`${spent} of ${budget} spent on ${count} project.`, { id: 'results.spent.one' }),
    two: () => msg(str`${spent} of ${budget} spent on ${count} projects.`, { id: 'results.spent.two' }),
    few: () => msg(str`${spent} of ${budget} spent on ${count} projects.`, { id: 'results.spent.few' }),
    many: () => msg(str`${spent} of ${budget} spent on ${count} projects.`, { id: 'results.spent.many' }),
    other: () => msg(str`${spent} of ${budget} spent on ${count} projects.`, { id: 'results.spent.other' }),
  });
}

/** "410 online, 21 on paper.": where the counted ballots came from. */
export function ballotSources(sources: { online: number; paper: number }, locale: string): string {
  const [online, paper] = [formatNumber(sources.online, locale), formatNumber(sources.paper, locale)];
  return msg(str`${online} online, ${paper} on paper.`);
}

export function ballotsCounted(ballots: number, locale: string): string {
  const count = formatNumber(ballots, locale);
  return plural(ballots, locale, {
    zero: () => msg(str`${count} ballots counted.`, { id: 'results.ballots.zero' }),
    one: () => msg(str`${count} ballot counted.`, { id: 'results.ballots.one' }),
    two: () => msg(str`${count} ballots counted.`, { id: 'results.ballots.two' }),
    few: () => msg(str`${count} ballots counted.`, { id: 'results.ballots.few' }),
    many: () => msg(str`${count} ballots counted.`, { id: 'results.ballots.many' }),
    other: () => msg(str`${count} ballots counted.`, { id: 'results.ballots.other' }),
  });
}

export function votesText(votes: number, locale: string): string {
  const count = formatNumber(votes, locale);
  return plural(votes, locale, {
    zero: () => msg(str`${count} votes`, { id: 'results.votes.zero' }),
    one: () => msg(str`${count} vote`, { id: 'results.votes.one' }),
    two: () => msg(str`${count} votes`, { id: 'results.votes.two' }),
    few: () => msg(str`${count} votes`, { id: 'results.votes.few' }),
    many: () => msg(str`${count} votes`, { id: 'results.votes.many' }),
    other: () => msg(str`${count} votes`, { id: 'results.votes.other' }),
  });
}

/** The label of the voters who had `funded` of their choices funded. */
export function chosenFundedLabel(funded: number, locale: string): string {
  const count = formatNumber(funded, locale);
  return plural(funded, locale, {
    zero: () => msg(str`${count} of their projects funded`, { id: 'results.chosen-funded.zero' }),
    one: () => msg(str`${count} of their projects funded`, { id: 'results.chosen-funded.one' }),
    two: () => msg(str`${count} of their projects funded`, { id: 'results.chosen-funded.two' }),
    few: () => msg(str`${count} of their projects funded`, { id: 'results.chosen-funded.few' }),
    many: () => msg(str`${count} of their projects funded`, { id: 'results.chosen-funded.many' }),
    other: () => msg(str`${count} of their projects funded`, { id: 'results.chosen-funded.other' }),
  });
}

/** `10 voters (33.3%)`. */
export function votersShare(voters: number, total: number, locale: string): string {
  const count = formatNumber(voters, locale);
  const share = formatPercent(percentOf(voters, total), locale, { decimals: 1 });
  return plural(voters, locale, {
    zero: () => msg(str`${count} voters (${share})`, { id: 'results.voters-share.zero' }),
    one: () => msg(str`${count} voter (${share})`, { id: 'results.voters-share.one' }),
    two: () => msg(str`${count} voters (${share})`, { id: 'results.voters-share.two' }),
    few: () => msg(str`${count} voters (${share})`, { id: 'results.voters-share.few' }),
    many: () => msg(str`${count} voters (${share})`, { id: 'results.voters-share.many' }),
    other: () => msg(str`${count} voters (${share})`, { id: 'results.voters-share.other' }),
  });
}
