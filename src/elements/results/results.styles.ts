import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  :host > * + * {
    margin-block-start: var(--_space-4);
  }

  .heading {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
  }

  .hint {
    color: var(--_color-text-secondary);
  }

  .notice {
    padding-inline-start: var(--_space-3);
    border-inline-start: 5px solid var(--_color-link);
  }

  /* The rule switch: GOV.UK radios, native inputs made large enough to tap. */
  .rules {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .rules__title {
    margin-block-end: var(--_space-2);
    padding: 0;
    font-weight: var(--_font-weight-bold);
  }

  .rules__name {
    font-weight: var(--_font-weight-bold);
  }

  .rules dd {
    display: flex;
    flex-direction: column;
  }

  .radio {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_space-2);
    align-items: center;
    margin-block-end: var(--_space-2);
  }

  .radio__input {
    inline-size: 28px;
    block-size: 28px;
    margin: 8px;
    accent-color: var(--_color-text);
    cursor: pointer;
  }

  .radio__label {
    padding-block: var(--_space-2);
    cursor: pointer;
  }

  .radio__hint {
    grid-column: 2;
  }

  .summary > * + * {
    margin-block-start: var(--_space-2);
  }

  .summary__spent {
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
  }

  .headline {
    margin-block-end: var(--_space-3);
    font-weight: var(--_font-weight-bold);
  }

  /* Bars: SVG fills, so Windows high contrast keeps them (see the forced-colors rules below). */
  .meter {
    display: block;
    block-size: 1.25em;
  }

  .meter {
    border: var(--_border-width) solid var(--_color-border-strong);
    background: var(--_color-background);
  }

  /* One grid for the whole chart, so every bar is drawn to the same scale. */
  .chart {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-1) var(--_space-2);
    align-items: center;
    margin-block-end: var(--_space-3);
  }


  .chart__label {
    grid-column: 1 / -1;
  }

  .chart__cost::before {
    content: ' · ';
  }

  @container (min-width: 40em) {
    .chart {
      grid-template-columns: minmax(0, 14em) 1fr auto;
      row-gap: var(--_space-2);
    }

    .chart__label {
      grid-column: auto;
    }
  }

  /* Tables, after GOV.UK's: a rule under each row, numbers aligned at the end. */
  /* Positioned, so the visually hidden text in a row scrolled out of view stays inside it, not off the page. */
  .table-scroll {
    position: relative;
    overflow-x: auto;
  }

  /*
   * The table of every proposal is laid out and painted only once it nears the view (half the first
   * render of a 200-proposal round); its rows stay in the accessibility tree and find-in-page.
   */
  .table-scroll--long {
    content-visibility: auto;
    contain-intrinsic-size: auto 30em;
  }

  .table {
    inline-size: 100%;
    border-collapse: collapse;
    border-spacing: 0;
  }

  /* As wide as the element, not the table, so it wraps in view when the table scrolls. */
  .table__caption {
    max-inline-size: 100cqi;
    margin-block-end: var(--_space-2);
    font-weight: var(--_font-weight-bold);
    text-align: start;
  }

  .table th,
  .table td {
    padding-block: var(--_space-2);
    padding-inline: 0 var(--_space-3);
    border-block-end: var(--_border-width) solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }

  .table th:last-child,
  .table td:last-child {
    padding-inline-end: 0;
  }

  .table th {
    font-weight: var(--_font-weight-bold);
  }

  .table tbody th {
    min-inline-size: 7em;
    overflow-wrap: anywhere;
  }

  .table .numeric {
    text-align: end;
    white-space: nowrap;
  }

  .result {
    min-inline-size: 8em;
  }

  @container (min-width: 40em) {
    .table tbody th {
      min-inline-size: 10em;
    }

    .result {
      min-inline-size: 12em;
    }
  }

  .tag {
    display: inline-block;
    padding-block: 2px;
    padding-inline: var(--_space-2);
    color: var(--_color-text);
    background: var(--_color-surface);
    line-height: calc(1.25 * var(--_line-scale));
  }

  .tag--funded {
    color: var(--_color-primary-text);
    background: var(--_color-success);
    font-weight: var(--_font-weight-bold);
  }

  /* Beside the outcome when the column is wide enough, under it when not. */
  .why {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_tap-target);
    margin: 0;
    margin-inline-start: var(--_space-2);
    padding: 0;
    border: 0;
    color: var(--_color-link);
    background: none;
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.1578em;
    cursor: pointer;
  }

  .why:hover {
    text-decoration-thickness: max(3px, 0.1875rem);
  }

  .why:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    box-shadow: 0 4px var(--_color-focus-text);
    text-decoration: none;
  }

  .why__text {
    padding-inline-start: var(--_space-2);
    border-inline-start: 5px solid var(--_color-border);
  }

  .why__text[hidden] {
    display: none;
  }

  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    padding: 0;
    list-style: none;
  }

  .downloads a {
    display: inline-block;
    padding-block: var(--_space-2);
  }

  @media (forced-colors: active) {
    .bar {
      forced-color-adjust: none;
    }

    .bar rect {
      fill: CanvasText;
    }

    .bar--funded rect {
      fill: Highlight;
    }

    .meter {
      border-color: CanvasText;
    }

    .tag,
    .notice,
    .why__text {
      border: 1px solid CanvasText;
    }

    .why:focus-visible {
      outline: var(--_focus-width) solid Highlight;
    }
  }
`;
