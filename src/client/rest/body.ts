/**
 * Reads a response body with a size limit, so a runaway server cannot exhaust a phone's memory.
 */

/** Largest successful response body read, in bytes. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Largest error body read; longer ones are cut (only the problem's first members matter). */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Thrown when a body is longer than allowed and `truncate` was not asked for. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Response body is larger than ${limit} bytes`);
  }
}

/** Thrown when the body is not valid UTF-8 and `fatal` decoding was asked for. */
export class BodyEncodingError extends Error {}

interface ReadOptions {
  maxBytes: number;
  /** Return the first `maxBytes` instead of throwing `BodyTooLargeError`. */
  truncate?: boolean;
  /** Throw `BodyEncodingError` on invalid UTF-8 instead of replacing it. */
  fatal?: boolean;
}

/** The body as text. Network failures and aborts while reading are thrown as they come. */
export async function readBody(response: Response, options: ReadOptions): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (!options.truncate && Number.isFinite(declared) && declared > options.maxBytes) {
    await discardBody(response);
    throw new BodyTooLargeError(options.maxBytes);
  }
  const bytes = await collect(response, options);
  try {
    return new TextDecoder('utf-8', { fatal: options.fatal ?? false }).decode(bytes);
  } catch (error) {
    throw new BodyEncodingError('Response body is not valid UTF-8', { cause: error });
  }
}

async function collect(response: Response, { maxBytes, truncate }: ReadOptions): Promise<Uint8Array> {
  // A custom `fetch` may return a Response without a stream; fall back to reading it whole.
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.length > maxBytes && !truncate) throw new BodyTooLargeError(maxBytes);
    return whole.subarray(0, maxBytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    if (length > maxBytes) {
      void reader.cancel().catch(() => undefined);
      if (!truncate) throw new BodyTooLargeError(maxBytes);
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(length, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  return bytes;
}

/** Frees the connection of a response whose body is not wanted. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already closed or errored: nothing left to free.
  }
}
