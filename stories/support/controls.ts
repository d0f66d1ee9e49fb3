import type { Preview } from '@storybook/web-components-vite';

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type ArgType = ReturnType<ArgTypesEnhancer>[string];

interface ManifestElement {
  tagName?: string;
  attributes?: Array<{ name: string; fieldName?: string }>;
}
interface Manifest {
  modules: Array<{ declarations?: ManifestElement[] }>;
}

/**
 * Controls from the types in custom-elements.json, for every element: a text field for a string, a
 * number field for a number, a toggle for a boolean, a select for a union of literals
 * (`'newest' | 'cost'`). Storybook's web-components renderer passes the manifest's type text as the
 * type's name, and anything it does not know (`'a' | 'b'`, `Proposal`) becomes "Set object".
 * A property that has an attribute gets no control of its own (the attribute's edits it), and
 * neither does an object (`Proposal`, `CivicClient`), which a story sets in code, nor a part, token,
 * slot or event.
 */
export function controlsFromManifest(manifest: Manifest): ArgTypesEnhancer {
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []);
  return (context) => {
    const element = elements.find((e) => e.tagName === context.component);
    if (!element) return context.argTypes;
    const fieldsWithAttributes = new Set((element.attributes ?? []).map((a) => a.fieldName));
    return Object.fromEntries(
      Object.entries(context.argTypes).map(([key, argType]) => {
        const category = argType.table?.category;
        // Parts, tokens, slots and events are documented in the table; no control of a story sets them.
        if (category !== 'attributes' && category !== 'properties') return [key, { ...argType, control: false }];
        if (category === 'properties' && fieldsWithAttributes.has(argType.name)) return [key, { ...argType, control: false }];
        return [key, { ...argType, ...controlFor(argType.table?.type?.summary ?? '') }];
      }),
    );
  };
}

function controlFor(typeText: string): Partial<ArgType> {
  if (typeText === 'string' || typeText === 'number' || typeText === 'boolean') return { type: { name: typeText } };
  const literals = literalUnion(typeText);
  if (literals) return { type: { name: 'enum', value: literals }, options: literals, control: { type: 'select' } };
  return { type: { name: 'other', value: typeText }, control: false };
}

/** `'a' | 'b'` -> ['a', 'b'] and `2 | 3` -> [2, 3]; undefined for anything else. */
function literalUnion(typeText: string): Array<string | number> | undefined {
  const parts = typeText.split('|').map((part) => part.trim());
  if (!parts.every((part) => /^'[^']*'$|^"[^"]*"$|^-?\d+(\.\d+)?$/.test(part))) return undefined;
  return parts.map((part) => (/^['"]/.test(part) ? part.slice(1, -1) : Number(part)));
}
