import type * as MemoryBackend from '../memory/index.js';
import { besideBundle } from './beside-bundle.iife.js';

/**
 * Stands in for memory-loader.ts in the single-file bundle, which cannot split code: the backend is
 * built as civic-widgets-memory.js and fetched from next to the script that loaded the bundle.
 */
export const loadMemoryBackend = (): Promise<typeof MemoryBackend> => import(/* @vite-ignore */ besideBundle('civic-widgets-memory.js'));
