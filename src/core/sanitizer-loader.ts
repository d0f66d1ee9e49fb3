/**
 * The HTML sanitiser (DOMPurify with the project's allow-list) is loaded only when a page shows an
 * HTML description: a split chunk for bundlers, a file beside the single-file bundle for it.
 */
export const loadSanitizer = () => import('./sanitize-html.js');
