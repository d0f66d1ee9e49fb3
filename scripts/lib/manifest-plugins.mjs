// Plugins for @custom-elements-manifest/analyzer (custom-elements-manifest.config.mjs). They turn the
// analysis of all of src/ (needed to follow inheritance and type aliases) into the public API only:
// the elements, each with its inherited attributes, every theme token and types tools can read.
import { readFileSync } from 'node:fs';

const themeFile = new URL('../../src/styles/theme.ts', import.meta.url);

/** Only the custom elements under src/elements/, each with a tag; no base class, helper or style module. */
export function publicElementsOnly() {
  return {
    name: 'civic-public-elements-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules
        .filter((module) => module.path.startsWith('src/elements/'))
        .map((module) => {
          const declarations = (module.declarations ?? []).filter((d) => d.customElement && d.tagName);
          const names = new Set(declarations.map((d) => d.name));
          const exports = (module.exports ?? []).filter((e) => names.has(e.declaration?.name));
          // Elements register through defineElement(), which the analyzer does not follow: say which tag each module defines.
          for (const { name, tagName } of declarations) {
            if (!exports.some((e) => e.kind === 'custom-element-definition' && e.name === tagName)) {
              exports.push({ kind: 'custom-element-definition', name: tagName, declaration: { name, module: module.path } });
            }
          }
          return { ...module, declarations, exports };
        })
        .filter((module) => module.declarations.length > 0);
    },
  };
}

/** TypeScript's private and protected members, and `_`-prefixed ones, are implementation, not API. */
export function publicMembersOnly() {
  const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_');
  return {
    name: 'civic-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(customElementsManifest)) {
        if (!declaration.members) continue;
        const hidden = new Set(declaration.members.filter((m) => !isPublic(m)).map((m) => m.name));
        declaration.members = declaration.members.filter(isPublic);
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName) && !a.name.startsWith('_'));
        }
      }
    },
  };
}

/**
 * Type texts tools can act on: `string | undefined` becomes `string` (Storybook offers a text field,
 * not "Set object"), and an alias of a union of literals (`ProposalStatus`) becomes its options.
 */
export function typesForTools() {
  const literalUnions = new Map(); // alias name -> its literals, or null when two modules disagree
  return {
    name: 'civic-types-for-tools',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node)) return;
      const members = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      if (!members.every((m) => ts.isLiteralTypeNode(m) && (ts.isStringLiteral(m.literal) || ts.isNumericLiteral(m.literal)))) return;
      const literals = members.map((m) => (ts.isStringLiteral(m.literal) ? `'${m.literal.text}'` : m.literal.text));
      const name = node.name.text;
      const known = literalUnions.get(name);
      literalUnions.set(name, known === undefined || known?.join() === literals.join() ? literals : null);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(customElementsManifest)) {
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          if (item.type?.text) item.type.text = cleanType(item.type.text, literalUnions);
        }
      }
    },
  };
}

function cleanType(text, literalUnions) {
  const parts = splitUnion(text)
    .filter((part) => part !== 'undefined' && part !== 'null')
    .flatMap((part) => literalUnions.get(part) ?? [part.replace(/^"(.*)"$/, "'$1'")]);
  return [...new Set(parts)].join(' | ') || text;
}

/** The top-level members of a union type text: `A<B | C> | 'x'` -> [`A<B | C>`, `'x'`]. */
function splitUnion(text) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote && text[i - 1] !== '\\') quote = null;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if ('<([{'.includes(char)) depth++;
    else if ('>)]}'.includes(char)) depth--;
    else if (char === '|' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/**
 * Every `--civic-*` token of src/styles/theme.ts on every element (they all read the theme through
 * the shared styles; a provider passes the tokens set on it down to the elements inside): its
 * `@cssprop` line there as the description, unless the element describes its own use of the token,
 * and the default from the CSS.
 */
export function themeTokens() {
  return {
    name: 'civic-theme-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const tokens = readThemeTokens(readFileSync(themeFile, 'utf8'));
      for (const declaration of declarationsOf(customElementsManifest)) {
        if (!declaration.tagName) continue;
        const own = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
        const elementOnly = [...own.values()].filter((p) => !tokens.some((t) => t.name === p.name));
        declaration.cssProperties = [
          ...elementOnly,
          ...tokens.map((token) => ({ ...token, description: own.get(token.name)?.description || token.description })),
        ];
      }
    },
  };
}

/** The tokens of theme.ts in order: name, description (its `@cssprop` line) and default (from the CSS). */
export function readThemeTokens(source) {
  const descriptions = new Map(
    [...source.matchAll(/^\s*\*\s*@cssprop\s+(--civic-[\w-]+)\s+-\s+(.+?)\s*$/gm)].map(([, name, text]) => [name, text]),
  );
  const defaults = new Map(); // name -> { base, overrides: [[condition, value]] }
  const blocks = [];
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.endsWith('{')) blocks.push(trimmed.slice(0, -1).trim());
    else if (trimmed.startsWith('}')) blocks.pop();
    const declaration = trimmed.match(/var\((--civic-[\w-]+),\s*(.+)\);$/);
    if (!declaration) continue;
    const [, name, value] = declaration;
    const media = blocks.find((block) => block.startsWith('@media'));
    // A rule for some hosts only, such as :host(:lang(ur)), is a condition like a media query.
    const selector = blocks.findLast((block) => !block.startsWith('@media'));
    const condition = media ? media.replace(/^@media\s*/, '') : selector && selector !== ':host' ? selector.replace(/^:host\((.*)\)$/, '$1') : undefined;
    const entry = defaults.get(name) ?? { base: undefined, overrides: [] };
    if (condition) entry.overrides.push([condition, value]);
    else entry.base = value;
    defaults.set(name, entry);
  }
  const undocumented = [...defaults.keys()].filter((name) => !descriptions.has(name));
  const unknown = [...descriptions.keys()].filter((name) => !defaults.has(name));
  if (undocumented.length || unknown.length) {
    throw new Error(
      `src/styles/theme.ts: ${undocumented.map((n) => `${n} has no @cssprop line`).concat(unknown.map((n) => `@cssprop ${n} is not a token`)).join('; ')}`,
    );
  }
  return [...defaults].map(([name, { base, overrides }]) => ({
    name,
    description: descriptions.get(name),
    default: [base, ...overrides.map(([condition, value]) => `${value} at ${condition}`)].join('; '),
  }));
}

/**
 * The analyzer reads `@summary` up to the next tag, so a class comment that starts with `@tagname` and
 * `@summary` leaves `description` (what Storybook shows under the title) empty and the whole text in
 * `summary`: keep the first paragraph as the summary and the whole text as the description.
 */
export function summaryAndDescription() {
  return {
    name: 'civic-summary-and-description',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(customElementsManifest)) {
        if (declaration.description || !declaration.summary) continue;
        declaration.description = declaration.summary;
        declaration.summary = declaration.summary.split(/\n\s*\n/)[0];
      }
    },
  };
}

function declarationsOf(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []);
}
