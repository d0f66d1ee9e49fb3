import { css } from 'lit';
import { theme } from './theme.js';

/**
 * The base every element starts from. A host page's styles inherit into shadow DOM (fonts, colour,
 * line height, letter spacing, alignment) and its `*` rules hit the host itself, so the host resets
 * each inherited property it relies on, and the inside chooses its own box model.
 */
const host = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_color-text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: var(--_line-height);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    overflow-wrap: break-word;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }

  :host([hidden]) {
    display: none;
  }

  /* A page's universal rule (* { line-height: 1 }) lands on the host itself and beats :host, so the
     top of the shadow tree sets the element's text style again for everything inside. */
  :host > * {
    font-size: var(--_font-size);
    font-weight: 400;
    line-height: var(--_line-height);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  p,
  h2,
  h3,
  ul,
  ol,
  dl,
  dd,
  figure {
    margin: 0;
  }
`;

/** GOV.UK's focus state: a yellow background with a thick dark underline, or a yellow outline on controls. */
const focus = css`
  :focus {
    outline: none;
  }

  :focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 var(--_border-width-strong) var(--_color-focus-text);
  }

  a:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background-color: var(--_color-focus);
    box-shadow:
      0 -2px var(--_color-focus),
      0 4px var(--_color-focus-text);
    text-decoration: none;
  }
`;

const links = css`
  a {
    color: var(--_color-link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.1578em;
  }

  a:hover {
    text-decoration-thickness: max(3px, 0.1875rem);
  }
`;

/** Buttons share one look: GOV.UK's with a shadow "edge"; secondary and link-like variants. */
const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-block-size: var(--_tap-target);
    margin: 0;
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3);
    border: var(--_border-width-strong) solid transparent;
    border-radius: var(--_radius);
    color: var(--_color-primary-text);
    background: var(--_color-primary);
    box-shadow: 0 var(--_border-width-strong) 0 var(--_color-border-strong);
    font: inherit;
    font-weight: 400;
    line-height: calc(1.1875 * var(--_line-scale));
    text-align: center;
    cursor: pointer;
    -webkit-appearance: none;
    appearance: none;
  }

  .button:hover {
    background: var(--_color-primary-hover);
  }

  .button:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    box-shadow: 0 var(--_border-width-strong) 0 var(--_color-focus-text);
  }

  .button--secondary {
    color: var(--_color-text);
    background: var(--_color-secondary-button);
  }

  .button--secondary:hover {
    background: var(--_color-border);
  }

  /* A button that reads as a link: "Read more", "clear the filters". */
  .link-button {
    display: inline;
    margin: 0;
    padding: 0;
    border: 0;
    color: var(--_color-link);
    background: none;
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.1578em;
    cursor: pointer;
  }

  .link-button:hover {
    text-decoration-thickness: max(3px, 0.1875rem);
  }

  .link-button:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background-color: var(--_color-focus);
    box-shadow:
      0 -2px var(--_color-focus),
      0 4px var(--_color-focus-text);
    text-decoration: none;
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
`;

/** Messages every element can show: loading, an error with a retry, a missing configuration. */
const messages = css`
  .message {
    padding: var(--_space-3);
    border-inline-start: 5px solid var(--_color-border-strong);
    background: var(--_color-surface);
  }

  .message--error {
    border-color: var(--_color-error);
  }

  .message > * + * {
    margin-block-start: var(--_space-2);
  }

  .message__title {
    font-weight: var(--_font-weight-bold);
  }

  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-2);
    vertical-align: -0.125em;
    border: 3px solid var(--_color-border);
    border-block-start-color: var(--_color-text);
    border-radius: 50%;
    animation: civic-spin 900ms linear infinite;
  }

  @keyframes civic-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

const utilities = css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
    user-select: none;
  }
`;

/** Residents who ask for less motion get none; Windows high-contrast users keep every boundary. */
const preferences = css`
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible,
    a:focus-visible,
    .button:focus-visible,
    .link-button:focus-visible {
      outline: var(--_focus-width) solid Highlight;
    }

    .link-button {
      color: LinkText;
    }

    .button {
      border-color: ButtonText;
    }

    .message {
      border: 1px solid CanvasText;
    }
  }
`;

/** Shared by every element, in this order, before the element's own styles. */
export const sharedStyles = [theme, host, focus, links, buttons, messages, utilities, preferences];
