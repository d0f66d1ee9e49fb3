import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  .card {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    overflow: hidden;
  }

  .image {
    display: block;
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: var(--_color-surface);
  }

  .body {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: var(--_space-3);
    padding: var(--_space-3);
  }

  .title {
    margin: 0;
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .title .link-button {
    font-weight: inherit;
  }

  .summary {
    overflow-wrap: anywhere;
  }

  .read-more {
    align-self: flex-start;
  }

  .description {
    overflow-wrap: anywhere;
  }

  .description[hidden] {
    display: none;
  }

  /* Line breaks in a plain description are its paragraphs. */
  .description--text {
    white-space: pre-line;
  }

  .description > * + *,
  .description li + li {
    margin-block-start: var(--_space-2);
  }

  .description ul,
  .description ol {
    padding-inline-start: var(--_space-4);
  }

  .description dt {
    font-weight: var(--_font-weight-bold);
  }

  .description__loading {
    color: var(--_color-text-secondary);
  }

  .tag {
    display: inline-block;
    padding-block: 2px;
    padding-inline: var(--_space-2);
    color: var(--_color-tag-text);
    background: var(--_color-tag-background);
    font-size: var(--_font-size-small);
    line-height: calc(1.25 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .status {
    align-self: flex-start;
    font-weight: var(--_font-weight-bold);
  }

  .status--funded,
  .status--delivered {
    color: var(--_color-primary-text);
    background: var(--_color-success);
  }

  .status--not-funded,
  .status--withdrawn {
    color: var(--_color-text);
    background: var(--_color-surface);
  }

  /* Each label above its value in a narrow card, beside it from 20em: a long amount never overflows. */
  .details {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    column-gap: var(--_space-3);
  }

  .details dd + dt {
    margin-block-start: var(--_space-2);
  }

  @container (min-width: 20em) {
    .details {
      grid-template-columns: max-content minmax(0, 1fr);
      row-gap: var(--_space-1);
    }

    .details dd + dt {
      margin-block-start: 0;
    }
  }

  .details dt {
    color: var(--_color-text-secondary);
  }

  .details dd {
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
  }

  .cost {
    font-size: var(--_font-size-large);
    line-height: calc(1.1 * var(--_line-scale));
    white-space: nowrap;
  }

  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    padding: 0;
    list-style: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-block-start: auto;
  }

  .actions[hidden] {
    display: none;
  }

  @container (min-width: 40em) {
    .card--with-image {
      flex-direction: row;
    }

    .card--with-image .image {
      inline-size: 40%;
      aspect-ratio: auto;
    }
  }

  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }

    .tag {
      border: 1px solid CanvasText;
    }
  }
`;
