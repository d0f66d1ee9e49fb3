import { isSafeUrl } from '../domain/safe-url.js';

/**
 * A URL from a backend, trimmed, or undefined when it is empty or breaks the URL policy
 * (`isSafeUrl`): elements may be given data by a custom client that no schema has checked.
 */
export function safeUrl(value: string | null | undefined, { image = false } = {}): string | undefined {
  const trimmed = value?.trim();
  return trimmed && isSafeUrl(trimmed, { image }) ? trimmed : undefined;
}
