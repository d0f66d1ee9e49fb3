/** What a kiosk says before it forgets: "Are you still there?", and how long a receipt stays. */
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { formatNumber } from '../../../domain/format.js';
import { plural } from '../../../i18n/plural.js';

function secondsText(seconds: number, locale: string): string {
  const n = formatNumber(seconds, locale);
  return plural(seconds, locale, {
    zero: () => msg(str`${n} seconds`, { id: 'vote.kiosk.seconds.zero' }),
    one: () => msg(str`${n} second`, { id: 'vote.kiosk.seconds.one' }),
    two: () => msg(str`${n} seconds`, { id: 'vote.kiosk.seconds.two' }),
    few: () => msg(str`${n} seconds`, { id: 'vote.kiosk.seconds.few' }),
    many: () => msg(str`${n} seconds`, { id: 'vote.kiosk.seconds.many' }),
    other: () => msg(str`${n} seconds`, { id: 'vote.kiosk.seconds.other' }),
  });
}

/** An alert (announced at once) with the one action that keeps the resident's vote: WCAG 2.2.1. */
export function kioskWarning(seconds: number, from: number, locale: string, level: number, stay: () => void) {
  const sentence = (left: string) => msg(str`This screen will clear in ${left} for the next person, and your choices will be forgotten.`);
  // Said once with the time it started from; the figure that counts down is for the eyes only, or the alert would speak every second.
  return html`<div class="kiosk-warning" part="kiosk-warning" role="alert">
    <div class="panel__title" role="heading" aria-level=${level}>${msg('Are you still there?')}</div>
    <p><span class="visually-hidden">${sentence(secondsText(from, locale))}</span><span aria-hidden="true">${sentence(secondsText(seconds, locale))}</span></p>
    <button type="button" class="button" id="kiosk-stay" @click=${stay}>${msg('I’m still here')}</button>
  </div>`;
}

/** Under a receipt: when the screen clears, and a way to clear it now. */
export function kioskReceiptNotice(seconds: number, locale: string, finish: () => void) {
  const left = secondsText(seconds, locale);
  return html`<div class="kiosk-notice" part="kiosk-notice">
    <p>${msg(str`This screen will clear in ${left} for the next person.`)}</p>
    <button type="button" class="button button--secondary" @click=${finish}>${msg('Finish and clear the screen')}</button>
  </div>`;
}
