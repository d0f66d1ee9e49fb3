/**
 * Tells screen reader users how many results there are once they pause, not on every keystroke: a
 * polite live region that speaks a while after the last change.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** How long the results must stay put before they are announced. */
export const ANNOUNCE_AFTER_MS = 1000;

export class Announcer implements ReactiveController {
  private text = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The resident is changing something: what was waiting to be said is out of date. */
  changing(): void {
    clearTimeout(this.timer);
  }

  /** New results are showing; say `text` unless they change again soon. */
  resultsChanged(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // The same words twice are not announced again by some screen readers; a no-break space makes them new.
      this.text = this.text === text ? `${text}\u00a0` : text;
      this.host.requestUpdate();
    }, ANNOUNCE_AFTER_MS);
  }

  render() {
    return html`<p class="visually-hidden" part="announcement" role="status" aria-live="polite" aria-atomic="true">${this.text}</p>`;
  }
}
