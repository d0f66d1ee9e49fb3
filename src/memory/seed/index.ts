import { ballotRounds } from './ballots.js';
import { parkConsultation } from './consultation.js';
import { withDescriptions } from './descriptions.js';
import { feedbackForm } from './forms.js';
import { panelRounds } from './panel.js';
import { neighbourhoodRounds } from './rounds.js';
import { budgetSimulation } from './simulation.js';
import { councilBudget, councilPriorities } from './simulation-council.js';
import type { MemorySeed } from './types.js';

/**
 * The data an in-browser backend starts from, and the default demo: the (fictional) London Borough
 * of Fernwick. Plain data, kept short because it ships in the demo backend. One file per part, so
 * each part of the demo can grow on its own.
 */

export type { MemoryRoundSeed, MemorySeed } from './types.js';

const DAY = 86_400_000;

/** The default demo: Fernwick's rounds, budget simulation, feedback form and park consultation, dated from `now`. */
export function defaultSeed(now: Date = new Date()): MemorySeed {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  return {
    rounds: [...withDescriptions(neighbourhoodRounds(at)), ...ballotRounds(at), ...panelRounds()],
    simulations: [budgetSimulation(), councilBudget(), councilPriorities()],
    forms: [feedbackForm(), parkConsultation()],
  };
}
