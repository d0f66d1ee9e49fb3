import { html, type TemplateResult } from 'lit';
import { pickText, type LocalizedText } from '../domain/localized-text.js';

/**
 * Backend text (plain, or one version per language) in the resident's language, for a template:
 * a version picked from several is wrapped in `<span lang>` so a screen reader reads it in its own
 * language (a Polish title on a page shown in English when the backend has no English). Plain text
 * stays a string. For attributes and sentences use `textIn` from the domain.
 */
export function localText(value: LocalizedText | null | undefined, locale: string): string | TemplateResult {
  const { text, lang } = pickText(value, locale);
  return lang ? html`<span lang=${lang}>${text}</span>` : text;
}
