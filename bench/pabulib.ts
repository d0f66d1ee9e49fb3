/**
 * How long parsePabulib takes on real files: each fixture, and a ~95 KB file made by adding more
 * votes to a copy of the largest one. Prints the median milliseconds per parse.
 * Run: npm run bench:pabulib
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePabulib } from '../src/domain/pabulib/index.js';

const FIXTURES = new URL('../test/fixtures/pabulib/', import.meta.url).pathname;
const WARM_UP_RUNS = 20;
const TARGET_BYTES = 95 * 1024;
const GOAL_MS = 20;

function medianMs(text: string, runs: number): number {
  for (let run = 0; run < WARM_UP_RUNS; run += 1) parsePabulib(text);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    parsePabulib(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** The file with its own votes repeated under new voter ids until it reaches `bytes`, num_votes updated. */
function grow(text: string, bytes: number): string {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const votesAt = lines.indexOf('VOTES');
  const voteRows = lines.slice(votesAt + 2);
  const extra: string[] = [];
  let size = Buffer.byteLength(text);
  for (let copy = 1; size < bytes; copy += 1) {
    const row = voteRows[(copy - 1) % voteRows.length] ?? '';
    const added = `copy${copy}-${row}`;
    extra.push(added);
    size += Buffer.byteLength(added) + 2;
  }
  const total = voteRows.length + extra.length;
  const grown = [...lines, ...extra].map((line) => (line.startsWith('num_votes;') ? `num_votes;${total}` : line));
  return `${grown.join('\r\n')}\r\n`;
}

const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.pb')).sort();
const rows: Array<[string, number, number]> = files.map((name) => {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return [name, Buffer.byteLength(text), medianMs(text, 200)];
});
const largest = files.map((name) => readFileSync(join(FIXTURES, name), 'utf8')).sort((a, b) => b.length - a.length)[0] ?? '';
const grown = grow(largest, TARGET_BYTES);
const grownVotes = parsePabulib(grown).votes.length;
const grownMs = medianMs(grown, 200);
rows.push([`largest fixture grown to ${grownVotes} votes`, Buffer.byteLength(grown), grownMs]);

for (const [name, bytes, ms] of rows) {
  console.log(`${name.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  median ${ms.toFixed(2).padStart(6)} ms/parse`);
}
console.log(`~95 KB file: ${grownMs.toFixed(2)} ms per parse (goal < ${GOAL_MS} ms): ${grownMs < GOAL_MS ? 'met' : 'NOT met'}`);
