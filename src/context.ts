import { createContext } from '@lit/context';
import type { CivicClient } from './client/client.js';

/** What a `<civic-provider>` hands to every element inside it. */
export interface CivicConfig {
  client?: CivicClient;
  /** BCP 47 tag for formatting and translations, e.g. `en-GB`. */
  locale?: string;
  /** The default round for elements that show one. */
  round?: string;
  /** A voter token signed by the host site, for rounds that require one. */
  voterToken?: string;
}

export const civicContext = createContext<CivicConfig>(Symbol.for('civic-widgets/config'));
