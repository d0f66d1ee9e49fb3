/**
 * What the paper entry says to clerks, in their language. A broken ballot rule is said by the vote
 * form's own words (`problemText`), so a clerk reads what a resident voting online would.
 */
import { msg, str } from '@lit/localize';
import type { KeyingProblem } from '../../domain/paper-keying.js';
import type { PaperAuditEntry, PaperEntryReceipt, PaperStatus } from '../../domain/paper.js';
import type { BallotKind } from '../../domain/types.js';
import { formatNumber } from '../../domain/format.js';
import { plural } from '../../i18n/plural.js';

/** How to type a ballot of this kind. */
export function keyingHint(kind: BallotKind): string {
  switch (kind) {
    case 'cumulative':
      return msg('Type each proposal’s number, a colon and its points, with spaces between, for example 3:5 1:2.');
    case 'yes-no':
      return msg('Type each proposal’s number and y, n or a (abstain), with spaces between, for example 1y 2n 3a.');
    case 'ordinal':
      return msg('Type the numbers of the proposals in the order marked, first choice first, with spaces between, for example 3 1 7.');
    default:
      return msg('Type the numbers of the proposals marked on the paper, with spaces between, for example 3 1 7. Leave it empty for a blank ballot.');
  }
}

export function keyingProblemText(problem: KeyingProblem): string {
  switch (problem.code) {
    case 'unknown-number':
      return msg(str`“${problem.token}” is not a proposal number on this ballot: use 1 to ${problem.count}.`);
    case 'not-understood':
      return problem.kind === 'cumulative'
        ? msg(str`“${problem.token}” needs a number, a colon and points, such as 3:5.`)
        : msg(str`“${problem.token}” needs a number and y, n or a, such as 3y.`);
    case 'repeated':
      return msg(str`“${problem.token}” names a proposal typed already.`);
  }
}

/** What happened to the ballot just entered, for the live status line. */
export function entryOutcome(receipt: PaperEntryReceipt): string {
  const number = receipt.number;
  const corrected = receipt.change === 'corrected' ? msg(str`Ballot ${number}: your entry is corrected.`) : receipt.change === 'unchanged' ? msg(str`Ballot ${number}: the same as your entry before.`) : msg(str`Ballot ${number} entered.`);
  return `${corrected} ${statusSentence(receipt.status)}`;
}

export function statusSentence(status: PaperStatus): string {
  switch (status) {
    case 'waiting':
      return msg('It waits for the second clerk’s entry.');
    case 'agreed':
      return msg('Both entries agree: it counts.');
    case 'mismatch':
      return msg('The two entries differ: a third person will settle it.');
    case 'settled':
      return msg('Settled: it counts.');
  }
}

export function statusLabel(status: PaperStatus): string {
  switch (status) {
    case 'waiting':
      return msg('Waiting for a second entry');
    case 'agreed':
      return msg('Agreed');
    case 'mismatch':
      return msg('Entries differ');
    case 'settled':
      return msg('Settled');
  }
}

export function actionLabel(action: PaperAuditEntry['action']): string {
  return action === 'entered' ? msg('Entered') : action === 'corrected' ? msg('Corrected') : msg('Settled');
}

/** "12 ballots", in every plural form a language has. */
export function ballotCount(ballots: number, locale: string): string {
  const count = formatNumber(ballots, locale);
  return plural(ballots, locale, {
    zero: () => msg(str`${count} ballots`, { id: 'paper.ballots.zero' }),
    one: () => msg(str`${count} ballot`, { id: 'paper.ballots.one' }),
    two: () => msg(str`${count} ballots`, { id: 'paper.ballots.two' }),
    few: () => msg(str`${count} ballots`, { id: 'paper.ballots.few' }),
    many: () => msg(str`${count} ballots`, { id: 'paper.ballots.many' }),
    other: () => msg(str`${count} ballots`, { id: 'paper.ballots.other' }),
  });
}
