/**
 * The ballots whose two entries differ, each as a table with the two readings side by side (a row
 * per proposal either clerk keyed, the rows that differ marked in words, not colour alone), and a
 * field for the third person to key what the paper says.
 */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ErrorSummaryItem } from '../../core/error-summary.js';
import type { PaperBallot } from '../../domain/paper.js';
import type { Selections } from '../../domain/rules/index.js';
import type { BallotKind, Proposal } from '../../domain/types.js';
import { answerText } from '../vote-form/texts.js';
import { localText } from '../../core/local-text.js';
import { keyingHint } from './words.js';

export interface MismatchesView {
  kind: BallotKind;
  locale: string;
  proposals: readonly Proposal[];
  mismatches: readonly PaperBallot[];
  errors: readonly ErrorSummaryItem[];
  busy: boolean;
  level: number;
  settle: (number: string, keys: string) => void;
}

/** What one reading says about one proposal: marked, its place in a ranking, its points or its answer; empty when nothing. */
function mark(selections: Selections, id: string, kind: BallotKind): string {
  if (Array.isArray(selections)) {
    const place = selections.indexOf(id);
    if (place < 0) return '';
    return kind === 'ordinal' ? String(place + 1) : msg('Marked');
  }
  const value = (selections as Record<string, number | string>)[id];
  if (value === undefined) return '';
  return typeof value === 'number' ? String(value) : answerText(value as 'yes' | 'no' | 'abstain');
}

/** A settle field's id; ballot numbers are letters, digits and dashes, so they are safe in an id. */
export const settleId = (number: string) => `settle-${number}`;

export function mismatchesStep(view: MismatchesView) {
  const { mismatches, level } = view;
  return html`<div class="mismatches" part="mismatches">
    <div role="heading" aria-level=${level} class="title">${msg('Entries that differ')}</div>
    ${mismatches.length === 0
      ? html`<p class="empty" part="no-mismatches">${msg('No ballot in this batch has two entries that differ.')}</p>`
      : html`<p class="hint">${msg('Look at each paper ballot and key what it says. Only someone who keyed neither entry can settle it.')}</p>
          ${mismatches.map((ballot) => mismatch(view, ballot))}`}
  </div>`;
}

function mismatch(view: MismatchesView, ballot: PaperBallot) {
  const { proposals, kind, level, errors, busy, locale } = view;
  const [first, second] = ballot.entries as [PaperBallot['entries'][0], PaperBallot['entries'][0]];
  const listed = proposals
    .map((proposal, index) => ({ proposal, index }))
    .filter(({ proposal }) => mark(first.selections, proposal.id, kind) !== '' || mark(second.selections, proposal.id, kind) !== '');
  const id = settleId(ballot.number);
  const own = errors.filter((error) => error.target === id).map((error) => error.text);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    view.settle(ballot.number, ((event.target as HTMLFormElement).elements.namedItem('keys') as HTMLInputElement).value);
  };
  return html`<section class="mismatch" part="mismatch" aria-labelledby="${id}-title">
    <div role="heading" aria-level=${level + 1} class="subtitle" id="${id}-title">${msg(str`Ballot ${ballot.number}`)}</div>
    <table class="compare" part="compare">
      <caption class="visually-hidden">${msg(str`The two entries of ballot ${ballot.number}`)}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Proposal')}</th>
          <th scope="col" dir="auto">${first.clerk}</th>
          <th scope="col" dir="auto">${second.clerk}</th>
        </tr>
      </thead>
      <tbody>
        ${listed.length === 0 ? html`<tr><td colspan="3">${msg('Both entries are blank.')}</td></tr>` : nothing}
        ${listed.map(({ proposal, index }) => {
          const [a, b] = [mark(first.selections, proposal.id, kind), mark(second.selections, proposal.id, kind)];
          const word = (value: string) => (value === '' ? msg('Not marked') : value);
          return html`<tr class=${a === b ? '' : 'compare__differs'}>
            <th scope="row"><span class="key__number">${index + 1}</span> <span dir="auto">${localText(proposal.title, locale)}</span>${a === b ? nothing : html` <strong class="differs">${msg('(differs)')}</strong>`}</th>
            <td>${word(a)}</td>
            <td>${word(b)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <form class="settle" novalidate @submit=${onSubmit}>
      <div class="form-group ${own.length ? 'form-group--error' : ''}">
        <label class="label" for=${id}>${msg(str`What ballot ${ballot.number} says`)}</label>
        <p class="hint" id="${id}-hint">${keyingHint(kind)}</p>
        ${own.length ? html`<div class="error-message" id="${id}-error"><span class="visually-hidden">${msg('Error:')}</span> ${own.map((text) => html`<span class="error-line" dir="auto">${text}</span>`)}</div>` : nothing}
        <input class="input" dir="ltr" id=${id} name="keys" autocomplete="off" spellcheck="false" aria-describedby="${id}-hint ${own.length ? `${id}-error` : ''}" aria-invalid=${own.length ? 'true' : 'false'} />
      </div>
      <div class="actions"><button class="button" part="settle-button" ?disabled=${busy}>${msg(str`Settle ballot ${ballot.number}`)}</button></div>
    </form>
  </section>`;
}
