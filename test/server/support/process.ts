/** The server and the CLIs as separate processes, as they run in production, for tests that kill them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/** The environment a child gets: the server's variables only, on 127.0.0.1 and a free port. */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env };
}

/** Starts `server/main.ts`; resolves once it listens, rejects with its output if it stops first. */
export function spawnServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? -1)));
  return new Promise((resolveStart, rejectStart) => {
    // Only the start is timed: a server that listens runs as long as its test needs it.
    const tooSlow = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`the server did not start within 60 s:\n${output}`));
    }, 60_000).unref();
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /civic-widgets server: (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(tooSlow);
        resolveStart({
          origin: match[1]!,
          child,
          output: () => output,
          exited,
          async kill(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    void exited.then((code) => rejectStart(new Error(`the server stopped (${code}) before listening:\n${output}`)));
  });
}

/** Runs a command to its end: its exit code and everything it printed. */
export function runToEnd(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr })));
}

/** The database variables for a child on the given test database. */
export function databaseEnv(database: { databaseUrl?: string; dataDir: string }): Record<string, string | undefined> {
  return database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { CIVIC_DATA_DIR: database.dataDir };
}
