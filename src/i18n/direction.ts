/** Languages written right to left (ISO 639), for tags without a script subtag. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Scripts written right to left (ISO 15924): a script subtag wins over the language (`az-Arab`, `ku-Latn`). */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Nkoo', 'Rohg', 'Syrc', 'Thaa']);

/** The direction a BCP 47 locale is written in. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  let language: string;
  let script: string | undefined;
  try {
    ({ language, script } = new Intl.Locale(locale));
  } catch {
    return 'ltr';
  }
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The language subtag, lower case: `cy` for `cy-GB`. */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}
