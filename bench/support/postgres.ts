/**
 * A throw-away PostgreSQL cluster, started as .ci/run starts one (Debian's PostgreSQL 15): initdb in
 * a temporary folder, pg_ctl on a private port and socket, a database for the run; stopped and
 * removed at the end. As root it runs the cluster as the `postgres` user (initdb refuses root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

export interface Cluster {
  url: string;
  stop(): void;
}

/** Why a cluster cannot be started here, or null when it can. */
export function clusterUnavailable(): string | null {
  if (!existsSync(join(BIN, 'initdb'))) return `no PostgreSQL in ${BIN} (apt-get install postgresql, or set DATABASE_URL)`;
  return null;
}

export function startCluster(port: number): Cluster {
  const root = mkdtempSync(join(tmpdir(), 'civic-bench-pg-'));
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  const socket = root;
  const asRoot = process.getuid?.() === 0;
  const run = (command: string) => {
    if (asRoot) execFileSync('su', ['postgres', '-c', command], { stdio: 'ignore' });
    else execFileSync('sh', ['-c', command], { stdio: 'ignore' });
  };
  run(`${BIN}/initdb -D ${data} -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8`);
  run(`${BIN}/pg_ctl -D ${data} -l ${root}/server.log -o "-p ${port} -k ${socket} -c listen_addresses=127.0.0.1" -w start`);
  run(`${BIN}/psql -h ${socket} -p ${port} -U postgres -c "CREATE DATABASE civic_bench"`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/civic_bench`,
    stop() {
      try {
        run(`${BIN}/pg_ctl -D ${data} -w stop -m fast`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
