/**
 * The facilitator's controls, shown only to a screen given a facilitator code: move the agenda,
 * set or stop the timer, open and close voting, reveal the results. Native buttons and a number
 * field in a labelled region, so every one works by keyboard; a control that cannot be used now
 * says why in its hint rather than vanishing.
 */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { MeetingChange, MeetingState } from '../../domain/meeting.js';
import type { Proposal } from '../../domain/types.js';

export interface ControlsView {
  state: MeetingState;
  proposals: readonly Proposal[];
  /** A change is on its way: the buttons wait. */
  busy: boolean;
  /** Why the last change was refused, if it was. */
  error?: string;
  level: number;
  change: (change: MeetingChange) => void;
}

/**
 * A button that stays focusable when it cannot be used (`aria-disabled`): `disabled` would drop the
 * keyboard's focus to the page the moment "Next proposal" reaches the last one.
 */
function control(label: string, usable: boolean, act: () => void, { primary = false, describedBy }: { primary?: boolean; describedBy?: string } = {}) {
  return html`<button type="button" class="button ${primary ? '' : 'button--secondary'}" aria-disabled=${usable ? 'false' : 'true'}
    aria-describedby=${describedBy ?? nothing} @click=${() => usable && act()}>${label}</button>`;
}

export function renderControls({ state, proposals, busy, error, level, change }: ControlsView) {
  const index = state.proposalId === null ? -1 : proposals.findIndex((proposal) => proposal.id === state.proposalId);
  const previous = index > 0 ? proposals[index - 1]!.id : null;
  const next = proposals[index + 1]?.id;
  const onTimer = (event: SubmitEvent) => {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('minutes') as HTMLInputElement;
    const minutes = Number(field.value);
    if (busy) return;
    if (Number.isFinite(minutes) && minutes > 0) change({ timerSeconds: Math.min(180 * 60, Math.round(minutes * 60)) });
    else field.focus();
  };
  const voting = state.voting;
  return html`<section class="controls" part="controls" aria-labelledby="controls-title">
    <div class="controls__title" role="heading" aria-level=${level} id="controls-title">${msg('Facilitator controls')}</div>
    ${error ? html`<p class="controls__error" part="controls-error" role="alert">${error}</p>` : nothing}
    <div class="controls__group" role="group" aria-label=${msg('Agenda')}>
      ${control(index > 0 ? msg('Previous proposal') : msg('Back to the welcome'), !busy && index >= 0, () => change({ proposalId: previous }))}
      ${control(index < 0 ? msg('Show the first proposal') : msg('Next proposal'), !busy && next !== undefined, () => change({ proposalId: next! }))}
    </div>
    <form class="controls__group" aria-label=${msg('Timer')} @submit=${onTimer}>
      <label class="controls__label" for="minutes">${msg('Minutes')}</label>
      <input class="input controls__minutes" id="minutes" name="minutes" type="number" min="1" max="180" step="1" value="3" inputmode="numeric" />
      <button class="button button--secondary" aria-disabled=${busy ? 'true' : 'false'}>${msg('Start the timer')}</button>
      ${control(msg('Stop the timer'), !busy && state.timer !== null, () => change({ timerSeconds: null }))}
    </form>
    <div class="controls__group" role="group" aria-label=${msg('Voting')}>
      ${voting === 'open'
        ? control(msg('Close voting'), !busy, () => change({ voting: 'closed' }), { primary: true })
        : control(voting === 'closed' ? msg('Reopen voting') : msg('Open voting'), !busy, () => change({ voting: 'open' }), { primary: true })}
      ${control(msg('Reveal the results'), !busy && voting === 'closed' && !state.revealed, () => change({ revealed: true }), { primary: true, describedBy: 'reveal-hint' })}
      <p class="hint" id="reveal-hint">
        ${state.revealed ? msg('The results are on the screen.') : voting === 'closed' ? msg('Voting has closed: the results can be shown.') : msg('Close voting before revealing the results.')}
      </p>
    </div>
  </section>`;
}
