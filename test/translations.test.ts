import { expect } from '@open-wc/testing';

// The XLIFF files translators fill in (xliff/<code>.xlf, one per locale in lit-localize.json), read
// with the browser's strict XML parser. A message without a <target> shows in English: expected
// while a translation is under way, so it is listed (in the browser log), not failed. What fails is
// what would break or mislead a resident: a file that is not XML, a target that drops, adds or
// renames a placeholder (a count or a name would vanish or show as ${n}), an empty target (a blank
// button), a message translated twice, or a file for another language.

interface Unit {
  id: string;
  source: string;
  translated: boolean;
}

interface Report {
  units: Unit[];
  problems: string[];
}

/** A message's text as a translator reads it, placeholders shown as their code (`{${n}}`). */
function text(node: Element): string {
  return [...node.childNodes]
    .map((child) => (child instanceof Element ? `{${child.getAttribute('equiv-text') ?? child.textContent}}` : (child.nodeValue ?? '')))
    .join('');
}

/**
 * What lit-localize builds a placeholder from: its id, and how many expressions it holds (an
 * <x/>'s code may be renamed in the source without harm) or, for markup (<ph>), the markup itself.
 */
function placeholder(node: Element): string {
  const id = node.getAttribute('id');
  if (node.localName === 'ph') return `<ph id="${id}">${node.textContent}</ph>`;
  const expressions = (node.getAttribute('equiv-text')?.match(/\$\{/g) ?? []).length;
  return `<x id="${id}"/>${expressions > 1 ? ` (${expressions} expressions)` : ''}`;
}

const placeholders = (node: Element) => [...node.children].map(placeholder).sort();

/** Reads one XLIFF 1.2 file as lit-localize writes it, naming every problem by message id. */
function checkXliff(xml: string, locale: string, sourceLocale = 'en-GB'): Report {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.querySelector('parsererror');
  if (error) return { units: [], problems: [`not well-formed XML: ${error.textContent?.trim()}`] };
  const problems: string[] = [];
  const file = document.querySelector('file');
  if (!file) return { units: [], problems: ['no <file> element'] };
  if (file.getAttribute('target-language') !== locale) problems.push(`target-language is "${file.getAttribute('target-language')}", not ${locale}`);
  if (file.getAttribute('source-language') !== sourceLocale) problems.push(`source-language is "${file.getAttribute('source-language')}", not ${sourceLocale}`);
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const unit of document.querySelectorAll('trans-unit')) {
    const id = unit.getAttribute('id') ?? '';
    if (seen.has(id)) problems.push(`${id}: translated twice`);
    seen.add(id);
    const source = unit.querySelector('source');
    const target = unit.querySelector('target');
    if (!source) {
      problems.push(`${id}: no <source>`);
      continue;
    }
    units.push({ id, source: text(source), translated: Boolean(target) });
    if (!target) continue;
    if (!text(target).trim()) {
      problems.push(`${id}: the <target> is empty`);
      continue;
    }
    const [expected, actual] = [placeholders(source), placeholders(target)];
    if (expected.join('\n') !== actual.join('\n')) {
      problems.push(`${id}: placeholders differ: the source has [${expected.join(', ')}], the target [${actual.join(', ')}]`);
    }
  }
  return { units, problems };
}

describe('the translations in xliff/', () => {
  let locales: string[] = [];
  before(async () => {
    const config = (await (await fetch('/lit-localize.json')).json()) as { targetLocales: string[] };
    // The pseudo-locale is generated, and checked by the pseudo-locale test.
    locales = config.targetLocales.filter((code) => code !== 'en-XA');
    expect(locales).to.include.members(['cy', 'pl', 'ro', 'lt', 'pt', 'bn', 'ur', 'ar']);
  });

  it('are well-formed, each for its language, and keep every placeholder; lists what still shows in English', async () => {
    const problems: string[] = [];
    for (const locale of locales) {
      const response = await fetch(`/xliff/${locale}.xlf`);
      expect(response.ok, `xliff/${locale}.xlf is missing`).to.equal(true);
      const report = checkXliff(await response.text(), locale);
      problems.push(...report.problems.map((problem) => `xliff/${locale}.xlf: ${problem}`));
      const missing = report.units.filter((unit) => !unit.translated);
      console.log(`${locale}: ${report.units.length - missing.length} of ${report.units.length} messages translated; ${missing.length} show in English`);
      if (missing.length) console.log(`${locale} not yet translated:\n${missing.map((unit) => `  ${unit.id}: ${unit.source}`).join('\n')}`);
    }
    expect(problems).to.deep.equal([]);
  });

  describe('the check', () => {
    const file = (units: string, locale = 'cy') =>
      `<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file target-language="${locale}" source-language="en-GB" original="x" datatype="plaintext"><body>${units}</body></file></xliff>`;
    const left = (target: string) =>
      `<trans-unit id="count.left.one"><source>You have <x id="0" equiv-text="\${n}"/> character remaining</source><target>${target}</target></trans-unit>`;
    const problems = (xml: string, locale = 'cy') => checkXliff(xml, locale).problems.join('\n');

    it('accepts a translation that keeps its placeholder, and an untranslated message', () => {
      expect(problems(file(left('Mae gennych <x id="0" equiv-text="${n}"/> nod ar ôl')))).to.equal('');
      const report = checkXliff(file('<trans-unit id="vote"><source>Vote</source></trans-unit>'), 'cy');
      expect(report.problems).to.deep.equal([]);
      expect(report.units).to.deep.equal([{ id: 'vote', source: 'Vote', translated: false }]);
    });

    it('fails a dropped placeholder or one the source does not have; a renamed expression is harmless', () => {
      expect(problems(file(left('Mae gennych nod ar ôl')))).to.equal('count.left.one: placeholders differ: the source has [<x id="0"/>], the target []');
      expect(problems(file(left('Mae gennych <x id="1" equiv-text="${n}"/> nod')))).to.match(/placeholders differ/);
      expect(problems(file(left('Mae gennych <x id="0" equiv-text="${n}"/> <x id="0" equiv-text="${n}"/> nod')))).to.match(/placeholders differ/);
      expect(problems(file(left('Mae gennych <x id="0" equiv-text="${count}"/> nod')))).to.equal('');
    });

    it('fails malformed XML, an empty target, a message translated twice, a file for another language', () => {
      expect(problems(file(left('Mae gennych <b>nod')))).to.match(/^not well-formed XML/);
      expect(problems(file(left('nod & mwy')))).to.match(/^not well-formed XML/);
      expect(problems(file(left(' ')))).to.equal('count.left.one: the <target> is empty');
      const kept = (words: string) => left(`<x id="0" equiv-text="\${n}"/> ${words}`);
      expect(problems(file(kept('nod') + kept('llythyren')))).to.equal('count.left.one: translated twice');
      expect(problems(file(kept('nod')), 'pl')).to.equal('target-language is "cy", not pl');
    });
  });
});
