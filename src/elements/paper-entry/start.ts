/** Who is at the count, which batch they key, and the count's access code: asked once, before anything else. */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ErrorSummaryItem } from '../../core/error-summary.js';

export interface StartView {
  clerk: string;
  batch: string;
  errors: readonly ErrorSummaryItem[];
  level: number;
  start: (values: { clerk: string; batch: string; token: string }) => void;
}

const errorFor = (errors: readonly ErrorSummaryItem[], id: string) => errors.find((error) => error.target === id)?.text;

function field(id: string, label: string, hint: string, error: string | undefined, input: unknown) {
  return html`<div class="form-group ${error ? 'form-group--error' : ''}">
    <label class="label" for=${id}>${label}</label>
    <p class="hint" id="${id}-hint">${hint}</p>
    ${error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${msg('Error:')}</span> ${error}</p>` : nothing}
    ${input}
  </div>`;
}

export function startStep({ clerk, batch, errors, level, start }: StartView) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    start({ clerk: value('clerk'), batch: value('batch'), token: value('token') });
  };
  const described = (id: string) => `${id}-hint ${errorFor(errors, id) ? `${id}-error` : ''}`;
  return html`<form class="start" part="start" novalidate @submit=${onSubmit}>
    <div role="heading" aria-level=${level} class="title">${msg('Start keying a batch')}</div>
    ${field('clerk', msg('Your name'), msg('As you sign the count sheet. Each ballot is keyed by two different clerks.'), errorFor(errors, 'clerk'),
      html`<input class="input" id="clerk" name="clerk" autocomplete="name" aria-describedby=${described('clerk')} aria-invalid=${errorFor(errors, 'clerk') ? 'true' : 'false'} .value=${clerk} />`)}
    ${field('batch', msg('Batch'), msg('The label on the batch’s cover sheet, for example B7.'), errorFor(errors, 'batch'),
      html`<input class="input input--short" id="batch" name="batch" autocomplete="off" spellcheck="false" aria-describedby=${described('batch')} aria-invalid=${errorFor(errors, 'batch') ? 'true' : 'false'} .value=${batch} />`)}
    ${field('token', msg('Access code for the count'), msg('From the council’s elections office. It is kept on this page only until you close it.'), errorFor(errors, 'token'),
      html`<input class="input" id="token" name="token" type="password" autocomplete="off" aria-describedby=${described('token')} />`)}
    <div class="actions"><button class="button" part="start-button">${msg('Start')}</button></div>
  </form>`;
}
