import { css } from 'lit';

/**
 * The track is drawn behind a transparent range input (rail, change bar, mark of the value now), so
 * one set of logical positions serves both directions: the native range runs right to left in RTL,
 * and `inset-inline-start` follows it. The thumb's centre travels from half a thumb in from either
 * end, so positions are `half a thumb + (100% - a thumb) × fraction`.
 */
export const styles = css`
  :host {
    --_thumb: calc(var(--_tap-target) * 0.6);
    --_rail: var(--_space-2);
  }

  .slider {
    display: grid;
    gap: var(--_space-1);
  }

  .label {
    font-weight: var(--_font-weight-bold);
    overflow-wrap: anywhere;
  }

  .hint,
  .impact {
    color: var(--_color-text-secondary);
    overflow-wrap: anywhere;
  }

  .impact {
    color: var(--_color-text);
    padding-inline-start: var(--_space-2);
    border-inline-start: var(--_border-width-strong) solid var(--_color-border);
  }

  .value {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-2);
  }

  .amount {
    font-weight: var(--_font-weight-bold);
    white-space: nowrap;
  }

  .change {
    color: var(--_color-text-secondary);
  }

  .limit {
    padding: var(--_space-2);
    background: var(--_color-surface);
    border-inline-start: calc(var(--_border-width-strong) * 2.5) solid var(--_color-border-strong);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }

  .track {
    position: relative;
    flex: 1 1 12em;
    min-inline-size: 0;
    /* Room under the rail for the "Now" label. */
    padding-block-end: calc(var(--_font-size-small) * 1.25);
  }

  .rail,
  .change-bar {
    position: absolute;
    inset-block-start: calc(var(--_tap-target) / 2 - var(--_rail) / 2);
    block-size: var(--_rail);
  }

  .rail {
    inset-inline: calc(var(--_thumb) / 2);
    background: var(--_color-surface);
    border: var(--_border-width) solid var(--_color-border-strong);
  }

  .change-bar {
    inset-inline-start: calc(var(--_thumb) / 2 + (100% - var(--_thumb)) * var(--_from));
    inline-size: calc((100% - var(--_thumb)) * (var(--_to) - var(--_from)));
    background: var(--_color-primary);
  }

  .marker {
    position: absolute;
    inset-block-start: calc(var(--_tap-target) / 2 - var(--_thumb) / 2);
    inset-inline-start: calc(var(--_thumb) / 2 + (100% - var(--_thumb)) * var(--_at));
    display: flex;
    flex-direction: column;
    align-items: center;
    inline-size: 0;
  }

  .marker::before {
    content: '';
    flex: none;
    inline-size: var(--_border-width-strong);
    block-size: calc(var(--_thumb) + var(--_space-1));
    background: var(--_color-border-strong);
  }

  .marker__label {
    font-size: var(--_font-size-small);
    line-height: calc(1.25 * var(--_line-scale));
    white-space: nowrap;
    color: var(--_color-text-secondary);
  }

  .range {
    position: relative;
    display: block;
    inline-size: 100%;
    block-size: var(--_tap-target);
    margin: 0;
    background: transparent;
    cursor: pointer;
    -webkit-appearance: none;
    appearance: none;
  }

  .range::-webkit-slider-runnable-track {
    block-size: var(--_tap-target);
    background: transparent;
  }

  .range::-moz-range-track {
    block-size: var(--_tap-target);
    background: transparent;
  }

  .range::-webkit-slider-thumb {
    inline-size: var(--_thumb);
    block-size: var(--_thumb);
    margin-block-start: calc((var(--_tap-target) - var(--_thumb)) / 2);
    border: var(--_border-width-strong) solid var(--_color-background);
    border-radius: 50%;
    background: var(--_color-text);
    box-shadow: 0 0 0 var(--_border-width) var(--_color-text);
    -webkit-appearance: none;
    appearance: none;
  }

  .range::-moz-range-thumb {
    inline-size: var(--_thumb);
    block-size: var(--_thumb);
    border: var(--_border-width-strong) solid var(--_color-background);
    border-radius: 50%;
    background: var(--_color-text);
    box-shadow: 0 0 0 var(--_border-width) var(--_color-text);
  }

  .range:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }

  .exact {
    display: flex;
    align-items: stretch;
    flex: 0 1 auto;
  }

  .affix {
    display: flex;
    align-items: center;
    padding-inline: var(--_space-2);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    background: var(--_color-surface);
    white-space: nowrap;
  }

  .affix:first-child {
    border-inline-end: 0;
  }

  .affix:last-child {
    border-inline-start: 0;
  }

  .input {
    inline-size: 9em;
    min-inline-size: 0;
    min-block-size: var(--_tap-target);
    margin: 0;
    padding: var(--_space-1) var(--_space-2);
    border: var(--_border-width-strong) solid var(--_color-border-strong);
    border-radius: 0;
    color: var(--_color-text);
    background: var(--_color-background);
    font: inherit;
    font-variant-numeric: tabular-nums;
  }

  .input--error {
    border-color: var(--_color-error);
    border-width: calc(var(--_border-width-strong) * 2);
  }

  .input:disabled {
    opacity: 0.5;
  }

  .error-message {
    color: var(--_color-error);
    font-weight: var(--_font-weight-bold);
  }

  .tag {
    display: inline-block;
    padding-inline: var(--_space-2);
    color: var(--_color-text);
    background: var(--_color-surface);
    border: var(--_border-width) solid var(--_color-border-strong);
    font-size: var(--_font-size-small);
    font-weight: 400;
    vertical-align: 0.1em;
  }

  @media (forced-colors: active) {
    .rail {
      border-color: CanvasText;
    }

    .change-bar,
    .marker::before {
      forced-color-adjust: none;
      background: Highlight;
    }

    .marker::before {
      background: CanvasText;
    }

    .range::-webkit-slider-thumb {
      forced-color-adjust: none;
      background: ButtonText;
      border-color: ButtonFace;
    }
  }
`;
