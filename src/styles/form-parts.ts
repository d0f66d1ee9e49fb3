import { css } from 'lit';

/**
 * GOV.UK form patterns for the elements that take input: the error summary (src/core/error-summary.ts),
 * labels, hints and error messages, and text areas with a character count (src/core/character-count.ts). An element adds these after `sharedStyles` when it renders them.
 */
export const formPartStyles = css`
  .error-summary {
    padding: var(--_space-3);
    border: calc(var(--_border-width-strong) * 2.5) solid var(--_color-error);
    background: var(--_color-background);
  }

  .error-summary:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
  }

  .error-summary__title {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
  }

  .error-summary__list {
    display: grid;
    gap: var(--_space-2);
    padding: 0;
    list-style: none;
  }

  .error-summary__list a {
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  .error-summary__list a:focus-visible {
    color: var(--_color-focus-text);
  }

  .field {
    display: grid;
    gap: var(--_space-1);
  }

  .field--error {
    padding-inline-start: var(--_space-3);
    border-inline-start: calc(var(--_border-width-strong) * 2.5) solid var(--_color-error);
  }

  .field__label {
    font-weight: var(--_font-weight-bold);
  }

  .field__hint {
    color: var(--_color-text-secondary);
  }

  .error-message {
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  .textarea {
    min-block-size: var(--_tap-target);
    margin: 0;
    padding: var(--_space-1);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    border-radius: 0;
    color: var(--_color-text);
    background: var(--_color-background);
    font: inherit;
  }

  .textarea {
    inline-size: 100%;
    resize: vertical;
  }

  .textarea--error {
    border-color: var(--_color-error);
  }

  .count {
    color: var(--_color-text-secondary);
  }

  .count--over {
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  @media (forced-colors: active) {
    .error-summary,
    .field--error {
      border-color: CanvasText;
    }
  }
`;
