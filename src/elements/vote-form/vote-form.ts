import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CivicError } from '../../client/client.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { clearAllDrafts } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { LoadController } from '../../core/load-controller.js';
import { safeUrl } from '../../core/safe-url.js';
import { selectionBlocks, type SelectionBlock, type Selections } from '../../domain/rules/index.js';
import { normalizeVotingCode } from '../../domain/rounds.js';
import type { Ballot, Receipt } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { sharedStyles } from '../../styles/shared.js';
import { formMessageStyles } from '../../styles/form-messages.js';
import { fitSelections, indexBallot, loadBallot, selectionCount, type BallotData } from './ballot-data.js';
import { BallotKeeper } from './ballot-keeper.js';
import { BallotSender } from './ballot-sender.js';
import { codeStep } from './parts/code-step.js';
import { checkBallot } from './check.js';
import { chooseStep } from './parts/choose.js';
import { details, loadCard } from './parts/details.js';
import type { SummaryItem } from './check.js';
import { figures } from './parts/meter.js';
import { closed, queued, signInNeeded, upcoming, voted } from './parts/notices.js';
import { receiptPanel } from './parts/receipt.js';
import type { KioskController } from './kiosk.js';
import { roundHeader } from './parts/header.js';
import { choiceLines, review, type ChoiceLine } from './parts/review.js';
import { outcomeOf } from './outcome.js';
import { ballotWords } from './texts.js';
import type { BallotView } from './view.js';
import { styles } from './vote-form.styles.js';

type Step = 'code' | 'choose' | 'review' | 'sending' | 'queued' | 'done' | 'voted' | 'closed';

/**
 * @tagname civic-vote-form
 * @summary A participatory-budgeting ballot: choose, check, submit, and keep the receipt.
 *
 * Give it a `round` (or put it in a `<civic-provider round="…">`). The round's rules decide the
 * ballot: approval (with a budget, a knapsack), cumulative points, ranked, choose one, or yes/no,
 * each checked with the same rules as the server. Then the resident checks their vote, submits it,
 * and gets a receipt. Choices are kept on the device until then; a vote cast offline is saved and
 * sent once when the connection returns.
 *
 * With `kiosk` (a library, the panel's meeting room) it forgets each resident before the next: the
 * draft on the device, the code, the choices and the receipt are cleared after the receipt has been
 * read (`kiosk-receipt` seconds, or at once with "Finish"), or after `kiosk-idle` seconds untouched,
 * once an "Are you still there?" alert has offered more time (WCAG 2.2.1). It adds no history entry.
 *
 * Follows GOV.UK's question pages rebuilt in shadow DOM: checkboxes or radios in fieldsets, hints,
 * an error summary that links to each problem, "Check your answers" and a confirmation panel. A
 * proposal that no longer fits stays focusable with `aria-disabled` and says why; the running
 * totals are announced politely a moment after a change; ranked choices move with buttons or
 * Alt+Arrow keys, each move announced.
 *
 * @csspart heading - The round's title.
 * @csspart rules - What the rules allow, said before choosing.
 * @csspart ballot - The form with the proposals.
 * @csspart filter - The choice of area, for rounds with many proposals.
 * @csspart proposal - One proposal's row.
 * @csspart why - Why a proposal cannot be chosen now.
 * @csspart details - A proposal's disclosure with its full card.
 * @csspart ranking - The ordered list of a ranked ballot.
 * @csspart meter - The running totals: budget, points, how many chosen.
 * @csspart continue-button - The button that goes on to the next step.
 * @csspart error-summary - The list of problems after a blocked submit.
 * @csspart code-step - The voting code form.
 * @csspart review - The "Check your vote" step.
 * @csspart summary - The list of choices in the review and the receipt.
 * @csspart submit-button - The button that sends the vote.
 * @csspart receipt - The confirmation with the receipt.
 * @csspart receipt-id - The receipt number.
 * @csspart copy-button - The button that copies the receipt number.
 * @csspart notice - A state with nothing to choose: not open yet, closed, already voted, saved to send later.
 * @csspart results-link - The link to the results of a closed round.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the form lacks a round or a backend.
 * @csspart kiosk-warning - On a kiosk: "Are you still there?" before the form clears.
 * @csspart kiosk-notice - On a kiosk: under the receipt, when the screen clears, with a button to clear it now.
 *
 * @cssprop --civic-color-error - Errors: the edge of the error summary and of a control in error.
 *
 * @fires civic-selection-change - The resident changed a choice; `detail` is `{ roundId, selections }`.
 * @fires civic-vote-submitted - The vote was received; `detail` is the `Receipt`.
 * @fires civic-error - Loading failed, or a submission was refused; `detail` is the `CivicError`.
 */
export class CivicVoteForm extends CivicElement {
  static override styles = [sharedStyles, formMessageStyles, styles];

  /** The id of the round to vote in; defaults to the enclosing provider's `round`. */
  @property({ reflect: true }) round?: string;

  /** Where the results of the round are, linked to once it has closed. */
  @property({ attribute: 'results-url' }) resultsUrl?: string;

  /** Where residents can check a receipt number, named on the receipt. */
  @property({ attribute: 'receipt-check-url' }) receiptCheckUrl?: string;

  /** Do not ask "Leave this page?" when the resident leaves with a vote not yet sent. */
  @property({ type: Boolean, attribute: 'no-leave-warning' }) noLeaveWarning = false;

  /** The heading level of the round's title (2 to 5), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** A shared device: forget each resident (draft, code, choices, receipt) after the receipt or when left idle. */
  @property({ type: Boolean, reflect: true }) kiosk = false;

  /** On a kiosk: seconds without a touch before "Are you still there?" and then clearing. Default 120. */
  @property({ type: Number, attribute: 'kiosk-idle' }) kioskIdle = 120;

  /** On a kiosk: seconds the receipt stays before the screen clears. Default 30. */
  @property({ type: Number, attribute: 'kiosk-receipt' }) kioskReceipt = 30;

  @state() private step: Step = 'choose';
  @state() private selections: Selections = [];
  @state() private code = '';
  @state() private codeError?: string;
  @state() private problems: SummaryItem[] = [];
  @state() private fieldErrors = new Map<string, string[]>();
  @state() private notice?: string;
  @state() private receipt?: Receipt;
  @state() private possiblyVoted = false;
  @state() private area = '';
  @state() private opened = new Set<string>();

  private lines: ChoiceLine[] = [];
  private restoredFor?: string;
  private fitted?: BallotData;
  private focusNext?: string;
  private sayTimer?: ReturnType<typeof setTimeout>;
  /** Why each proposal cannot be added, worked out once per change of the choices. */
  private blocks?: { data: BallotData; selections: Selections; blocks: Map<string, SelectionBlock> };

  private readonly loader = new LoadController<readonly [string], BallotData>(this, {
    client: () => this.resolvedClient,
    args: () => (this.roundId ? ([this.roundId] as const) : msg('It needs a round attribute naming the round to vote in.')),
    load: (client, [roundId], signal) => loadBallot(client, roundId, signal),
    loadingLabel: () => msg('Loading the ballot…'),
  });

  private readonly keeper = new BallotKeeper(this, {
    key: () => (this.roundId ? `vote:${this.roundId}` : undefined),
    current: () => ({ selections: this.selections, code: this.code || undefined, ...this.sender.submission, lines: this.lines }),
    unsent: () =>
      ['code', 'choose', 'review', 'sending', 'queued'].includes(this.step) && selectionCount(this.selections) > 0 && !this.noLeaveWarning && !this.kiosk,
  });

  private readonly sender = new BallotSender(this, {
    sending: () => {
      this.keeper.save();
      this.step = 'sending';
      this.notice = undefined;
    },
    queued: () => this.go('queued'),
    received: (receipt) => {
      this.receipt = receipt;
      this.keeper.clear();
      this.go('done');
      emit(this, 'civic-vote-submitted', receipt);
    },
    refused: (error, possibly) => {
      this.keeper.save();
      emit(this, 'civic-error', error);
      const outcome = outcomeOf(error, this.loader.value?.round.voterIdentity, possibly);
      if (outcome.step === 'code') this.codeError = outcome.codeError;
      if (outcome.step === 'voted') this.possiblyVoted = outcome.possibly;
      if (outcome.step === 'review') this.notice = outcome.notice;
      if (outcome.step !== 'choose' || !this.loader.value) return this.go(outcome.step === 'choose' ? 'review' : outcome.step, outcome.step === 'code' ? 'error-summary' : 'step');
      // A refusal the rules here do not explain (the round changed since it loaded) is said on the review.
      if (this.check(this.loader.value, outcome.fieldErrors)) {
        this.notice = errorMessage(error);
        this.go('review');
      }
    },
  });

  /** The kiosk's timers and warnings, loaded when the form first is a kiosk: most pages never are. */
  private kioskTimer?: KioskController;
  private kioskLoading = false;

  private loadKiosk(): void {
    this.kioskLoading = true;
    void import('./kiosk.js').then(({ KioskController }) => {
      this.kioskTimer = new KioskController(this, {
        enabled: () => this.kiosk,
        idleSeconds: () => (Number.isFinite(this.kioskIdle) ? this.kioskIdle : 120),
        receiptSeconds: () => (Number.isFinite(this.kioskReceipt) ? Math.max(5, this.kioskReceipt) : 30),
        inUse: () => selectionCount(this.selections) > 0 || this.code !== '' || this.receipt !== undefined || !['choose', 'code'].includes(this.step) || this.problems.length > 0,
        finished: () => this.step === 'queued' || (this.step === 'done' && this.receipt !== undefined),
        reset: () => this.forget(),
      });
      this.requestUpdate();
    }, (error: unknown) => {
      // Offline before the kiosk's code arrived: try again on the next update.
      this.kioskLoading = false;
      console.warn('civic-widgets: the kiosk could not be loaded', error);
    });
  }

  private get roundId(): string | undefined {
    return this.round || this.provided?.round;
  }

  /**
   * The kiosk's reset: every draft on the device, then everything shown or typed, as a fresh page
   * has it. A vote saved to send later stays in the outbox, which sends it; only this page forgets it.
   */
  private forget(): void {
    this.keeper.cancel();
    clearAllDrafts();
    clearTimeout(this.sayTimer);
    const region = this.renderRoot.querySelector('#said');
    if (region) region.textContent = '';
    this.sender.resume(undefined);
    this.opened = new Set();
    this.area = '';
    this.possiblyVoted = false;
    this.restoredFor = undefined;
    this.restore();
    this.focusNext = 'title';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.sayTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.kiosk && !this.kioskLoading) this.loadKiosk();
    const client = this.resolvedClient;
    if (!client) return;
    this.sender.use(client);
    if (this.roundId && this.restoredFor !== this.roundId) this.restore();
    const data = this.loader.value;
    if (data && data !== this.fitted) {
      this.fitted = data;
      this.selections = fitSelections(this.selections, data);
    }
  }

  protected override updated(): void {
    const id = this.focusNext;
    this.focusNext = undefined;
    if (id) this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** Starts from the round's draft, and from the ballot it says was submitted, if any. */
  private restore(): void {
    this.restoredFor = this.roundId;
    const saved = this.keeper.restore();
    this.step = 'choose';
    this.receipt = this.notice = this.codeError = undefined;
    this.problems = [];
    this.fieldErrors = new Map();
    this.selections = saved?.selections ?? [];
    this.code = saved?.code ?? '';
    this.lines = saved?.lines ?? [];
    this.fitted = undefined;
    this.sender.resume(saved?.key && saved.body ? { key: saved.key, body: saved.body } : undefined);
  }

  /** Says `text` in the one live region, `delay` ms from now, so a burst of changes is said once. */
  private say(text: () => string, delay: number): void {
    const region = this.renderRoot.querySelector('#said');
    if (region) region.textContent = '';
    clearTimeout(this.sayTimer);
    this.sayTimer = setTimeout(() => {
      const live = this.renderRoot.querySelector('#said');
      if (live) live.textContent = text();
    }, delay);
  }

  private readonly change = (selections: Selections, said?: string) => {
    this.selections = selections;
    this.keeper.saveSoon();
    emit(this, 'civic-selection-change', { roundId: this.roundId!, selections });
    this.say(() => said ?? (this.loader.value ? figures(this.view(this.loader.value)).join('. ') : ''), said ? 50 : 1000);
  };

  private readonly focusControl = (id: string) => {
    // A link to a proposal hidden by the area filter shows every area first.
    if (!this.renderRoot.querySelector(`#${id}`)) this.area = '';
    this.focusNext = id;
    this.requestUpdate();
  };

  private go(step: Step, focus = 'step'): void {
    this.step = step;
    this.focusNext = focus;
  }

  /** Checks the choices with the round's rules; shows every problem in the error summary and beside its control. */
  private check(data: BallotData, server: CivicError['fieldErrors'] = []): boolean {
    const { summary, errors } = checkBallot(this.view(data), server);
    this.problems = summary;
    this.fieldErrors = errors;
    if (summary.length) this.go('choose', 'error-summary');
    return !summary.length;
  }

  private submit(data: BallotData): void {
    if (!this.check(data)) return;
    const { round } = data;
    const ballot = { roundId: round.id, kind: round.rules.kind, selections: this.selections } as Ballot;
    if (round.voterIdentity === 'code') ballot.votingCode = this.code;
    if (this.resolvedVoterToken) ballot.voterToken = this.resolvedVoterToken;
    this.lines = choiceLines(this.view(data));
    this.sender.submit(ballot);
  }

  private enterCode(code: string): void {
    if (!normalizeVotingCode(code)) {
      this.codeError = msg('Enter your voting code');
      this.focusNext = 'error-summary';
      return;
    }
    this.code = code.trim();
    this.codeError = undefined;
    this.keeper.save();
    this.go(selectionCount(this.selections) ? 'review' : 'choose', selectionCount(this.selections) ? 'step' : 'title');
  }

  private toggleDetails(id: string, open: boolean): void {
    if (open === this.opened.has(id)) return;
    const next = new Set(this.opened);
    if (open) {
      next.add(id);
      // The card is needed only when a resident opens a proposal's details.
      void loadCard();
    } else next.delete(id);
    this.opened = next;
  }

  /** What a ballot kind's part is given: every proposal still on the ballot is shown. */
  private view(data: BallotData): BallotView {
    const { round, proposals } = data;
    const locale = this.resolvedLocale;
    if (this.blocks?.data !== data || this.blocks.selections !== this.selections) {
      // Radios replace the one choice, so a choose-one ballot blocks nothing.
      const blocks = round.rules.kind === 'choose-1' ? new Map() : selectionBlocks(round.rules, this.selections, proposals);
      this.blocks = { data, selections: this.selections, blocks };
    }
    const { ids, shown } = indexBallot(data);
    const { blocks } = this.blocks;
    const level = this.level + 1;
    return {
      round, rules: round.rules, level, proposals, shown, blocks,
      selections: this.selections,
      opened: this.opened,
      errors: this.fieldErrors,
      idOf: (id) => ids.get(id) ?? '',
      ...ballotWords(round, proposals, locale),
      change: this.change,
      focus: this.focusControl,
      details: (proposal) =>
        details(proposal, this.opened.has(proposal.id), (open) => this.toggleDetails(proposal.id, open), round.currency, level, locale),
    };
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  protected override render() {
    const data = this.loader.value;
    // A vote saved or received is shown even when the round cannot be loaded (offline after a reload).
    const after = this.step === 'queued' || (this.step === 'done' && this.receipt);
    const content = after
      ? html`${data ? roundHeader(data.round, this.level, this.resolvedLocale, false) : nothing}${this.step === 'queued' ? queued(this.level + 1) : this.receiptStep()}`
      : this.loader.render((loaded) => this.renderRound(loaded));
    const kiosk = this.kiosk ? this.kioskTimer : undefined;
    // The one live region, in every state, so it is there before anything is said in it.
    return html`<div class="visually-hidden" id="said" role="status" aria-live="polite"></div>${kiosk?.renderWarning(this.resolvedLocale, this.level + 1) ?? nothing}${content}${kiosk?.renderReceiptNotice(this.resolvedLocale) ?? nothing}`;
  }

  private renderRound(data: BallotData): TemplateResult {
    const { round } = data;
    const level = this.level + 1;
    const open = round.status === 'open' && this.step !== 'closed';
    const body = (() => {
      if (round.status === 'upcoming') return upcoming(level, round.opensAt, this.resolvedLocale);
      if (!open) return closed(level, safeUrl(this.resultsUrl));
      if (this.step === 'voted') return voted(level, this.possiblyVoted);
      if (round.voterIdentity === 'token' && !this.resolvedVoterToken) return signInNeeded(level);
      if (round.voterIdentity === 'code' && (this.step === 'code' || !this.code)) {
        return codeStep({ code: this.code, error: this.codeError, level, submit: (code) => this.enterCode(code), focus: this.focusControl });
      }
      const view = this.view(data);
      if (this.step === 'review' || this.step === 'sending') {
        return review(view, {
          change: (id) => this.go('choose', id),
          submit: () => this.submit(data),
          back: () => this.go('choose', 'title'),
          sending: this.step === 'sending',
          notice: this.notice,
        });
      }
      return chooseStep(view, {
        problems: this.problems,
        area: this.area,
        setArea: (area) => (this.area = area),
        next: () => this.check(data) && this.go('review'),
      });
    })();
    return html`${roundHeader(round, this.level, this.resolvedLocale, open)}${body}`;
  }

  private receiptStep(): TemplateResult {
    return receiptPanel({
      receipt: this.receipt!,
      lines: this.lines,
      locale: this.resolvedLocale,
      level: this.level + 1,
      checkUrl: safeUrl(this.receiptCheckUrl),
      copy: (copied) => this.say(() => (copied ? msg('Receipt number copied.') : msg('Select the number and copy it.')), 50),
    });
  }
}

defineElement('civic-vote-form', CivicVoteForm);

declare global {
  interface HTMLElementTagNameMap {
    'civic-vote-form': CivicVoteForm;
  }
}
