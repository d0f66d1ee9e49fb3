/** The choosing step: the rules in words, a filter by area, the kind's part, the running totals, Continue. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { WHOLE_BALLOT } from '../check.js';
import { kinds } from '../kinds/index.js';
import { rulesSentences } from '../texts.js';
import type { BallotView } from '../view.js';
import { renderErrorSummary } from '../../../core/error-summary.js';
import type { SummaryItem } from '../check.js';
import { meter } from './meter.js';
import { errorMessages } from './row.js';

export interface ChooseActions {
  problems: readonly SummaryItem[];
  /** The area shown, '' for all. */
  area: string;
  setArea: (area: string) => void;
  next: () => void;
}

/**
 * The running totals stick to the bottom of the screen; a control that takes focus behind them is
 * scrolled into view, so focus is never hidden (WCAG 2.2, 2.4.11).
 */
function uncover(event: FocusEvent): void {
  const control = event.target as HTMLElement;
  const meter = (event.currentTarget as HTMLElement).querySelector('[part~="meter"]');
  if (!meter || meter.contains(control)) return;
  const [at, under] = [control.getBoundingClientRect(), meter.getBoundingClientRect()];
  if (at.bottom > under.top && at.top < under.bottom) control.scrollIntoView({ block: 'center' });
}

/** `view.shown` is every proposal on the ballot; the filter narrows it when the round has many in several areas. */
export function chooseStep(all: BallotView, { problems, area, setArea, next }: ChooseActions): TemplateResult {
  const areas = [...new Set(all.shown.map((proposal) => proposal.area).filter((name): name is string => !!name))];
  const filtered = all.shown.length > 10 && areas.length > 1;
  const view = { ...all, shown: filtered && area ? all.shown.filter((proposal) => proposal.area === area) : all.shown };
  const kind = kinds[view.rules.kind] as (view: BallotView) => unknown;
  return html`${renderErrorSummary(problems.map((item) => ({ text: item.text, focus: () => view.focus(item.target) })), { headingLevel: view.level })}
    <p class="rules" part="rules">${rulesSentences(view.rules, view, all.shown.length === 1).join(' ')}</p>
    <form class="ballot" part="ballot" novalidate @submit=${(event: Event) => (event.preventDefault(), next())} @focusin=${uncover}>
      ${filtered
        ? html`<div class="filter" part="filter">
            <label for="area">${msg('Show proposals in')}</label>
            <select id="area" class="select" @change=${(event: Event) => setArea((event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!area}>${msg('All areas')}</option>
              ${areas.map((name) => html`<option .value=${name} ?selected=${area === name} dir="auto">${name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="group ${view.errors.has(WHOLE_BALLOT) ? 'group--error' : ''}">${errorMessages(view, WHOLE_BALLOT)} ${kind(view)}</div>
      ${meter(view)}
      <div class="actions"><button class="button" part="continue-button">${msg('Continue')}</button></div>
    </form>`;
}
