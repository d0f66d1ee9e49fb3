/**
 * The script a webmaster adds with `<script src=".../civic-widgets.js">`: a small loader that defines
 * no global. It looks for `civic-*` elements on the page, now and whenever the page adds more, and
 * loads each element's code from `civic-widgets/` beside itself the first time one appears, so a
 * partner's page with only a vote form downloads the vote form, not the budget simulator.
 *
 * Each element's files (its module and the shared modules it imports) are fetched in parallel:
 * `__CIVIC_ELEMENTS__` is filled in at build time from the module graph (vite.config.ts).
 */
declare const __CIVIC_ELEMENTS__: Record<string, readonly string[]>;
/** The languages shipped as `civic-widgets/locales/<code>.js`. */
declare const __CIVIC_LOCALES__: readonly string[];
/** The languages that bring their own dates, as `civic-widgets/locales/<code>-dates.js` (Welsh). */
declare const __CIVIC_DATES__: readonly string[];

const elements = __CIVIC_ELEMENTS__;
// Read while this script first runs: `document.currentScript` is null afterwards.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const requested = new Set<string>();

function load(tag: string): void {
  const files = elements[tag];
  // Already defined: by an earlier copy of this script, or by the page's own import of the element.
  if (!files || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loadTranslations();
  // Every file at once: the module map fetches each once, whoever asks first.
  Promise.all(files.map((file) => import(/* @vite-ignore */ new URL(file, base).href))).catch((error: unknown) => {
    requested.delete(tag);
    console.error(`civic-widgets: could not load <${tag}> from ${new URL(files[0]!, base).href}. Serve the civic-widgets/ folder beside civic-widgets.js.`, error);
  });
}

/**
 * The page's language's translations, fetched with the first element rather than after it has run
 * (the element imports the same URL, so it is fetched once). The shipped languages are plain codes.
 */
let translations = false;
function loadTranslations(): void {
  const language = document.documentElement.lang.split('-')[0]!.toLowerCase();
  if (translations || !__CIVIC_LOCALES__.includes(language)) return;
  translations = true;
  for (const file of __CIVIC_DATES__.includes(language) ? [language, `${language}-dates`] : [language]) {
    import(/* @vite-ignore */ new URL(`civic-widgets/locales/${file}.js`, base).href).catch(() => {});
  }
}

function discover(root: ParentNode): void {
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName.startsWith('civic-')) load(element.localName);
  }
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (node.localName.startsWith('civic-')) load(node.localName);
      discover(node);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
