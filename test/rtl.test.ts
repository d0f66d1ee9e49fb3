import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { CivicBudgetSlider } from '../src/elements/budget-slider/budget-slider.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { useLocale } from '../src/i18n/localize.js';
import { clickOn, controlOf, focused, key, part, seedOf, text, voteForm, type Row } from './support/vote-form.js';

// Right to left because the element shows Arabic or Urdu, not because the page says dir="rtl": an
// element whose language differs from the page's marks its own lang and dir (src/core/civic-element.ts),
// and its layout, keys and charts follow. The elements' own right-to-left tests cover a dir="rtl" page.

const rect = (element: Element) => element.getBoundingClientRect();

describe('an element in a right-to-left language on an English page', () => {
  after(() => useLocale('en-GB'));

  it('a slider in Arabic runs right to left by itself: the left arrow key raises the value, the ends flip', async () => {
    const slider = await fixture<CivicBudgetSlider>(html`<civic-budget-slider locale="ar" label="Youth clubs" min="0" max="400000000" step="10000000" baseline="40000000" style="inline-size: 600px"></civic-budget-slider>`);
    await waitUntil(() => slider.getAttribute('dir') === 'rtl', 'never marked dir="rtl"');
    await slider.updateComplete;
    const range = slider.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!;
    const marker = rect(slider.shadowRoot!.querySelector('[part~="baseline-marker"]')!);
    expect(marker.left, 'the value now, a tenth of the way from the right').to.be.above(rect(range).left + rect(range).width * 0.8);
    range.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(slider.value, 'left is up in right to left').to.equal(50_000_000);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(slider.value).to.equal(30_000_000);
  });

  it('a ranked ballot in Urdu: the position on the right, the moves on the left, Alt+Arrow keys move a choice up and down', async () => {
    const park: Row[] = [['skate', 'Skate park', 30_000], ['lido', 'Lido repairs', 20_000], ['trees', 'Street trees', 10_000], ['benches', 'Benches', 5_000]];
    const form = await voteForm(createMemoryClient(seedOf({ kind: 'ordinal', minLength: 3, maxLength: 3 }, park)), { round: 'r1', locale: 'ur' });
    await waitUntil(() => form.getAttribute('dir') === 'rtl', 'never marked dir="rtl"');
    for (const title of ['Skate park', 'Lido repairs', 'Street trees']) await clickOn(form, controlOf(form, title));
    const ranking = () => [...part(form, 'ranking')!.querySelectorAll('.rank__title')].map(text);
    expect(ranking()).to.deep.equal(['Skate park', 'Lido repairs', 'Street trees']);
    const first = part(form, 'ranking')!.querySelector('li')!;
    const [position, title, moves] = ['.rank__position', '.rank__title', '.moves'].map((selector) => rect(first.querySelector(selector)!));
    expect(position!.left, 'the position starts the row, on the right').to.be.above(title!.right);
    expect(moves!.right, 'the moves end the row, on the left').to.be.below(title!.left);
    // Up and down are up and down in either direction.
    first.querySelector<HTMLButtonElement>('.move--down')!.focus();
    await key(form, 'Alt+ArrowDown');
    expect(ranking()).to.deep.equal(['Lido repairs', 'Skate park', 'Street trees']);
    expect(focused(form)!.classList.contains('move--down'), 'focus stays on the moved choice').to.equal(true);
    await key(form, 'Alt+ArrowUp');
    expect(ranking()).to.deep.equal(['Skate park', 'Lido repairs', 'Street trees']);
  });

  it('the proposal list in Arabic: the previous page on the right, the next on the left', async () => {
    const list = await fixture(html`<civic-proposal-list locale="ar" .client=${createMemoryClient(defaultSeed())} round="fernwick-2026" page-size="2" page="2"></civic-proposal-list>`);
    await waitUntil(() => list.shadowRoot!.querySelector('.pagination__next') && list.getAttribute('dir') === 'rtl', 'no pages', { timeout: 5000 });
    const previous = rect(list.shadowRoot!.querySelector('.pagination__previous')!);
    const next = rect(list.shadowRoot!.querySelector('.pagination__next')!);
    expect(previous.left).to.be.above(next.right);
  });

  it('the budget simulator in Urdu: its balance edge on the right, "Hide" on the left of each group', async () => {
    const simulator = await fixture(html`<civic-budget-simulator locale="ur" .client=${createMemoryClient(defaultSeed())} simulation="fernwick-council-budget-2026"></civic-budget-simulator>`);
    await waitUntil(() => simulator.shadowRoot!.querySelector('[part~="balance"]') && simulator.getAttribute('dir') === 'rtl', 'never showed', { timeout: 5000 });
    const balance = simulator.shadowRoot!.querySelector('[part~="balance"]')!;
    expect(parseFloat(getComputedStyle(balance).borderRightWidth)).to.be.above(2);
    const toggle = rect(simulator.shadowRoot!.querySelector('.group__toggle')!);
    const label = rect(simulator.shadowRoot!.querySelector('.group__label')!);
    expect(toggle.left).to.be.below(label.left);
  });

  it('the results in Arabic: bars grow from the right', async () => {
    const results = await fixture(html`<civic-results locale="ar" .client=${createMemoryClient(defaultSeed())} round="fernwick-2025"></civic-results>`);
    await waitUntil(() => results.shadowRoot!.querySelector('[part~="chart"] svg') && results.getAttribute('dir') === 'rtl', 'no chart', { timeout: 5000 });
    const row = results.shadowRoot!.querySelector('[part~="chart"] .chart__row')!;
    expect(rect(row.querySelector('svg')!).right).to.be.closeTo(rect(row.querySelector('.chart__track')!).right, 1);
  });
});
