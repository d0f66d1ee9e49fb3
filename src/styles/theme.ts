import { css } from 'lit';

/**
 * Design tokens. A page themes every element by setting the public `--civic-*` custom properties on
 * any ancestor (or on the element). Each element reads them through private `--_*` copies whose
 * fallbacks are the default theme: GOV.UK-like, AA contrast, the yellow-and-black focus ring.
 *
 * Sizes are in px wrapped in max(…rem, …px): a host page's `html { font-size: 62.5% }` cannot shrink
 * text below 16px, while a resident's larger browser font still makes it larger.
 *
 * This file is the one list of the public tokens: each `@cssprop` line below describes one, and the
 * custom elements manifest (custom-elements-manifest.config.mjs) adds every token, with this line and
 * its default from the CSS, to every element's docs. JSDoc rather than CSS comments, so the
 * descriptions stay out of the bundle.
 *
 * @cssprop --civic-color-text - Body text.
 * @cssprop --civic-color-text-secondary - Secondary text, such as the labels of a card's details.
 * @cssprop --civic-color-background - Background of cards and panels.
 * @cssprop --civic-color-surface - Background of messages, muted tags and images still loading.
 * @cssprop --civic-color-border - Borders of cards, and of secondary buttons on hover.
 * @cssprop --civic-color-border-strong - Strong borders: a message's edge, a button's shadow.
 * @cssprop --civic-color-link - Links.
 * @cssprop --civic-color-primary - Background of primary buttons.
 * @cssprop --civic-color-primary-hover - Background of primary buttons on hover.
 * @cssprop --civic-color-primary-text - Text on primary buttons and on success tags.
 * @cssprop --civic-color-secondary-button - Background of secondary buttons, such as "Try again".
 * @cssprop --civic-color-error - Errors: the edge of an error message.
 * @cssprop --civic-color-success - Success: the background of a "Funded" or "Delivered" status.
 * @cssprop --civic-color-focus - Focus ring and the background of a focused link or button.
 * @cssprop --civic-color-focus-text - Text and underline of a focused link or button.
 * @cssprop --civic-color-tag-background - Background of tags, such as categories.
 * @cssprop --civic-color-tag-text - Text of tags.
 * @cssprop --civic-font-family - Font of all text.
 * @cssprop --civic-font-size - Body text size.
 * @cssprop --civic-font-size-small - Size of small text, such as tags.
 * @cssprop --civic-font-size-large - Size of large figures, such as a cost.
 * @cssprop --civic-font-size-heading - Size of headings, such as a card's title.
 * @cssprop --civic-line-height - Line height of body text.
 * @cssprop --civic-font-weight-bold - Weight of bold text: headings, values, message titles.
 * @cssprop --civic-space-1 - The smallest space.
 * @cssprop --civic-space-2 - A small space: between tags, inside buttons.
 * @cssprop --civic-space-3 - The usual space: padding of cards and messages.
 * @cssprop --civic-space-4 - A large space, between sections.
 * @cssprop --civic-space-5 - The largest space.
 * @cssprop --civic-radius - Corner radius of cards and buttons.
 * @cssprop --civic-border-width - Width of ordinary borders.
 * @cssprop --civic-border-width-strong - Width of strong borders and of a button's shadow.
 * @cssprop --civic-focus-width - Width of the focus outline.
 * @cssprop --civic-tap-target - Smallest height of a button or other control.
 * @cssprop --civic-duration - Length of transitions (none when the resident asks for reduced motion).
 * @cssprop --civic-card-min-width - The narrowest a card may be in a grid of cards before the grid has one column fewer.
 * @cssprop --civic-panel-font-size - Body text size on the panel screen, large enough for the back of a room; headings and figures scale from it.
 */
// Every line height in the styles is a multiple of --_line-scale: 1 for Latin, more for taller
// scripts. Arabic-script and Bengali letters carry marks above and below the line: taller lines, so
// one line's marks do not touch the next and no box cuts a letter off (test/tall-scripts.test.ts).
// Urdu is set in Naskh (the system's Arabic font): Nastaliq, which some systems pick for Urdu, needs
// lines twice as tall as Latin; a council that wants it sets --civic-font-family and --civic-line-height.
// (Comments here, not in the CSS, so they stay out of the bundle.)
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
    --_line-height: var(--civic-line-height, calc(1.5 * var(--_line-scale)));
    --_line-scale: 1;
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
    --_card-min-width: var(--civic-card-min-width, 16em);
    /* A share of the screen's width, never below the body size: a projector far away, a laptop close by. */
    --_panel-font-size: var(--civic-panel-font-size, max(var(--_font-size), 2.4cqi));
  }

  :host(:lang(bn)) {
    --_line-scale: 1.2;
  }

  :host(:lang(ar)),
  :host(:lang(fa)),
  :host(:lang(ur)) {
    --_line-scale: 1.3;
  }

  :host(:lang(ur)) {
    --_font-family: var(--civic-font-family, arial, 'Noto Naskh Arabic', 'Geeza Pro', 'Segoe UI', sans-serif);
  }

  @media (min-width: 40.0625em) {
    :host {
      --_font-size: var(--civic-font-size, max(1.1875rem, 19px));
      --_font-size-large: var(--civic-font-size-large, max(1.6875rem, 27px));
      --_font-size-heading: var(--civic-font-size-heading, max(1.5rem, 24px));
    }
  }
`;
