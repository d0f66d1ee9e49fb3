/** The voting code, asked for before the ballot in rounds that post codes to residents. */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { renderErrorSummary } from '../../../core/error-summary.js';

export interface CodeStepView {
  code: string;
  /** Why the code was not accepted, if it was not. */
  error?: string;
  level: number;
  submit: (code: string) => void;
  focus: (id: string) => void;
}

export function codeStep({ code, error, level, submit, focus }: CodeStepView) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    submit(((event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement).value);
  };
  return html`${renderErrorSummary(error ? [{ text: error, focus: () => focus('code') }] : [], { headingLevel: level })}
    <form class="code-step" part="code-step" novalidate @submit=${onSubmit}>
      <div class="group ${error ? 'group--error' : ''}">
        <div class="step-title" role="heading" aria-level=${level} id="step" tabindex="-1">
          <label for="code">${msg('Enter your voting code')}</label>
        </div>
        <p class="hint" id="code-hint">${msg('It is on the letter or email we sent you. Capitals, spaces and dashes do not matter.')}</p>
        ${error ? html`<p class="error-message" id="code-error"><span class="visually-hidden">${msg('Error:')}</span> ${error}</p>` : nothing}
        <input class="input input--code" id="code" name="code" autocomplete="off" spellcheck="false" autocapitalize="characters"
          aria-describedby="code-hint ${error ? 'code-error' : ''}" aria-invalid=${error ? 'true' : 'false'} .value=${code} />
      </div>
      <div class="actions"><button class="button" part="continue-button">${msg('Continue')}</button></div>
    </form>`;
}
