/** The vote form as a kiosk: nothing of one resident is left for the next, in the page, the draft or the history. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/vote-form/vote-form.js';
import type { CivicVoteForm } from '../src/elements/vote-form/vote-form.js';
import { createMemoryClient } from '../src/memory/index.js';
import { clickOn, cleanUp, controlOf, part, press, seedOf, shows, text, voteForm, type Row } from './support/vote-form.js';

const rows: Row[] = [
  ['skate', 'Skate park', 23_400, 'Ashcombe'],
  ['pool', 'Lido repairs', 48_000, 'Brindle Park'],
];
const CODES = ['KIOS-K111-AAAA', 'KIOS-K222-BBBB'];
const kioskClient = () => createMemoryClient(seedOf({ kind: 'approval', maxSumCost: 5_000_000 }, rows, { voterIdentity: 'code' }, { votingCodes: CODES }));

/** Every draft the device keeps. */
const drafts = () => Object.keys(localStorage).filter((key) => key.startsWith('civic-widgets:draft:'));
/** Everything a next resident could read, in the form's shadow root (text and typed values). */
const visible = (form: CivicVoteForm) =>
  `${text(form.shadowRoot as unknown as Element)} ${[...form.shadowRoot!.querySelectorAll('input')].map((input) => (input.type === 'checkbox' ? String(input.checked) : input.value)).join(' ')}`;

async function enterCode(form: CivicVoteForm, code: string) {
  (form.shadowRoot!.getElementById('code') as HTMLInputElement).value = code;
  await press(form, 'continue-button');
  await shows(form, 'ballot');
}

async function voteFor(form: CivicVoteForm, title: string) {
  await clickOn(form, controlOf(form, title));
  await press(form, 'continue-button');
  await shows(form, 'review');
  await press(form, 'submit-button');
  return shows(form, 'receipt');
}

describe('civic-vote-form kiosk', () => {
  // A draft another test file left for the same round would be restored into this one.
  beforeEach(cleanUp);
  afterEach(cleanUp);

  it('after the receipt and "Finish", forgets the resident: page, draft and code; the next one starts afresh', async () => {
    const historyLength = history.length;
    const form = await voteForm(kioskClient(), { round: 'r1', kiosk: '' });
    await enterCode(form, CODES[0]!);
    await voteFor(form, 'Skate park');
    const receiptId = text(part(form, 'receipt-id'));
    await shows(form, 'kiosk-notice');
    expect(text(part(form, 'kiosk-notice'))).to.match(/This screen will clear in (30|29) seconds for the next person\./);
    await expect(form).to.be.accessible();

    const finish = [...part(form, 'kiosk-notice')!.querySelectorAll('button')][0]!;
    finish.focus();
    await sendKeys({ press: 'Enter' });
    await shows(form, 'code-step');
    const shown = visible(form);
    for (const trace of [receiptId, CODES[0]!, 'Your vote has been received', 'Skate park']) expect(shown, trace).not.to.include(trace);
    expect(drafts()).to.deep.equal([]);
    expect(history.length, 'no history entry to go back to').to.equal(historyLength);
    expect((form.shadowRoot!.getElementById('code') as HTMLInputElement).value).to.equal('');
    await expect(form).to.be.accessible();

    // The next resident votes with their own code, on a clean ballot.
    await enterCode(form, CODES[1]!);
    expect(controlOf(form, 'Skate park').checked).to.equal(false);
    await voteFor(form, 'Lido repairs');
  });

  it('clears by itself once the receipt has been shown for kiosk-receipt seconds', async () => {
    const form = await voteForm(kioskClient(), { round: 'r1', kiosk: '', 'kiosk-receipt': '5' });
    await enterCode(form, CODES[0]!);
    await voteFor(form, 'Skate park');
    await shows(form, 'code-step', 8000);
    expect(part(form, 'receipt')).to.equal(null);
    expect(drafts()).to.deep.equal([]);
  });

  it('asks "Are you still there?" before clearing an abandoned ballot, and one key press keeps it', async function () {
    this.timeout(30_000);
    const form = await voteForm(kioskClient(), { round: 'r1', kiosk: '', 'kiosk-idle': '10' });
    await enterCode(form, CODES[0]!);
    await clickOn(form, controlOf(form, 'Skate park'));
    const warning = await shows(form, 'kiosk-warning', 8000);
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(text(warning)).to.include('Are you still there?');
    expect(text(warning)).to.match(/This screen will clear in [1-5] seconds? for the next person/);
    await expect(form).to.be.accessible();
    // Still there: one action (here a key press on the button) keeps everything.
    (form.shadowRoot!.getElementById('kiosk-stay') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !part(form, 'kiosk-warning'), 'the warning stayed');
    expect(controlOf(form, 'Skate park').checked).to.equal(true);
    // Then nobody answers: it clears, choices, code and draft.
    await shows(form, 'kiosk-warning', 8000);
    await shows(form, 'code-step', 8000);
    expect(visible(form)).not.to.include(CODES[0]!);
    expect(drafts()).to.deep.equal([]);
  });

  it('clears a page the browser shows again from its back-forward cache', async () => {
    const form = await voteForm(kioskClient(), { round: 'r1', kiosk: '' });
    await enterCode(form, CODES[0]!);
    await clickOn(form, controlOf(form, 'Skate park'));
    // A page the browser restores was shown long enough for the kiosk's own code to have arrived.
    await waitUntil(() => (form as unknown as { kioskTimer?: object }).kioskTimer, 'the kiosk never loaded');
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await shows(form, 'code-step');
    expect(drafts()).to.deep.equal([]);
  });

  it('without kiosk, keeps the receipt on screen and the draft for the resident', async () => {
    const form = await voteForm(kioskClient(), { round: 'r1' });
    await enterCode(form, CODES[0]!);
    await clickOn(form, controlOf(form, 'Skate park'));
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(controlOf(form, 'Skate park').checked).to.equal(true);
    expect(drafts().length).to.equal(1);
  });
});
