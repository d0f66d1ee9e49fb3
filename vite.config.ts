import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { elementNames } from './scripts/lib/entries.mjs';

const dependencies = [/^lit($|\/)/, /^@lit\//, /^valibot$/, /^idb$/, /^dompurify$/];

/** The files a webmaster serves: minified for old phones, with source maps for whoever debugs them. */
const servedFile = { outDir: 'dist', emptyOutDir: false, target: 'es2020', minify: true, sourcemap: true } as const;

/**
 * `vite build --mode iife`: dist/civic-widgets.js, one minified file with Lit inside.
 * `vite build --mode memory`: dist/civic-widgets-memory.js, the in-browser backend the bundle loads for api="memory:".
 * `vite build --mode es`: dist/es/, ES modules mirroring src/ with dependencies left to the user's bundler.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'iife') {
    return {
      resolve: {
        alias: [{ find: /^\.\/memory-loader\.js$/, replacement: fileURLToPath(new URL('src/core/memory-loader.iife.ts', import.meta.url)) }],
      },
      build: {
        ...servedFile,
        lib: { entry: 'src/bundle.ts', formats: ['iife'], name: 'civicWidgets', fileName: () => 'civic-widgets.js' },
      },
    };
  }
  if (mode === 'memory') {
    // The in-browser backend beside the bundle, fetched only by pages with api="memory:".
    return {
      build: {
        ...servedFile,
        lib: { entry: 'src/memory/index.ts', formats: ['es'], fileName: () => 'civic-widgets-memory.js' },
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
