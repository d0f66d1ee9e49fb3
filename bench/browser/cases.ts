// The entry of the benchmark page: every element's cases. Add a line per element's file.
import { serveBenchmarks } from './harness.js';
import { proposalCardBenchmarks } from './proposal-card.bench.js';
import { resultsBenchmarks } from './results.bench.js';

serveBenchmarks([...proposalCardBenchmarks, ...resultsBenchmarks]);
