// Do not modify this file by hand!
// Re-generate this file by running lit-localize.

/**
 * The locale code that templates in this source code are written in.
 */
export const sourceLocale = `en-GB`;

/**
 * The other locale codes that this application is localized into. Sorted
 * lexicographically.
 */
export const targetLocales = [
  `ar`,
  `bn`,
  `cy`,
  `en-XA`,
  `lt`,
  `pl`,
  `pt`,
  `ro`,
  `ur`,
] as const;

/**
 * All valid project locale codes. Sorted lexicographically.
 */
export const allLocales = [
  `ar`,
  `bn`,
  `cy`,
  `en-GB`,
  `en-XA`,
  `lt`,
  `pl`,
  `pt`,
  `ro`,
  `ur`,
] as const;
