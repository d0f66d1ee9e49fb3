// The entry of the benchmark page: every element's cases. Add a line per element's file.
import { serveBenchmarks } from './harness.js';
import { proposalCardBenchmarks } from './proposal-card.bench.js';
import { feedbackFormBenchmarks } from './feedback-form.bench.js';
import { proposalListBenchmarks } from './proposal-list.bench.js';
import { panelScreenBenchmarks } from './panel-screen.bench.js';
import { resultsBenchmarks } from './results.bench.js';
import { simulatorBenchmarks } from './simulator.bench.js';
import { voteFormBenchmarks } from './vote-form.bench.js';
import { paperEntryBenchmarks } from './paper-entry.bench.js';

serveBenchmarks([...proposalCardBenchmarks, ...proposalListBenchmarks, ...voteFormBenchmarks, ...feedbackFormBenchmarks, ...simulatorBenchmarks, ...resultsBenchmarks, ...paperEntryBenchmarks, ...panelScreenBenchmarks]);
