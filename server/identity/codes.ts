/**
 * Single-use voting codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * printed as `XXXX-XXXX-XXXX`, typed in any case and with or without the hyphens.
 *
 * Only a SHA-256 of the round id and the code is kept. A slow hash (scrypt) protects secrets that
 * people choose, which have little entropy; these are random, with 12 × log2(31) ≈ 59 bits, so even
 * a full copy of the database gives no code back in reasonable time, while checking a code stays one
 * index look-up and a council can make 100,000 codes in a second.
 */
import { randomInt } from 'node:crypto';
import { sha256 } from '../digest.js';
import { normalizeVotingCode } from '../../src/domain/rounds.js';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 12;

/** A new random code, `XXXX-XXXX-XXXX`. */
export function newVotingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What is stored for a code of a round, and looked up when a resident types it. */
export function votingCodeHash(roundId: string, code: string): string {
  return sha256(`code\u0000${roundId}\u0000${normalizeVotingCode(code)}`);
}
