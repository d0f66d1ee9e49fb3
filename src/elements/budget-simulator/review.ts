/** The review before sending (GOV.UK's "check your answers") and the receipt after. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Simulation, SubmissionReceipt } from '../../domain/types.js';
import { lineValue } from '../../domain/rules/simulation.js';
import { councilTaxBill } from '../../domain/rules/council-tax.js';
import { formatMoney } from '../../domain/format.js';
import { formatChange, formatValue } from '../budget-slider/value-text.js';
import { localText } from '../../core/local-text.js';

export interface ReviewView {
  simulation: Simulation;
  values: Readonly<Record<string, number>>;
  locale: string;
  band: string;
  /** The heading level of the review's title; its sections are one below. */
  level: number;
  headline: string;
  comment: TemplateResult;
  sending: boolean;
  onChangeLine: (lineId: string) => void;
  onBack: () => void;
  onSend: () => void;
}

export function renderReview(view: ReviewView): TemplateResult {
  const { simulation, values, locale } = view;
  const changed = simulation.lines.filter((line) => lineValue(line, values) !== line.baseline);
  const bill = councilTaxBill(simulation, values, view.band);
  return html`<section class="review" part="review" aria-labelledby="review-title">
    <div class="review__title" role="heading" aria-level=${view.level} id="review-title" tabindex="-1">${msg('Check your budget before you send it')}</div>
    <p class="review__headline" dir="auto">${view.headline}</p>
    ${bill ? html`<p dir="auto">${msg(str`A Band ${bill.band} home’s council tax changes by ${formatMoney(bill.change, simulation.currency, locale, { signed: true })} a year.`)}</p>` : nothing}
    <div class="review__subtitle" role="heading" aria-level=${view.level + 1}>${msg('Your changes')}</div>
    ${changed.length === 0
      ? html`<p>${msg('You have not changed anything: you are sending the budget as the council set it out.')}</p>`
      : html`<dl class="summary-list" part="summary-list">
          ${changed.map((line) => {
            const format = { unit: line.unit, currency: simulation.currency, locale };
            const value = lineValue(line, values);
            return html`<div class="summary-list__row">
              <dt class="summary-list__key" dir="auto">${localText(line.label, locale)}</dt>
              <dd class="summary-list__value" dir="auto">${formatValue(value, format)} <span class="summary-list__change">(${formatChange(value, line.baseline, format)})</span></dd>
              <dd class="summary-list__actions">
                <button type="button" class="link-button" @click=${() => view.onChangeLine(line.id)}>
                  ${msg('Change')}<span class="visually-hidden"> ${localText(line.label, locale)}</span>
                </button>
              </dd>
            </div>`;
          })}
        </dl>`}
    ${view.comment}
    <div class="actions">
      <button type="button" class="button" part="send-button" ?disabled=${view.sending} aria-disabled=${view.sending ? 'true' : 'false'} @click=${view.onSend}>
        ${view.sending ? msg('Sending…') : msg('Send my budget')}
      </button>
      <button type="button" class="button button--secondary" part="back-button" @click=${view.onBack}>${msg('Go back and change it')}</button>
    </div>
  </section>`;
}

/** The confirmation: sent with its reference, or kept on the device until it can be sent. */
export function renderReceipt(receipt: SubmissionReceipt | undefined, level: number, onStartAgain: () => void): TemplateResult {
  return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
    <div class="panel" part="panel">
      <div class="panel__title" role="heading" aria-level=${level} id="receipt-title" tabindex="-1">${receipt ? msg('Budget sent') : msg('Budget saved on this device')}</div>
      ${receipt ? html`<p class="panel__body">${msg('Your reference')}<br /><strong class="reference" part="reference">${receipt.id}</strong></p>` : nothing}
    </div>
    <p>
      ${receipt
        ? msg('Thank you for taking part. The council will read every budget residents send before it sets next year’s budget.')
        : msg('We could not reach the council just now. Your budget is kept on this device and will be sent as soon as the connection is back: you do not need to do anything.')}
    </p>
    <p><button type="button" class="button button--secondary" part="start-again-button" @click=${onStartAgain}>${msg('Start a new budget')}</button></p>
  </section>`;
}
