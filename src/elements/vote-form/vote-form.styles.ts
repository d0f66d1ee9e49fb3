import { css } from 'lit';

// Comments stay out of the CSS itself, which ships as written:
// - headings take focus when a step begins, to be read out; the error summary keeps its ring;
// - a long ballot lays out and paints only the rows in view (content-visibility); they stay in
//   the accessibility tree. A row not yet shown is counted as tall as a usual row (two lines on a
//   wide screen, three or four on a phone): counted taller, more rows come into view once the
//   first have been laid out, and are laid out a frame or two later, in the middle of a click.
export const styles = css`
  :host {
    container-type: inline-size;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  .heading {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.2 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .description,
  .closes,
  .rules,
  .notice,
  .review,
  .receipt,
  .code-step {
    margin-block-end: var(--_space-4);
  }

  .notice > * + *,
  .receipt > * + * {
    margin-block-start: var(--_space-2);
  }

  .step-title,
  .subheading {
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
  }

  .subheading {
    margin-block: var(--_space-4) var(--_space-2);
  }

  .hint {
    color: var(--_color-text-secondary);
  }

  .rows {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .row {
    padding-block: var(--_space-3);
    border-block-end: var(--_border-width) solid var(--_color-border);
    content-visibility: auto;
    contain-intrinsic-size: auto 3.5em;
  }

  @container (inline-size < 30em) {
    .row {
      contain-intrinsic-size: auto 5.5em;
    }
  }

  .row__main {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-2) var(--_space-3);
  }

  .label {
    display: flex;
    flex: 1 1 12em;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space-3);
    cursor: pointer;
  }

  .title {
    flex: 1 1 10em;
    overflow-wrap: anywhere;
  }

  .cost {
    font-weight: var(--_font-weight-bold);
    white-space: nowrap;
  }

  .check {
    flex: none;
    inline-size: 1.75em;
    block-size: 1.75em;
    margin: 0;
    accent-color: var(--_color-text);
  }

  .check[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .row--blocked .label {
    color: var(--_color-text-secondary);
  }

  .why {
    margin-block-start: var(--_space-1);
    padding-inline-start: calc(1.75em + var(--_space-3));
    color: var(--_color-text-secondary);
  }

  .details {
    margin-block-start: var(--_space-2);
    padding-inline-start: calc(1.75em + var(--_space-3));
  }

  .details summary {
    inline-size: fit-content;
    color: var(--_color-link);
    text-decoration: underline;
    cursor: pointer;
  }

  .details summary:focus-visible {
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    outline: none;
  }

  .details[open] civic-proposal-card {
    margin-block-start: var(--_space-2);
  }

  .fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .answers {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin-block-start: var(--_space-2);
  }

  .answer {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }

  .points {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .stepper {
    min-inline-size: var(--_tap-target);
    padding-inline: var(--_space-2);
    font-weight: var(--_font-weight-bold);
  }

  .input,
  .select {
    min-block-size: var(--_tap-target);
    padding: var(--_space-1);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    border-radius: 0;
    color: var(--_color-text);
    background: var(--_color-background);
    font: inherit;
  }

  .select,
  .select option {
    line-height: var(--_line-height);
  }

  .input--points {
    inline-size: 4em;
    text-align: center;
  }

  .input--code {
    display: block;
    inline-size: min(100%, 16em);
    margin-block-start: var(--_space-2);
    letter-spacing: 0.1em;
    text-transform: uppercase;
  }

  .input:focus-visible,
  .select:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 var(--_border-width-strong) var(--_color-border-strong);
  }

  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
  }

  .ranking {
    margin-block-start: var(--_space-4);
  }

  .ranks {
    margin: var(--_space-2) 0 0;
    padding: 0;
    list-style: none;
  }

  .rank {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-2);
    border: var(--_border-width) solid var(--_color-border);
    background: var(--_color-background);
    cursor: grab;
  }

  .rank + .rank {
    margin-block-start: var(--_space-2);
  }

  .rank__position {
    min-inline-size: 2em;
    font-weight: var(--_font-weight-bold);
    text-align: center;
  }

  .rank__title {
    flex: 1 1 8em;
    overflow-wrap: anywhere;
  }

  .moves {
    display: flex;
    gap: var(--_space-2);
  }

  .meter {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    margin-block: var(--_space-3);
    padding: var(--_space-3);
    border-block-start: var(--_border-width-strong) solid var(--_color-border-strong);
    background: var(--_color-surface);
    font-weight: var(--_font-weight-bold);
  }

  .meter__bar {
    display: block;
    inline-size: 100%;
    block-size: var(--_space-3);
    margin-block-end: var(--_space-2);
    accent-color: var(--_color-primary);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin-block-start: var(--_space-4);
  }

  .group--error,
  .row--error {
    padding-inline-start: var(--_space-3);
    border-inline-start: 5px solid var(--_color-error);
  }

  .error-message {
    margin-block: var(--_space-1);
  }

  .summary {
    margin-block: var(--_space-3);
  }

  .summary__row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    padding-block: var(--_space-2);
    border-block-end: var(--_border-width) solid var(--_color-border);
  }

  .summary__row dt {
    flex: 1 1 12em;
    overflow-wrap: anywhere;
  }

  .summary__row dd {
    font-weight: var(--_font-weight-bold);
  }

  .summary__row--total dt {
    font-weight: var(--_font-weight-bold);
  }

  .notice {
    padding: var(--_space-3);
    border-inline-start: 5px solid var(--_color-link);
    background: var(--_color-surface);
  }

  .notice--success {
    border-color: var(--_color-success);
  }

  .receipt__id code {
    font-family: inherit;
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
  }

  @media print {
    .no-print,
    .button {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .meter,
    .notice,
    .rank {
      border: 1px solid CanvasText;
    }
  }

  /* A kiosk's "Are you still there?": hard to miss, at the top of the form. */
  .kiosk-warning {
    margin-block-end: var(--_space-4);
    padding: var(--_space-3);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    border-inline-start: 10px solid var(--_color-error);
    background: var(--_color-background);
  }

  .kiosk-warning .panel__title {
    margin-block-end: var(--_space-2);
  }

  .kiosk-notice {
    margin-block-start: var(--_space-4);
    padding-block-start: var(--_space-3);
    border-block-start: var(--_border-width) solid var(--_color-border);
  }
`;
