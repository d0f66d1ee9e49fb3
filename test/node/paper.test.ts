import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countedSelections, entryRefusal, normalizeSelections, paperStatus, sameClerk, settlementRefusal } from '../../src/domain/paper.js';
import { keysOf, readKeys } from '../../src/domain/paper-keying.js';
import type { Proposal } from '../../src/domain/types.js';

const proposals = ['trees', 'benches', 'lights'].map((id) => ({ id, title: id, summary: '', cost: 1, categories: [], status: 'shortlisted' }) as Proposal);

test('a clerk types the printed numbers, in the paper’s order, or the ids', () => {
  assert.deepEqual(readKeys('3 1', { kind: 'ordinal' }, proposals), { selections: ['lights', 'trees'] });
  assert.deepEqual(readKeys(' 2,benches ', { kind: 'approval' }, proposals), { selections: ['benches', 'benches'] }, 'a repeat is left for the rules to name');
  assert.deepEqual(readKeys('', { kind: 'approval' }, proposals), { selections: [] });
  assert.deepEqual(readKeys('1:4 3=6', { kind: 'cumulative', maxSumPoints: 10 }, proposals), { selections: { trees: 4, lights: 6 } });
  assert.deepEqual(readKeys('1y 2N 3:abstain', { kind: 'yes-no', allowAbstain: true }, proposals), { selections: { trees: 'yes', benches: 'no', lights: 'abstain' } });
});

test('what cannot be read is named as typed', () => {
  assert.deepEqual(readKeys('1 4 0 parks', { kind: 'approval' }, proposals), {
    problems: [{ code: 'unknown-number', token: '4', count: 3 }, { code: 'unknown-number', token: '0', count: 3 }, { code: 'unknown-number', token: 'parks', count: 3 }],
  });
  assert.deepEqual(readKeys('1 2:3', { kind: 'cumulative', maxSumPoints: 10 }, proposals), { problems: [{ code: 'not-understood', token: '1', kind: 'cumulative' }] });
  assert.deepEqual(readKeys('1y 1n', { kind: 'yes-no', allowAbstain: false }, proposals), { problems: [{ code: 'repeated', token: '1n' }] });
});

test('selections are shown back as they would be typed', () => {
  assert.equal(keysOf(['lights', 'trees'], proposals), '3 1');
  assert.equal(keysOf({ trees: 4, lights: 6 }, proposals), '1:4 3:6');
  assert.equal(keysOf({ trees: 'yes', benches: 'abstain' }, proposals), '1y 2a');
});

test('two readings agree when they mean the same ballot', () => {
  const entry = (clerk: string, selections: string[]) => ({ clerk, selections: normalizeSelections('approval', selections), enteredAt: '' });
  assert.equal(paperStatus([entry('Ann', ['b', 'a']), entry('Bob', ['a', 'b'])]), 'agreed');
  assert.equal(paperStatus([entry('Ann', ['a']), entry('Bob', ['b'])]), 'mismatch');
  assert.deepEqual(normalizeSelections('ordinal', ['b', 'a']), ['b', 'a'], 'a ranking keeps its order');
  assert.equal(countedSelections({ entries: [entry('Ann', ['a']), entry('Bob', ['b'])] }), null);
  assert.deepEqual(countedSelections({ entries: [entry('Ann', ['a']), entry('Bob', ['b'])], settlement: { settledBy: 'Cy', selections: ['b'], settledAt: '' } }), ['b']);
  assert.ok(sameClerk(' Ann  Lee', 'ann lee'));
  const two = { batch: 'B1', entries: [entry('Ann', ['a']), entry('Bob', ['b'])] };
  assert.deepEqual(entryRefusal(two, 'Cy', 'B1'), { code: 'entered-twice', clerks: ['Ann', 'Bob'] });
  assert.equal(entryRefusal(two, 'ANN', 'B1'), null, 'a clerk may correct their own entry');
  assert.deepEqual(settlementRefusal(two, 'bob'), { code: 'settler-entered' });
  assert.equal(settlementRefusal(two, 'Cy'), null);
});
