/** The ballot kinds of civic-vote-form, as a resident uses them: with a mouse, a keyboard alone and a screen reader's view. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/elements/vote-form/vote-form.js';
import { formatMoney } from '../src/domain/format.js';
import { describeProblem, validateSelections } from '../src/domain/rules/index.js';
import { getLocale, useLocale } from '../src/i18n/localize.js';
import { createMemoryClient } from '../src/memory/index.js';
import { runConformance } from './support/conformance.js';
import {
  clickOn, cleanUp, controlOf, focused, key, part, parts, press, rowOf, said, seedOf, shows, tabTo, text, voteForm, type Row,
} from './support/vote-form.js';

const money = (pence: number) => formatMoney(pence, 'GBP', 'en-GB');

const park: Row[] = [
  ['skate', 'Skate park', 23_400, 'Ashcombe'],
  ['pool', 'Lido repairs', 48_000, 'Brindle Park'],
  ['trees', 'Street trees', 12_000, 'Ashcombe'],
  ['bench', 'Benches', 4_000, 'Elmhurst'],
];

describe('civic-vote-form', () => {
  // A draft another test file left for the same round would be restored into this one.
  beforeEach(cleanUp);
  afterEach(cleanUp);

  runConformance({ tag: 'civic-vote-form', attributes: { round: 'fernwick-2026' }, done: '[part~="ballot"]' });

  describe('a knapsack ballot (approval within a budget)', () => {
    const knapsack = () => createMemoryClient(seedOf({ kind: 'approval', maxSumCost: 5_000_000 }, park));

    it('shows the budget chosen and left, and marks a proposal that no longer fits: aria-disabled, focusable, saying why', async () => {
      const form = await voteForm(knapsack());
      expect(text(part(form, 'rules'))).to.contain('Together they can cost up to £50,000.');
      await clickOn(form, controlOf(form, 'Skate park'));
      expect(text(part(form, 'meter'))).to.contain('£23,400 of £50,000 chosen, £26,600 left');

      const pool = controlOf(form, 'Lido repairs');
      expect(pool.getAttribute('aria-disabled')).to.equal('true');
      expect(pool.disabled, 'never disabled: it must stay in the tab order').to.equal(false);
      const why = text(form.shadowRoot!.getElementById(`${pool.id}-why`));
      expect(why).to.equal('£48,000: £21,400 more than you have left');
      expect(pool.getAttribute('aria-describedby')).to.contain(`${pool.id}-why`);
      pool.focus();
      expect(focused(form)).to.equal(pool);
      await clickOn(form, pool);
      expect(pool.checked, 'a click does not choose what does not fit').to.equal(false);
      expect(text(part(form, 'meter'))).to.contain('£23,400 of £50,000 chosen');
      await expect(form).to.be.accessible();

      // Taking the skate park out makes room again.
      await clickOn(form, controlOf(form, 'Skate park'));
      expect(controlOf(form, 'Lido repairs').hasAttribute('aria-disabled')).to.equal(false);
    });

    it('after every change, says anew how far each proposal that does not fit is over, and ticks only what was clicked', async () => {
      const form = await voteForm(knapsack());
      const why = () => text(form.shadowRoot!.getElementById(`${controlOf(form, 'Lido repairs').id}-why`));
      await clickOn(form, controlOf(form, 'Skate park'));
      expect(why()).to.equal('£48,000: £21,400 more than you have left');
      await clickOn(form, controlOf(form, 'Benches'));
      expect(why()).to.equal('£48,000: £25,400 more than you have left');
      expect(text(part(form, 'meter'))).to.contain('£27,400 of £50,000 chosen, £22,600 left');
      const ticked = park.map(([, title]) => title).filter((title) => controlOf(form, title).checked);
      expect(ticked).to.deep.equal(['Skate park', 'Benches']);
      await clickOn(form, controlOf(form, 'Skate park'));
      expect(why()).to.equal('£48,000: £2,000 more than you have left');
      expect(park.map(([, title]) => title).filter((title) => controlOf(form, title).checked)).to.deep.equal(['Benches']);
      await clickOn(form, controlOf(form, 'Benches'));
      expect(form.shadowRoot!.getElementById(`${controlOf(form, 'Lido repairs').id}-why`), 'it fits again').to.equal(null);
      expect(controlOf(form, 'Lido repairs').hasAttribute('aria-disabled')).to.equal(false);
    });

    it('announces the totals politely once after a burst of changes, in a single live region', async () => {
      const form = await voteForm(knapsack());
      expect(form.shadowRoot!.querySelectorAll('[aria-live], [role="status"], [role="alert"]').length).to.equal(1);
      await clickOn(form, controlOf(form, 'Skate park'));
      await clickOn(form, controlOf(form, 'Street trees'));
      expect(said(form), 'nothing said while the resident is still choosing').to.equal('');
      await waitUntil(() => said(form) !== '', 'the totals were never announced', { timeout: 3000 });
      expect(said(form)).to.equal('£35,400 of £50,000 chosen, £14,600 left. 2 chosen');
      expect(form.shadowRoot!.getElementById('said')!.getAttribute('aria-live')).to.equal('polite');
      expect(part(form, 'meter')!.hasAttribute('aria-live'), 'the visible meter is not live: it would speak on every change').to.equal(false);
    });

    it('explains the minimum spend before it blocks, and blocks with the rules’ own words', async () => {
      const rules = { kind: 'approval', minSumCost: 3_000_000, maxSumCost: 5_000_000 } as const;
      const form = await voteForm(createMemoryClient(seedOf(rules, park)));
      expect(text(part(form, 'rules'))).to.contain('Together they must cost at least £30,000.');
      await clickOn(form, controlOf(form, 'Street trees'));
      expect(text(part(form, 'meter'))).to.contain('£18,000 more to reach the least you must choose, £30,000');
      await press(form, 'continue-button');
      const summary = part(form, 'error-summary')!;
      const expected = validateSelections(rules, ['trees'], seedOf(rules, park).rounds[0]!.proposals).map((problem) => describeProblem(problem, money));
      expect(expected).to.deep.equal(['Spend at least £30,000: £18,000 more.']);
      expect([...summary.querySelectorAll('a')].map(text)).to.deep.equal(expected);
    });
  });

  describe('an approval ballot with a least and a most to choose', () => {
    const rows: Row[] = Array.from({ length: 7 }, (_, i) => [`p${i}`, `Project ${i + 1}`, 1_000 + i]);

    it('counts the choices ("3 of 5 chosen") and says why a sixth cannot be chosen', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval', minLength: 2, maxLength: 5 }, rows)));
      expect(text(part(form, 'rules'))).to.contain('Choose from 2 to 5.');
      for (const i of [1, 2, 3]) await clickOn(form, controlOf(form, `Project ${i}`));
      expect(text(part(form, 'meter'))).to.equal('3 of 5 chosen');
      for (const i of [4, 5]) await clickOn(form, controlOf(form, `Project ${i}`));
      const sixth = controlOf(form, 'Project 6');
      expect(sixth.getAttribute('aria-disabled')).to.equal('true');
      expect(text(rowOf(form, 'Project 6').querySelector('[part~="why"]'))).to.equal('You have chosen 5, the most you can. Remove one to choose this.');
      await expect(form).to.be.accessible();
    });

    it('writes every count in the digits of the resident’s locale, as it writes money', async () => {
      const before = getLocale();
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval', minLength: 2, maxLength: 5 }, rows)), { round: 'r1', locale: 'bn' });
      try {
        // The digits of each sentence, smallest first, whatever its words and their order: Bengali's are ০ to ৯.
        const digits = (node: Element | null | undefined) => text(node).match(/\p{Nd}/gu)?.sort().join(' ');
        await waitUntil(() => digits(part(form, 'rules')) === '২ ৫', `the rules say "${text(part(form, 'rules'))}"`, { timeout: 5000 });
        await clickOn(form, controlOf(form, 'Project 3'));
        expect(digits(part(form, 'meter')), 'one of five chosen').to.equal('১ ৫');
        await press(form, 'continue-button');
        expect(digits(part(form, 'error-summary')?.querySelector('a')), 'at least two, one chosen').to.equal('১ ২');
        for (const i of [1, 2, 4, 5]) await clickOn(form, controlOf(form, `Project ${i}`));
        expect(digits(rowOf(form, 'Project 6').querySelector('[part~="why"]')), 'five chosen, the most').to.equal('৫');
        await expect(form).to.be.accessible();
      } finally {
        form.remove();
        await useLocale(before);
      }
    });

    it('says when voting closes in Welsh words, though Chromium has no Welsh dates', async () => {
      const before = getLocale();
      // Midday, so that the day is the 22nd in any time zone the test runs in.
      const client = createMemoryClient(seedOf({ kind: 'approval', maxLength: 5 }, rows, { closesAt: '2099-12-22T12:00:00Z' }));
      const form = await voteForm(client, { round: 'r1', locale: 'cy' });
      try {
        const closes = () => text(form.shadowRoot!.querySelector('.closes'));
        await waitUntil(() => closes().includes('cau ar'), `the closing line says "${closes()}"`, { timeout: 5000 });
        // Not "22 December 2099 at 12:00" (British English), nor "December 22, 2099 at 12:00 PM" (Chromium's default).
        expect(closes()).to.match(/cau ar 22 Rhagfyr 2099 am \d{2}:\d{2}\.$/u);
        await expect(form).to.be.accessible();
      } finally {
        form.remove();
        await useLocale(before);
      }
    });

    it('blocks too few with a focused error summary whose link moves focus to the list, inside the shadow root', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval', minLength: 2, maxLength: 5 }, rows)));
      await clickOn(form, controlOf(form, 'Project 3'));
      await press(form, 'continue-button');
      const summary = part(form, 'error-summary')!;
      expect(focused(form)).to.equal(summary);
      expect(summary.querySelector('[role="alert"]'), 'announced at once').to.exist;
      const link = summary.querySelector('a')!;
      expect(text(link)).to.equal('Choose at least 2 (you chose 1).');
      expect(text(form.shadowRoot!.querySelector('.group--error .error-message'))).to.contain('Choose at least 2 (you chose 1).');
      await clickOn(form, link);
      expect(focused(form), 'the link focuses the first chosen proposal').to.equal(controlOf(form, 'Project 3'));
      await expect(form).to.be.accessible();
    });
  });

  describe('a cumulative ballot', () => {
    const rules = { kind: 'cumulative', maxSumPoints: 10, maxPoints: 5 } as const;
    const points = () => createMemoryClient(seedOf(rules, park));
    const stepper = (form: Parameters<typeof rowOf>[0], title: string, which: 'More' | 'Fewer') =>
      rowOf(form, title).querySelector(`button[aria-label="${which} points for ${title}"]`) as HTMLButtonElement;

    it('gives points with steppers and a number field, counts the points left, and keeps each proposal within its limit', async () => {
      const form = await voteForm(points());
      expect(text(part(form, 'rules'))).to.equal('You have 10 points to share between the proposals you support. Give each proposal up to 5 points.');
      for (let i = 0; i < 5; i++) await clickOn(form, stepper(form, 'Skate park', 'More'));
      expect(controlOf(form, 'Skate park').value).to.equal('5');
      expect(stepper(form, 'Skate park', 'More').getAttribute('aria-disabled'), 'at most 5 on one proposal').to.equal('true');
      await clickOn(form, stepper(form, 'Skate park', 'More'));
      expect(controlOf(form, 'Skate park').value).to.equal('5');
      expect(text(part(form, 'meter'))).to.equal('5 of 10 points left');

      const field = controlOf(form, 'Benches');
      field.value = '4';
      field.dispatchEvent(new Event('change'));
      await form.updateComplete;
      expect(text(part(form, 'meter'))).to.equal('1 of 10 points left');
      await clickOn(form, stepper(form, 'Benches', 'Fewer'));
      expect(text(part(form, 'meter'))).to.equal('2 of 10 points left');
      await expect(form).to.be.accessible();
    });

    it('stops at the total: no points left for another proposal, said beside it', async () => {
      const form = await voteForm(points());
      for (const title of ['Skate park', 'Lido repairs']) {
        const field = controlOf(form, title);
        field.value = '5';
        field.dispatchEvent(new Event('change'));
        await form.updateComplete;
      }
      expect(text(part(form, 'meter'))).to.equal('0 of 10 points left');
      expect(stepper(form, 'Benches', 'More').getAttribute('aria-disabled')).to.equal('true');
      expect(text(rowOf(form, 'Benches').querySelector('[part~="why"]'))).to.contain('You have no points left.');
    });

    it('refuses points typed beyond a proposal’s limit with the rules’ problem, beside the field', async () => {
      const form = await voteForm(points());
      const field = controlOf(form, 'Skate park');
      field.value = '7';
      field.dispatchEvent(new Event('change'));
      await form.updateComplete;
      await press(form, 'continue-button');
      expect([...part(form, 'error-summary')!.querySelectorAll('a')].map(text)).to.deep.equal(['Skate park: give from 1 to 5 points, not 7.']);
      expect(controlOf(form, 'Skate park').getAttribute('aria-invalid')).to.equal('true');
      expect(text(rowOf(form, 'Skate park').querySelector('.error-message'))).to.contain('give from 1 to 5 points, not 7');
      await expect(form).to.be.accessible();
    });

    it('writes a rule of one point in the singular, in English and in Welsh', async () => {
      const client = () => createMemoryClient(seedOf({ kind: 'cumulative', maxSumPoints: 3, maxPoints: 1, minSumPoints: 1 }, park));
      const form = await voteForm(client());
      expect(text(part(form, 'rules'))).to.equal('You have 3 points to share between the proposals you support. Give each proposal up to 1 point. Give at least 1 point in all.');
      await press(form, 'continue-button');
      expect([...part(form, 'error-summary')!.querySelectorAll('a')].map(text)).to.include('Give at least 1 point in all (you gave 0).');
      await expect(form).to.be.accessible();
      form.remove();

      const before = getLocale();
      const welsh = await voteForm(client(), { round: 'r1', locale: 'cy' });
      try {
        const rules = () => text(part(welsh, 'rules'));
        await waitUntil(() => rules().startsWith('Mae gennych'), `the rules say "${rules()}"`, { timeout: 5000 });
        // Three is plural ("o bwyntiau"), one singular ("pwynt"), not "1 o bwyntiau".
        expect(rules()).to.equal("Mae gennych 3 o bwyntiau i'w rhannu rhwng y cynigion rydych yn eu cefnogi. Rhowch hyd at 1 pwynt i bob cynnig. Rhowch o leiaf 1 pwynt i gyd.");
        await press(welsh, 'continue-button');
        expect([...part(welsh, 'error-summary')!.querySelectorAll('a')].map(text)).to.include('Rhowch o leiaf 1 pwynt i gyd (rydych wedi rhoi 0).');
        await expect(welsh).to.be.accessible();
      } finally {
        welsh.remove();
        await useLocale(before);
      }
    });
  });

  describe('a ranked ballot', () => {
    const ranked = () => createMemoryClient(seedOf({ kind: 'ordinal', minLength: 3, maxLength: 3 }, park));
    const ranking = (form: Parameters<typeof part>[0]) => [...part(form, 'ranking')!.querySelectorAll('.rank__title')].map(text);

    it('orders the choices with buttons and Alt+Arrow keys, announcing each move and keeping focus on the moved proposal', async () => {
      const form = await voteForm(ranked());
      for (const title of ['Skate park', 'Lido repairs', 'Street trees']) await clickOn(form, controlOf(form, title));
      expect(ranking(form)).to.deep.equal(['Skate park', 'Lido repairs', 'Street trees']);
      expect(controlOf(form, 'Benches').getAttribute('aria-disabled')).to.equal('true');
      expect(text(part(form, 'ranking'))).to.contain('Alt and the up or down arrow key');

      const down = part(form, 'ranking')!.querySelector('button[aria-label="Move Skate park down"]') as HTMLButtonElement;
      await clickOn(form, down);
      expect(ranking(form)).to.deep.equal(['Lido repairs', 'Skate park', 'Street trees']);
      await waitUntil(() => said(form) === 'Skate park moved to position 2 of 3', `said "${said(form)}"`, { timeout: 2000 });
      expect(focused(form)!.getAttribute('aria-label')).to.equal('Move Skate park down');

      await key(form, 'Alt+ArrowDown');
      expect(ranking(form)).to.deep.equal(['Lido repairs', 'Street trees', 'Skate park']);
      await waitUntil(() => said(form) === 'Skate park moved to position 3 of 3', `said "${said(form)}"`, { timeout: 2000 });
      expect(focused(form)!.getAttribute('aria-label')).to.equal('Move Skate park down');
      expect(focused(form)!.getAttribute('aria-disabled'), 'the last one cannot go further down, and keeps focus').to.equal('true');

      await key(form, 'Alt+ArrowUp');
      await key(form, 'Alt+ArrowUp');
      expect(ranking(form)).to.deep.equal(['Skate park', 'Lido repairs', 'Street trees']);
      await waitUntil(() => said(form) === 'Skate park moved to position 1 of 3', `said "${said(form)}"`, { timeout: 2000 });
      await expect(form).to.be.accessible();
    });

    it('also moves a choice by drag and drop', async () => {
      const form = await voteForm(ranked());
      for (const title of ['Skate park', 'Lido repairs', 'Street trees']) await clickOn(form, controlOf(form, title));
      const items = [...part(form, 'ranking')!.querySelectorAll('li')];
      const transfer = new DataTransfer();
      items[0]!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true }));
      items[2]!.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      items[2]!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      await form.updateComplete;
      expect(ranking(form)).to.deep.equal(['Lido repairs', 'Street trees', 'Skate park']);
    });
  });

  describe('a choose-one ballot', () => {
    it('is a radio group: choosing another replaces the choice, and arrow keys move it', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'choose-1' }, park)));
      expect(text(part(form, 'rules'))).to.equal('Choose one proposal.');
      await clickOn(form, controlOf(form, 'Skate park'));
      await clickOn(form, controlOf(form, 'Street trees'));
      expect(controlOf(form, 'Skate park').checked).to.equal(false);
      expect(controlOf(form, 'Street trees').checked).to.equal(true);
      expect(parts(form, 'why'), 'radios replace the choice; nothing is blocked').to.have.length(0);
      controlOf(form, 'Street trees').focus();
      await key(form, 'ArrowDown');
      expect(controlOf(form, 'Benches').checked).to.equal(true);
      expect(form.shadowRoot!.querySelector('fieldset legend')).to.exist;
      await expect(form).to.be.accessible();
    });
  });

  describe('a yes/no ballot', () => {
    it('asks yes, no or abstain for each proposal, and says which are unanswered', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'yes-no', allowAbstain: true }, park.slice(0, 3))));
      expect(text(part(form, 'rules'))).to.equal('Answer yes, no or abstain for each proposal.');
      const answer = (title: string, label: string) =>
        [...rowOf(form, title).querySelectorAll('label')].find((candidate) => text(candidate) === label)!;
      await clickOn(form, answer('Skate park', 'Yes'));
      await clickOn(form, answer('Lido repairs', 'Abstain'));
      expect(text(part(form, 'meter'))).to.equal('2 of 3 answered');
      await press(form, 'continue-button');
      expect([...part(form, 'error-summary')!.querySelectorAll('a')].map(text)).to.deep.equal(['Street trees: answer yes or no.']);
      expect(rowOf(form, 'Street trees').querySelector('fieldset')!.getAttribute('aria-describedby')).to.match(/-error$/);
      await clickOn(form, part(form, 'error-summary')!.querySelector('a')!);
      expect(focused(form)!.closest('[part~="proposal"]')).to.equal(rowOf(form, 'Street trees'));
      await expect(form).to.be.accessible();
    });

    it('asks a single question when the round has one proposal, without abstain when not allowed', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'yes-no', allowAbstain: false }, park.slice(0, 1))));
      expect(text(part(form, 'rules'))).to.equal('Answer yes or no.');
      expect([...rowOf(form, 'Skate park').querySelectorAll('label')].map(text)).to.deep.equal(['Yes', 'No']);
      expect(part(form, 'meter')).to.equal(null);
    });
  });

  describe('many proposals', () => {
    it('loads every page of a round with more proposals than one page holds', async () => {
      const rows: Row[] = Array.from({ length: 230 }, (_, i) => [`p${i}`, `Proposal ${String(i).padStart(3, '0')}`, 100 + i, ['Ashcombe', 'Elmhurst'][i % 2]]);
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval' }, rows)));
      expect(parts(form, 'proposal')).to.have.length(230);
    });

    it('filters by area, keeping choices made in other areas', async () => {
      const rows: Row[] = Array.from({ length: 12 }, (_, i) => [`p${i}`, `Proposal ${i}`, 100, ['Ashcombe', 'Elmhurst', 'Brindle Park'][i % 3]]);
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval', maxLength: 5 }, rows)));
      await clickOn(form, controlOf(form, 'Proposal 1'));
      const select = part(form, 'filter')!.querySelector('select')!;
      expect([...select.options].map((option) => option.text)).to.deep.equal(['All areas', 'Ashcombe', 'Elmhurst', 'Brindle Park']);
      select.value = 'Ashcombe';
      select.dispatchEvent(new Event('change'));
      await form.updateComplete;
      expect(parts(form, 'proposal').map((row) => text(row.querySelector('.title')))).to.deep.equal(['Proposal 0', 'Proposal 3', 'Proposal 6', 'Proposal 9']);
      expect(text(part(form, 'meter')), 'Proposal 1 (Elmhurst) is still chosen').to.equal('1 of 5 chosen');
      await expect(form).to.be.accessible();
    });

    it('opens a proposal’s full card in its disclosure, made only when opened', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval' }, park)));
      expect(form.shadowRoot!.querySelectorAll('civic-proposal-card')).to.have.length(0);
      const details = rowOf(form, 'Skate park').querySelector('details')!;
      expect(text(details.querySelector('summary'))).to.equal('More about this proposal: Skate park');
      await clickOn(form, details.querySelector('summary')!);
      await waitUntil(() => customElements.get('civic-proposal-card') && form.shadowRoot!.querySelector('civic-proposal-card')?.shadowRoot?.querySelector('[part~="base"]'), 'the card never showed');
      const card = form.shadowRoot!.querySelector('civic-proposal-card')!;
      expect(form.shadowRoot!.querySelectorAll('civic-proposal-card')).to.have.length(1);
      expect(text(card.shadowRoot!.querySelector('[part~="summary"]'))).to.equal('Skate park: what it is and why.');
      expect(text(card.shadowRoot!.querySelector('[part~="cost"]'))).to.equal('£23,400');
      await expect(form).to.be.accessible();
    });
  });

  describe('with a keyboard alone', () => {
    /** From the page, Tab to the continue button and press it; then Tab to the submit button and press it. */
    async function submitByKeyboard(form: Parameters<typeof part>[0]) {
      await tabTo(form, (element) => element.matches('[part~="continue-button"]'));
      await key(form, 'Enter');
      await shows(form, 'review');
      await tabTo(form, (element) => element.matches('[part~="submit-button"]'));
      await key(form, 'Enter');
      return shows(form, 'receipt');
    }
    const tabToControl = (form: Parameters<typeof part>[0], title: string) => tabTo(form, (element) => element === controlOf(form, title));

    it('never hides the focused control behind the running totals stuck to the bottom of the screen', async () => {
      await setViewport({ width: 400, height: 480 });
      try {
        const rows: Row[] = Array.from({ length: 16 }, (_, i) => [`p${i}`, `Project ${String(i).padStart(2, '0')}`, 1_000]);
        const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval', maxSumCost: 5_000_000 }, rows)));
        window.scrollTo(0, 0);
        await tabTo(form, (element) => element === controlOf(form, 'Project 00'));
        for (let i = 0; i < 24; i++) {
          await key(form, 'Tab');
          const control = focused(form)!.getBoundingClientRect();
          const meter = part(form, 'meter')!.getBoundingClientRect();
          const hidden = control.top >= meter.top && control.bottom <= meter.bottom;
          expect(hidden, `${focused(form)!.outerHTML.slice(0, 80)} is behind the totals`).to.equal(false);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('completes a knapsack ballot', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'approval', maxSumCost: 5_000_000 }, park)));
      await tabToControl(form, 'Skate park');
      await key(form, 'Space');
      await tabToControl(form, 'Lido repairs');
      await key(form, 'Space');
      expect(controlOf(form, 'Lido repairs').checked, 'Space on a box that does not fit does nothing').to.equal(false);
      await tabToControl(form, 'Street trees');
      await key(form, 'Space');
      expect(text(await submitByKeyboard(form))).to.contain('Skate park');
    });

    it('completes a cumulative ballot', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'cumulative', maxSumPoints: 10 }, park)));
      await tabToControl(form, 'Street trees');
      await sendKeys({ type: '6' });
      await key(form, 'Tab');
      await tabTo(form, (element) => element.getAttribute('aria-label') === 'More points for Benches');
      await key(form, 'Enter');
      await key(form, 'Enter');
      expect(text(part(form, 'meter'))).to.equal('2 of 10 points left');
      const receipt = await submitByKeyboard(form);
      expect(text(receipt)).to.contain('Street trees 6 points');
      expect(text(receipt)).to.contain('Benches 2 points');
    });

    it('completes a ranked ballot', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'ordinal', maxLength: 2 }, park)));
      await tabToControl(form, 'Street trees');
      await key(form, 'Space');
      await tabToControl(form, 'Benches');
      await key(form, 'Space');
      await tabTo(form, (element) => element.getAttribute('aria-label') === 'Move Benches up');
      await key(form, 'Enter');
      const receipt = await submitByKeyboard(form);
      expect(text(receipt)).to.contain('Benches Choice 1 Street trees Choice 2');
    });

    it('completes a choose-one ballot', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'choose-1' }, park)));
      // Into a radio group with nothing chosen, Tab lands on the first radio; arrows choose.
      await tabToControl(form, 'Benches');
      await key(form, 'ArrowDown');
      expect(controlOf(form, 'Lido repairs').checked).to.equal(true);
      expect(text(await submitByKeyboard(form))).to.contain('Lido repairs £48,000');
    });

    it('completes a yes/no ballot', async () => {
      const form = await voteForm(createMemoryClient(seedOf({ kind: 'yes-no', allowAbstain: true }, park.slice(0, 2))));
      await tabToControl(form, 'Skate park');
      await key(form, 'Space');
      await tabTo(form, (element) => element.closest('[part~="proposal"]') === rowOf(form, 'Lido repairs'));
      await key(form, 'ArrowRight');
      const receipt = await submitByKeyboard(form);
      expect(text(receipt)).to.contain('Skate park Yes');
      expect(text(receipt)).to.contain('Lido repairs No');
    });
  });
});
