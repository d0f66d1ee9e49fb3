import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_space-4);
  }

  /* The search box across the top, the selects side by side as room allows: one column on a phone. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }

  .field {
    display: flex;
    flex: 1 1 12em;
    flex-direction: column;
    gap: var(--_space-1);
    min-inline-size: 0;
  }

  .field--search,
  .hint {
    flex-basis: 100%;
  }

  .label {
    font-weight: var(--_font-weight-bold);
  }

  .input,
  .select {
    inline-size: 100%;
    min-block-size: var(--_tap-target);
    margin: 0;
    padding-block: var(--_space-1);
    padding-inline: var(--_space-2);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    border-radius: 0;
    color: var(--_color-text);
    background: var(--_color-background);
    font: inherit;
    line-height: calc(1.25 * var(--_line-scale));
  }

  .input:focus-visible,
  .select:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 var(--_border-width-strong);
  }

  /* Options take the browser's small control font unless told otherwise. */
  .select option {
    font: inherit;
  }

  .hint {
    color: var(--_color-text-secondary);
  }

  .results {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
  }

  .count {
    font-weight: var(--_font-weight-bold);
  }

  /* While new results load, the old ones stay; dimmed only if the answer is slow, so a fast one never flickers. */
  .results[aria-busy='true'] .cards {
    opacity: 0.6;
    transition: opacity var(--_duration) 300ms;
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min-width)), 1fr));
    gap: var(--_space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Cards below the fold are laid out and painted only when scrolled near. */
  .cards__item {
    display: flex;
    min-inline-size: 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 28em;
  }

  .cards__item > civic-proposal-card {
    flex: 1;
    min-inline-size: 0;
  }

  /* The host's actions sit in the card's action row as if they were its own. */
  .card-actions {
    display: contents;
  }

  .empty {
    padding: var(--_space-3);
    background: var(--_color-surface);
  }

  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }

  .pagination__list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .pagination .link-button {
    min-block-size: var(--_tap-target);
  }

  /* Arrows are decoration, not words: nothing for screen readers to read out. */
  .pagination__previous::before {
    content: '\\2039\\00a0' / '';
  }

  .pagination__next::after {
    content: '\\00a0\\203a' / '';
  }

  .pagination__page {
    min-inline-size: var(--_tap-target);
    min-block-size: var(--_tap-target);
    margin: 0;
    padding-inline: var(--_space-2);
    border: 0;
    color: var(--_color-link);
    background: none;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  .pagination__page--current {
    color: var(--_color-primary-text);
    background: var(--_color-link);
    font-weight: var(--_font-weight-bold);
    text-decoration: none;
  }

  .pagination__page:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    box-shadow: inset 0 calc(-1 * var(--_focus-width)) var(--_color-focus-text);
    text-decoration: none;
  }

  .pagination__gap {
    align-self: center;
    padding-inline: var(--_space-1);
  }

  @media (forced-colors: active) {
    .input,
    .select {
      border-color: ButtonText;
    }

    .pagination__page--current {
      border: var(--_border-width-strong) solid CanvasText;
    }
  }
`;
