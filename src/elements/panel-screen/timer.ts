/**
 * The facilitator's countdown, in figures large enough for the back of the room. It is not a live
 * region: a screen reader that wants the time left reads it (its label says it in words); only
 * "Time is up" is announced, by the element's one live region.
 */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { MeetingTimer } from '../../domain/meeting.js';
import { clockText, timeLeftText } from './words.js';

export function renderTimer(timer: MeetingTimer | null, left: number, locale: string) {
  if (!timer) return nothing;
  const up = left <= 0;
  return html`<div class="timer ${up ? 'timer--up' : ''}" part="timer" role="timer" aria-label=${up ? msg('Time is up') : timeLeftText(left, locale)}>
    ${up ? nothing : html`<span class="timer__label" aria-hidden="true">${msg('Time left')}</span>`}
    <span class="timer__clock" aria-hidden="true">${up ? msg('Time is up') : clockText(left, locale)}</span>
  </div>`;
}
