import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupCommit } from '../../server/store/group-commit.js';

/** A writer that records each batch it is given and answers every job with its double. */
function recordingWriter() {
  const batches: number[][] = [];
  return { batches, write: async (jobs: number[]) => (batches.push(jobs), jobs.map((job) => job * 2)) };
}

test('jobs that arrive within the window are written together, each answered with its own result', async () => {
  const writer = recordingWriter();
  const commit = groupCommit({ windowMs: 20, maxBatch: 100 }, writer.write);
  assert.deepEqual(await Promise.all([commit.submit(1), commit.submit(2), commit.submit(3)]), [2, 4, 6]);
  assert.deepEqual(writer.batches, [[1, 2, 3]]);
});

test('a full batch is written at once, without waiting for the rest of its window', async () => {
  const writer = recordingWriter();
  const commit = groupCommit({ windowMs: 60_000, maxBatch: 3 }, writer.write);
  const started = performance.now();
  assert.deepEqual(await Promise.all([commit.submit(1), commit.submit(2), commit.submit(3)]), [2, 4, 6]);
  assert.ok(performance.now() - started < 30_000, 'the full batch waited for its window');
  assert.deepEqual(writer.batches, [[1, 2, 3]]);
  const rest = commit.submit(4);
  await commit.drain();
  assert.equal(await rest, 8);
  assert.deepEqual(writer.batches, [[1, 2, 3], [4]]);
});
