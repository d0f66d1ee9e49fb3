import { css } from 'lit';

/**
 * Design tokens. A page themes every element by setting the public `--civic-*` custom properties on
 * any ancestor (or on the element). Each element reads them through private `--_*` copies whose
 * fallbacks are the default theme: GOV.UK-like, AA contrast, the yellow-and-black focus ring.
 *
 * Sizes are in px wrapped in max(…rem, …px): a host page's `html { font-size: 62.5% }` cannot shrink
 * text below 16px, while a resident's larger browser font still makes it larger.
 */
export const theme = css`
  :host {
    --_color-text: var(--civic-color-text, #0b0c0c);
    --_color-text-secondary: var(--civic-color-text-secondary, #484949);
    --_color-background: var(--civic-color-background, #ffffff);
    --_color-surface: var(--civic-color-surface, #f3f2f1);
    --_color-border: var(--civic-color-border, #cecece);
    --_color-border-strong: var(--civic-color-border-strong, #0b0c0c);
    --_color-link: var(--civic-color-link, #1d70b8);
    --_color-primary: var(--civic-color-primary, #00703c);
    --_color-primary-hover: var(--civic-color-primary-hover, #005a30);
    --_color-primary-text: var(--civic-color-primary-text, #ffffff);
    --_color-secondary-button: var(--civic-color-secondary-button, #f3f2f1);
    --_color-error: var(--civic-color-error, #d4351c);
    --_color-success: var(--civic-color-success, #00703c);
    --_color-focus: var(--civic-color-focus, #ffdd00);
    --_color-focus-text: var(--civic-color-focus-text, #0b0c0c);
    --_color-tag-background: var(--civic-color-tag-background, #eef7ff);
    --_color-tag-text: var(--civic-color-tag-text, #0c2d4a);

    --_font-family: var(--civic-font-family, arial, sans-serif);
    --_font-size: var(--civic-font-size, max(1rem, 16px));
    --_font-size-small: var(--civic-font-size-small, max(1rem, 16px));
    --_font-size-large: var(--civic-font-size-large, max(1.5rem, 24px));
    --_font-size-heading: var(--civic-font-size-heading, max(1.25rem, 20px));
    --_line-height: var(--civic-line-height, 1.5);
    --_font-weight-bold: var(--civic-font-weight-bold, 700);

    --_space-1: var(--civic-space-1, 4px);
    --_space-2: var(--civic-space-2, 8px);
    --_space-3: var(--civic-space-3, 16px);
    --_space-4: var(--civic-space-4, 24px);
    --_space-5: var(--civic-space-5, 32px);

    --_radius: var(--civic-radius, 0);
    --_border-width: var(--civic-border-width, 1px);
    --_border-width-strong: var(--civic-border-width-strong, 2px);
    --_focus-width: var(--civic-focus-width, 3px);
    --_tap-target: var(--civic-tap-target, 44px);
    --_duration: var(--civic-duration, 150ms);
  }

  @media (min-width: 40.0625em) {
    :host {
      --_font-size: var(--civic-font-size, max(1.1875rem, 19px));
      --_font-size-large: var(--civic-font-size-large, max(1.6875rem, 27px));
      --_font-size-heading: var(--civic-font-size-heading, max(1.5rem, 24px));
    }
  }
`;
