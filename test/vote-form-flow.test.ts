/** The vote form's flow as a resident meets it: review, receipt, round states, identity, drafts, the outbox, events. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/elements/vote-form/vote-form.js';
import { CivicError, type CivicClient } from '../src/client/client.js';
import { clearAllDrafts } from '../src/core/draft-controller.js';
import { outboxFor } from '../src/core/outbox-for.js';
import type { CivicVoteForm } from '../src/elements/vote-form/vote-form.js';
import { createMemoryClient, type MemorySeed } from '../src/memory/index.js';
import type { Receipt } from '../src/domain/types.js';
import {
  clickOn, cleanUp, controlOf, focused, part, press, said, seedOf, shows, text, voteForm, type Row,
} from './support/vote-form.js';

const rows: Row[] = [
  ['skate', 'Skate park', 23_400, 'Ashcombe'],
  ['pool', 'Lido repairs', 48_000, 'Brindle Park'],
  ['trees', 'Street trees', 12_000, 'Ashcombe'],
];
const knapsack = { kind: 'approval', maxSumCost: 5_000_000 } as const;

/** Chooses these proposals, goes to the review and submits; resolves with the step shown after. */
async function vote(form: CivicVoteForm, titles: string[]) {
  for (const title of titles) await clickOn(form, controlOf(form, title));
  await press(form, 'continue-button');
  await shows(form, 'review');
  await press(form, 'submit-button');
  await waitUntil(() => !part(form, 'submit-button')?.getAttribute('aria-disabled')?.includes('true'), 'still sending', { timeout: 5000 });
  await form.updateComplete;
}

/** A client that cannot reach the server while `offline` is true: its ballots fail as a network failure does. */
function unreliable(seed: MemorySeed) {
  const real = createMemoryClient(seed);
  const state = { offline: true, sends: 0 };
  const client: CivicClient = {
    ...real,
    submitBallot: (ballot, options) => {
      state.sends++;
      return state.offline ? Promise.reject(new CivicError('network', 'offline')) : real.submitBallot(ballot, options);
    },
  };
  return { client, state, real };
}

describe('civic-vote-form flow', () => {
  // A draft another test file left for the same round would be restored into this one.
  beforeEach(cleanUp);
  afterEach(cleanUp);

  describe('review and receipt', () => {
    it('reviews every choice with its cost and the total, and each Change goes back to that proposal', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)));
      await clickOn(form, controlOf(form, 'Skate park'));
      await clickOn(form, controlOf(form, 'Street trees'));
      await press(form, 'continue-button');
      const review = await shows(form, 'review');
      expect(focused(form)!.id, 'the step’s heading takes focus').to.equal('step');
      const lines = [...review.querySelectorAll('.summary__row')].map((row) => [...row.querySelectorAll('dt, dd')].map(text));
      expect(lines).to.deep.equal([
        ['Skate park', '£23,400', 'Change Skate park'],
        ['Street trees', '£12,000', 'Change Street trees'],
        ['Total', '£35,400'],
      ]);
      await expect(form).to.be.accessible();
      await clickOn(form, review.querySelectorAll('.summary__action a')[1] as HTMLElement);
      expect(part(form, 'ballot')).to.exist;
      expect(focused(form)).to.equal(controlOf(form, 'Street trees'));
    });

    it('gives a receipt: its number, what was chosen, when, copy and print, and how to keep it', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)));
      const heard = oneEvent(form, 'civic-vote-submitted');
      await vote(form, ['Skate park']);
      const receipt = (await heard).detail as Receipt;
      const panel = await shows(form, 'receipt');
      expect(text(part(form, 'receipt-id'))).to.equal(receipt.id);
      expect(receipt.roundId).to.equal('r1');
      const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(receipt.receivedAt));
      expect(text(panel)).to.contain(`Received on ${when}.`);
      expect([...panel.querySelectorAll('.summary__row')].map(text)).to.deep.equal(['Skate park £23,400', 'Total £23,400']);
      expect(text(panel)).to.contain('Keep this number: with it, the council can confirm that your vote was counted.');
      expect(focused(form)!.textContent).to.contain('Your vote has been received');
      await expect(form).to.be.accessible();

      await clickOn(form, part(form, 'copy-button')!);
      await waitUntil(() => /copied|Select the number/.test(said(form)), 'the copy was never confirmed', { timeout: 3000 });
      const print = window.print;
      let printed = 0;
      window.print = () => void printed++;
      try {
        await clickOn(form, [...panel.querySelectorAll('button')].find((button) => text(button) === 'Print this receipt')!);
      } finally {
        window.print = print;
      }
      expect(printed).to.equal(1);
    });

    it('copies the receipt number without the Clipboard API, by selecting it', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)));
      await vote(form, ['Skate park']);
      await shows(form, 'receipt');
      const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
      Object.defineProperty(navigator, 'clipboard', { configurable: true, get: () => undefined });
      try {
        await clickOn(form, part(form, 'copy-button')!);
        await waitUntil(() => said(form) !== '', 'nothing said', { timeout: 3000 });
        expect(getSelection()!.toString()).to.equal(text(part(form, 'receipt-id')));
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
        Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
      }
    });

    it('names the council’s receipt page when the host gives one', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)), { round: 'r1', 'receipt-check-url': 'https://fernwick.example/receipts' });
      await vote(form, ['Street trees']);
      const link = (await shows(form, 'receipt')).querySelector('a[href="https://fernwick.example/receipts"]');
      expect(text(link)).to.equal('the council’s receipt page');
      const hostile = await voteForm(createMemoryClient(seedOf(knapsack, rows)), { round: 'r1', 'receipt-check-url': 'javascript:alert(1)' });
      await vote(hostile, ['Street trees']);
      expect((await shows(hostile, 'receipt')).querySelector('a'), 'never a script URL').to.equal(null);
    });
  });

  describe('round states', () => {
    it('says when an upcoming round opens, in the resident’s time zone', async () => {
      const opensAt = '2031-03-01T09:30:00Z';
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows, { status: 'upcoming', opensAt })));
      const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short' }).format(new Date(opensAt));
      expect(text(part(form, 'notice'))).to.equal(`Voting has not opened yet Voting opens on ${when}.`);
      expect(part(form, 'ballot')).to.equal(null);
      await expect(form).to.be.accessible();
    });

    it('says a closed round is closed, linking to the results when the host says where they are', async () => {
      const seed = seedOf(knapsack, rows, { status: 'closed' });
      const plain = await voteForm(createMemoryClient(seed));
      expect(text(part(plain, 'notice'))).to.equal('Voting has closed Voting in this round has closed.');
      const linked = await voteForm(createMemoryClient(seed), { round: 'r1', 'results-url': '/results/r1' });
      expect(part(linked, 'results-link')!.getAttribute('href')).to.equal('/results/r1');
      await expect(linked).to.be.accessible();
    });

    it('shows "You have already voted" as a state, not an error, when the server says so', async () => {
      const client = createMemoryClient(seedOf(knapsack, rows, { voterIdentity: 'token' }));
      const first = await voteForm(client, { round: 'r1', 'voter-token': 'resident-7' });
      await vote(first, ['Skate park']);
      await shows(first, 'receipt');
      clearAllDrafts();
      const again = await voteForm(client, { round: 'r1', 'voter-token': 'resident-7' });
      const refused = oneEvent(again, 'civic-error');
      await vote(again, ['Street trees']);
      expect(((await refused).detail as CivicError).code).to.equal('conflict');
      const notice = await shows(again, 'notice');
      expect(text(notice)).to.contain('You have already voted in this round. Thank you!');
      expect(again.shadowRoot!.querySelector('.message--error, [part~="error"], [role="alert"]')).to.equal(null);
      await expect(again).to.be.accessible();
    });
  });

  describe('who may vote', () => {
    const codes = () => createMemoryClient(seedOf(knapsack, rows, { voterIdentity: 'code' }, { votingCodes: ['ASH-4821-KT', 'ASH-7730-PB'] }));
    const enter = async (form: CivicVoteForm, code: string) => {
      const input = form.shadowRoot!.getElementById('code') as HTMLInputElement;
      input.value = code;
      await press(form, 'continue-button');
    };

    it('asks for a voting code first, and sends it with the ballot', async () => {
      const form = await voteForm(codes());
      expect(part(form, 'code-step')).to.exist;
      expect(part(form, 'ballot')).to.equal(null);
      await expect(form).to.be.accessible();
      await enter(form, '');
      expect(focused(form)).to.equal(part(form, 'error-summary'));
      expect(text(part(form, 'error-summary')!.querySelector('a'))).to.equal('Enter your voting code');
      await clickOn(form, part(form, 'error-summary')!.querySelector('a')!);
      expect(focused(form)!.id).to.equal('code');
      await enter(form, ' ash 4821 kt ');
      await vote(form, ['Skate park']);
      await shows(form, 'receipt');
      expect(text(part(form, 'receipt-id'))).to.match(/^[0-9a-f-]{36}$/);
    });

    it('says when a code is not recognised or already used, without saying which codes exist, and keeps the choices', async () => {
      const client = codes();
      const form = await voteForm(client);
      await enter(form, 'ASH-0000-XX');
      await vote(form, ['Skate park']);
      await shows(form, 'code-step');
      expect(text(part(form, 'error-summary'))).to.contain('This voting code was not recognised. Check it against your letter and try again.');
      await expect(form).to.be.accessible();
      await enter(form, 'ASH-7730-PB');
      const review = await shows(form, 'review');
      expect(text(review), 'the choices were kept').to.contain('Skate park');
      await press(form, 'submit-button');
      await shows(form, 'receipt');

      clearAllDrafts();
      const second = await voteForm(client);
      await enter(second, 'ash7730pb');
      await vote(second, ['Street trees']);
      await shows(second, 'code-step');
      expect(text(part(second, 'error-summary'))).to.contain('This voting code has already been used.');
    });

    it('asks a resident without a token to sign in, and votes with the token the host gives', async () => {
      const seed = seedOf(knapsack, rows, { voterIdentity: 'token' }, { voterTokens: ['member-1'] });
      const signedOut = await voteForm(createMemoryClient(seed));
      expect(text(part(signedOut, 'notice'))).to.contain('To vote in this round, sign in on this website first');
      await expect(signedOut).to.be.accessible();

      const refused = await voteForm(createMemoryClient(seed), { round: 'r1', 'voter-token': 'stranger' });
      await vote(refused, ['Skate park']);
      expect(text(await shows(refused, 'review'))).to.contain('Your sign-in was not accepted.');
      await expect(refused).to.be.accessible();
      refused.remove();
      clearAllDrafts();

      const member = await voteForm(createMemoryClient(seed), { round: 'r1', 'voter-token': 'member-1' });
      await vote(member, ['Skate park']);
      await shows(member, 'receipt');
    });
  });

  describe('nothing lost', () => {
    it('keeps the choices on the device across a reload, and forgets them after the receipt', async () => {
      const client = createMemoryClient(seedOf(knapsack, rows));
      const first = await voteForm(client);
      await clickOn(first, controlOf(first, 'Lido repairs'));
      first.remove();
      const reloaded = await voteForm(client);
      expect(controlOf(reloaded, 'Lido repairs').checked).to.equal(true);
      await vote(reloaded, []);
      await shows(reloaded, 'receipt');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(localStorage.getItem('civic-widgets:draft:vote:r1'), 'forgotten after the receipt, for good').to.equal(null);
      const after = await voteForm(client);
      expect(controlOf(after, 'Lido repairs').checked).to.equal(false);
    });

    it('saves the last change at once when the page is hidden, not only a moment later', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)));
      await clickOn(form, controlOf(form, 'Street trees'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(JSON.parse(localStorage.getItem('civic-widgets:draft:vote:r1')!).selections).to.deep.equal(['trees']);
    });

    it('saves a vote cast offline on the device, then shows the receipt when it is sent', async () => {
      const { client, state } = unreliable(seedOf(knapsack, rows));
      const form = await voteForm(client);
      await vote(form, ['Skate park']);
      const notice = await shows(form, 'notice');
      expect(text(notice)).to.contain('Your vote is saved on this device');
      await expect(form).to.be.accessible();

      const delivered = oneEvent(form, 'civic-vote-submitted');
      state.offline = false;
      window.dispatchEvent(new Event('online'));
      const receipt = (await delivered).detail as Receipt;
      expect(text(await shows(form, 'receipt'))).to.contain(receipt.id);
      expect(text(part(form, 'receipt'))).to.contain('Skate park £23,400');
    });

    it('after a reload, says a vote saved on the device will be sent, and confirms it once it is', async () => {
      const { client, state } = unreliable(seedOf(knapsack, rows));
      const first = await voteForm(client);
      await vote(first, ['Street trees']);
      await shows(first, 'notice');
      first.remove();

      const reloaded = await voteForm(client);
      expect(text(await shows(reloaded, 'notice'))).to.contain('It will be sent as soon as you are back online');
      const delivered = oneEvent(reloaded, 'civic-vote-submitted');
      state.offline = false;
      window.dispatchEvent(new Event('online'));
      await delivered;
      expect(text(await shows(reloaded, 'receipt'))).to.contain('Street trees £12,000');
    });

    it('on load, says "You have already voted" when the server refused a saved vote while no form was open', async () => {
      const { client, state } = unreliable(seedOf(knapsack, rows, { voterIdentity: 'token' }));
      state.offline = false;
      const earlier = await voteForm(client, { round: 'r1', 'voter-token': 'resident-9' });
      await vote(earlier, ['Street trees']);
      await shows(earlier, 'receipt');
      earlier.remove();

      state.offline = true;
      const offline = await voteForm(client, { round: 'r1', 'voter-token': 'resident-9' });
      await vote(offline, ['Skate park']);
      await shows(offline, 'notice');
      offline.remove();
      // The page is closed; the outbox sends the saved vote later, and the server says this voter has voted.
      state.offline = false;
      await outboxFor(client).outbox.flush();
      expect((await outboxFor(client).outbox.failed()).map((entry) => entry.lastError?.code)).to.deep.equal(['conflict']);

      const reopened = await voteForm(client, { round: 'r1', 'voter-token': 'resident-9' });
      expect(text(await shows(reopened, 'notice'))).to.contain('You have already voted');
      let left = 1;
      for (let tries = 0; tries < 40 && left > 0; tries++) {
        left = (await outboxFor(client).outbox.failed()).length;
        if (left) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(left, 'the refusal was shown, then forgotten').to.equal(0);
    });

    it('sends a ballot found in a draft but not in the outbox again under its key: the same receipt, counted once', async () => {
      const real = createMemoryClient(seedOf(knapsack, rows));
      let draftWhileSending: string | null = null;
      const client: CivicClient = {
        ...real,
        submitBallot: (ballot, options) => {
          draftWhileSending ??= localStorage.getItem('civic-widgets:draft:vote:r1');
          return real.submitBallot(ballot, options);
        },
      };
      const form = await voteForm(client);
      const heard = oneEvent(form, 'civic-vote-submitted');
      await vote(form, ['Skate park']);
      const first = (await heard).detail as Receipt;
      form.remove();
      // As if the page had closed after the server counted the ballot but before the receipt was shown.
      expect(JSON.parse(draftWhileSending!).key).to.be.a('string');
      localStorage.setItem('civic-widgets:draft:vote:r1', draftWhileSending!);

      const resent = oneEvent(document, 'civic-vote-submitted');
      const reopened = await voteForm(client);
      const again = (await resent).detail as Receipt;
      expect(again).to.deep.equal(first);
      expect(text(await shows(reopened, 'receipt'))).to.contain(first.id);
      const results = await real.getResults('r1');
      expect(results.proposals.find((p) => p.id === 'skate')!.votes, 'counted once').to.equal(1);
    });

    it('shows why a submission was refused (422) and keeps the choices', async () => {
      const seed = seedOf(knapsack, rows);
      const loaded = createMemoryClient(seed);
      const changed = structuredClone(seed);
      changed.rounds[0]!.proposals[0]!.status = 'withdrawn';
      const server = createMemoryClient(changed);
      // The round was loaded before the skate park was withdrawn; the server knows it now.
      const client: CivicClient = { ...loaded, submitBallot: (ballot, options) => server.submitBallot(ballot, options) };
      const form = await voteForm(client);
      const refused = oneEvent(form, 'civic-error');
      await vote(form, ['Skate park']);
      expect(((await refused).detail as CivicError).code).to.equal('validation');
      const summary = await shows(form, 'error-summary');
      expect(text(summary)).to.contain('Proposal skate was withdrawn.');
      expect(controlOf(form, 'Skate park').checked, 'the choices are kept').to.equal(true);
      await expect(form).to.be.accessible();
    });
  });

  describe('the page around it', () => {
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };

    it('warns before leaving with a vote not yet sent, unless the host turns it off', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)));
      expect(leave(), 'nothing chosen: nothing to lose').to.equal(false);
      await clickOn(form, controlOf(form, 'Skate park'));
      expect(leave()).to.equal(true);
      form.setAttribute('no-leave-warning', '');
      await form.updateComplete;
      expect(leave()).to.equal(false);
      form.removeAttribute('no-leave-warning');
      await vote(form, []);
      await shows(form, 'receipt');
      expect(leave(), 'sent: nothing to lose').to.equal(false);
      form.remove();
    });

    it('tells the host page about every change and the receipt', async () => {
      const form = await voteForm(createMemoryClient(seedOf(knapsack, rows)));
      const change = oneEvent(document, 'civic-selection-change');
      await clickOn(form, controlOf(form, 'Skate park'));
      expect((await change).detail).to.deep.equal({ roundId: 'r1', selections: ['skate'] });
    });

    it('keeps several forms for different rounds on one page apart', async () => {
      const seed = seedOf(knapsack, rows);
      seed.rounds.push(seedOf({ kind: 'choose-1' }, rows.map(([id, title, pounds]) => [`b-${id}`, `${title} (B)`, pounds] as Row), { id: 'r2', title: 'Round B' }).rounds[0]!);
      const client = createMemoryClient(seed);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <civic-vote-form round="r1" .client=${client}></civic-vote-form>
        <civic-vote-form round="r2" .client=${client}></civic-vote-form>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('civic-vote-form')] as CivicVoteForm[];
      await shows(a!, 'ballot');
      await shows(b!, 'ballot');
      await clickOn(a!, controlOf(a!, 'Skate park'));
      await clickOn(b!, controlOf(b!, 'Lido repairs (B)'));
      await clickOn(b!, controlOf(b!, 'Street trees (B)'));
      expect(controlOf(a!, 'Skate park').checked).to.equal(true);
      expect(controlOf(b!, 'Street trees (B)').checked).to.equal(true);
      expect(controlOf(b!, 'Lido repairs (B)').checked, 'the radio groups are each form’s own').to.equal(false);
      const receipts: string[] = [];
      wrapper.addEventListener('civic-vote-submitted', (event) => receipts.push((event.target as CivicVoteForm).round!));
      await vote(b!, []);
      await shows(b!, 'receipt');
      expect(part(a!, 'ballot'), 'the other form is still choosing').to.exist;
      expect(controlOf(a!, 'Skate park').checked).to.equal(true);
      await vote(a!, []);
      await shows(a!, 'receipt');
      expect(receipts).to.deep.equal(['r2', 'r1']);
      expect(text(part(a!, 'receipt'))).to.contain('Skate park');
      expect(text(part(b!, 'receipt'))).to.contain('Street trees (B)');
    });
  });
});
