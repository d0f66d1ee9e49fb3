/** The words of civic-panel-screen that several parts say: counts, the timer, and what is announced. */
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../domain/format.js';
import type { MeetingVoting } from '../../domain/meeting.js';
import { plural } from '../../i18n/plural.js';

/** "7 ballots received", in every plural form. */
export function ballotsReceived(ballots: number, locale: string): string {
  const count = formatNumber(ballots, locale);
  return plural(ballots, locale, {
    zero: () => msg(str`${count} ballots received`, { id: 'panel.ballots.zero' }),
    one: () => msg(str`${count} ballot received`, { id: 'panel.ballots.one' }),
    two: () => msg(str`${count} ballots received`, { id: 'panel.ballots.two' }),
    few: () => msg(str`${count} ballots received`, { id: 'panel.ballots.few' }),
    many: () => msg(str`${count} ballots received`, { id: 'panel.ballots.many' }),
    other: () => msg(str`${count} ballots received`, { id: 'panel.ballots.other' }),
  });
}

/** `4:05` (minutes and seconds), with the locale's digits. */
export function clockText(seconds: number, locale: string): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${formatNumber(minutes, locale)}:${two.format(rest)}`;
}

/** The timer for a screen reader: "4 minutes 5 seconds left". */
export function timeLeftText(seconds: number, locale: string): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const m = formatNumber(minutes, locale);
  const s = formatNumber(rest, locale);
  if (minutes === 0) {
    return plural(rest, locale, {
      zero: () => msg(str`${s} seconds left`, { id: 'panel.seconds-left.zero' }),
      one: () => msg(str`${s} second left`, { id: 'panel.seconds-left.one' }),
      two: () => msg(str`${s} seconds left`, { id: 'panel.seconds-left.two' }),
      few: () => msg(str`${s} seconds left`, { id: 'panel.seconds-left.few' }),
      many: () => msg(str`${s} seconds left`, { id: 'panel.seconds-left.many' }),
      other: () => msg(str`${s} seconds left`, { id: 'panel.seconds-left.other' }),
    });
  }
  return plural(minutes, locale, {
    zero: () => msg(str`${m} minutes ${s} seconds left`, { id: 'panel.minutes-left.zero' }),
    one: () => msg(str`${m} minute ${s} seconds left`, { id: 'panel.minutes-left.one' }),
    two: () => msg(str`${m} minutes ${s} seconds left`, { id: 'panel.minutes-left.two' }),
    few: () => msg(str`${m} minutes ${s} seconds left`, { id: 'panel.minutes-left.few' }),
    many: () => msg(str`${m} minutes ${s} seconds left`, { id: 'panel.minutes-left.many' }),
    other: () => msg(str`${m} minutes ${s} seconds left`, { id: 'panel.minutes-left.other' }),
  });
}

export function votingText(voting: MeetingVoting): string {
  return voting === 'open' ? msg('Voting is open') : voting === 'closed' ? msg('Voting has closed') : msg('Voting has not opened yet');
}

/** "Proposal 2 of 5". */
export function positionText(position: number, total: number, locale: string): string {
  const at = formatNumber(position, locale);
  const of = formatNumber(total, locale);
  return msg(str`Proposal ${at} of ${of}`);
}
