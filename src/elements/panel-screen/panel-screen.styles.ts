import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  :host > * + * {
    margin-block-start: var(--_space-4);
  }

  /* The projected part: large type from one token, the theme's text on its background. */
  .screen {
    padding: var(--_space-4);
    font-size: var(--_panel-font-size);
    line-height: 1.35;
    color: var(--_color-text);
    background: var(--_color-background);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
  }

  .stage {
    display: grid;
    gap: var(--_space-4);
  }

  @container (min-width: 48em) {
    .stage {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }

  .eyebrow {
    margin: 0;
    color: var(--_color-text-secondary);
    font-weight: var(--_font-weight-bold);
  }

  .title {
    margin-block: var(--_space-2) var(--_space-3);
    font-size: 1.6em;
    font-weight: var(--_font-weight-bold);
    line-height: 1.15;
    overflow-wrap: anywhere;
  }

  .lead {
    margin-block: 0 var(--_space-3);
  }

  .hint {
    color: var(--_color-text-secondary);
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-4);
    margin: 0;
  }

  .facts dt {
    color: var(--_color-text-secondary);
  }

  .facts dd {
    margin: 0;
    font-weight: var(--_font-weight-bold);
  }

  .figure {
    font-size: 1.4em;
  }

  .side {
    display: flex;
    flex-direction: column;
    gap: var(--_space-4);
  }

  .timer {
    display: flex;
    flex-direction: column;
    padding: var(--_space-3);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
  }

  .timer__label {
    color: var(--_color-text-secondary);
  }

  .timer__clock {
    font-size: 2.4em;
    font-weight: var(--_font-weight-bold);
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }

  .timer--up {
    border-color: var(--_color-error);
    border-inline-start-width: 10px;
  }

  .voting p {
    margin: 0;
  }

  .voting__status {
    font-weight: var(--_font-weight-bold);
  }

  .voting--open {
    padding-inline-start: var(--_space-3);
    border-inline-start: 10px solid var(--_color-success);
  }

  .voting__count {
    font-size: 1.8em;
    font-weight: var(--_font-weight-bold);
    font-variant-numeric: tabular-nums;
  }

  .join {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
  }

  .join__qr {
    display: block;
    inline-size: min(10em, 100%);
    block-size: auto;
    aspect-ratio: 1;
  }

  .join__qr--loading {
    background: var(--_color-surface);
  }

  /* A QR code is dark on light whatever the theme, so every phone can read it. */
  .join__quiet {
    fill: var(--_color-background);
  }

  .join__modules {
    fill: var(--_color-text);
  }

  .join__caption {
    flex: 1 1 8em;
  }

  .join__address {
    display: block;
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
  }

  .connection {
    margin-block: var(--_space-3) 0;
    color: var(--_color-text-secondary);
    font-size: var(--_font-size);
  }

  /* The revealed results: civic-results' chart, and each outcome with its reason. */
  .chart {
    display: grid;
    grid-template-columns: minmax(0, 12em) 1fr auto;
    gap: var(--_space-2);
    align-items: center;
    margin-block-end: var(--_space-4);
  }

  .outcomes {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2) var(--_space-3);
    padding-block: var(--_space-3);
    border-block-end: var(--_border-width) solid var(--_color-border);
  }

  .outcome__title {
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
  }

  .outcome__why {
    flex-basis: 100%;
    margin: 0;
  }

  .tag {
    display: inline-block;
    padding-inline: var(--_space-2);
    color: var(--_color-text);
    background: var(--_color-surface);
  }

  .tag--funded {
    color: var(--_color-primary-text);
    background: var(--_color-success);
    font-weight: var(--_font-weight-bold);
  }

  /* The facilitator's controls: the page's own size, not the projector's. */
  .controls {
    padding: var(--_space-3);
    border: var(--_border-width) solid var(--_color-border);
    background: var(--_color-surface);
  }

  .controls__title {
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-heading);
    font-weight: var(--_font-weight-bold);
  }

  .controls__group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-3);
  }

  .controls__group .button {
    margin: 0;
  }

  .controls__group .hint {
    flex-basis: 100%;
    margin: 0;
  }

  .controls__minutes {
    inline-size: 5em;
    min-block-size: var(--_tap-target);
    padding-inline: var(--_space-2);
    font: inherit;
    border: var(--_border-width-strong) solid var(--_color-border-strong);
  }

  .controls__error {
    padding-inline-start: var(--_space-3);
    border-inline-start: 5px solid var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  @media (forced-colors: active) {
    .tag,
    .timer,
    .voting--open {
      border: 1px solid CanvasText;
    }

    .bar rect,
    .join__modules {
      fill: CanvasText;
    }

    .join__quiet {
      fill: Canvas;
    }
  }
`;
