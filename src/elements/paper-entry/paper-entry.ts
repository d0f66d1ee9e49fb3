import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isCivicError, toCivicError, type AdminRequestOptions, type CivicClient } from '../../client/client.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { focusErrorSummary, renderErrorSummary, type ErrorSummaryItem } from '../../core/error-summary.js';
import { emit } from '../../core/events.js';
import { LoadController } from '../../core/load-controller.js';
import { readKeys } from '../../domain/paper-keying.js';
import { CLERK_NAME_MAX, PAPER_LABEL, type PaperAudit, type PaperBatch } from '../../domain/paper.js';
import { validateSelections, type Selections } from '../../domain/rules/index.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { sharedStyles } from '../../styles/shared.js';
import { formStyles } from '../../styles/forms.js';
import { loadBallot, type BallotData } from '../vote-form/ballot-data.js';
import { ballotWords, problemText } from '../vote-form/texts.js';
import { auditStep } from './audit.js';
import { entryStep } from './entry.js';
import { mismatchesStep, settleId } from './mismatches.js';
import { styles } from './paper-entry.styles.js';
import { startStep } from './start.js';
import { entryOutcome, keyingProblemText } from './words.js';

type View = 'entry' | 'mismatches' | 'audit';
type PaperClient = Required<Pick<CivicClient, 'enterPaperBallot' | 'getPaperBatch' | 'settlePaperBallot' | 'getPaperAudit'>>;

/** Whether the backend keeps a paper count (the methods are optional in `CivicClient`). */
const paperClient = (client: CivicClient | undefined): PaperClient | null =>
  client?.enterPaperBallot && client.getPaperBatch && client.settlePaperBallot && client.getPaperAudit ? (client as PaperClient) : null;

/**
 * @tagname civic-paper-entry
 * @summary For clerks at a count: key paper ballots twice, settle the ones whose entries differ, read the audit log.
 *
 * A clerk gives their name, the batch and the count's access code (the admin token, kept on the
 * page only), then keys each paper ballot by its printed number and the numbers of the proposals
 * marked on it: proposals are numbered 1, 2, 3… in the order the backend lists them (by title), as
 * the paper prints them, and a key of the numbers is beside the form. Each ballot is checked by the same rules
 * as an online one, and a broken rule is said in the vote form's words, in an error summary that
 * leads to the field (GOV.UK's error summary pattern). A polite live region says what became of each
 * ballot, and a running tally counts the batch. Two clerks key every batch; the "Entries that
 * differ" view shows each mismatch's two readings side by side in a table, for a third person to
 * key what the paper says. The "Audit log" view lists every entry, correction and settlement. The
 * views are switched by toggle buttons (`aria-pressed`). A backend without the optional paper
 * methods of `CivicClient` gets a message saying so.
 *
 * @csspart start - The form asking for the clerk's name, the batch and the access code.
 * @csspart start-button - Its "Start" button.
 * @csspart views - The buttons that switch between keying, mismatches and the audit log.
 * @csspart entry - The keying view.
 * @csspart number-input - The ballot number field.
 * @csspart keys-input - The field for the marks on the paper.
 * @csspart enter-button - The "Enter ballot" button.
 * @csspart outcome - The live line saying what became of the last ballot.
 * @csspart tally - The batch's running tally.
 * @csspart key - The list of proposal numbers as printed on the paper.
 * @csspart mismatches - The view of entries that differ.
 * @csspart no-mismatches - Said when no ballot of the batch has entries that differ.
 * @csspart mismatch - One ballot whose entries differ.
 * @csspart compare - The table of its two entries side by side.
 * @csspart settle-button - The button that settles it.
 * @csspart audit - The audit log view.
 * @csspart error-summary - The summary of what is wrong, at the top.
 * @csspart unsupported - Said when the backend keeps no paper count.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the element lacks a round or a backend.
 *
 * @fires civic-paper-entered - A ballot's entry was kept; `detail` says where the ballot stands (`PaperEntryReceipt`).
 * @fires civic-paper-settled - A mismatch was settled; `detail` is the `PaperBallot`.
 * @fires civic-error - Loading the round, or a request to the backend, failed; `detail` is the `CivicError`.
 */
export class CivicPaperEntry extends CivicElement {
  static override styles = [sharedStyles, formStyles, styles];

  private readonly loader = new LoadController<[string], BallotData>(this, {
    client: () => this.resolvedClient,
    args: () => (this.roundId ? [this.roundId] : msg('It needs the round to count: give it a round attribute.')),
    load: (client, [round], signal) => loadBallot(client, round, signal),
    loadingLabel: () => msg('Loading the ballot paper…'),
  });

  /** The id of the round whose paper ballots are keyed. */
  @property({ reflect: true }) round?: string;

  /** The heading level of the element's titles, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  private get roundId(): string | undefined {
    return this.round || this.provided?.round;
  }

  @state() private session?: { clerk: string; batch: string; token: string };
  @state() private view: View = 'entry';
  @state() private errors: ErrorSummaryItem[] = [];
  @state() private outcome = '';
  @state() private busy = false;
  @state() private batch?: PaperBatch;
  @state() private audit?: PaperAudit;
  /** What the clerk typed, kept when a ballot is refused so nothing is lost. */
  @state() private typed = { clerk: '', batch: '', number: '', keys: '' };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('round') && changed.get('round') !== undefined) this.session = undefined;
  }

  // Handlers

  private async start(values: { clerk: string; batch: string; token: string }): Promise<void> {
    const clerk = values.clerk.trim();
    const batch = values.batch.trim();
    this.typed = { ...this.typed, clerk: values.clerk, batch: values.batch };
    const errors: ErrorSummaryItem[] = [];
    if (clerk === '' || clerk.length > CLERK_NAME_MAX) errors.push({ text: msg('Enter your name, as you sign the count sheet.'), target: 'clerk' });
    if (!PAPER_LABEL.test(batch)) errors.push({ text: msg('Enter the batch label: letters, digits or dashes, such as B7.'), target: 'batch' });
    if (errors.length > 0) return this.showErrors(errors);
    this.errors = [];
    this.session = { clerk, batch, token: values.token.trim() };
    await this.refresh();
    this.focusById('number');
  }

  private async enter(number: string, keys: string): Promise<void> {
    const { data, client, session } = this.ready();
    if (!data || !client || !session) return;
    this.typed = { ...this.typed, number, keys };
    const errors: ErrorSummaryItem[] = [];
    const trimmed = number.trim();
    if (!PAPER_LABEL.test(trimmed)) errors.push({ text: msg('Enter the ballot number printed on the paper: letters, digits or dashes.'), target: 'number' });
    const selections = this.check(data, keys, 'keys', errors);
    if (errors.length > 0 || !selections) return this.showErrors(errors);
    await this.send(async () => {
      const receipt = await client.enterPaperBallot({ roundId: data.round.id, number: trimmed, batch: session.batch, clerk: session.clerk, selections }, this.adminOptions());
      this.typed = { ...this.typed, number: '', keys: '' };
      this.outcome = entryOutcome(receipt);
      emit(this, 'civic-paper-entered', receipt);
      await this.refresh();
      this.focusById('number');
    }, 'number');
  }

  private async settle(number: string, keys: string): Promise<void> {
    const { data, client, session } = this.ready();
    if (!data || !client || !session) return;
    const errors: ErrorSummaryItem[] = [];
    const selections = this.check(data, keys, settleId(number), errors);
    if (errors.length > 0 || !selections) return this.showErrors(errors);
    await this.send(async () => {
      const ballot = await client.settlePaperBallot({ roundId: data.round.id, number, settledBy: session.clerk, selections }, this.adminOptions());
      this.outcome = msg(str`Ballot ${number} settled: it counts.`);
      emit(this, 'civic-paper-settled', ballot);
      await this.refresh();
    }, settleId(number));
  }

  private async show(view: View): Promise<void> {
    this.view = view;
    this.errors = [];
    await this.refresh();
  }

  /** Reads what was typed and checks it by the round's rules; the problems go in `errors`. */
  private check(data: BallotData, keys: string, target: string, errors: ErrorSummaryItem[]): Selections | null {
    const read = readKeys(keys, data.round.rules, data.proposals);
    if ('problems' in read) {
      errors.push(...read.problems.map((problem) => ({ text: keyingProblemText(problem), target })));
      return null;
    }
    const words = ballotWords(data.round, data.proposals, this.resolvedLocale);
    errors.push(...validateSelections(data.round.rules, read.selections, data.proposals).map((problem) => ({ text: problemText(problem, words), target })));
    return read.selections;
  }

  /** Sends a request; a refusal is shown in the error summary, by the field it is about. */
  private async send(work: () => Promise<void>, target: string): Promise<void> {
    this.busy = true;
    this.errors = [];
    try {
      await work();
    } catch (caught) {
      const error = toCivicError(caught);
      if (!isCivicError(caught) || error.code !== 'validation') emit(this, 'civic-error', error);
      const texts = error.code === 'unauthorized' ? [msg('The access code was refused. Start again with the code from the elections office.')]
        : error.fieldErrors.length > 0 ? error.fieldErrors.map((field) => field.detail ?? errorMessage(error))
        : [error.detail ?? errorMessage(error)];
      this.showErrors(texts.map((text) => ({ text, target: error.code === 'unauthorized' ? undefined : target })));
    } finally {
      this.busy = false;
    }
  }

  /** The batch's tally and mismatches, or the audit log, fresh from the backend. */
  private async refresh(): Promise<void> {
    const { data, client, session } = this.ready();
    if (!data || !client || !session) return;
    await this.send(async () => {
      if (this.view === 'audit') this.audit = await client.getPaperAudit(data.round.id, this.adminOptions());
      else this.batch = await client.getPaperBatch(data.round.id, session.batch, this.adminOptions());
    }, 'number');
  }

  private ready() {
    return { data: this.loader.value, client: paperClient(this.resolvedClient), session: this.session };
  }

  private adminOptions(): AdminRequestOptions {
    return this.session?.token ? { adminToken: this.session.token } : {};
  }

  private async showErrors(errors: ErrorSummaryItem[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    focusErrorSummary(this.renderRoot);
  }

  private async focusById(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // Render

  override render() {
    return this.loader.render((data) => {
      if (!paperClient(this.resolvedClient)) {
        return html`<div class="message" part="unsupported" role="note">
          <p class="message__title">${msg('This backend keeps no paper count')}</p>
          <p>${msg('Paper ballots can be keyed only with a backend that has the paper methods of CivicClient, such as the reference server or the in-browser backend.')}</p>
        </div>`;
      }
      const level = this.headingLevel;
      const summary = renderErrorSummary(this.errors, { root: this.renderRoot, headingLevel: level });
      if (!this.session) return html`${summary}${startStep({ clerk: this.typed.clerk, batch: this.typed.batch, errors: this.errors, level, start: (values) => this.start(values) })}`;
      return html`${summary}
        <div class="session">
          <p class="session__who">${msg(str`Keying as ${this.session.clerk}, batch ${this.session.batch}.`)}
            <button type="button" class="link-button" @click=${() => (this.session = undefined)}>${msg('Change')}</button></p>
          <div class="views" part="views" role="group" aria-label=${msg('Views')}>
            ${this.viewButton('entry', msg('Key ballots'))}
            ${this.viewButton('mismatches', this.batch?.counts.mismatch ? msg(str`Entries that differ (${this.batch.counts.mismatch})`) : msg('Entries that differ'))}
            ${this.viewButton('audit', msg('Audit log'))}
          </div>
          <p class="outcome" part="outcome" role="status" aria-live="polite">${this.outcome}</p>
          ${this.renderView(data, level)}
        </div>`;
    });
  }

  private viewButton(view: View, label: string) {
    return html`<button type="button" class="button button--secondary view-button" aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.show(view)}>${label}</button>`;
  }

  private renderView(data: BallotData, level: number) {
    const { rules } = data.round;
    switch (this.view) {
      case 'entry':
        return entryStep({
          kind: rules.kind, proposals: data.proposals, batch: this.batch, batchLabel: this.session!.batch, number: this.typed.number, keys: this.typed.keys,
          errors: this.errors, busy: this.busy, locale: this.resolvedLocale, level, enter: (number, keys) => this.enter(number, keys),
        });
      case 'mismatches':
        return mismatchesStep({
          kind: rules.kind, locale: this.resolvedLocale, proposals: data.proposals, mismatches: this.batch?.ballots.filter((ballot) => ballot.status === 'mismatch') ?? [],
          errors: this.errors, busy: this.busy, level, settle: (number, keys) => this.settle(number, keys),
        });
      case 'audit':
        return auditStep({ audit: this.audit, proposals: data.proposals, locale: this.resolvedLocale, level });
    }
    return nothing;
  }
}

defineElement('civic-paper-entry', CivicPaperEntry);

declare global {
  interface HTMLElementTagNameMap {
    'civic-paper-entry': CivicPaperEntry;
  }
}
