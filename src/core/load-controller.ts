import { Task, TaskStatus, initialState } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { ReactiveControllerHost } from 'lit';
import { toCivicError, type CivicClient, type CivicError } from '../client/client.js';
import { emit } from './events.js';
import { objectAttributesProblem } from './object-attributes.js';
import { renderError, renderLoading, renderMissing, renderNoClient } from './states.js';

export interface LoadOptions<A extends readonly unknown[], T> {
  /** The client to load with; undefined when the element is not connected to a backend. */
  client: () => CivicClient | undefined;
  /**
   * What to load; a sentence saying what is missing (say, no proposal id) to show instead; or
   * `null` when there is nothing to load (the element already has its data).
   */
  args: () => A | string | null;
  load: (client: CivicClient, args: A, signal: AbortSignal) => Promise<T>;
  loadingLabel: () => string;
  /**
   * Whether a failure of this load is announced with `civic-error`. Default true; false for a load
   * that only refines what is already shown, whose failure the element handles itself.
   */
  announceFailure?: (args: A) => boolean;
}

type Args<A extends readonly unknown[]> = readonly [CivicClient | undefined, A | string | null];

/**
 * Loads an element's data with @lit/task and renders the states every element shares: not set up,
 * loading, failed (with a retry and a `civic-error` event) and done. Loading restarts when the client
 * or the arguments change, and a superseded load is aborted.
 */
export class LoadController<A extends readonly unknown[], T> {
  private readonly task: Task<Args<A>, T>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LoadOptions<A, T>,
  ) {
    this.task = new Task<Args<A>, T>(host, {
      args: () => [options.client(), options.args()] as const,
      // The arguments are rebuilt on every render; compare them by value or every render reloads.
      argsEqual: deepArrayEquals,
      task: async ([client, args], { signal }) => {
        if (!client || args === null || typeof args === 'string') return initialState;
        try {
          return await options.load(client, args, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          const civicError = toCivicError(error);
          if (options.announceFailure?.(args) ?? true) emit(host, 'civic-error', civicError);
          throw civicError;
        }
      },
    });
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  /** Why the last load failed, when it did. */
  get error(): CivicError | undefined {
    return this.task.status === TaskStatus.ERROR ? (this.task.error as CivicError) : undefined;
  }

  /** Load again, e.g. after a failure or when the resident asks for fresh data. */
  reload(): void {
    void this.task.run();
  }

  /** The states every element shares, then `complete` with the loaded value. Only for a load that has args. */
  render(complete: (value: T) => unknown): unknown {
    const args = this.options.args();
    const misplaced = objectAttributesProblem(this.host);
    if (misplaced) return renderMissing(misplaced);
    if (!this.options.client()) return renderNoClient(this.host, this.options.loadingLabel());
    if (typeof args === 'string') return renderMissing(args);
    if (args === null) throw new Error('LoadController.render() needs something to load; render the data the element has instead');
    return this.task.render({
      initial: () => renderLoading(this.options.loadingLabel()),
      pending: () => renderLoading(this.options.loadingLabel()),
      complete,
      error: (error) => renderError(error as CivicError, () => this.reload()),
    });
  }
}
