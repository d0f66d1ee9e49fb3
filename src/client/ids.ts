/**
 * Idempotency keys: one per submission, sent as the `Idempotency-Key` header so that a retry of the
 * same submission is never counted twice.
 */

/** What a caller-supplied key may look like: visible ASCII (a header value), 1 to 255 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * A new random UUID v4 for the `Idempotency-Key` header.
 *
 * Built from `crypto.getRandomValues`, not `crypto.randomUUID`: the latter only exists in secure
 * contexts, and partner sites still embed widgets on plain-http pages.
 */
export function newIdempotencyKey(): string {
  const bytes = randomBytes(16);
  // RFC 9562: version 4 in the high nibble of byte 6, variant 10xx in the high bits of byte 8.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoApi && typeof cryptoApi.getRandomValues === 'function') {
    cryptoApi.getRandomValues(bytes);
    return bytes;
  }
  // Only very old runtimes lack getRandomValues. A key must be unique, not secret, so a
  // non-cryptographic source mixed with the clock is acceptable there.
  const now = Date.now();
  for (let i = 0; i < length; i++) {
    bytes[i] = (Math.floor(Math.random() * 256) ^ (now >>> ((i % 4) * 8))) & 0xff;
  }
  return bytes;
}
