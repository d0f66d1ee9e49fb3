/**
 * bench:server's throw-away PostgreSQL cluster: whatever stops its start (a port in use, Ctrl-C or
 * `timeout`, which reach initdb and pg_ctl too), no PostgreSQL is left running and no folder left in
 * /tmp. And its options: one it cannot honour stops it before anything starts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { clusterUnavailable, startCluster } from '../../bench/support/postgres.js';
import { procStat } from '../../server/proc-stat.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const skip = clusterUnavailable() ?? false;

/** Folders in /tmp whose names start with `prefix`: `civic-bench-` for all a bench run makes, `civic-bench-pg-` for its cluster's. */
const folders = (prefix: string) => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith(prefix)));
const clusterFolders = () => folders('civic-bench-pg-');
const newFolders = (before: Set<string>, prefix = 'civic-bench-pg-') => [...folders(prefix)].filter((name) => !before.has(name));

/** Whether any process of the process group `group` (field 5 of /proc/PID/stat) still runs. */
const groupRunning = (group: number) => readdirSync('/proc').some((pid) => /^\d+$/.test(pid) && Number(procStat(Number(pid))?.[5 - 3]) === group);

/** Processes whose command line names `path`: a postmaster started with `-D path/data`. */
function processesUsing(path: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (commandLine.includes(path)) found.push(`${pid}: ${commandLine}`);
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

describe('bench:server PostgreSQL cluster', { skip }, () => {
  test('starts a server in its own folder, and leaves nothing behind once stopped', () => {
    const before = clusterFolders();
    const cluster = startCluster(5490 + (process.pid % 9));
    const [folder] = newFolders(before);
    assert.ok(folder && processesUsing(join(tmpdir(), folder)).length > 0, 'a PostgreSQL server runs in the new folder');
    cluster.stop();
    assert.deepEqual(processesUsing(join(tmpdir(), folder)), []);
    assert.equal(existsSync(join(tmpdir(), folder)), false);
  });

  test('a start that fails (its port taken) says so and leaves nothing behind', async () => {
    const holder = createServer();
    await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
    const port = (holder.address() as { port: number }).port;
    const before = clusterFolders();
    try {
      assert.throws(() => startCluster(port), new RegExp(`PostgreSQL did not start on port ${port}`));
    } finally {
      holder.close();
    }
    assert.deepEqual(newFolders(before), []);
  });

  // As people stop it: Ctrl-C in a terminal, or `timeout`; either signals the job's whole process group.
  for (const [how, signal] of [['Ctrl-C', 'SIGINT'], ['timeout', 'SIGTERM']] as const) {
    test(`${how} while the cluster starts stops the server it launched and removes its folder`, { timeout: 120_000 }, async () => {
      const before = clusterFolders();
      const beforeAll = folders('civic-bench-');
      // npm run, as the README says, in its own process group as a terminal's foreground job.
      const bench = spawn('npm', ['run', '--silent', 'bench:server', '--', '--seconds', '1', '--database', 'postgres'], { cwd: root, detached: true, stdio: 'ignore', env: { ...process.env, DATABASE_URL: '' } });
      const exited = new Promise<number | string>((done) => bench.on('exit', (code, signal) => done(code ?? signal ?? -1)));
      let folder: string | undefined;
      try {
        // Once pg_ctl has launched the server (its pid file exists) and before the start is done.
        for (let waited = 0; waited < 90_000; waited += 20) {
          folder ??= newFolders(before)[0];
          if (folder && existsSync(join(tmpdir(), folder, 'data', 'postmaster.pid'))) break;
          await sleep(20);
        }
        assert.ok(folder && existsSync(join(tmpdir(), folder, 'data', 'postmaster.pid')), 'the bench launched PostgreSQL');
        process.kill(-bench.pid!, signal);
        await exited;
        // The bench itself may outlive npm by a moment while it cleans up.
        for (let waited = 0; waited < 15_000 && groupRunning(bench.pid!); waited += 100) await sleep(100);
        assert.equal(groupRunning(bench.pid!), false, 'the bench has ended');
        assert.deepEqual(processesUsing(join(tmpdir(), folder)), []);
        assert.deepEqual(newFolders(beforeAll, 'civic-bench-'), [], 'no folder of the run is left');
      } finally {
        try {
          process.kill(-bench.pid!, 'SIGKILL');
        } catch {
          // The whole group has ended.
        }
      }
    });
  }
});

test('bench:server refuses options it cannot honour with its usage, before it starts anything', () => {
  for (const options of [['--database', 'mysql'], ['--seconds', 'ten'], ['--seconds', '0'], ['--runs', '0'], ['--runs', '1.5']]) {
    const before = folders('civic-bench-');
    const bench = spawnSync('npm', ['run', '--silent', 'bench:server', '--', ...options], { cwd: root, encoding: 'utf8' });
    assert.equal(bench.status, 2, options.join(' '));
    assert.match(bench.stderr, /usage: npm run bench:server -- \[--seconds N \(1 to 600\)\] \[--runs N \(1 to 9\)\] \[--database pglite\|postgres\]/);
    assert.deepEqual(newFolders(before, 'civic-bench-'), []);
  }
});
