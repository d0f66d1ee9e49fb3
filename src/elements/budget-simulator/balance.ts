/**
 * The running balance: what is left to balance, in words, from the domain's `simulationBalance`;
 * and what the budget means for the resident's own council tax.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Simulation } from '../../domain/types.js';
import type { SimulationBalance } from '../../domain/rules/simulation.js';
import { councilTaxBands, councilTaxBill } from '../../domain/rules/council-tax.js';
import { formatMoney, formatMoneyCompact } from '../../domain/format.js';
import { formatPoints } from '../budget-slider/value-text.js';

/** The balance's headline: "£6.25 million still to find", "12 points left to spend", "Balanced". */
export function balanceHeadline(balance: SimulationBalance, currency: string, locale: string): string {
  const amount = balance.unit === 'points' ? formatPoints(balance.gap, locale) : formatMoneyCompact(balance.gap, currency, locale);
  if (balance.status === 'balanced') return balance.unit === 'points' ? msg('All your points are spent') : msg('Your budget balances');
  if (balance.unit === 'points') return balance.status === 'over' ? msg(str`${amount} too many`) : msg(str`${amount} left to spend`);
  return balance.status === 'over' ? msg(str`${amount} still to find`) : msg(str`${amount} still to spend`);
}

/** What the headline means and what to do about it. */
export function balanceAdvice(balance: SimulationBalance, simulation: Simulation, locale: string): string {
  const money = (amount: number) => formatMoneyCompact(amount, simulation.currency, locale);
  if (balance.unit === 'points') {
    const total = formatPoints(balance.revenue, locale);
    if (balance.status === 'balanced') return msg(str`You have given out all ${total}.`);
    return balance.status === 'over' ? msg(str`Take points away from some lines: you can give ${total} in all.`) : msg(str`Give them to the lines that matter most to you: you must give ${total} in all.`);
  }
  const tolerance = simulation.tolerance ?? 0;
  const within = tolerance > 0 ? ' ' + msg(str`Within ${money(tolerance)} counts as balanced.`) : '';
  if (balance.status === 'over') return msg('Spend less on some services or raise more money.') + within;
  if (balance.status === 'under') return msg('Spend more on some services or raise less money.') + within;
  if (balance.surplus > 0) return msg(str`${money(balance.surplus)} is left over.`);
  if (balance.surplus < 0) return msg(str`Spending is ${money(-balance.surplus)} more than income, which is within what is allowed.`);
  return msg('Spending and income are the same.');
}

/**
 * The running balance: its headline (and the resident's council tax, `tax`) stays in view while
 * they scroll, kept short so it hides little of a phone's screen; the advice and totals follow it.
 * `announcement` is read to screen readers a moment after each change.
 */
export function renderBalance(
  balance: SimulationBalance,
  simulation: Simulation,
  locale: string,
  announcement: string,
  level: number,
  tax: TemplateResult | typeof nothing,
): TemplateResult {
  const money = (amount: number) => formatMoneyCompact(amount, simulation.currency, locale);
  return html`<section class="sticky balance balance--${balance.status}" part="balance" id="balance" tabindex="-1" aria-labelledby="balance-title">
      <div class="visually-hidden" role="heading" aria-level=${level} id="balance-title">${msg('Your budget so far')}</div>
      <p class="balance__headline" part="balance-headline" dir="auto">${balanceHeadline(balance, simulation.currency, locale)}</p>
      ${tax}
      <p class="visually-hidden" role="status">${announcement}</p>
    </section>
    <div class="balance__detail">
      <p dir="auto">${balanceAdvice(balance, simulation, locale)}</p>
      ${balance.unit === 'money'
        ? html`<p class="balance__totals">
            <span dir="auto">${msg(str`Spending ${money(balance.spending)}`)}</span>
            <span dir="auto">${msg(str`Income ${money(balance.revenue)}`)}</span>
          </p>`
        : nothing}
    </div>`;
}

/**
 * "Your council tax changes by +£34 a year", for the band the resident picks; nothing when the
 * simulation has no council tax.
 */
export function renderCouncilTax(
  simulation: Simulation,
  values: Readonly<Record<string, number>>,
  band: string,
  locale: string,
  onBand: (band: string) => void,
): TemplateResult | typeof nothing {
  if (!simulation.councilTax) return nothing;
  const bill = councilTaxBill(simulation, values, band);
  const money = (amount: number, signed = false) => formatMoney(amount, simulation.currency, locale, { signed });
  return html`<div class="council-tax" part="council-tax">
    <fieldset class="bands" aria-describedby="band-hint">
      <legend class="legend">${msg('Your council tax band')}</legend>
      <p class="hint" id="band-hint" dir="auto">${msg('It is on your council tax bill.')}</p>
      <div class="bands__options" @change=${(event: Event) => onBand((event.target as HTMLInputElement).value)}>
        ${councilTaxBands(simulation.councilTax).map(
          ({ band: name }) => html`<label class="band"><input type="radio" name="band" value=${name} .checked=${name === band} /><span>${msg(str`Band ${name}`)}</span></label>`,
        )}
      </div>
    </fieldset>
    ${bill
      ? html`<p class="council-tax__change" part="council-tax-change" dir="auto">
            ${msg(str`Your council tax changes by ${money(bill.change, true)} a year`)}
          </p>
          <p class="council-tax__bill" dir="auto">${msg(str`From ${money(bill.now)} to ${money(bill.next)} a year for a Band ${bill.band} home.`)}</p>`
      : nothing}
  </div>`;
}
