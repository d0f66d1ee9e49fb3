import { configureLocalization, type LocaleModule } from '@lit/localize';
import { builtInLocales } from './built-in-locales.js';
import { sourceLocale, targetLocales } from './locale-codes.js';

/**
 * One place that owns @lit/localize's runtime mode. Translations are global to the page
 * (a limitation of @lit/localize): the last locale asked for wins (src/core/page-locale.ts decides
 * which request that is). The shipped languages are registered here, each loaded only when asked
 * for (src/i18n/built-in-locales.ts); a host page may register more, or replace one.
 *
 * @lit/localize accepts only the locales named when it is configured. A host may add a language we
 * do not ship (Somali, Tigrinya…) at run time, so two spare slots stand in for such a language;
 * two, so that switching from one added language to another is a real change of locale.
 */
const RUNTIME_SLOTS = ['x-civic-runtime-a', 'x-civic-runtime-b'] as const;
type Slot = (typeof RUNTIME_SLOTS)[number];

const loaders = new Map<string, () => Promise<LocaleModule>>(Object.entries(builtInLocales));
/** The host-added language each slot holds now. */
const slotLocales = new Map<Slot, string>();
const builtIn: readonly string[] = targetLocales;

const localization = configureLocalization({
  sourceLocale,
  targetLocales: [...targetLocales, ...RUNTIME_SLOTS],
  loadLocale: (locale) => {
    const load = loaders.get(slotLocales.get(locale as Slot) ?? locale);
    return load ? load() : Promise.reject(new Error(`civic-widgets: no translations registered for ${locale}`));
  },
});

/** The locale whose translations show now: a BCP 47 tag such as `en-GB` or `cy`. */
export function getLocale(): string {
  const active = localization.getLocale();
  return slotLocales.get(active as Slot) ?? active;
}

/**
 * Makes a language's translations available: `load` returns a module as `lit-localize build`
 * writes it from a translated copy of our XLIFF (`{ templates }`). Any BCP 47 tag works, shipped
 * with the library or not, e.g. `registerLocale('so', () => import('/translations/so.js'))`.
 * @throws {RangeError} when `locale` is not a well-formed BCP 47 tag.
 */
export function registerLocale(locale: string, load: () => Promise<LocaleModule>): void {
  const [canonical] = Intl.getCanonicalLocales(locale);
  loaders.set(builtIn.find((code) => code.toLowerCase() === canonical!.toLowerCase()) ?? canonical!, load);
}

/**
 * The translation to use for a requested BCP 47 tag: an exact match, else one with the same
 * language (`en-US` gets `en-GB`), else the source locale.
 */
export function resolveLocale(requested: string | undefined | null): string {
  if (!requested) return sourceLocale;
  const available = [sourceLocale, ...loaders.keys()];
  const exact = available.find((code) => code.toLowerCase() === requested.toLowerCase());
  if (exact) return exact;
  const language = requested.split('-')[0]?.toLowerCase();
  return available.find((code) => code.split('-')[0]?.toLowerCase() === language) ?? sourceLocale;
}

/** Switch every element's strings to the best available translation of `requested`. */
export async function useLocale(requested: string | undefined | null): Promise<string> {
  const locale = resolveLocale(requested);
  try {
    await localization.setLocale(runtimeLocaleFor(locale));
  } catch (error) {
    console.warn(`civic-widgets: could not load the ${locale} translations; showing ${sourceLocale}.`, error);
    await localization.setLocale(sourceLocale);
  }
  return getLocale();
}

/** The code @lit/localize knows `locale` by: itself, or a free slot for a language a host added. */
function runtimeLocaleFor(locale: string): string {
  if (locale === sourceLocale || builtIn.includes(locale)) return locale;
  const active = localization.getLocale() as Slot;
  if (slotLocales.get(active) === locale) return active;
  const slot = RUNTIME_SLOTS.find((candidate) => candidate !== active)!;
  slotLocales.set(slot, locale);
  return slot;
}
