/**
 * SHA-256 of a text: as base64url for register entries, code hashes and submission fingerprints; as
 * bytes to compare secrets in constant time. One call with no hash object to build and collect,
 * which a ballot otherwise pays for twice.
 */
import { hash } from 'node:crypto';

export const sha256 = (text: string): string => hash('sha256', text, 'base64url');

export const sha256Bytes = (text: string): Buffer => hash('sha256', text, 'buffer');
