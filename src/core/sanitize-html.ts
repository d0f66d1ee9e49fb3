/**
 * Rich text from a backend, made safe to show: loaded on demand (sanitizer-loader.ts), because it
 * carries DOMPurify and most pages never show an HTML description.
 *
 * Kept: paragraphs and line breaks, text-level elements (emphasis, quotes, abbreviations, code),
 * lists, and links that pass the project's URL policy, opened with `rel="noopener noreferrer"`.
 * Dropped: images, styles, forms, media, frames, scripts and every event handler; the text of a
 * dropped element stays unless it is a script or a style. Headings and other blocks become
 * paragraphs, so a description cannot break the outline of the page around it.
 */
import DOMPurify from 'dompurify';
import { safeUrl } from './safe-url.js';

const TEXT_LEVEL = ['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'];
const LISTS = ['ul', 'ol', 'li', 'dl', 'dt', 'dd'];
const ALLOWED_TAGS = ['p', ...TEXT_LEVEL, ...LISTS];
const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir'];
/** Blocks whose text is kept as a paragraph of its own rather than run into its neighbours. */
const BLOCKS = 'h1,h2,h3,h4,h5,h6,div,section,article,header,footer,main,aside,nav,blockquote,pre,figure,figcaption,address,details,summary,table,thead,tbody,tfoot,tr,td,th,caption,form,fieldset';
const HOLDS_BLOCKS = ':scope > :is(p,ul,ol,dl)';

// A private instance: hooks added to the default one would change how a host page's own DOMPurify sanitises.
const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = safeUrl(node.getAttribute('href'));
  if (href === undefined) node.removeAttribute('href');
  else node.setAttribute('rel', 'noopener noreferrer');
});

const STYLE_ELEMENT = /<style\b[\s\S]*?(?:<\/style\s*>|$)/gi;
/** A start tag, its quoted attribute values taken whole. */
const START_TAG = /<[a-z][^\s/<>]*(?:[^<>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** Attributes dropped before parsing: style, and event handlers (`onerror`, `onclick`…). */
const INLINE_CODE_ATTRIBUTE = /^(?:style|on.*)$/i;

/**
 * The markup without style elements, style attributes and event handlers, which are dropped anyway.
 * Parsing them, even into an inert document, makes a page with a strict Content-Security-Policy
 * report a violation (style-src, and script-src-attr in Chromium 156), and a council's security
 * team would read a report per resident. Not a safety measure: DOMPurify is that. Whatever this
 * misses is still removed, at the cost of a report.
 */
function withoutInlineCode(markup: string): string {
  return markup
    .replace(STYLE_ELEMENT, '')
    .replace(START_TAG, (tag) => tag.replace(ATTRIBUTE, (attribute, _space, name: string) => (INLINE_CODE_ATTRIBUTE.test(name) ? '' : attribute)));
}

/** A fragment of safe nodes from `html`, ready to insert into the element's shadow root. */
export function sanitizeHtml(html: string): DocumentFragment {
  // Parsed into an inert document (nothing loads or runs there) to turn blocks into paragraphs first.
  const parsed = new DOMParser().parseFromString(withoutInlineCode(html), 'text/html');
  // Innermost first: a block holding paragraphs is unwrapped, one holding text becomes a paragraph.
  for (const block of [...parsed.body.querySelectorAll(BLOCKS)].reverse()) {
    if (block.querySelector(HOLDS_BLOCKS)) {
      block.replaceWith(...block.childNodes);
    } else {
      const paragraph = parsed.createElement('p');
      paragraph.append(...block.childNodes);
      block.replaceWith(paragraph);
    }
  }
  // DOMPurify parses the text again itself: it sanitises only what it parsed.
  return purify.sanitize(parsed.body.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
