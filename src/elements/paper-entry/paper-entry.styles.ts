import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .title {
    margin-block: 0 var(--_space-3);
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
  }

  .subtitle {
    margin-block: 0 var(--_space-2);
    font-weight: var(--_font-weight-bold);
  }

  .input--short {
    max-inline-size: 12em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin-block-start: var(--_space-3);
  }

  .error-line {
    display: block;
  }

  .session__who {
    margin-block: 0 var(--_space-3);
  }

  .views {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
  }

  .view-button[aria-pressed='true'] {
    color: var(--_color-primary-text);
    background: var(--_color-primary);
  }

  .outcome {
    min-block-size: calc(var(--_line-height) * 1em);
    margin-block: 0 var(--_space-3);
    font-weight: var(--_font-weight-bold);
  }

  .entry {
    display: grid;
    gap: var(--_space-4);
  }

  @container (min-width: 40rem) {
    .entry {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }

  .tally,
  .key {
    margin-block-end: var(--_space-4);
    padding: var(--_space-3);
    background: var(--_color-surface);
  }

  .tally__total {
    margin-block: 0 var(--_space-2);
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
  }

  .tally__list {
    margin: 0;
  }

  .tally__row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    padding-block: var(--_space-1);
    border-block-end: var(--_border-width) solid var(--_color-border);
  }

  .tally__row dd {
    margin: 0;
    font-weight: var(--_font-weight-bold);
  }

  .key__list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .key__list li {
    display: flex;
    gap: var(--_space-2);
  }

  .key__number {
    display: inline-block;
    min-inline-size: 2em;
    font-weight: var(--_font-weight-bold);
  }

  .mismatch {
    margin-block-end: var(--_space-5);
    padding-block-start: var(--_space-3);
    border-block-start: var(--_border-width-strong) solid var(--_color-border-strong);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--_space-2);
    border-block-end: var(--_border-width) solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }

  .settle {
    margin-block-start: var(--_space-4);
  }

  .compare__differs {
    background: var(--_color-surface);
  }

  .compare__differs th {
    border-inline-start: 5px solid var(--_color-error);
  }

  .differs {
    color: var(--_color-error);
  }

  .table-scroll {
    overflow-x: auto;
  }

  .table-scroll:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
  }

  .empty {
    color: var(--_color-text-secondary);
  }
`;
