import type * as MemoryBackend from '../memory/index.js';

/**
 * Stands in for memory-loader.ts in the single-file bundle, which cannot split code: the backend is
 * built as civic-widgets-memory.js and fetched from next to the script that loaded the bundle.
 */
const bundleUrl = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

export const loadMemoryBackend = (): Promise<typeof MemoryBackend> =>
  import(/* @vite-ignore */ new URL('civic-widgets-memory.js', bundleUrl).href);
