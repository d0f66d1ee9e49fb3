import { readFileSync, readdirSync } from 'node:fs';
import { parsePabulib, toBallots, toProposals } from './src/domain/pabulib/index.js';
import { tally } from './src/domain/tally/index.js';
import { prepareElection } from './src/domain/tally/prepare.js';
import { fixedBudgetFloat } from './src/domain/tally/fixed-budget-float.js';
import { fixedBudgetExact } from './src/domain/tally/fixed-budget-exact.js';
for (const f of ['Netherlands_Assen_2024.pb', 'Poland_Swiecie_2023.pb', 'Poland_Czestochowa_2024_Tysiaclecie.pb']) {
  const e = parsePabulib(readFileSync('test/fixtures/pabulib/' + f, 'utf8'));
  const props = toProposals(e);
  const input = { budget: e.budget, projects: props.map(({ id, cost }) => ({ id, cost })), ballots: toBallots(e, 'x') };
  const o = tally(input, { rule: 'equal-shares', add1Unit: 100 });
  console.log(f, o.equalShares, o.winners.length);
  for (const [id, x] of Object.entries(o.explanations).slice(0, 30)) console.log(id, props.find(p=>p.id===id)!.cost, o.votes[id], JSON.stringify(x));
  const el = prepareElection(input);
  const share = { numerator: el.budget, denominator: el.ballotCount };
  const a = fixedBudgetFloat(el, share, Infinity, false, true);
  const b = fixedBudgetExact(el, share, Infinity, true);
  console.log('agree', JSON.stringify(a.details) === JSON.stringify(b.details), JSON.stringify(a.winners) === JSON.stringify(b.winners));
}
