/** The audit log: every entry, correction and settlement, who made it and when, before and after. */
import { msg } from '@lit/localize';
import { html } from 'lit';
import type { PaperAudit } from '../../domain/paper.js';
import { keysOf } from '../../domain/paper-keying.js';
import type { Selections } from '../../domain/rules/index.js';
import type { Proposal } from '../../domain/types.js';
import { formatDate } from '../../domain/format.js';
import { actionLabel } from './words.js';

export interface AuditView {
  audit: PaperAudit | undefined;
  proposals: readonly Proposal[];
  locale: string;
  level: number;
}

export function auditStep({ audit, proposals, locale, level }: AuditView) {
  const typed = (selections: Selections) => keysOf(selections, proposals) || msg('Blank');
  const before = (value: Selections | Selections[] | null) => {
    if (value === null) return '';
    // A settlement replaced both entries; a correction one.
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') return (value as Selections[]).map(typed).join(' / ');
    return typed(value as Selections);
  };
  const entries = audit?.entries ?? [];
  return html`<div class="audit" part="audit">
    <div role="heading" aria-level=${level} class="title">${msg('Audit log')}</div>
    ${entries.length === 0
      ? html`<p class="empty">${msg('Nothing has been keyed in this round yet.')}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${msg('Audit log')}>
          <table class="audit__table">
            <thead>
              <tr>
                <th scope="col">${msg('When')}</th>
                <th scope="col">${msg('Who')}</th>
                <th scope="col">${msg('What')}</th>
                <th scope="col">${msg('Ballot')}</th>
                <th scope="col">${msg('Batch')}</th>
                <th scope="col">${msg('Before')}</th>
                <th scope="col">${msg('After')}</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (line) => html`<tr>
                  <td>${formatDate(line.at, locale, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td dir="auto">${line.actor}</td>
                  <td>${actionLabel(line.action)}</td>
                  <td>${line.number}</td>
                  <td>${line.batch}</td>
                  <td>${before(line.before)}</td>
                  <td>${typed(line.after)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  </div>`;
}
