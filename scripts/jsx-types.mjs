// dist/types/jsx.d.ts, from custom-elements.json: every element's attributes, properties and events
// as JSX types, so a TypeScript React app type-checks `<civic-vote-form round="…">` with
// `import type {} from 'civic-widgets/jsx'` and nothing written by hand.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
// The manifest names each event; its detail's type is in CivicEventMap (src/core/events.ts).
// Native events an element fires (a slider's input and change) lose their type: the plugin would
// import \`Event\` from the package as if it were one of its classes.
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    for (const event of declaration.events ?? []) {
      if (event.name.startsWith('civic-')) event.type = { text: `CivicEventMap['${event.name}']` };
      else delete event.type;
    }
    // A property whose attribute has the same name (a slider's value) is typed once, as the attribute.
    const attributes = new Set((declaration.attributes ?? []).map((attribute) => attribute.name));
    if (declaration.members) declaration.members = declaration.members.filter((member) => !attributes.has(member.name));
  }
}
// Types of attributes and properties come from the element classes themselves (./index.js).
generateJsxTypes(manifest, { outdir: 'dist/types', fileName: 'jsx.d.ts', globalTypePath: './index.js', hideLogs: true });

const file = 'dist/types/jsx.d.ts';
writeFileSync(file, `import type { CivicEventMap } from './index.js';\n${readFileSync(file, 'utf8')}`);
appendFileSync(
  file,
  `
/** Each element as React 19 sees it: its own props, plus \`key\` and a \`ref\` to the element. */
type ReactCustomElements = {
  [Tag in keyof CustomElements]: CustomElements[Tag] & { key?: import('react').Key; ref?: import('react').Ref<HTMLElementTagNameMap[Tag]> };
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ReactCustomElements {}
  }
}
`,
);
