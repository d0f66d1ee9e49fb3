import type * as Sanitizer from './sanitize-html.js';
import { besideBundle } from './beside-bundle.iife.js';

/**
 * Stands in for sanitizer-loader.ts in the single-file bundle, which cannot split code: the
 * sanitiser is built as civic-widgets-sanitize.js and fetched from next to the bundle.
 */
export const loadSanitizer = (): Promise<typeof Sanitizer> => import(/* @vite-ignore */ besideBundle('civic-widgets-sanitize.js'));
