import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { elementNames } from './scripts/lib/entries.mjs';

const dependencies = [/^lit($|\/)/, /^@lit\//, /^valibot$/, /^idb$/, /^dompurify$/];

/** The files a webmaster serves: minified for old phones, with source maps for whoever debugs them. */
const servedFile = { outDir: 'dist', emptyOutDir: false, target: 'es2020', minify: true, sourcemap: true } as const;

/** Files the single-file bundle loads on demand from beside itself, by the entry each is built from. */
const besideBundle = [
  // The in-browser backend, fetched only by pages with api="memory:".
  { mode: 'memory', entry: 'src/memory/index.ts', file: 'civic-widgets-memory.js', loader: 'memory-loader' },
  // DOMPurify and the allow-list, fetched only when a proposal's description is HTML.
  { mode: 'sanitize', entry: 'src/core/sanitize-html.ts', file: 'civic-widgets-sanitize.js', loader: 'sanitizer-loader' },
] as const;

/**
 * `vite build --mode iife`: dist/civic-widgets.js, one minified file with Lit inside.
 * `vite build --mode memory`: dist/civic-widgets-memory.js, the in-browser backend the bundle loads for api="memory:".
 * `vite build --mode sanitize`: dist/civic-widgets-sanitize.js, the HTML sanitiser the bundle loads for HTML descriptions.
 * `vite build --mode es`: dist/es/, ES modules mirroring src/ with dependencies left to the user's bundler.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'iife') {
    return {
      resolve: {
        // Each loader's import() becomes a fetch of the file beside the bundle.
        alias: besideBundle.map(({ loader }) => ({
          find: new RegExp(`^(\\.{1,2}/)+(core/)?${loader}\\.js$`),
          replacement: fileURLToPath(new URL(`src/core/${loader}.iife.ts`, import.meta.url)),
        })),
      },
      build: {
        ...servedFile,
        lib: { entry: 'src/bundle.ts', formats: ['iife'], name: 'civicWidgets', fileName: () => 'civic-widgets.js' },
      },
    };
  }
  const beside = besideBundle.find((file) => file.mode === mode);
  if (beside) {
    return {
      build: {
        ...servedFile,
        lib: { entry: beside.entry, formats: ['es'], fileName: () => beside.file },
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
