import { css } from 'lit';

export const styles = css`
  :host {
    max-inline-size: 40em;
  }

  .title {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-large);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.2 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .description {
    margin-block-end: var(--_space-5);
  }

  .section {
    margin-block-end: var(--_space-4);
  }

  .section__title {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
    line-height: calc(1.25 * var(--_line-scale));
    overflow-wrap: anywhere;
  }

  .optional {
    font-weight: 400;
  }

  .input--postcode {
    max-inline-size: 10em;
  }

  .count {
    margin-block: var(--_space-1) 0;
  }

  .count--over {
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  .message {
    margin-block-end: var(--_space-3);
  }
`;
