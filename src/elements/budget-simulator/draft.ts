/** What the simulator keeps on the device between visits, and how a stored copy is read back safely. */
import { isRecord } from '../../domain/json.js';
import { lineValueProblems } from '../../domain/rules/simulation.js';
import type { Simulation } from '../../domain/types.js';

export interface SimulatorDraft {
  /** Line id to the value chosen, for the lines the resident moved. */
  values: Record<string, number>;
  comment: string;
  band?: string;
  /** The idempotency key of the last submission tried, and the payload it was for (canonical JSON). */
  key?: string;
  payload?: string;
  /** Set while the budget waits in the outbox to be sent: the key it waits under. */
  queued?: string;
}

/** A stored draft in the shape above, or undefined; values are checked against the simulation later. */
export function readDraft(stored: unknown): SimulatorDraft | undefined {
  if (!isRecord(stored) || !isRecord(stored.values)) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const values = Object.fromEntries(Object.entries(stored.values).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  return { values, comment: text(stored.comment) ?? '', band: text(stored.band), key: text(stored.key), payload: text(stored.payload), queued: text(stored.queued) };
}

/** The draft's values that still fit the simulation (it may have changed since): others are dropped. */
export function usableValues(simulation: Simulation, values: Readonly<Record<string, number>>): Record<string, number> {
  const lines = new Map(simulation.lines.map((line) => [line.id, line]));
  return Object.fromEntries(
    Object.entries(values).filter(([id, value]) => {
      const line = lines.get(id);
      return line !== undefined && value !== line.baseline && lineValueProblems(line, value).length === 0;
    }),
  );
}
