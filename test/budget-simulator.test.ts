import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/budget-simulator/budget-simulator.js';
import type { CivicBudgetSimulator } from '../src/elements/budget-simulator/budget-simulator.js';
import type { CivicBudgetSlider } from '../src/elements/budget-slider/budget-slider.js';
import { CivicError, type CivicClient } from '../src/client/client.js';
import { clearAllDrafts } from '../src/core/draft-controller.js';
import { outboxFor } from '../src/core/outbox-for.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import type { SimulationSubmission, SubmissionReceipt } from '../src/domain/types.js';
import { runConformance } from './support/conformance.js';

const COUNCIL = 'fernwick-council-budget-2026';

function part(simulator: CivicBudgetSimulator, name: string): HTMLElement | null {
  return simulator.shadowRoot!.querySelector(`[part~="${name}"]`);
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

function line(simulator: CivicBudgetSimulator, id: string): CivicBudgetSlider {
  return simulator.shadowRoot!.querySelector(`[data-line="${id}"]`) as CivicBudgetSlider;
}

/** The element that has focus, through every shadow root. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function simulatorFor(client: CivicClient, id = COUNCIL, attributes = ''): Promise<CivicBudgetSimulator> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<civic-budget-simulator simulation="${id}" ${attributes}></civic-budget-simulator>`;
  const simulator = wrapper.firstElementChild as CivicBudgetSimulator;
  simulator.client = client;
  await waitUntil(() => part(simulator, 'balance'), 'the simulation never showed', { timeout: 4000 });
  await settle(simulator);
  return simulator;
}

/** Waits for the simulator and every slider in it to render. */
async function settle(simulator: CivicBudgetSimulator) {
  await simulator.updateComplete;
  await Promise.all([...simulator.shadowRoot!.querySelectorAll('civic-budget-slider')].map((slider) => (slider as CivicBudgetSlider).updateComplete));
  await simulator.updateComplete;
}

/** Moves a line as a pointer would: sets the slider and lets it tell the simulator. */
async function move(simulator: CivicBudgetSimulator, id: string, value: number) {
  const slider = line(simulator, id);
  slider.value = value;
  slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(simulator);
}

/** Presses Tab until `reached` says focus is where it should be: the way a keyboard user gets anywhere. */
async function tabTo(reached: (element: Element | null) => boolean, what: string, most = 150) {
  for (let presses = 0; presses < most; presses++) {
    if (reached(focused())) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

async function press(simulator: CivicBudgetSimulator, ...keys: string[]) {
  for (const key of keys) {
    await sendKeys({ press: key });
    await settle(simulator);
  }
}

describe('civic-budget-simulator', () => {
  afterEach(() => clearAllDrafts());

  runConformance({ tag: 'civic-budget-simulator', attributes: { simulation: COUNCIL }, done: '[part~="balance"]' });

  it('names the line a council set up wrongly, instead of a budget that cannot be balanced', async () => {
    const backend = createMemoryClient();
    const council = await backend.getSimulation(COUNCIL);
    const broken = { ...council, lines: council.lines.map((each, i) => (i === 3 ? { ...each, group: 'no-such-group' } : each)) };
    const client: CivicClient = { ...backend, getSimulation: async () => broken };
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const heard = oneEvent(wrapper, 'civic-error');
    wrapper.innerHTML = `<civic-budget-simulator simulation="${COUNCIL}"></civic-budget-simulator>`;
    const simulator = wrapper.firstElementChild as CivicBudgetSimulator;
    simulator.client = client;
    const error = (await heard).detail as CivicError;
    expect(error.code).to.equal('invalid-response');
    expect(error.field, 'named as the REST client names a field').to.equal('lines[3].group');
    await waitUntil(() => part(simulator, 'error'), 'no error shown', { timeout: 4000 });
    expect(part(simulator, 'balance')).to.equal(null);
    await expect(simulator).to.be.accessible();
  });

  it('shows every line in its group, what each value means, and what is left to balance', async () => {
    const simulator = await simulatorFor(createMemoryClient());
    expect(simulator.shadowRoot!.querySelectorAll('civic-budget-slider').length).to.equal(32);
    expect([...simulator.shadowRoot!.querySelectorAll('.group__label')].map((label) => label.textContent)).to.deep.equal([
      'Adults and health', 'Children and families', 'Housing and homelessness', 'Streets, bins and parks',
      'Libraries, leisure and community', 'Running the council', 'Where the money comes from',
    ]);
    expect(text(part(simulator, 'balance-headline'))).to.equal('£6.25 million still to find');
    expect(text(simulator.shadowRoot!.querySelector('.balance__detail'))).to.equal(
      'Spend less on some services or raise more money. Within £250,000 counts as balanced. Spending £317.1 million Income £310.6 million',
    );
    expect(line(simulator, 'libraries').impact).to.equal('All seven libraries keep their hours');
    await move(simulator, 'libraries', 320_000_000);
    expect(line(simulator, 'libraries').impact, 'the impact follows the threshold crossed').to.equal('Three branch libraries close');
    expect(text(part(simulator, 'balance-headline'))).to.equal('£5.25 million still to find');
    const group = simulator.shadowRoot!.querySelectorAll('[part~="group-button"]')[4]!;
    expect(text(group.querySelector('.group__summary'))).to.equal('£11 million, £1 million less than now');
    expect(line(simulator, 'borrowing').locked).to.equal(true);
    await expect(simulator).to.be.accessible();
  });

  it('folds a group away and opens it again, and says which it is', async () => {
    const simulator = await simulatorFor(createMemoryClient());
    const button = simulator.shadowRoot!.querySelector('[part~="group-button"]') as HTMLButtonElement;
    const lines = simulator.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    button.click();
    await settle(simulator);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(lines.hidden).to.equal(true);
    expect(button.closest('[role="heading"]')!.getAttribute('aria-level'), 'groups are headings one below the title').to.equal('3');
    (part(simulator, 'toggle-all-button') as HTMLButtonElement).click();
    await settle(simulator);
    expect(simulator.shadowRoot!.querySelectorAll('.group__lines:not([hidden])').length).to.equal(0);
    (part(simulator, 'toggle-all-button') as HTMLButtonElement).click();
    await settle(simulator);
    expect(simulator.shadowRoot!.querySelectorAll('.group__lines[hidden]').length).to.equal(0);
    await expect(simulator).to.be.accessible();
  });

  it('balances the budget with the keyboard alone, hears the balance, and sends it', async () => {
    const client = createMemoryClient();
    const simulator = await simulatorFor(client);
    const tax = line(simulator, 'council-tax-rise');
    await tabTo((element) => element?.getAttribute('type') === 'range' && tax.shadowRoot!.contains(element), 'the council tax slider');
    // Up to the referendum limit: £7.68m is too much, and the reason for the limit shows.
    await press(simulator, 'End');
    expect(tax.value).to.equal(4.99);
    expect(text(tax.shadowRoot!.querySelector('[part~="limit"]'))).to.match(/referendum/);
    expect(text(part(simulator, 'balance-headline'))).to.equal('£934,600 still to spend');
    // Seven tenths of a percent back down, ten steps of 0.01% at a time.
    await press(simulator, ...Array(7).fill('PageDown'));
    expect(tax.value).to.equal(4.29);
    expect(text(part(simulator, 'balance-headline'))).to.equal('Your budget balances');
    const status = part(simulator, 'balance')!.querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent!.includes('Your budget balances'), `heard "${status.textContent}"`, { timeout: 3000 });
    expect(status.textContent).to.equal('Council tax rise: A general rise, plus part of the adult social care precept. Your budget balances.');
    await tabTo((element) => element === part(simulator, 'continue-button'), 'Continue');
    await press(simulator, 'Enter');
    await waitUntil(() => part(simulator, 'review'), 'never reached the review', { timeout: 3000 });
    expect(focused()?.id, 'focus moves to the review').to.equal('review-title');
    await expect(simulator).to.be.accessible();
    expect(text(part(simulator, 'summary-list'))).to.include('Council tax rise 4.29% (4.29% more than now)');
    await tabTo((element) => element === part(simulator, 'send-button'), 'Send my budget');
    const sent = oneEvent(simulator, 'civic-simulation-submitted');
    await press(simulator, 'Enter');
    const receipt = ((await sent) as CustomEvent<SubmissionReceipt>).detail;
    await settle(simulator);
    expect(text(part(simulator, 'reference'))).to.equal(receipt.id);
    expect(focused()?.id).to.equal('receipt-title');
    await expect(simulator).to.be.accessible();
  });

  it('refuses a budget that breaks its mode with an error summary: by how much, and links to the lines', async () => {
    const simulator = await simulatorFor(createMemoryClient());
    await move(simulator, 'youth', 320_000_000);
    (part(simulator, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'error-summary'), 'no error summary', { timeout: 3000 });
    await settle(simulator);
    const summary = part(simulator, 'error-summary')!;
    expect(focused(), 'focus moves to the summary').to.equal(summary);
    expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal([
      'Spending is £7.3 million more than income: find at least £7.05 million by spending less or raising more',
      'Youth clubs and services: £800,000 more than now',
    ]);
    expect(part(simulator, 'review'), 'it stays on the lines').to.equal(null);
    await expect(simulator).to.be.accessible();
    // Fold the youth line's group away: the link opens it again on its way.
    (simulator.shadowRoot!.querySelectorAll('[part~="group-button"]')[1] as HTMLButtonElement).click();
    await settle(simulator);
    (summary.querySelectorAll('a')[1] as HTMLAnchorElement).click();
    await waitUntil(() => line(simulator, 'youth').shadowRoot!.contains(focused()), 'focus never reached the youth line', { timeout: 3000 });
    expect(focused()!.getAttribute('type')).to.equal('range');
    // Fixing it updates the summary as the resident goes.
    await move(simulator, 'youth', 240_000_000);
    expect(text(part(simulator, 'error-summary')!.querySelector('li'))).to.match(/^Spending is £6.5 million more than income/);
  });

  it('in points mode, says how many points are left and takes exactly all of them', async () => {
    const simulator = await simulatorFor(createMemoryClient(), 'fernwick-priorities-2026');
    expect(text(part(simulator, 'balance-headline'))).to.equal('100 points left to spend');
    await move(simulator, 'care', 40);
    await move(simulator, 'homes', 50);
    expect(text(part(simulator, 'balance-headline'))).to.equal('10 points left to spend');
    (part(simulator, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'error-summary'), 'no error summary', { timeout: 3000 });
    expect(text(part(simulator, 'error-summary')!.querySelector('li'))).to.equal('You have 10 points left: give them to the lines that matter most to you');
    await move(simulator, 'green', 20);
    expect(text(part(simulator, 'balance-headline'))).to.equal('10 points too many');
    await move(simulator, 'green', 10);
    expect(text(part(simulator, 'balance-headline'))).to.equal('All your points are spent');
    expect(part(simulator, 'error-summary')).to.equal(null);
    await expect(simulator).to.be.accessible();
  });

  it('in no-deficit mode, a budget with money left over can be sent', async () => {
    const simulator = await simulatorFor(createMemoryClient(), 'fernwick-budget-2026');
    expect(text(part(simulator, 'balance-headline'))).to.equal('Your budget balances');
    await move(simulator, 'parks', 700_000_000);
    expect(text(simulator.shadowRoot!.querySelector('.balance__detail'))).to.include('£2.04 million is left over');
    (part(simulator, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'review'), 'never reached the review', { timeout: 3000 });
  });

  it('tells residents what the budget means for their own council tax, by band', async () => {
    const simulator = await simulatorFor(createMemoryClient());
    expect(text(part(simulator, 'council-tax-change'))).to.equal('Your council tax changes by £0 a year');
    await move(simulator, 'council-tax-rise', 4.99);
    expect(text(part(simulator, 'council-tax-change'))).to.equal('Your council tax changes by +£90.44 a year');
    expect(text(simulator.shadowRoot!.querySelector('.council-tax__bill'))).to.equal('From £1,812.40 to £1,902.84 a year for a Band D home.');
    expect(text(simulator.shadowRoot!.querySelector('.balance__tax'))).to.equal('Band D council tax: +£90.44 a year');
    (simulator.shadowRoot!.querySelector('input[name="band"][value="A"]') as HTMLInputElement).click();
    await settle(simulator);
    expect(text(part(simulator, 'council-tax-change'))).to.equal('Your council tax changes by +£60.29 a year');
    expect(text(simulator.shadowRoot!.querySelector('.council-tax__bill'))).to.equal('From £1,208.27 to £1,268.56 a year for a Band A home.');
  });

  it('puts every line back when asked', async () => {
    const simulator = await simulatorFor(createMemoryClient());
    await move(simulator, 'parks', 500_000_000);
    await move(simulator, 'council-tax-rise', 3);
    (part(simulator, 'reset-button') as HTMLButtonElement).click();
    await settle(simulator);
    expect(line(simulator, 'parks').value).to.equal(720_000_000);
    expect(line(simulator, 'council-tax-rise').value).to.equal(0);
    expect(text(part(simulator, 'balance-headline'))).to.equal('£6.25 million still to find');
  });

  it('keeps the budget, the band and the comment on the device, so a reload loses nothing', async () => {
    const client = createMemoryClient();
    const first = await simulatorFor(client);
    await move(first, 'libraries', 380_000_000);
    (first.shadowRoot!.querySelector('input[name="band"][value="F"]') as HTMLInputElement).click();
    await move(first, 'council-tax-rise', 4);
    (part(first, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => first.shadowRoot!.querySelector('#comment'), 'no comment box', { timeout: 3000 });
    const comment = first.shadowRoot!.querySelector('#comment') as HTMLTextAreaElement;
    comment.value = 'Please keep the libraries open on Saturdays.';
    comment.dispatchEvent(new Event('input'));
    first.parentElement!.remove();

    const again = await simulatorFor(client);
    expect(line(again, 'libraries').value).to.equal(380_000_000);
    expect(line(again, 'council-tax-rise').value).to.equal(4);
    expect((again.shadowRoot!.querySelector('input[name="band"]:checked') as HTMLInputElement).value).to.equal('F');
    (part(again, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => again.shadowRoot!.querySelector('#comment'), 'no comment box', { timeout: 3000 });
    expect((again.shadowRoot!.querySelector('#comment') as HTMLTextAreaElement).value).to.equal('Please keep the libraries open on Saturdays.');
  });

  it('counts the comment’s characters, GOV.UK style, and refuses one that is too long with a link to it', async () => {
    const simulator = await simulatorFor(createMemoryClient(), 'fernwick-budget-2026');
    (part(simulator, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => simulator.shadowRoot!.querySelector('#comment'), 'no comment box', { timeout: 3000 });
    const comment = () => simulator.shadowRoot!.querySelector('#comment') as HTMLTextAreaElement;
    expect(text(part(simulator, 'character-count'))).to.equal('You have 2,000 characters remaining');
    comment().value = 'x'.repeat(2001);
    comment().dispatchEvent(new Event('input'));
    await settle(simulator);
    expect(text(part(simulator, 'character-count'))).to.equal('You have 1 character too many');
    (part(simulator, 'send-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'error-summary'), 'no error summary', { timeout: 3000 });
    await settle(simulator);
    expect(text(part(simulator, 'error-summary')!.querySelector('li'))).to.equal('Your comment must be 2,000 characters or fewer');
    // The message beside the field is read with it.
    const described = comment().getAttribute('aria-describedby')!.split(/\s+/).filter(Boolean);
    expect(described.map((id) => text(simulator.shadowRoot!.getElementById(id)))).to.include('Error: Your comment must be 2,000 characters or fewer');
    await expect(simulator).to.be.accessible();
    (part(simulator, 'error-summary')!.querySelector('a') as HTMLAnchorElement).click();
    await waitUntil(() => focused() === comment(), 'focus never reached the comment', { timeout: 3000 });
  });

  it('shows what the backend refused, in the error summary, with a link to the line', async () => {
    const memory = createMemoryClient();
    const refusing: CivicClient = {
      ...memory,
      submitSimulation: () =>
        Promise.reject(new CivicError('validation', 'refused', { status: 422, fieldErrors: [{ field: 'values.parks', code: 'out-of-range', detail: 'parks must be from 500000000 to 900000000.' }] })),
    };
    const errors: Event[] = [];
    const simulator = await simulatorFor(refusing, 'fernwick-budget-2026');
    simulator.addEventListener('civic-error', (event) => errors.push(event));
    (part(simulator, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'send-button'), 'no review', { timeout: 3000 });
    (part(simulator, 'send-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'error-summary'), 'no error summary', { timeout: 3000 });
    expect(text(part(simulator, 'error-summary')!.querySelector('li'))).to.equal('Parks and open spaces: parks must be from 500000000 to 900000000.');
    expect(errors.length).to.equal(1);
    expect(part(simulator, 'review'), 'back on the lines, where the problem is').to.equal(null);
  });

  it('keeps a budget sent offline in the outbox, says so, and shows the receipt when it is delivered', async () => {
    const memory = createMemoryClient();
    const keys: string[] = [];
    let online = false;
    const flaky: CivicClient = {
      ...memory,
      submitSimulation: (submission: SimulationSubmission, options = {}) => {
        keys.push(options.idempotencyKey!);
        return online ? memory.submitSimulation(submission, options) : Promise.reject(new CivicError('network', 'offline'));
      },
    };
    const simulator = await simulatorFor(flaky, 'fernwick-budget-2026');
    (part(simulator, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'send-button'), 'no review', { timeout: 3000 });
    (part(simulator, 'send-button') as HTMLButtonElement).click();
    await waitUntil(() => part(simulator, 'receipt'), 'no receipt', { timeout: 3000 });
    expect(text(simulator.shadowRoot!.querySelector('.panel__title'))).to.equal('Budget saved on this device');
    await expect(simulator).to.be.accessible();
    online = true;
    const delivered = oneEvent(simulator, 'civic-simulation-submitted');
    await outboxFor(flaky).outbox.flush();
    await delivered;
    await settle(simulator);
    expect(text(simulator.shadowRoot!.querySelector('.panel__title'))).to.equal('Budget sent');
    expect(new Set(keys).size, 'every send was the same submission').to.equal(1);
  });

  it('sends the same submission again after a reload: the idempotency key is kept with the draft', async () => {
    const memory = createMemoryClient();
    const keys: string[] = [];
    let loseTheAnswer: (() => void) | undefined;
    const client: CivicClient = {
      ...memory,
      submitSimulation: (submission: SimulationSubmission, options = {}) => {
        keys.push(options.idempotencyKey!);
        // The first send never hears back: the page is reloaded while it waits.
        if (keys.length === 1) return new Promise((_, reject) => (loseTheAnswer = () => reject(new CivicError('aborted', 'the page went away'))));
        return memory.submitSimulation(submission, options);
      },
    };
    const first = await simulatorFor(client, 'fernwick-budget-2026');
    await move(first, 'libraries', 400_000_000);
    (part(first, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(first, 'send-button'), 'no review', { timeout: 3000 });
    (part(first, 'send-button') as HTMLButtonElement).click();
    await waitUntil(() => loseTheAnswer, 'never sent', { timeout: 3000 });
    first.parentElement!.remove();
    loseTheAnswer!();

    const again = await simulatorFor(client, 'fernwick-budget-2026');
    expect(line(again, 'libraries').value).to.equal(400_000_000);
    (part(again, 'continue-button') as HTMLButtonElement).click();
    await waitUntil(() => part(again, 'send-button'), 'no review', { timeout: 3000 });
    const sent = oneEvent(again, 'civic-simulation-submitted');
    (part(again, 'send-button') as HTMLButtonElement).click();
    await sent;
    expect(keys.length).to.equal(2);
    expect(keys[1], 'the same submission, which the backend counts once').to.equal(keys[0]);
  });

  it('runs right to left on a right-to-left page, balance and lines alike', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    wrapper.innerHTML = `<civic-budget-simulator simulation="${COUNCIL}"></civic-budget-simulator>`;
    const simulator = wrapper.firstElementChild as CivicBudgetSimulator;
    simulator.client = createMemoryClient(defaultSeed());
    await waitUntil(() => part(simulator, 'balance'), 'never showed', { timeout: 4000 });
    await settle(simulator);
    const balance = part(simulator, 'balance')!;
    expect(getComputedStyle(balance).direction).to.equal('rtl');
    // The balance's coloured edge is on the right, where right-to-left text starts.
    expect(parseFloat(getComputedStyle(balance).borderRightWidth)).to.be.above(2);
    const toggle = simulator.shadowRoot!.querySelector('.group__toggle')!.getBoundingClientRect();
    const label = simulator.shadowRoot!.querySelector('.group__label')!.getBoundingClientRect();
    expect(toggle.left, '"Hide" sits on the left').to.be.below(label.left);
    await expect(wrapper).to.be.accessible();
  });
});
