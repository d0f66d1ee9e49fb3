import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

/**
 * One place that owns @lit/localize's runtime mode. Translations are global to the page
 * (a limitation of @lit/localize): the last locale asked for wins. Locale modules are registered
 * by whoever ships them (the bundle, Storybook, tests), so the bundle carries only what it uses.
 */
const loaders = new Map<string, () => Promise<LocaleModule>>();

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => {
    const load = loaders.get(locale);
    return load ? load() : Promise.reject(new Error(`civic-widgets: no translations registered for ${locale}`));
  },
});

export { getLocale };

/** Make a locale's translations available, e.g. `registerLocale('cy', () => import('./locales/cy.js'))`. */
export function registerLocale(locale: string, load: () => Promise<LocaleModule>): void {
  loaders.set(locale, load);
}

/**
 * The translation to use for a requested BCP 47 tag: an exact match, else one with the same
 * language (`en-US` gets `en-GB`), else the source locale.
 */
export function resolveLocale(requested: string | undefined | null): string {
  if (!requested) return sourceLocale;
  const available = [sourceLocale, ...targetLocales.filter((code) => loaders.has(code))];
  const exact = available.find((code) => code.toLowerCase() === requested.toLowerCase());
  if (exact) return exact;
  const language = requested.split('-')[0]?.toLowerCase();
  return available.find((code) => code.split('-')[0]?.toLowerCase() === language) ?? sourceLocale;
}

/** Switch every element's strings to the best available translation of `requested`. */
export async function useLocale(requested: string | undefined | null): Promise<string> {
  const locale = resolveLocale(requested);
  try {
    await setLocale(locale);
  } catch (error) {
    console.warn(`civic-widgets: could not load the ${locale} translations; showing ${sourceLocale}.`, error);
    await setLocale(sourceLocale);
  }
  return getLocale();
}
