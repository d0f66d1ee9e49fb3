/**
 * Files the single-file bundle loads on demand (the in-browser backend, the HTML sanitiser) are
 * served beside it. Their address comes from the script that loaded the bundle, read while the
 * bundle first runs: `document.currentScript` is null afterwards.
 */
const bundleUrl = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

export const besideBundle = (file: string): string => new URL(file, bundleUrl).href;
