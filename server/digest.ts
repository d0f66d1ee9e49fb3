/**
 * SHA-256 of a text as base64url: register entries, code hashes and submission fingerprints. One
 * call with no hash object to build and collect, which a ballot otherwise pays for twice.
 */
import { hash } from 'node:crypto';

export const sha256 = (text: string): string => hash('sha256', text, 'base64url');
