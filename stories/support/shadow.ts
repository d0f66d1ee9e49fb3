/** For stories' `play`: waits until an element's shadow root shows `selector`, then gives it. */
export async function shown<T extends Element = HTMLElement>(host: Element | null | undefined, selector: string, timeoutMs = 5000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const found = host?.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    if (performance.now() - started > timeoutMs) throw new Error(`${host?.localName ?? 'the element'} never showed ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
