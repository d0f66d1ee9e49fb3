import { css } from 'lit';

/**
 * The bar chart `renderBarChart` draws, for every element that shows it (the results, the panel
 * screen), which lays it out on its own grid. Bars are SVG fills, so Windows high contrast keeps them.
 */
export const barChartStyles = css`
  .chart__row {
    display: contents;
  }

  .chart__label {
    overflow-wrap: anywhere;
  }

  .chart__track {
    display: block;
    block-size: 1.25em;
  }

  .chart__value {
    white-space: nowrap;
  }

  .bar {
    display: block;
  }

  .bar rect {
    fill: var(--_color-link);
  }

  .bar--funded rect {
    fill: var(--_color-success);
  }
`;
