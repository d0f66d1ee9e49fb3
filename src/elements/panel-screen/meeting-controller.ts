/**
 * Keeps a panel screen on the meeting's latest state: watches the backend's meeting (live, or by
 * polling), knows how far the screen's clock is from the server's, and ticks once a second while a
 * timer runs. A backend without meetings (a partner's own `CivicClient`) is `unsupported`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toCivicError, type CivicClient, type CivicError, type MeetingConnection } from '../../client/client.js';
import { secondsLeft, type MeetingState } from '../../domain/meeting.js';

export class MeetingController implements ReactiveController {
  state?: MeetingState;
  connection?: MeetingConnection;
  /** The last failed read; cleared by the next state. */
  error?: CivicError;
  private watching?: { client: CivicClient; roundId: string; stop: () => void };
  private clockOffsetMs = 0;
  private ticker?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => { client?: CivicClient; roundId?: string },
  ) {
    host.addController(this);
  }

  /** Whether the backend can show a meeting at all. */
  get supported(): boolean {
    const { client } = this.target();
    return typeof client?.watchMeeting === 'function';
  }

  /** Seconds left on the timer now, by the server's clock. */
  get secondsLeft(): number {
    return secondsLeft(this.state?.timer ?? null, Date.now(), this.clockOffsetMs);
  }

  /** Takes a state the screen got from its own change, before the stream brings it. */
  accept(state: MeetingState): void {
    if (this.state && Date.parse(state.serverTime) < Date.parse(this.state.serverTime)) return;
    this.receive(state);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.watching?.stop();
    this.watching = undefined;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private follow(): void {
    const { client, roundId } = this.target();
    if (this.watching && this.watching.client === client && this.watching.roundId === roundId) return;
    this.watching?.stop();
    this.watching = undefined;
    this.state = this.connection = this.error = undefined;
    if (!client || !roundId || typeof client.watchMeeting !== 'function') return;
    let stop: () => void = () => {};
    try {
      stop = client.watchMeeting(roundId, {
        state: (state) => this.watching?.stop === stopper && this.receive(state),
        connection: (connection) => {
          if (this.watching?.stop !== stopper) return;
          this.connection = connection;
          this.host.requestUpdate();
        },
        error: (error) => {
          if (this.watching?.stop !== stopper) return;
          this.error = error;
          this.host.requestUpdate();
        },
      });
    } catch (error) {
      this.error = toCivicError(error);
    }
    const stopper = () => stop();
    this.watching = { client, roundId, stop: stopper };
  }

  private receive(state: MeetingState): void {
    this.state = state;
    this.error = undefined;
    this.clockOffsetMs = Date.parse(state.serverTime) - Date.now();
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (this.secondsLeft > 0) {
      this.ticker = setInterval(() => {
        if (this.secondsLeft <= 0) clearInterval(this.ticker);
        this.host.requestUpdate();
      }, 1000);
    }
    this.host.requestUpdate();
  }
}
