/** Voter tokens as a host site signs them (HS256 with the server's VOTER_TOKEN_SECRET). */
import { SignJWT } from 'jose';
import { VOTER_TOKEN_SECRET } from './server.js';

export async function voterToken(sub: string | undefined, options: { aud?: string; expiresIn?: string | number; secret?: string } = {}): Promise<string> {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (sub !== undefined) jwt = jwt.setSubject(sub);
  if (options.aud !== undefined) jwt = jwt.setAudience(options.aud);
  jwt = jwt.setExpirationTime(options.expiresIn ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? VOTER_TOKEN_SECRET));
}
