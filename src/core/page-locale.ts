import { sourceLocale } from '../i18n/locale-codes.js';
import { getLocale, resolveLocale, useLocale } from '../i18n/localize.js';

/**
 * Which language the page shows. @lit/localize's translations are global to the page, so every
 * element shows one language; this decides which:
 *   1. the most recent `locale` set on an element or provider that is on the page, else
 *   2. the host page's `<html lang>` (watched: a page that changes it re-renders every element), else
 *   3. whatever the page last chose with `useLocale()` (English, en-GB, at first).
 * Two elements asking for different languages is a page mistake we cannot honour both ways: the
 * later request wins for every element (each then marks itself with the `lang` it shows), and the
 * console says so once. When the later one leaves the page, the earlier one's language returns.
 */

interface Watcher {
  requestUpdate(): void;
}

const requests = new Map<Watcher, { locale: string; order: number }>();
const watchers = new Set<Watcher>();
const warned = new Set<string>();
let order = 0;
let observer: MutationObserver | undefined;

/** The host page's language, `''` when it declares none. */
export function pageLang(): string {
  return document.documentElement.lang.trim();
}

/** The language the page should show now, or undefined when nothing asks for one. */
export function wantedLocale(): string | undefined {
  let latest: { locale: string; order: number } | undefined;
  for (const request of requests.values()) if (!latest || request.order > latest.order) latest = request;
  return latest?.locale || pageLang() || undefined;
}

/** `owner` asks for `locale` (its own or its provider's), or withdraws its request with undefined. */
export function requestLocale(owner: Watcher, locale: string | undefined): void {
  if (!locale) {
    if (requests.delete(owner)) settle();
    return;
  }
  if (requests.get(owner)?.locale === locale) return;
  requests.set(owner, { locale, order: ++order });
  settle();
}

/** `owner` re-renders when the page's `<html lang>` changes; until `unwatchPage`. */
export function watchPage(owner: Watcher): void {
  watchers.add(owner);
  observer ??= startObserving();
  settle();
}

/** `owner` left the page: it no longer asks for a language nor hears of the page's. */
export function unwatchPage(owner: Watcher): void {
  watchers.delete(owner);
  if (requests.delete(owner)) settle();
}

/**
 * The locale to format numbers, money and dates in for an element that asked for `requested`: the
 * requested tag itself while its translation (or English, for a language we lack) is what shows,
 * so `en-US` keeps dollars first and `de-DE` German digits; else, having lost to another request,
 * the language that shows, so words and numbers agree.
 */
export function formattingLocale(requested: string | undefined): string {
  const shown = getLocale();
  const wanted = requested || pageLang() || sourceLocale;
  return resolveLocale(wanted) === shown ? wanted : shown;
}

function settle(): void {
  const wanted = wantedLocale();
  if (!wanted) return;
  void useLocale(wanted);
  // Once the elements have updated: a provider's new locale reaches its children a moment later.
  setTimeout(warnOfConflict);
}

function warnOfConflict(): void {
  const wanted = wantedLocale();
  if (!wanted) return;
  const winner = resolveLocale(wanted);
  const losers = [...new Set([...requests.values()].map((request) => resolveLocale(request.locale)))].filter((locale) => locale !== winner);
  for (const loser of losers) {
    const key = `${loser}>${winner}`;
    if (warned.has(key)) continue;
    warned.add(key);
    console.warn(
      `civic-widgets: elements on this page ask for ${loser} and ${winner}; a page shows one language, so every element shows ${winner}, the later request. Set the language once, on <html lang> or a <civic-provider>.`,
    );
  }
}

function startObserving(): MutationObserver {
  const watching = new MutationObserver(() => {
    settle();
    for (const watcher of watchers) watcher.requestUpdate();
  });
  watching.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return watching;
}
