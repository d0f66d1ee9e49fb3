/**
 * Text from the backend in one language or several: a plain string, or one string per BCP 47
 * language tag, as Decidim's translated fields are (`{ "en": "Pocket park", "pl": "Park kieszonkowy" }`).
 * Any text field of the domain a resident reads may be either, so a backend (a partner's own
 * CivicClient included) sends what it has and the element picks.
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** The text to show and, when the backend said which language it is in, that language. */
export interface PickedText {
  text: string;
  /** The BCP 47 tag of `text`; undefined for a plain string, whose language the backend did not say. */
  lang?: string;
}

/** The language English text is under in a translated field, for the fallback. */
const ENGLISH = /^en(-|$)/i;

/**
 * The resident's version of `value`: the exact tag (`pl-PL`), else the same language (`pl` for
 * `pl-PL`, `pt-BR` for `pt`), else English (the source language of the library), else the first
 * version there is. Empty versions count as missing; a field with none gives `{ text: '' }`.
 */
export function pickText(value: LocalizedText | null | undefined, locale: string): PickedText {
  if (value == null) return { text: '' };
  if (typeof value === 'string') return { text: value };
  const versions = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '');
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0]!;
  const found =
    versions.find(([tag]) => tag.toLowerCase() === wanted) ??
    versions.find(([tag]) => tag.toLowerCase() === language) ??
    versions.find(([tag]) => tag.toLowerCase().split('-')[0] === language) ??
    versions.find(([tag]) => ENGLISH.test(tag)) ??
    versions[0];
  return found ? { text: found[1], lang: found[0] } : { text: '' };
}

/** Just the text of `pickText`, for sorting, searching and labels where no element can carry `lang`. */
export function textIn(value: LocalizedText | null | undefined, locale: string): string {
  return pickText(value, locale).text;
}

/** Every version of `value`, for searching in whatever language the resident types. */
export function allTexts(value: LocalizedText | null | undefined): string[] {
  if (value == null) return [];
  return typeof value === 'string' ? [value] : Object.values(value).filter((text): text is string => typeof text === 'string');
}
