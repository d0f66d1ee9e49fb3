/** What every route needs, built once per app. */
import type { ServerConfig } from './config.js';
import type { Database } from './db/types.js';
import { createRateLimiter, type RateLimiter } from './identity/rate-limit.js';
import { tokenKeyOf, type TokenVerifier } from './identity/voter.js';
import { createCatalog, type Catalog } from './store/catalog.js';
import { createResults } from './store/results.js';
import { createSubmissionWriter, type SubmissionWriter } from './store/submissions.js';

export interface AppContext {
  config: ServerConfig;
  db: Database;
  catalog: Catalog;
  writer: SubmissionWriter;
  results: ReturnType<typeof createResults>;
  limiter: RateLimiter;
  tokenKey: TokenVerifier | null;
}

export function createContext(config: ServerConfig, db: Database): AppContext {
  return {
    config,
    db,
    catalog: createCatalog(db),
    writer: createSubmissionWriter(db, config.groupCommit, config.now),
    results: createResults(db),
    limiter: createRateLimiter(config.limits.windowMs),
    tokenKey: tokenKeyOf(config.voterTokenSecret),
  };
}
