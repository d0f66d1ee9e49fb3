import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CivicError } from '../../client/client.js';
import type { Simulation, SubmissionReceipt } from '../../domain/types.js';
import { MAX_SIMULATION_COMMENT, impactAt, lineValue, simulationBalance } from '../../domain/rules/simulation.js';
import { councilTaxBands, councilTaxBill } from '../../domain/rules/council-tax.js';
import { simulationSetupProblems } from '../../domain/rules/simulation-setup.js';
import { formatMoney } from '../../domain/format.js';
import { CharacterCount } from '../../core/character-count.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { DraftController } from '../../core/draft-controller.js';
import { focusErrorSummary, renderErrorSummary } from '../../core/error-summary.js';
import { emit } from '../../core/events.js';
import { LoadController } from '../../core/load-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { fieldStyles } from '../../styles/forms.js';
import type { CivicBudgetSlider } from '../budget-slider/budget-slider.js';
import { balanceHeadline, renderBalance, renderCouncilTax } from './balance.js';
import { readDraft, usableValues, type SimulatorDraft } from './draft.js';
import { groupsOf, lineElementId, renderGroups } from './lines.js';
import { budgetProblems, commentTooLong, refusalProblems, type SummaryProblem } from './problems.js';
import { renderReceipt, renderReview } from './review.js';
import { BudgetSender } from './submission.js';
import { styles } from './budget-simulator.styles.js';
import { localText } from '../../core/local-text.js';
import { textIn } from '../../domain/localized-text.js';

type Step = 'edit' | 'review' | 'receipt';

/** How long after the last change the balance is read out, so arrowing through steps is not drowned in speech. */
const ANNOUNCE_AFTER_MS = 700;

/**
 * @tagname civic-budget-simulator
 * @summary A budget consultation: residents move spending and income, see what each change means and what is left to balance, and send their budget.
 *
 * Loads the simulation named by `simulation` (with `api` or inside a `<civic-provider>`). Lines sit
 * in groups that fold away (GOV.UK's accordion pattern: a heading holding a button with
 * `aria-expanded`); each line is a `<civic-budget-slider>` showing what its value means. A running
 * balance says what is left to balance (or points left to spend) and is read out politely a moment
 * after each change; with council tax set up, residents pick their band and see their own bill.
 * A budget that breaks the simulation's mode cannot be sent: a GOV.UK error summary takes focus and
 * says by how much and which lines, each a link to the line. Then a review, an optional comment
 * with a character count, and the receipt. Everything is kept on the device as a draft, and a
 * budget sent offline waits in the outbox under the same idempotency key.
 *
 * @csspart base - The whole simulator.
 * @csspart title - The simulation's title (a heading).
 * @csspart description - The simulation's description.
 * @csspart balance - The running balance.
 * @csspart balance-headline - What is left to balance, in a sentence.
 * @csspart council-tax - The council tax band and the resident's own bill.
 * @csspart council-tax-change - "Your council tax changes by …".
 * @csspart groups - The groups of lines.
 * @csspart group - One group.
 * @csspart group-button - The button that shows or hides a group.
 * @csspart line - One line's slider.
 * @csspart toggle-all-button - The button that shows or hides every group.
 * @csspart continue-button - "Continue" to the review.
 * @csspart reset-button - Puts every line back where it was.
 * @csspart error-summary - The list of problems that stop the budget being sent.
 * @csspart review - The review before sending.
 * @csspart summary-list - The changes listed in the review.
 * @csspart comment - The comment box.
 * @csspart character-count - How many characters are left for the comment.
 * @csspart send-button - "Send my budget".
 * @csspart back-button - Back from the review to the lines.
 * @csspart receipt - The confirmation after sending.
 * @csspart panel - The confirmation panel.
 * @csspart reference - The reference of the budget sent.
 * @csspart start-again-button - Starts a new budget after one was sent.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the simulator lacks a simulation id or a backend.
 *
 * @fires civic-simulation-submitted - The budget was received; `detail` is the receipt.
 * @fires civic-error - Loading the simulation failed, or the budget was refused; `detail` is the `CivicError`.
 */
export class CivicBudgetSimulator extends CivicElement {
  static override styles = [sharedStyles, fieldStyles, styles];

  private readonly loader = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => (this.simulation ? ([this.simulation] as const) : msg('It needs a simulation attribute naming the budget simulation to show.')),
    load: async (client, [id], signal) => {
      const simulation = await client.getSimulation(id, { signal });
      // What the response's shape cannot say (a slider that cannot reach its baseline, a group that
      // does not exist) would break the page: say which line is wrong instead.
      const problem = simulationSetupProblems(simulation)[0];
      if (problem) {
        const field = problem.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${key}`)).join('');
        throw new CivicError('invalid-response', `Simulation ${id} cannot be shown: ${field}: ${problem.detail}`, { field });
      }
      return simulation;
    },
    loadingLabel: () => msg('Loading the budget…'),
  });

  private readonly draft = new DraftController<SimulatorDraft>(this, {
    key: () => (this.simulation ? `simulation:${this.simulation}` : undefined),
    read: readDraft,
  });

  private readonly count = new CharacterCount(this, MAX_SIMULATION_COMMENT, () => this.resolvedLocale);

  private readonly sender = new BudgetSender(this, {
    client: () => this.resolvedClient,
    save: () => this.saveDraft(),
    received: (receipt) => this.received(receipt),
    queued: () => void this.goTo('receipt'),
    refused: (error) => this.refused(error),
  });

  /** The id of the simulation to load. */
  @property({ reflect: true }) simulation?: string;

  /** The heading level of the title (2 to 5), to fit the page's outline; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private values: Record<string, number> = {};
  @state() private comment = '';
  @state() private band = 'D';
  @state() private step: Step = 'edit';
  @state() private problems: SummaryProblem[] = [];
  @state() private collapsed = new Set<string>();
  @state() private receipt?: SubmissionReceipt;
  @state() private announcement = '';

  /** The simulation the draft was restored into. */
  private restored?: Simulation;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private pendingImpact = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const simulation = this.loader.value;
    if (simulation && simulation !== this.restored) this.restore(simulation);
  }

  /** Takes back what the resident had on this device for this simulation, keeping what still fits it. */
  private restore(simulation: Simulation) {
    this.restored = simulation;
    const saved = this.draft.restore();
    this.values = saved ? usableValues(simulation, saved.values) : {};
    this.comment = saved?.comment ?? '';
    const bands = simulation.councilTax ? councilTaxBands(simulation.councilTax).map(({ band }) => band) : [];
    this.band = saved?.band && bands.includes(saved.band) ? saved.band : bands.includes('D') ? 'D' : (bands[0] ?? 'D');
    this.problems = [];
    this.receipt = undefined;
    this.step = saved?.queued ? 'receipt' : 'edit';
    this.sender.resume(saved?.key && saved.payload ? { key: saved.key, payload: saved.payload } : undefined, saved?.queued);
  }

  private saveDraft() {
    const { attempt, queued } = this.sender;
    this.draft.save({ values: this.values, comment: this.comment, band: this.band, key: attempt?.key, payload: attempt?.payload, queued });
  }

  // ---- Event handlers ----

  private onLineInput = (event: Event) => {
    event.stopPropagation();
    const slider = event.currentTarget as CivicBudgetSlider;
    const simulation = this.loader.value;
    const line = simulation?.lines.find((candidate) => candidate.id === slider.dataset.line);
    if (!simulation || !line) return;
    const locale = this.resolvedLocale;
    const before = textIn(impactAt(line, lineValue(line, this.values))?.text, locale);
    const { [line.id]: _, ...others } = this.values;
    this.values = slider.value === null || slider.value === line.baseline ? others : { ...others, [line.id]: slider.value };
    if (this.problems.length && this.step === 'edit') this.problems = budgetProblems(simulation, this.values, '', this.resolvedLocale);
    this.saveDraft();
    const after = textIn(impactAt(line, lineValue(line, this.values))?.text, locale);
    this.announceSoon(simulation, after !== before && after ? `${textIn(line.label, locale)}: ${after}.` : undefined);
  };

  /** Reads out the balance once changes pause, after the last impact crossed since it was last read. */
  private announceSoon(simulation: Simulation, impact?: string) {
    if (impact !== undefined) this.pendingImpact = impact;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const balance = simulationBalance(simulation, this.values);
      this.announcement = `${this.pendingImpact} ${balanceHeadline(balance, simulation.currency, this.resolvedLocale)}.`.trim();
      this.pendingImpact = '';
    }, ANNOUNCE_AFTER_MS);
  }

  private toggleGroup(key: string) {
    const collapsed = new Set(this.collapsed);
    if (!collapsed.delete(key)) collapsed.add(key);
    this.collapsed = collapsed;
  }

  private toggleAll(simulation: Simulation) {
    const keys = groupsOf(simulation).map((group) => group.key);
    this.collapsed = this.collapsed.size === keys.length ? new Set() : new Set(keys);
  }

  private reset(simulation: Simulation) {
    this.values = {};
    this.problems = [];
    this.saveDraft();
    this.announceSoon(simulation, msg('Every line is back where it was.'));
  }

  /** Keeps the focused line clear of the sticky balance when the resident tabs back up the page. */
  private onFocusIn = (event: FocusEvent) => {
    const sticky = this.renderRoot.querySelector<HTMLElement>('.sticky');
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (!sticky || !target?.getBoundingClientRect || sticky.contains(target)) return;
    const covered = sticky.getBoundingClientRect().bottom - target.getBoundingClientRect().top;
    if (covered > 0 && getComputedStyle(sticky).position === 'sticky') window.scrollBy({ top: -covered - 8 });
  };

  /** Opens the line's group if folded, then moves focus to the line: where an error summary link leads. */
  private async focusLine(lineId: string) {
    const simulation = this.loader.value;
    if (!simulation) return;
    if (this.step !== 'edit') {
      this.step = 'edit';
      await this.updateComplete;
    }
    const group = groupsOf(simulation).find((candidate) => candidate.lines.some(({ line }) => line.id === lineId));
    if (group && this.collapsed.has(group.key)) this.toggleGroup(group.key);
    await this.updateComplete;
    const index = simulation.lines.findIndex((line) => line.id === lineId);
    const slider = this.renderRoot.querySelector<CivicBudgetSlider>(`#${lineElementId(index)}`);
    await slider?.updateComplete;
    slider?.focus();
  }

  private async focusComment() {
    this.step = 'review';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#comment')?.focus();
  }

  private async showProblems(problems: SummaryProblem[]) {
    this.problems = problems;
    if (problems.some((problem) => problem.lineId)) this.step = 'edit';
    await this.updateComplete;
    focusErrorSummary(this.renderRoot as ShadowRoot);
  }

  private async goTo(step: Step) {
    this.step = step;
    this.problems = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(step === 'review' ? '#review-title' : step === 'receipt' ? '#receipt-title' : '#balance')?.focus();
  }

  private continueToReview(simulation: Simulation) {
    const problems = budgetProblems(simulation, this.values, '', this.resolvedLocale);
    if (problems.length) void this.showProblems(problems);
    else void this.goTo('review');
  }

  private send(simulation: Simulation) {
    const problems = budgetProblems(simulation, this.values, this.comment, this.resolvedLocale);
    if (problems.length) return void this.showProblems(problems);
    const comment = this.comment.trim();
    void this.sender.send({
      simulationId: simulation.id,
      values: Object.fromEntries(simulation.lines.map((line) => [line.id, lineValue(line, this.values)])),
      ...(comment ? { comment } : {}),
    });
  }

  private received(receipt: SubmissionReceipt) {
    this.receipt = receipt;
    this.draft.clear();
    emit(this, 'civic-simulation-submitted', receipt);
    void this.goTo('receipt');
  }

  private refused(error: CivicError) {
    const simulation = this.loader.value;
    emit(this, 'civic-error', error);
    if (simulation) void this.showProblems(refusalProblems(error, simulation, this.values, this.resolvedLocale));
  }

  private startAgain() {
    this.sender.forget();
    this.values = {};
    this.comment = '';
    this.receipt = undefined;
    void this.goTo('edit');
  }

  // ---- Rendering ----

  protected override render() {
    return this.loader.render((simulation) => this.renderSimulator(simulation));
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  private renderSimulator(simulation: Simulation) {
    const locale = this.resolvedLocale;
    return html`<div class="simulator" part="base" @focusin=${this.onFocusIn}>
      <div class="title" part="title" role="heading" aria-level=${this.level} dir="auto">${localText(simulation.title, locale)}</div>
      ${simulation.description ? html`<p class="description" part="description" dir="auto">${localText(simulation.description, locale)}</p>` : nothing}
      ${this.problems.length
        ? renderErrorSummary(
            this.problems.map((problem) => ({
              text: problem.text,
              focus: problem.lineId ? () => void this.focusLine(problem.lineId!) : problem.comment ? () => void this.focusComment() : undefined,
            })),
            { root: this.renderRoot, headingLevel: this.level + 1 },
          )
        : nothing}
      ${this.step === 'receipt'
        ? renderReceipt(this.receipt, this.level + 1, () => this.startAgain())
        : this.step === 'review'
          ? this.renderReviewStep(simulation, locale)
          : this.renderEditor(simulation, locale)}
    </div>`;
  }

  private renderEditor(simulation: Simulation, locale: string) {
    const balance = simulationBalance(simulation, this.values);
    const bill = councilTaxBill(simulation, this.values, this.band);
    const allHidden = this.collapsed.size === groupsOf(simulation).length;
    const tax = bill
      ? html`<p class="balance__tax" dir="auto">
          ${bill.change === 0
            ? msg(str`Band ${bill.band} council tax: no change`)
            : msg(str`Band ${bill.band} council tax: ${formatMoney(bill.change, simulation.currency, locale, { signed: true })} a year`)}
        </p>`
      : nothing;
    return html`${renderBalance(balance, simulation, locale, this.announcement, this.level + 1, tax)}
      ${renderCouncilTax(simulation, this.values, this.band, locale, (band) => {
        this.band = band;
        this.saveDraft();
      })}
      <div class="toolbar">
        <button type="button" class="link-button" part="toggle-all-button" aria-expanded=${allHidden ? 'false' : 'true'} @click=${() => this.toggleAll(simulation)}>
          ${allHidden ? msg('Show all groups') : msg('Hide all groups')}
        </button>
      </div>
      <div class="groups" part="groups">
        ${renderGroups({
          simulation,
          values: this.values,
          locale,
          elementLocale: this.locale,
          level: this.level + 1,
          collapsed: this.collapsed,
          invalid: new Set(this.problems.flatMap((problem) => (problem.lineId ? [problem.lineId] : []))),
          onToggle: (key) => this.toggleGroup(key),
          onLineInput: this.onLineInput,
        })}
      </div>
      <div class="actions">
        <button type="button" class="button" part="continue-button" @click=${() => this.continueToReview(simulation)}>${msg('Continue')}</button>
        <button type="button" class="button button--secondary" part="reset-button" @click=${() => this.reset(simulation)}>${msg('Put every line back')}</button>
      </div>`;
  }

  private renderReviewStep(simulation: Simulation, locale: string) {
    const over = this.count.isOver(this.comment);
    return renderReview({
      simulation,
      values: this.values,
      locale,
      band: this.band,
      level: this.level + 1,
      headline: balanceHeadline(simulationBalance(simulation, this.values), simulation.currency, locale),
      sending: this.sender.sending,
      comment: this.count.render({
        id: 'comment',
        label: msg('Anything you want to tell the council about your budget (optional)'),
        value: this.comment,
        error: over && this.problems.some((problem) => problem.comment) ? commentTooLong(locale) : undefined,
        onInput: (value) => {
          this.comment = value;
          this.saveDraft();
        },
      }),
      onChangeLine: (lineId) => void this.focusLine(lineId),
      onBack: () => void this.goTo('edit'),
      onSend: () => void this.send(simulation),
    });
  }
}

defineElement('civic-budget-simulator', CivicBudgetSimulator);

declare global {
  interface HTMLElementTagNameMap {
    'civic-budget-simulator': CivicBudgetSimulator;
  }
}
