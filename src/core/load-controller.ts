import { Task, TaskStatus, initialState } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { ReactiveControllerHost } from 'lit';
import { CivicError, isCivicError, type CivicClient } from '../client/client.js';
import { emit } from './events.js';
import { missingClientDetail, renderError, renderLoading, renderMissing } from './states.js';

export interface LoadOptions<A extends readonly unknown[], T> {
  /** The client to load with; undefined when the element is not connected to a backend. */
  client: () => CivicClient | undefined;
  /** What to load, or a sentence saying what is missing (say, no proposal id) to show instead. */
  args: () => A | string;
  load: (client: CivicClient, args: A, signal: AbortSignal) => Promise<T>;
  loadingLabel: () => string;
}

type Args<A extends readonly unknown[]> = readonly [CivicClient | undefined, A | string];

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
        if (!client || typeof args === 'string') return initialState;
        try {
          return await options.load(client, args, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          const civicError = isCivicError(error)
            ? error
            : new CivicError('http', error instanceof Error ? error.message : String(error), { cause: error });
          emit(host, 'civic-error', civicError);
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

  /** Load again, e.g. after a failure or when the resident asks for fresh data. */
  reload(): void {
    void this.task.run();
  }

  render(complete: (value: T) => unknown): unknown {
    const args = this.options.args();
    if (!this.options.client()) return renderMissing(missingClientDetail());
    if (typeof args === 'string') return renderMissing(args);
    return this.task.render({
      initial: () => renderLoading(this.options.loadingLabel()),
      pending: () => renderLoading(this.options.loadingLabel()),
      complete,
      error: (error) => renderError(error as CivicError, () => this.reload()),
    });
  }
}
