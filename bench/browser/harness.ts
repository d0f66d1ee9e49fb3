/**
 * The in-page side of `npm run bench`: cases register here, and the runner (bench/run.ts) asks the
 * page to time them. A case is timed from the start of a frame to the paint of the frame that shows
 * its change, so what is measured is what a resident waits for, not just script time. Starting at a
 * frame's start keeps the wait for the display's next frame (up to 16.7 ms at 60 Hz) out of the
 * figure: it is no part of the change's cost, but would hide any change of a few milliseconds.
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

/** Resolves in the next task: queued from a requestAnimationFrame callback, after that frame is rendered. */
function afterRendering(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/** Resolves once the frame that follows has been painted (a task queued from requestAnimationFrame). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => void afterRendering().then(resolve)));
}

/** Resolves at the start of the next frame: inside a requestAnimationFrame callback, before the frame is rendered. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** A fresh container in the page at a phone-and-desktop-like width. */
export function container(width = 960): HTMLElement {
  const element = document.createElement('div');
  element.style.inlineSize = `${width}px`;
  document.body.append(element);
  return element;
}

async function time(cases: ReadonlyMap<string, BenchCase<unknown>>, name: string, runs: number, warmup: number): Promise<number[]> {
  const benchCase = cases.get(name);
  if (!benchCase) throw new Error(`No benchmark "${name}"; known: ${[...cases.keys()].join(', ')}`);
  const durations: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const context = await benchCase.prepare();
    await nextPaint();
    await nextFrame();
    let painted = false;
    const startFramePainted = afterRendering().then(() => void (painted = true));
    const started = performance.now();
    await benchCase.measure(context);
    // Done before the frame it started in was rendered: the change is in that frame.
    if (!painted) await startFramePainted;
    else await nextPaint();
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
