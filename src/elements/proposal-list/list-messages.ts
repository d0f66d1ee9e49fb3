/** The list's counts, each plural form its own message so every language can say them. */
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../domain/format.js';
import { plural } from '../../i18n/plural.js';

/** "20 proposals" for a whole round, "12 proposals match" for a search or filter. */
export function countText(total: number, filtered: boolean, locale: string): string {
  const count = formatNumber(total, locale);
  if (filtered) {
    return plural(total, locale, {
      zero: () => msg(str`${count} proposals match`, { id: 'proposal-list.matching.zero' }),
      one: () => msg(str`${count} proposal matches`, { id: 'proposal-list.matching.one' }),
      two: () => msg(str`${count} proposals match`, { id: 'proposal-list.matching.two' }),
      few: () => msg(str`${count} proposals match`, { id: 'proposal-list.matching.few' }),
      many: () => msg(str`${count} proposals match`, { id: 'proposal-list.matching.many' }),
      other: () => msg(str`${count} proposals match`, { id: 'proposal-list.matching.other' }),
    });
  }
  return plural(total, locale, {
    zero: () => msg(str`${count} proposals`, { id: 'proposal-list.total.zero' }),
    one: () => msg(str`${count} proposal`, { id: 'proposal-list.total.one' }),
    two: () => msg(str`${count} proposals`, { id: 'proposal-list.total.two' }),
    few: () => msg(str`${count} proposals`, { id: 'proposal-list.total.few' }),
    many: () => msg(str`${count} proposals`, { id: 'proposal-list.total.many' }),
    other: () => msg(str`${count} proposals`, { id: 'proposal-list.total.other' }),
  });
}

/** "Page 2 of 5". */
export function pageText(page: number, pages: number, locale: string): string {
  const current = formatNumber(page, locale);
  const last = formatNumber(pages, locale);
  return msg(str`Page ${current} of ${last}`, { id: 'proposal-list.page-of' });
}
