/**
 * A vote form on a shared device (a library, the meeting room): it forgets each resident before the
 * next. After a receipt, it clears once the resident has had time to read it (or at once when they
 * say they have finished); when nobody touches it for the idle time, it first asks "Are you still
 * there?" with time to answer (WCAG 2.2.1: the resident can ask for more time with one action), then
 * clears. A page shown again from the back-forward cache is cleared too.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { kioskReceiptNotice, kioskWarning } from './parts/kiosk.js';

export interface KioskOptions {
  /** Whether the form is a kiosk now. */
  enabled(): boolean;
  /** Seconds without a touch before the warning, and seconds a receipt stays. */
  idleSeconds(): number;
  receiptSeconds(): number;
  /** Whether there is anything of a resident to forget (choices, a code, a receipt). */
  inUse(): boolean;
  /** Whether a receipt (or a vote saved to send later) is shown. */
  finished(): boolean;
  /** Forgets everything and returns to the start. */
  reset(): void;
}

/** The warning's own time, at most: long enough to notice it and answer, short of the idle time itself. */
const WARNING_SECONDS = 30;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export class KioskController implements ReactiveController {
  /** Seconds until the form clears, while the warning or the receipt's countdown is shown. */
  countdown?: number;
  /** What the countdown started from. */
  countdownFrom = 0;
  /** Whether "Are you still there?" is shown. */
  warning = false;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private tick?: ReturnType<typeof setInterval>;
  private watchingReceipt = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: KioskOptions,
  ) {
    host.addController(this);
    // Made after the host connected (its code loads on demand): start as a connected controller would.
    if (host.isConnected) this.hostConnected();
  }

  private readonly onActivity = () => {
    if (!this.options.enabled() || this.watchingReceipt) return;
    if (this.warning) this.stillHere();
    else this.restartIdle();
  };

  /** Shown again from the back-forward cache: whatever it shows belongs to the resident before. */
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.options.enabled()) this.clear();
  };

  /** Leaving the page: the copy the browser keeps for "back" must hold nothing either. */
  private readonly onPageHide = () => {
    if (this.options.enabled() && this.options.inUse()) this.clear();
  };

  hostConnected(): void {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.onActivity, { capture: true, passive: true });
    addEventListener('pageshow', this.onPageShow);
    addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.onActivity, { capture: true });
    removeEventListener('pageshow', this.onPageShow);
    removeEventListener('pagehide', this.onPageHide);
    this.stopTimers();
  }

  hostUpdated(): void {
    if (!this.options.enabled()) return this.stopTimers();
    if (this.options.finished()) {
      if (!this.watchingReceipt) this.startCountdown(this.options.receiptSeconds(), true);
      return;
    }
    if (this.watchingReceipt) this.stopTimers();
    if (this.options.inUse() && this.idleTimer === undefined && !this.warning) this.restartIdle();
    if (!this.options.inUse() && !this.warning) this.stopTimers();
  }

  /** "Are you still there?", while it is asked. */
  renderWarning(locale: string, level: number) {
    return this.warning && this.countdown !== undefined ? kioskWarning(this.countdown, this.countdownFrom, locale, level, () => this.stillHere()) : nothing;
  }

  /** Under a receipt: when the screen clears, and "Finish". */
  renderReceiptNotice(locale: string) {
    return !this.warning && this.countdown !== undefined && this.options.finished() ? kioskReceiptNotice(this.countdown, locale, () => this.clear()) : nothing;
  }

  /** "I am still here": the warning goes and the idle time starts again. */
  stillHere(): void {
    this.stopTimers();
    this.restartIdle();
    this.host.requestUpdate();
  }

  /** Clears now (the resident finished, or time ran out). */
  clear(): void {
    this.stopTimers();
    this.options.reset();
    this.host.requestUpdate();
  }

  private restartIdle(): void {
    clearTimeout(this.idleTimer);
    const idle = Math.max(10, this.options.idleSeconds());
    const warning = Math.min(WARNING_SECONDS, Math.floor(idle / 2));
    this.idleTimer = setTimeout(() => this.options.inUse() && this.startCountdown(warning, false), (idle - warning) * 1000);
  }

  private startCountdown(seconds: number, receipt: boolean): void {
    this.stopTimers();
    this.watchingReceipt = receipt;
    this.warning = !receipt;
    this.countdown = this.countdownFrom = Math.max(1, Math.round(seconds));
    this.tick = setInterval(() => {
      this.countdown = (this.countdown ?? 1) - 1;
      if (this.countdown <= 0) this.clear();
      else this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  private stopTimers(): void {
    clearTimeout(this.idleTimer);
    clearInterval(this.tick);
    this.idleTimer = this.tick = this.countdown = undefined;
    this.warning = this.watchingReceipt = false;
  }
}
