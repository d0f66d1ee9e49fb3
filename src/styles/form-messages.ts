import { css } from 'lit';

/**
 * What every form says back to a resident, styled once: GOV.UK's error summary (rendered by
 * src/core/error-summary.ts), the error message beside a field, and the confirmation panel after a
 * submission. For the vote form, the simulator and the feedback form; after `sharedStyles`.
 */
export const formMessageStyles = css`
  .error-summary {
    margin-block-end: var(--_space-5);
    padding: var(--_space-3);
    border: 5px solid var(--_color-error);
    background: var(--_color-background);
  }

  /* Focused by script to be read out: the ring alone, as GOV.UK's summary has. */
  .error-summary:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
    box-shadow: none;
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
    margin: 0;
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

  .error-message {
    display: block;
    margin-block-end: var(--_space-3);
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  .panel {
    margin-block-end: var(--_space-4);
    padding: var(--_space-4);
    border: 5px solid transparent;
    color: var(--_color-primary-text);
    background: var(--_color-success);
    text-align: center;
    overflow-wrap: anywhere;
  }

  .panel__title {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
  }

  @media print {
    .panel {
      border-color: currentColor;
      color: inherit;
      background: none;
    }
  }

  @media (forced-colors: active) {
    .error-summary,
    .panel {
      border-color: CanvasText;
    }
  }
`;
