import { msg } from '@lit/localize';
import type { CivicError, CivicErrorCode } from '../client/client.js';

/** What a resident reads when something fails: what happened and what to do, never a stack trace. */
export function errorMessage(error: CivicError | undefined): string {
  const messages: Record<CivicErrorCode, () => string> = {
    network: () => msg('We could not reach the server. Check your internet connection and try again.'),
    timeout: () => msg('The server is taking too long to answer. Try again in a moment.'),
    aborted: () => msg('This was cancelled. Try again if you still need it.'),
    http: () => msg('Something went wrong on the server. Try again later.'),
    'invalid-response': () => msg('The server sent an answer we could not read. Try again later.'),
    validation: () => msg('Some answers need to be changed. Check them and try again.'),
    conflict: () => msg('This has already been sent.'),
    closed: () => msg('This is not open at the moment.'),
    unauthorized: () => msg('You need permission to do this. Check your voting code or sign in again.'),
    'not-found': () => msg('We could not find this. It may have been removed.'),
    internal: () => msg('Something went wrong in this page. Try again later, or tell the website’s owner.'),
  };
  return (error && messages[error.code]?.()) ?? messages.http();
}
