import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CivicError, toCivicError, type CivicClient } from '../../client/client.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { emit } from '../../core/events.js';
import { LoadController } from '../../core/load-controller.js';
import { safeUrl } from '../../core/safe-url.js';
import { renderError, renderLoading } from '../../core/states.js';
import type { MeetingChange, MeetingState } from '../../domain/meeting.js';
import type { Proposal, Round } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { sharedStyles } from '../../styles/shared.js';
import { renderAgenda } from './agenda.js';
import { renderControls } from './controls.js';
import { drawQr, renderJoin } from './join.js';
import { MeetingController } from './meeting-controller.js';
import { styles } from './panel-screen.styles.js';
import { renderReveal } from './reveal.js';
import { renderTimer } from './timer.js';
import { renderVoting } from './voting.js';
import { ballotsReceived, votingText } from './words.js';
import { textIn } from '../../domain/localized-text.js';
import { barChartStyles } from '../results/bar-chart.styles.js';

/** listProposals answers at most this many a page. */
const PAGE_SIZE = 100;
/** The count of ballots is said at most this often: a screen reader in the room should not chatter. */
const COUNT_ANNOUNCE_MS = 30_000;

interface Agenda {
  round: Round;
  proposals: Proposal[];
}

/**
 * @tagname civic-panel-screen
 * @summary A resident panel's meeting on a projector: the agenda, a timer, the count of ballots, then the results.
 *
 * Shows one proposal at a time as the facilitator moves the agenda, the countdown they set, while
 * voting is open the number of ballots received (never what they say) beside a QR code and a
 * short address of the vote page, and once revealed the results with civic-results' "Why?"
 * explanations written out. It follows the meeting live (server-sent events, reconnecting and
 * catching up after a dropped connection, polling where that fails), on any backend that holds
 * meetings (`getMeeting`/`watchMeeting`; the REST client and the in-browser one do).
 *
 * Given a `facilitator-code` (the round's facilitator code, or the admin token) it adds the
 * facilitator's controls: native buttons and a number field in a labelled region, all usable by
 * keyboard; a control that cannot be used now stays focusable (`aria-disabled`) and a hint says
 * why. Changes are announced in one polite live region (WAI-ARIA status): the proposal shown,
 * voting opened or closed, results revealed, time up, and the count at most every 30 seconds.
 * Large type in a container-relative size, high contrast from the theme tokens, right-to-left aware.
 *
 * @csspart agenda - The welcome, or the proposal shown with its cost and area.
 * @csspart timer - The countdown.
 * @csspart voting - Whether voting is open, with the count.
 * @csspart count - The number of ballots received.
 * @csspart join - The QR code and short address of the vote page.
 * @csspart qr - The QR code.
 * @csspart results - The revealed results.
 * @csspart why - A proposal's explanation in the results.
 * @csspart chart - The bar chart of votes (hidden from screen readers; the list has the numbers).
 * @csspart connection - Says when updates are reconnecting or polled.
 * @csspart controls - The facilitator's controls.
 * @csspart controls-error - Why the facilitator's last change was refused.
 * @csspart unsupported - Said when the backend holds no meetings.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the element lacks a round or a backend.
 *
 * @cssprop --civic-panel-font-size - Body text size on the panel screen (large, for the back of a room).
 *
 * @fires civic-error - Loading failed, or the backend refused a facilitator's change; `detail` is the `CivicError`.
 */
export class CivicPanelScreen extends CivicElement {
  static override styles = [sharedStyles, barChartStyles, styles];

  /** The id of the round the panel meets on; the provider's round when not set. */
  @property({ reflect: true }) round?: string;

  /** The vote page's address, shown as a QR code and as text while voting is open. */
  @property({ attribute: 'vote-url' }) voteUrl?: string;

  /** The round's facilitator code (or the admin token): shows the facilitator's controls. Never reflected. */
  @property({ attribute: 'facilitator-code' }) facilitatorCode?: string;

  /** The heading level of the screen's headings (2 to 5), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private busy = false;
  @state() private changeError?: string;

  private said?: { proposalId: string | null; voting: string; revealed: boolean; timeUp: boolean; ballots: number; countSaidAt: number; roundId: string };

  private get roundId(): string | undefined {
    return this.round || this.provided?.round;
  }

  private readonly agenda = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => (this.roundId ? ([this.roundId] as const) : msg('It needs a round attribute naming the round the panel meets on.')),
    load: async (client, [roundId], signal): Promise<Agenda> => {
      const [round, proposals] = await Promise.all([client.getRound(roundId, { signal }), allProposals(client, roundId, signal)]);
      return { round, proposals };
    },
    loadingLabel: () => msg('Loading the meeting…'),
  });

  private readonly meeting = new MeetingController(this, () => ({ client: this.resolvedClient, roundId: this.roundId }));

  private readonly results = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => {
      const state = this.meeting.state;
      return state?.revealed && state.roundId === this.roundId ? ([state.roundId, state.ballots] as const) : null;
    },
    load: (client, [roundId], signal) => client.getResults(roundId, { signal }),
    loadingLabel: () => msg('Counting the votes…'),
  });

  private get voteAddress(): string | undefined {
    const url = safeUrl(this.voteUrl);
    if (!url) return undefined;
    try {
      // Phones need the whole address, not one relative to this page.
      return new URL(url, location.href).href;
    } catch {
      return undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const address = this.voteAddress;
    if (address && this.meeting.state?.voting === 'open') drawQr(address, this);
  }

  protected override updated(): void {
    this.announce(this.meeting.state);
  }

  /** Says what changed, once, in the live region; the count only now and then. */
  private announce(state: MeetingState | undefined): void {
    const agenda = this.agenda.value;
    if (!state || !agenda || agenda.round.id !== state.roundId) return;
    const timeUp = state.timer !== null && this.meeting.secondsLeft <= 0;
    const before = this.said;
    const now = Date.now();
    this.said = { proposalId: state.proposalId, voting: state.voting, revealed: state.revealed, timeUp, ballots: before?.ballots ?? state.ballots, countSaidAt: before?.countSaidAt ?? now, roundId: state.roundId };
    // The first state is on the screen for everyone to read: nothing to announce yet.
    if (!before || before.roundId !== state.roundId) return;
    const lines: string[] = [];
    if (state.proposalId !== before.proposalId) {
      const title = textIn(agenda.proposals.find((proposal) => proposal.id === state.proposalId)?.title, this.resolvedLocale);
      lines.push(title ? msg(str`Now: ${title}`) : msg('Back to the welcome'));
    }
    if (state.voting !== before.voting) lines.push(votingText(state.voting));
    if (state.revealed && !before.revealed) lines.push(msg('The results are on the screen.'));
    if (timeUp && !before.timeUp) lines.push(msg('Time is up'));
    const countDue = state.voting === 'open' && state.ballots !== before.ballots && now - before.countSaidAt >= COUNT_ANNOUNCE_MS;
    if (countDue || (state.voting !== before.voting && state.voting === 'closed')) {
      lines.push(ballotsReceived(state.ballots, this.resolvedLocale));
      Object.assign(this.said, { ballots: state.ballots, countSaidAt: now });
    }
    if (lines.length === 0) return;
    const region = this.renderRoot.querySelector('#said');
    if (region) region.textContent = lines.join('. ');
  }

  private async change(change: MeetingChange): Promise<void> {
    const client = this.resolvedClient;
    const roundId = this.roundId;
    if (!client?.updateMeeting || !roundId || this.busy) return;
    this.busy = true;
    this.changeError = undefined;
    try {
      this.meeting.accept(await client.updateMeeting(roundId, change, { facilitatorCode: this.facilitatorCode ?? '' }));
    } catch (caught) {
      const error = toCivicError(caught);
      this.changeError = errorMessage(error);
      emit(this, 'civic-error', error);
    } finally {
      this.busy = false;
    }
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  protected override render() {
    // The one live region, in every state, so it is there before anything is said in it.
    return html`<div class="visually-hidden" id="said" role="status" aria-live="polite"></div>${this.agenda.render((agenda) => this.renderMeeting(agenda))}`;
  }

  private renderMeeting(agenda: Agenda) {
    if (!this.meeting.supported) {
      return html`<div class="message" part="unsupported" role="note">
        <p class="message__title">${msg('This backend does not hold panel meetings')}</p>
        <p>${msg('The panel screen needs a backend that keeps a meeting’s state (getMeeting and watchMeeting), such as the reference server or the in-browser one.')}</p>
      </div>`;
    }
    const state = this.meeting.state;
    if (!state || state.roundId !== agenda.round.id) {
      return this.meeting.error ? renderError(this.meeting.error) : renderLoading(msg('Loading the meeting…'));
    }
    const locale = this.resolvedLocale;
    const facilitator = Boolean(this.facilitatorCode) && typeof this.resolvedClient?.updateMeeting === 'function';
    return html`<div class="screen">
        ${state.revealed
          ? this.results.render((results) => renderReveal({ round: agenda.round, results, proposals: agenda.proposals, locale, level: this.level }))
          : html`<div class="stage">
              ${renderAgenda({ round: agenda.round, proposals: agenda.proposals, proposalId: state.proposalId, locale, level: this.level })}
              <div class="side">
                ${renderTimer(state.timer, this.meeting.secondsLeft, locale)} ${renderVoting(state, locale)}
                ${state.voting === 'open' ? renderJoin(this.voteAddress) : nothing}
              </div>
            </div>`}
        ${this.renderConnection()}
      </div>
      ${facilitator
        ? renderControls({ state, proposals: agenda.proposals, busy: this.busy, error: this.changeError, level: this.level, change: (change) => void this.change(change) })
        : nothing}`;
  }

  private renderConnection() {
    const { connection, error } = this.meeting;
    if (connection === 'reconnecting') return html`<p class="connection" part="connection">${msg('Reconnecting… the count will catch up.')}</p>`;
    if (connection === 'polling') {
      return html`<p class="connection" part="connection">${error instanceof CivicError ? msg('Cannot reach the server; trying again.') : msg('Updating every few seconds.')}</p>`;
    }
    return nothing;
  }
}

/** Every proposal of the round, page by page: the agenda. */
async function allProposals(client: CivicClient, roundId: string, signal: AbortSignal): Promise<Proposal[]> {
  const proposals: Proposal[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await client.listProposals(roundId, { page, pageSize: PAGE_SIZE }, { signal });
    proposals.push(...items);
    if (items.length === 0 || proposals.length >= total) return proposals;
  }
}

defineElement('civic-panel-screen', CivicPanelScreen);

declare global {
  interface HTMLElementTagNameMap {
    'civic-panel-screen': CivicPanelScreen;
  }
}
