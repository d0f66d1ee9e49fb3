import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { elementNames } from './scripts/lib/entries.mjs';

const dependencies = [/^lit($|\/)/, /^@lit\//, /^valibot$/, /^idb$/, /^dompurify$/];

/** Where the script-tag build puts each element's modules, beside civic-widgets.js. */
const SERVED_DIR = 'civic-widgets';
/** The list the loader reads at build time: each element's tag and the files it needs. */
const SERVED_ELEMENTS = `dist/${SERVED_DIR}/elements.json`;

/**
 * Records, for each element, its module and every module it imports up front (not the ones it loads
 * on demand, such as the in-browser backend), so the loader can fetch them all at once.
 */
function elementFiles(): Plugin {
  return {
    name: 'civic-element-files',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output] as const] : [])));
      /** A module and every module it imports up front. */
      const upFront = (fileName: string, needed = new Set<string>()) => {
        if (needed.has(fileName)) return needed;
        needed.add(fileName);
        chunks.get(fileName)?.imports.forEach((name) => upFront(name, needed));
        return needed;
      };
      const served = (names: Set<string>) => [...names].map((fileName) => `${SERVED_DIR}/${fileName}`);
      const elements: Record<string, string[]> = {};
      const onDemand: Record<string, string[]> = {};
      for (const chunk of chunks.values()) {
        if (chunk.isEntry) elements[`civic-${chunk.name}`] = served(upFront(chunk.fileName));
        for (const lazy of chunk.dynamicImports) {
          const module = chunks.get(lazy)?.facadeModuleId ?? lazy;
          onDemand[module.replace(/^.*\/src\//, 'src/')] = served(upFront(lazy));
        }
      }
      // `elements` is what the loader needs; `onDemand` is for the size report.
      this.emitFile({ type: 'asset', fileName: 'elements.json', source: `${JSON.stringify({ elements, onDemand }, null, 2)}\n` });
    },
  };
}

/**
 * Shared modules get content hashes; each language's translations are `locales/<code>.js` (and the
 * dates a language brings, `locales/<code>-dates.js`), a name a council can find, review or replace
 * and a Content-Security-Policy can list, in the folder the loader already serves (so copying
 * civic-widgets/ still copies everything).
 */
function servedChunkName(chunk: { facadeModuleId: string | null }): string {
  const [, folder] = /\/src\/i18n\/(locales|dates)\/[^/]+\.ts$/.exec(chunk.facadeModuleId ?? '') ?? [];
  return folder === 'locales' ? 'locales/[name].js' : folder === 'dates' ? 'locales/[name]-dates.js' : 'shared-[hash].js';
}

/**
 * `vite build --mode served`: dist/civic-widgets/, every element as a minified ES module for old
 *   phones, with Lit and the shared code in modules they share, and what loads on demand (the
 *   in-browser backend, the HTML sanitiser) in modules of its own.
 * `vite build --mode loader`: dist/civic-widgets.js, the script webmasters add, which loads from
 *   civic-widgets/ the elements a page uses (run after `served`: it reads the list that build writes).
 * `vite build --mode es`: dist/es/, ES modules mirroring src/ with dependencies left to the user's bundler.
 */
export default defineConfig(({ mode }) => {
  const served = { target: 'es2020', minify: true, sourcemap: true } as const;
  if (mode === 'served') {
    return {
      plugins: [elementFiles()],
      build: {
        ...served,
        outDir: `dist/${SERVED_DIR}`,
        emptyOutDir: true,
        lib: {
          entry: Object.fromEntries(elementNames().map((name) => [name, `src/elements/${name}/${name}.ts`])),
          formats: ['es'],
        },
        // Vite leaves library ES output unminified; these files are served to phones as they are.
        rollupOptions: { output: { entryFileNames: '[name].js', chunkFileNames: servedChunkName, minify: true } },
      },
    };
  }
  if (mode === 'loader') {
    return {
      define: (() => {
        const { elements, onDemand } = JSON.parse(readFileSync(SERVED_ELEMENTS, 'utf8')) as { elements: unknown; onDemand: Record<string, string[]> };
        // The languages shipped as modules (src/i18n/locales/cy.ts -> cy), and those that bring their own
        // dates (src/i18n/dates/cy.ts), for the loader to fetch the page's early.
        const shipped = (folder: string) => Object.keys(onDemand).flatMap((module) => module.match(new RegExp(`^src/i18n/${folder}/(.+)\\.ts$`))?.[1] ?? []);
        return { __CIVIC_ELEMENTS__: JSON.stringify(elements), __CIVIC_LOCALES__: JSON.stringify(shipped('locales')), __CIVIC_DATES__: JSON.stringify(shipped('dates')) };
      })(),
      build: {
        ...served,
        outDir: 'dist',
        emptyOutDir: false,
        lib: { entry: 'src/bundle.ts', formats: ['iife'], name: 'civicWidgets', fileName: () => 'civic-widgets.js' },
      },
    };
  }
  if (mode !== 'es') return {}; // Storybook and vitest bring their own settings.
  return {
    build: {
      outDir: 'dist/es',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          'client/index': 'src/client/index.ts',
          ...Object.fromEntries(elementNames().map((name) => [`elements/${name}/${name}`, `src/elements/${name}/${name}.ts`])),
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: dependencies,
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
