/**
 * The receipt, GOV.UK's confirmation panel: the receipt number (to copy or print), when the vote
 * arrived, what was chosen, and how to check later that it was counted.
 */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatDate } from '../../../domain/format.js';
import type { Receipt } from '../../../domain/types.js';
import { summaryList, type ChoiceLine } from './review.js';

export interface ReceiptView {
  receipt: Receipt;
  lines: readonly ChoiceLine[];
  locale: string;
  level: number;
  /** Where the council lets residents check a receipt number, if it does. */
  checkUrl?: string;
  /** Told whether the number was copied, or only selected for the resident to copy. */
  copy: (copied: boolean) => void;
}

/** Copies the receipt number; without the Clipboard API (plain http, an old browser, a refused permission), by selecting it. */
async function copyNumber(number: Element, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    getSelection()?.selectAllChildren(number);
    return document.execCommand('copy');
  }
}

export function receiptPanel({ receipt, lines, locale, level, checkUrl, copy }: ReceiptView) {
  const when = formatDate(receipt.receivedAt, locale, { dateStyle: 'long', timeStyle: 'short' });
  return html`<section class="receipt" part="receipt" aria-labelledby="step">
    <div class="panel">
      <div class="panel__title" role="heading" aria-level=${level} id="step" tabindex="-1">${msg('Your vote has been received')}</div>
      <p>${msg('Your receipt number')}</p>
      <p class="receipt__id"><code id="receipt-id" part="receipt-id">${receipt.id}</code></p>
    </div>
    <p>${msg(str`Received on ${when}.`)}</p>
    <div class="actions no-print">
      <button type="button" class="button button--secondary" part="copy-button"
        @click=${(event: Event) => void copyNumber((event.target as Element).closest('.receipt')!.querySelector('#receipt-id')!, receipt.id).then(copy)}>${msg('Copy the receipt number')}</button>
      <button type="button" class="button button--secondary" @click=${() => window.print()}>${msg('Print this receipt')}</button>
    </div>
    ${lines.length
      ? html`<div class="subheading" role="heading" aria-level=${level + 1}>${msg('What you chose')}</div>
          ${summaryList(lines)}`
      : nothing}
    <p>
      ${checkUrl
        ? msg(html`With this number you can check on <a href=${checkUrl}>the council’s receipt page</a> that your vote was counted.`)
        : msg('Keep this number: with it, the council can confirm that your vote was counted.')}
    </p>
  </section>`;
}
