/**
 * The one URL policy for links and pictures from a backend, used by the response schemas (the REST
 * client refuses a response that breaks it), by the elements (which drop such a URL before it
 * renders) and by the server (which refuses to store it). Lit does not sanitise attribute bindings,
 * so a `javascript:` link from a backend would run on click.
 *
 * - a link (`Proposal.url`) may be `http:`, `https:`, `mailto:` (a proposer's or a ward's address) or relative;
 * - a picture (`Proposal.imageUrl`) may be `http:`, `https:`, relative, or `data:image/…` (an `<img>`
 *   never runs script from its source).
 */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

/** Whether `url` may be used as a link (`image: false`) or as a picture's source (`image: true`). */
export function isSafeUrl(url: string, { image = false } = {}): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return true;
  if (image) return IMAGE_SCHEMES.has(scheme) || compact.startsWith('data:image/');
  return LINK_SCHEMES.has(scheme);
}
