/**
 * The in-page side of `npm run bench`: cases register here, and the runner (bench/run.ts) asks the
 * page to time them. A case is timed from the start of `measure`, at the start of a frame, to the
 * first frame painted after it, so what is measured is what a resident waits for (script, style,
 * layout and paint), not just script time, and not the wait for the display's next frame either.
 */

export interface BenchCase<C = unknown> {
  /** The line's name, e.g. `proposal-list 200 first render`. */
  name: string;
  /** Builds what one run needs (not timed): elements, data, a container in the page. */
  prepare: () => Promise<C> | C;
  /** The timed part: make the change and wait until the element says it has rendered it. */
  measure: (context: C) => Promise<void> | void;
  /** Removes what `prepare` made (not timed). */
  cleanup?: (context: C) => Promise<void> | void;
}

/** Keeps a case's own context type while it sits in one list with others. */
export function benchCase<C>(definition: BenchCase<C>): BenchCase<unknown> {
  return definition as unknown as BenchCase<unknown>;
}

/** Resolves once the frame that follows has been painted (a task queued from requestAnimationFrame). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );
}

/** A fresh container in the page at a phone-and-desktop-like width. */
export function container(width = 960): HTMLElement {
  const element = document.createElement('div');
  element.style.inlineSize = `${width}px`;
  document.body.append(element);
  return element;
}

/**
 * Resolves at the start of a frame (in a requestAnimationFrame callback), with a flag that stays
 * true until that frame has been painted: work done before then is painted in that same frame.
 */
function frameStart(): Promise<{ painting: () => boolean }> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      let painted = false;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (painted = true);
      channel.port2.postMessage(undefined);
      resolve({ painting: () => !painted });
    }),
  );
}

/** Resolves after the frame being rendered now has been painted (a task queued during it runs after). */
function afterThisFrame(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

async function time(cases: ReadonlyMap<string, BenchCase<unknown>>, name: string, runs: number, warmup: number): Promise<number[]> {
  const benchCase = cases.get(name);
  if (!benchCase) throw new Error(`No benchmark "${name}"; known: ${[...cases.keys()].join(', ')}`);
  const durations: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const context = await benchCase.prepare();
    await nextPaint();
    // Timed from the start of a frame: waiting for the next frame's slot (up to 16.7 ms at 60 Hz)
    // is the display's rhythm, not the element's work, and would hide any work shorter than it.
    const frame = await frameStart();
    const started = performance.now();
    await benchCase.measure(context);
    // Work that finished within the frame is painted by it; longer work waits for the next paint.
    await (frame.painting() ? afterThisFrame() : nextPaint());
    const took = performance.now() - started;
    if (run >= warmup) durations.push(took);
    await benchCase.cleanup?.(context);
  }
  return durations;
}

/** What bench/run.ts drives in the page. */
export interface BenchPage {
  names: () => string[];
  time: (name: string, runs: number, warmup: number) => Promise<number[]>;
}

declare global {
  interface Window {
    civicBench: BenchPage;
  }
}

/** Puts the cases where the runner finds them; names must be unique. */
export function serveBenchmarks(all: ReadonlyArray<BenchCase<unknown>>): void {
  const cases = new Map<string, BenchCase<unknown>>();
  for (const benchCase of all) {
    if (cases.has(benchCase.name)) throw new Error(`Two benchmarks are named "${benchCase.name}"`);
    cases.set(benchCase.name, benchCase);
  }
  window.civicBench = { names: () => [...cases.keys()], time: (name, runs, warmup) => time(cases, name, runs, warmup) };
}
