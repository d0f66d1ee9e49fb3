/** Whether voting is open, and how many ballots have arrived: a count, never what they say. */
import { html } from 'lit';
import type { MeetingState } from '../../domain/meeting.js';
import { ballotsReceived, votingText } from './words.js';

export function renderVoting(state: MeetingState, locale: string) {
  return html`<div class="voting voting--${state.voting}" part="voting">
    <p class="voting__status">${votingText(state.voting)}</p>
    ${state.voting === 'not-open' ? '' : html`<p class="voting__count" part="count">${ballotsReceived(state.ballots, locale)}</p>`}
  </div>`;
}
