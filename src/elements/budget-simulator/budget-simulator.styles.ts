import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  .simulator {
    display: grid;
    gap: var(--_space-4);
  }

  .title,
  .review__title,
  .panel__title {
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .description {
    overflow-wrap: anywhere;
  }

  /* The balance stays in view while the resident scrolls through the lines. */
  .sticky {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    display: grid;
    padding-block: var(--_space-2);
    padding-inline-start: var(--_space-3);
    background: var(--_color-background);
    border-inline-start: calc(var(--_border-width-strong) * 2.5) solid var(--_color-border-strong);
    box-shadow: 0 var(--_border-width) 0 var(--_color-border);
  }

  /* Headings and the balance take focus only to move a screen reader there (tabindex -1): no ring. */
  .balance:focus,
  .review__title:focus,
  .panel__title:focus {
    outline: none;
    box-shadow: none;
  }

  .balance--over {
    border-inline-start-color: var(--_color-error);
  }

  .balance--balanced {
    border-inline-start-color: var(--_color-success);
  }

  .balance__headline {
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.2 * var(--_line-scale));
  }

  .balance__detail {
    display: grid;
    gap: var(--_space-1);
    margin-block-start: calc(-1 * var(--_space-3));
  }

  .balance__totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-3);
    color: var(--_color-text-secondary);
  }

  .council-tax {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    background: var(--_color-surface);
  }

  .bands {
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .bands legend {
    padding: 0;
  }

  .bands__options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  .band {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-block-size: var(--_tap-target);
    padding-inline-end: var(--_space-2);
    cursor: pointer;
  }

  .band input {
    inline-size: calc(var(--_tap-target) * 0.6);
    block-size: calc(var(--_tap-target) * 0.6);
    margin: 0;
    accent-color: var(--_color-primary);
  }

  .council-tax__change {
    font-weight: var(--_font-weight-bold);
  }

  .toolbar {
    display: flex;
    justify-content: flex-end;
  }

  .groups {
    display: grid;
  }

  .group {
    border-block-start: var(--_border-width) solid var(--_color-border);
  }

  .group:last-child {
    border-block-end: var(--_border-width) solid var(--_color-border);
  }

  .group__heading {
    margin: 0;
  }

  .group__button {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_space-3);
    inline-size: 100%;
    min-block-size: var(--_tap-target);
    margin: 0;
    padding-block: var(--_space-3);
    padding-inline: 0;
    border: 0;
    color: var(--_color-text);
    background: none;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .group__label {
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .group__summary {
    grid-column: 1;
    color: var(--_color-text-secondary);
  }

  .group__toggle {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
    color: var(--_color-link);
    text-decoration: underline;
  }

  .group__button:hover .group__label {
    text-decoration: underline;
  }

  .group__lines {
    display: grid;
    gap: var(--_space-4);
    padding-block-end: var(--_space-4);
  }

  .group__lines[hidden] {
    display: none;
  }

  .line {
    /* Room for the sticky balance above a line that gets focus. */
    scroll-margin-block-start: 12em;
    /* A council budget has dozens of lines: the browser lays out and paints only those in view. */
    content-visibility: auto;
    contain-intrinsic-size: auto 12em;
  }

  .line--invalid {
    padding-inline-start: var(--_space-3);
    border-inline-start: calc(var(--_border-width-strong) * 2.5) solid var(--_color-error);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }

  .link-button {
    margin: 0;
    padding: 0;
    border: 0;
    color: var(--_color-link);
    background: none;
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.1578em;
    cursor: pointer;
  }

  .link-button:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    box-shadow:
      0 -2px var(--_color-focus),
      0 4px var(--_color-focus-text);
    text-decoration: none;
  }

  .review,
  .receipt {
    display: grid;
    gap: var(--_space-3);
  }

  .review__headline,
  .review__subtitle {
    font-weight: var(--_font-weight-bold);
  }

  .summary-list {
    display: grid;
  }

  .summary-list__row {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_space-1);
    padding-block: var(--_space-2);
    border-block-end: var(--_border-width) solid var(--_color-border);
  }

  .summary-list__key {
    font-weight: var(--_font-weight-bold);
  }

  .summary-list__change {
    color: var(--_color-text-secondary);
  }

  @container (min-width: 40em) {
    .summary-list__row {
      grid-template-columns: 2fr 3fr auto;
      gap: var(--_space-3);
    }
  }

  .panel__body {
    margin-block-start: var(--_space-2);
  }

  .reference {
    font-size: var(--_font-size-large);
    overflow-wrap: anywhere;
  }

  @media (forced-colors: active) {
    .sticky {
      border: var(--_border-width) solid CanvasText;
    }
  }
`;
