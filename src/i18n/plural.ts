/**
 * Counts in the resident's language. `Intl.PluralRules` picks the form the locale needs, and each
 * form is its own message (with an explicit id) so that translators of languages with six forms,
 * such as Welsh and Arabic, can write every one; English writes the same text for several.
 *
 *   plural(chosen, locale, {
 *     zero: () => msg(str`${chosen} chosen`, { id: 'vote.chosen.zero' }),
 *     one: () => msg(str`${chosen} chosen`, { id: 'vote.chosen.one' }),
 *     …two, few, many, other
 *   })
 *
 * Pass `'ordinal'` as `type` for positions (1st, 2nd, 3rd, 4th: English's one, two, few and other).
 */
export type PluralForms = Record<Intl.LDMLPluralRule, () => string>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * Our Portuguese is Portugal's (ficheiro, not arquivo), whose zero is plural: "0 propostas". CLDR
 * gives bare `pt` Brazil's rules, where zero takes the singular; a page asking for `pt-BR` keeps them.
 */
const RULES_OF: Record<string, string> = { pt: 'pt-PT' };

export function plural(count: number, locale: string, forms: PluralForms, type: Intl.PluralRuleType = 'cardinal'): string {
  const key = `${type}|${locale}`;
  let rule = rules.get(key);
  if (!rule) {
    try {
      rule = new Intl.PluralRules(RULES_OF[locale.toLowerCase()] ?? locale, { type });
    } catch {
      rule = new Intl.PluralRules('en-GB', { type });
    }
    rules.set(key, rule);
  }
  return forms[rule.select(count)]();
}
