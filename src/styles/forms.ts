import { css } from 'lit';
import { formMessageStyles } from './form-messages.js';

/**
 * GOV.UK Design System form patterns, rebuilt for shadow DOM: form groups with a red edge when in
 * error, labels, legends, hints, text inputs and areas, GOV.UK's character count, and what a form
 * says back (form-messages.ts). For any element with a form; after `sharedStyles`.
 */
export const fieldStyles = [
  formMessageStyles,
  css`
  .form-group {
    margin-block-end: var(--_space-5);
  }

  .form-group--error {
    padding-inline-start: var(--_space-3);
    border-inline-start: 5px solid var(--_color-error);
  }

  .fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .label,
  .legend {
    display: block;
    max-inline-size: 100%;
    margin-block-end: var(--_space-2);
    padding: 0;
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
    white-space: normal;
  }

  .hint {
    margin-block-end: var(--_space-3);
    color: var(--_color-text-secondary);
  }

  .input,
  .textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 40px;
    margin: 0;
    padding: var(--_space-1);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    border-radius: 0;
    color: var(--_color-text);
    background: var(--_color-background);
    font: inherit;
    -webkit-appearance: none;
    appearance: none;
  }

  .textarea {
    resize: vertical;
  }

  .input--error,
  .textarea--error {
    border-color: var(--_color-error);
  }

  .input:focus-visible,
  .textarea:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 var(--_border-width-strong) var(--_color-focus-text);
  }

  .count {
    color: var(--_color-text-secondary);
  }

  .count--over {
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  /* A field given focus by script shows the ring alone. */
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    box-shadow: none;
  }

  @media (forced-colors: active) {
    .form-group--error {
      border-color: CanvasText;
    }
  }
`,
];


/**
 * GOV.UK's radios and checkboxes (large targets, the native input kept on top of the drawn box so
 * clicks, keys and screen readers reach it) and conditional reveals, for a form that asks for choices.
 */
export const choiceStyles = css`
  /* Radios and checkboxes: the native input, transparent, over a 40px box drawn by the label. */
  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }

  .choices--inline {
    flex-flow: row wrap;
    gap: var(--_space-2) var(--_space-4);
  }

  .choice {
    position: relative;
    min-block-size: 40px;
    padding-inline-start: 40px;
  }

  .choice__input {
    position: absolute;
    inset-block-start: -2px;
    inset-inline-start: -2px;
    inline-size: 44px;
    block-size: 44px;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .choice__label {
    display: inline-block;
    padding-block: 7px;
    padding-inline: 12px 15px;
    cursor: pointer;
    overflow-wrap: anywhere;
    touch-action: manipulation;
  }

  .choice__label::before {
    content: '';
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 40px;
    block-size: 40px;
    border: var(--_border-width-strong) solid currentColor;
    background: var(--_color-background);
  }

  .choice--radio .choice__label::before {
    border-radius: 50%;
  }

  .choice__label::after {
    content: '';
    position: absolute;
    opacity: 0;
  }

  .choice--radio .choice__label::after {
    inset-block-start: 10px;
    inset-inline-start: 10px;
    inline-size: 0;
    block-size: 0;
    /* A border, not a background: forced-colours mode keeps borders and drops backgrounds. */
    border: 10px solid currentColor;
    border-radius: 50%;
  }

  .choice--checkbox .choice__label::after {
    inset-block-start: 11px;
    inset-inline-start: 9px;
    inline-size: 23px;
    block-size: 12px;
    border: solid currentColor;
    border-width: 0 0 5px 5px;
    transform: rotate(-45deg);
  }

  .choice__input:checked + .choice__label::after {
    opacity: 1;
  }

  .choice__input:focus-visible + .choice__label::before {
    border-width: 4px;
    outline: var(--_focus-width) solid transparent;
    box-shadow: 0 0 0 var(--_focus-width) var(--_color-focus);
  }

  .choices__divider {
    inline-size: 40px;
    text-align: center;
  }

  .conditional {
    margin-inline-start: 18px;
    padding-inline-start: 33px;
    padding-block: var(--_space-2);
    border-inline-start: 4px solid var(--_color-border);
  }

  .conditional > :last-child {
    margin-block-end: 0;
  }
`;

/** Every form pattern: fields, choices and what a form says back. */
export const formStyles = [fieldStyles, choiceStyles];
