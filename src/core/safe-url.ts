/**
 * A URL from a backend, or undefined when it could run script or is unreadable. Lit does not
 * sanitise attribute bindings, so `javascript:` in a proposal's link would run on click.
 * Images may also be `data:image/…` (an <img> never runs script from its source).
 */
export function safeUrl(value: string | null | undefined, { image = false } = {}): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (image && /^data:image\//i.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, document.baseURI);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}
