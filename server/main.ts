/**
 * The reference server's entry: reads the environment (README "Configuration"), opens the database,
 * serves until SIGINT or SIGTERM. A setting or a database that cannot work stops it with one line.
 *
 *   node --import tsx server/main.ts      (npm start does this after building the pages)
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp, type App } from './app.js';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { FolderLockedError } from './db/lock.js';
import { openDatabase, type OpenDatabase } from './db/open.js';
import type { Database } from './db/types.js';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');

export interface Running {
  app: App;
  config: ServerConfig;
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  stop(): Promise<void>;
}

export interface MainOptions {
  /** Runs once the database is open, before the server listens (npm start seeds the demo here). */
  prepare?: (db: Database, config: ServerConfig) => Promise<void>;
  log?: (line: string) => void;
}

/** A problem that stops the start; its message is the one line printed. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

export async function main(env: NodeJS.ProcessEnv, options: MainOptions = {}): Promise<Running> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = readConfig(env, { siteRoot: REPOSITORY_ROOT });
  let database: OpenDatabase;
  try {
    database = await openDatabase(config, { what: 'the server', log: (line) => console.error(line) });
  } catch (error) {
    if (error instanceof FolderLockedError) throw new StartError(error.message);
    if (config.databaseUrl) throw new StartError(`Cannot use the PostgreSQL database in DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  let app: App | undefined;
  try {
    await options.prepare?.(database.db, config);
    await checkSecrets(database.db, config);
    app = await buildApp(config, database.db);
    const address = await app.fastify.listen({ host: config.host, port: config.port });
    const origin = address.replace('[::1]', 'localhost');
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
    log(`civic-widgets server: ${origin}/ (API ${origin}/api/, Storybook ${origin}/storybook/), data: ${where}${config.adminToken ? '' : '; admin routes off (no ADMIN_TOKEN)'}`);
    const running = app;
    return {
      app: running,
      config,
      origin,
      async stop() {
        await running.close();
        await database.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new StartError(`Port ${config.port} on ${config.host} is already in use; set PORT to another one.`);
    throw error;
  }
}

/** A round that takes voter tokens cannot work without the secret that checks them. */
async function checkSecrets(db: Database, config: ServerConfig): Promise<void> {
  if (config.voterTokenSecret) return;
  const rows = await db.query<{ id: string }>("SELECT id FROM rounds WHERE round->>'voterIdentity' = 'token' LIMIT 1");
  if (rows[0]) throw new StartError(`Round ${rows[0].id} takes voter tokens, so VOTER_TOKEN_SECRET must be set (the HS256 secret the host site signs them with).`);
}

/** Runs `main` as a process: one line and exit code 1 on a problem, a clean stop on SIGINT/SIGTERM. */
export async function runProcess(env: NodeJS.ProcessEnv, options: MainOptions = {}): Promise<void> {
  let running: Running;
  try {
    running = await main(env, options);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartError) {
      console.error(`civic-widgets server: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runProcess(process.env);
}
