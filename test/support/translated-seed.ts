import { defaultSeed, type MemorySeed } from '../../src/memory/index.js';

/** The fields of the domain a resident reads (src/domain/types.ts `LocalizedText`). */
const TEXT_FIELDS = new Set(['title', 'summary', 'description', 'label', 'hint', 'text', 'minReason', 'maxReason', 'linkText', 'imageAlt']);

/** The Polish stand-in of an English text: marked, so a test can tell which version shows. */
export const polish = (english: string) => `PL ${english}`;

/**
 * The demo seed with every text a resident reads sent as Decidim sends translated fields:
 * `{ "en": "Pocket park", "pl": "PL Pocket park" }`, or another language's version made by `version`.
 */
export function translatedSeed(lang = 'pl', version: (english: string) => string = polish): MemorySeed {
  const translate = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && TEXT_FIELDS.has(key) && value !== '' ? { en: value, [lang]: version(value) } : value;
    if (Array.isArray(value)) return value.map((item) => translate(item));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, translate(item, name)]));
    return value;
  };
  return translate(defaultSeed()) as MemorySeed;
}
