/**
 * A throw-away PostgreSQL cluster, started as .ci/run starts one (Debian's PostgreSQL 15): initdb in
 * a temporary folder, pg_ctl on a private port and socket, a database for the run; stopped and
 * removed at the end. As root it runs the cluster as the `postgres` user (initdb refuses root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Blocks for `ms`: starting and stopping are synchronous here, as the bench waits on them anyway. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

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
  let launched = false;
  const stop = () => {
    try {
      // A server that pg_ctl launched before it was cut short writes its pid file within moments.
      const pidFile = join(data, 'postmaster.pid');
      for (let waited = 0; launched && !existsSync(pidFile) && waited < 1_000; waited += 50) pause(50);
      if (existsSync(pidFile)) run(`${BIN}/pg_ctl -D ${data} -w stop -m fast`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    run(`${BIN}/initdb -D ${data} -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8`);
    launched = true;
    run(`${BIN}/pg_ctl -D ${data} -l ${root}/server.log -o "-p ${port} -k ${socket} -c listen_addresses=127.0.0.1" -w start`);
    run(`${BIN}/psql -h ${socket} -p ${port} -U postgres -c "CREATE DATABASE civic_bench"`);
  } catch (error) {
    // A step failed, or was stopped: Ctrl-C reaches initdb and pg_ctl too, while the server they
    // start runs on in its own session. Either way nothing may be left running or on disk.
    const log = join(root, 'server.log');
    const lastLogLine = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').at(-1) : undefined;
    stop();
    const { signal } = error as { signal?: string | null };
    throw new Error(signal ? `the PostgreSQL start was stopped (${signal})` : `PostgreSQL did not start on port ${port}${lastLogLine ? `: ${lastLogLine}` : ''}`, { cause: error });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/civic_bench`, stop };
}
