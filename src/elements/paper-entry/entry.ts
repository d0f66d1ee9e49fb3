/** Keying one ballot after another: its printed number, then what is marked, then Enter; the batch's tally beside. */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ErrorSummaryItem } from '../../core/error-summary.js';
import type { PaperBatch } from '../../domain/paper.js';
import type { BallotKind, Proposal } from '../../domain/types.js';
import { formatNumber } from '../../domain/format.js';
import { ballotCount, keyingHint, statusLabel } from './words.js';
import { localText } from '../../core/local-text.js';

export interface EntryView {
  kind: BallotKind;
  proposals: readonly Proposal[];
  batch: PaperBatch | undefined;
  batchLabel: string;
  number: string;
  keys: string;
  errors: readonly ErrorSummaryItem[];
  busy: boolean;
  locale: string;
  level: number;
  enter: (number: string, keys: string) => void;
}

const errorsFor = (errors: readonly ErrorSummaryItem[], id: string) => errors.filter((error) => error.target === id).map((error) => error.text);

export function entryStep(view: EntryView) {
  const { kind, proposals, errors, busy, level, locale } = view;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    view.enter(value('number'), value('keys'));
  };
  // Enter in the number moves on to the marks, so a clerk never leaves the keyboard; Enter there sends.
  const onNumberKey = (event: KeyboardEvent) => {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Enter' || input.value.trim() === '') return;
    event.preventDefault();
    (input.form!.elements.namedItem('keys') as HTMLInputElement).focus();
  };
  const numberErrors = errorsFor(errors, 'number');
  const keyErrors = errorsFor(errors, 'keys');
  return html`<div class="entry" part="entry">
    <form class="entry__form" novalidate @submit=${onSubmit}>
      <div role="heading" aria-level=${level} class="title">${msg(str`Batch ${view.batchLabel}: key a ballot`)}</div>
      <div class="form-group ${numberErrors.length ? 'form-group--error' : ''}">
        <label class="label" for="number">${msg('Ballot number')}</label>
        <p class="hint" id="number-hint">${msg('As printed on the paper. Press Enter to go on to the marks.')}</p>
        ${numberErrors.map((text) => html`<p class="error-message" id="number-error"><span class="visually-hidden">${msg('Error:')}</span> ${text}</p>`)}
        <input class="input input--short" dir="ltr" id="number" name="number" autocomplete="off" spellcheck="false" inputmode="numeric" part="number-input"
          aria-describedby="number-hint ${numberErrors.length ? 'number-error' : ''}" aria-invalid=${numberErrors.length ? 'true' : 'false'} .value=${view.number} @keydown=${onNumberKey} />
      </div>
      <div class="form-group ${keyErrors.length ? 'form-group--error' : ''}">
        <label class="label" for="keys">${msg('Marks on the paper')}</label>
        <p class="hint" id="keys-hint">${keyingHint(kind)}</p>
        ${keyErrors.length ? html`<div class="error-message" id="keys-error"><span class="visually-hidden">${msg('Error:')}</span> ${keyErrors.map((text) => html`<span class="error-line" dir="auto">${text}</span>`)}</div>` : nothing}
        <input class="input" dir="ltr" id="keys" name="keys" autocomplete="off" spellcheck="false" part="keys-input"
          aria-describedby="keys-hint ${keyErrors.length ? 'keys-error' : ''}" aria-invalid=${keyErrors.length ? 'true' : 'false'} .value=${view.keys} />
      </div>
      <div class="actions"><button class="button" part="enter-button" ?disabled=${busy}>${msg('Enter ballot')}</button></div>
    </form>
    <div class="entry__side">
      ${tally(view)}
      <div class="key" part="key">
        <div role="heading" aria-level=${level + 1} class="subtitle">${msg('Proposal numbers on the paper')}</div>
        <ol class="key__list">
          ${proposals.map((proposal, index) => html`<li><span class="key__number">${index + 1}</span> <span dir="auto">${localText(proposal.title, locale)}</span></li>`)}
        </ol>
      </div>
    </div>
  </div>`;
}

/** The batch so far: how many ballots stand where. */
function tally({ batch, locale, level }: EntryView) {
  const counts = batch?.counts ?? { waiting: 0, agreed: 0, mismatch: 0, settled: 0 };
  const total = counts.waiting + counts.agreed + counts.mismatch + counts.settled;
  return html`<div class="tally" part="tally">
    <div role="heading" aria-level=${level + 1} class="subtitle">${msg('This batch so far')}</div>
    <p class="tally__total">${ballotCount(total, locale)}</p>
    <dl class="tally__list">
      ${(['agreed', 'settled', 'waiting', 'mismatch'] as const).map(
        (status) => html`<div class="tally__row tally__row--${status}"><dt>${statusLabel(status)}</dt><dd>${formatNumber(counts[status], locale)}</dd></div>`,
      )}
    </dl>
  </div>`;
}
