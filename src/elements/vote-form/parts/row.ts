/** What every kind's rows share: a compact row, why a proposal cannot be added, its errors, its details. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Proposal } from '../../../domain/types.js';
import { blockText } from '../texts.js';
import type { BallotView } from '../view.js';
import { localText } from '../../../core/local-text.js';
import { getLocale } from '../../../i18n/localize.js';

/** The ids that describe a proposal's control: why it cannot be added, and its errors. */
export function describedBy(view: BallotView, proposal: Proposal): string | typeof nothing {
  const id = view.idOf(proposal.id);
  const ids = [view.blocks.has(proposal.id) && `${id}-why`, view.errors.has(id) && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** A proposal's title and cost, as the label of its control. */
export function label(view: BallotView, proposal: Proposal, target = view.idOf(proposal.id)): TemplateResult {
  return html`<label class="label" for=${target}
    ><span class="title" dir="auto">${localText(proposal.title, view.locale)}</span> <span class="cost">${view.money(proposal.cost)}</span></label
  >`;
}

/** The error messages of one control, GOV.UK style: above it, said with it. */
export function errorMessages(view: BallotView, id: string): TemplateResult | typeof nothing {
  const errors = view.errors.get(id);
  return errors
    ? html`<p class="error-message" id="${id}-error">
        ${errors.map((text) => html`<span class="visually-hidden">${msg('Error:')}</span> <span dir="auto">${text}</span> `)}
      </p>`
    : nothing;
}

/** One proposal as a compact row: `control` (which labels itself), then why it cannot be added, then its details. */
export function row(view: BallotView, proposal: Proposal, control: unknown, extra: unknown = nothing): TemplateResult {
  const id = view.idOf(proposal.id);
  const block = view.blocks.get(proposal.id);
  return html`<li class="row ${view.errors.has(id) ? 'row--error' : ''} ${block ? 'row--blocked' : ''}" part="proposal">
    ${errorMessages(view, id)}
    <div class="row__main">${control}</div>
    ${block ? html`<p class="why" id="${id}-why" part="why">${blockText(block, view)}</p>` : nothing} ${extra} ${view.details(proposal)}
  </li>`;
}

/**
 * `render` (a row) again only when something the row shows has changed: a click on a 200-proposal
 * ballot changes the clicked row and the rows that do not fit (what they say changes with the money
 * left), not every row. `state` is what the kind's control shows (chosen or not); the rest is what
 * every row shows: its reason not to fit, its errors, its details, the language. A kept row keeps
 * the handlers of its last render, so its control's handlers must not hold the selections: the
 * list handles its rows' events instead (approval's `toggleChecked`).
 */
export function keptRow(view: BallotView, proposal: Proposal, state: unknown, render: () => TemplateResult) {
  const id = view.idOf(proposal.id);
  const { blocks, errors, opened, locale, level, round } = view;
  return guard([proposal, id, state, blocks.get(proposal.id), errors.get(id), opened.has(proposal.id), locale, getLocale(), level, round.currency], render);
}
