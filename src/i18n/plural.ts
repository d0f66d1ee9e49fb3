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

export function plural(count: number, locale: string, forms: PluralForms, type: Intl.PluralRuleType = 'cardinal'): string {
  const key = `${type}|${locale}`;
  let rule = rules.get(key);
  if (!rule) {
    try {
      rule = new Intl.PluralRules(locale, { type });
    } catch {
      rule = new Intl.PluralRules('en-GB', { type });
    }
    rules.set(key, rule);
  }
  return forms[rule.select(count)]();
}
