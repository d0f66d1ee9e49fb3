import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/budget-slider/budget-slider.js';
import type { CivicBudgetSlider } from '../src/elements/budget-slider/budget-slider.js';
import { runConformance } from './support/conformance.js';

// Libraries: £2.5m to £5.5m in £100,000 steps, £4.2m now. Money is in pence.
const LIBRARIES = { label: 'Libraries', min: '250000000', max: '550000000', step: '10000000', baseline: '420000000' };

function part(slider: CivicBudgetSlider, name: string): HTMLElement | null {
  return slider.shadowRoot!.querySelector(`[part~="${name}"]`);
}

const range = (slider: CivicBudgetSlider) => part(slider, 'range') as HTMLInputElement;
const box = (slider: CivicBudgetSlider) => part(slider, 'input') as HTMLInputElement;

async function libraries(extra = {}): Promise<CivicBudgetSlider> {
  const slider = document.createElement('civic-budget-slider');
  for (const [name, value] of Object.entries({ ...LIBRARIES, ...extra })) slider.setAttribute(name, String(value));
  const wrapper = await fixture<HTMLElement>(html`<div>${slider}</div>`);
  const element = wrapper.firstElementChild as CivicBudgetSlider;
  await element.updateComplete;
  return element;
}

/** Focuses the slider's range and presses keys, one at a time, as a keyboard user does. */
async function press(slider: CivicBudgetSlider, ...keys: string[]) {
  range(slider).focus();
  for (const key of keys) {
    await sendKeys({ press: key });
    await slider.updateComplete;
  }
}

/** Types into the exact amount box and presses Enter. */
async function typeExact(slider: CivicBudgetSlider, text: string) {
  box(slider).focus();
  box(slider).select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await slider.updateComplete;
}

describe('civic-budget-slider', () => {
  runConformance({ tag: 'civic-budget-slider', attributes: LIBRARIES, done: '[part~="range"]', loads: false });

  it('says its value as people say it, and the change from now', async () => {
    const slider = await libraries();
    expect(range(slider).getAttribute('aria-valuetext')).to.equal('£4.2 million, as now');
    expect(part(slider, 'value')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('£4.2 million as now');
    slider.value = 380_000_000;
    await slider.updateComplete;
    expect(range(slider).getAttribute('aria-valuetext')).to.equal('£3.8 million, £400,000 less than now');
    expect(part(slider, 'change')!.textContent).to.equal('£400,000 less than now');
    await expect(slider).to.be.accessible();
  });

  it('moves one step with the arrow keys, ten with Page Up and Page Down, and to the ends with Home and End', async () => {
    const slider = await libraries();
    const heard: number[] = [];
    slider.addEventListener('input', () => heard.push(slider.value!));
    await press(slider, 'ArrowRight');
    expect(slider.value).to.equal(430_000_000);
    await press(slider, 'ArrowUp', 'ArrowDown', 'ArrowLeft');
    expect(slider.value).to.equal(420_000_000);
    await press(slider, 'PageUp');
    expect(slider.value, 'ten steps of £100,000').to.equal(520_000_000);
    await press(slider, 'PageDown', 'PageDown');
    expect(slider.value).to.equal(320_000_000);
    await press(slider, 'Home');
    expect(slider.value).to.equal(250_000_000);
    expect(range(slider).getAttribute('aria-valuetext')).to.equal('£2.5 million, £1.7 million less than now, the least it can be');
    await press(slider, 'End');
    expect(slider.value).to.equal(550_000_000);
    expect(heard).to.deep.equal([430_000_000, 440_000_000, 430_000_000, 420_000_000, 520_000_000, 420_000_000, 320_000_000, 250_000_000, 550_000_000]);
  });

  it('reaches a cap between two steps, says it is the most, and why', async () => {
    const slider = await libraries({
      label: 'Council tax rise', unit: 'percent', min: '0', max: '4.99', step: '0.1', baseline: '2', 'amount-per-percent': '154000000',
      'max-reason': 'Above 4.99% the council would have to hold a local referendum.',
    });
    expect(part(slider, 'limit')).to.equal(null);
    await press(slider, 'End');
    expect(slider.value).to.equal(4.99);
    expect(range(slider).getAttribute('aria-valuetext')).to.equal('4.99% (£7.68 million), 2.99% more than now, the most it can be');
    expect(part(slider, 'limit')!.textContent).to.equal('Above 4.99% the council would have to hold a local referendum.');
    expect(range(slider).getAttribute('aria-describedby')).to.include('limit');
    await expect(slider).to.be.accessible();
    await press(slider, 'ArrowLeft');
    expect(slider.value).to.equal(4.9);
    expect(part(slider, 'limit')).to.equal(null);
  });

  it('takes an exact amount typed in the box, in pounds', async () => {
    const slider = await libraries();
    const changed = oneEvent(slider, 'change');
    await typeExact(slider, '4,600,000');
    await changed;
    expect(slider.value).to.equal(460_000_000);
    expect(range(slider).value).to.equal('460000000');
    expect(box(slider).value).to.equal('4,600,000');
  });

  it('explains an exact amount it cannot use, GOV.UK style, and keeps what was typed', async () => {
    const slider = await libraries({ 'max-reason': 'That is every library open seven days.' });
    await typeExact(slider, '6000000');
    expect(part(slider, 'error-message')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Error: The amount for Libraries must be £5.5 million or less. That is every library open seven days.',
    );
    expect(box(slider).value).to.equal('6000000');
    expect(box(slider).getAttribute('aria-invalid')).to.equal('true');
    expect(slider.validity!.rangeOverflow).to.equal(true);
    expect(slider.value, 'the value stays what it was').to.equal(420_000_000);
    await expect(slider).to.be.accessible();
    await typeExact(slider, 'lots');
    expect(slider.validity!.badInput).to.equal(true);
    expect(part(slider, 'error-message')!.textContent).to.include('The amount for Libraries must be a number, like 4,200,000');
    await typeExact(slider, '4,250,000');
    expect(slider.validity!.stepMismatch).to.equal(true);
    expect(part(slider, 'error-message')!.textContent).to.include('Libraries changes in steps of £100,000: enter £4.2 million or £4.3 million');
    // Moving the slider instead is a fine answer too.
    await press(slider, 'ArrowRight');
    expect(part(slider, 'error-message')).to.equal(null);
    expect(slider.validity!.valid).to.equal(true);
  });

  it('marks the value now on the track, and shows the change from it as a bar', async () => {
    const slider = await libraries();
    const rail = range(slider).getBoundingClientRect();
    const marker = part(slider, 'baseline-marker')!.getBoundingClientRect();
    // £4.2m is 17/30 of the way from £2.5m to £5.5m, counted between the thumb's centres at either end.
    const thumb = rail.height * 0.6;
    const expected = rail.left + thumb / 2 + (rail.width - thumb) * (17 / 30);
    expect(Math.abs(marker.left - expected)).to.be.below(2);
    const bar = () => slider.shadowRoot!.querySelector('.change-bar')!.getBoundingClientRect();
    expect(bar().width).to.equal(0);
    await press(slider, 'PageUp');
    expect(bar().width).to.be.closeTo((rail.width - thumb) * (10 / 30), 2);
    expect(bar().left).to.be.closeTo(marker.left, 2);
  });

  it('runs right to left on a right-to-left page: the ends, the arrow keys and the mark of the value now flip', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl" style="inline-size: 600px">
      <civic-budget-slider label="Youth clubs" min="0" max="400000000" step="10000000" baseline="40000000"></civic-budget-slider>
    </div>`);
    const slider = wrapper.querySelector('civic-budget-slider')!;
    await slider.updateComplete;
    const rail = range(slider).getBoundingClientRect();
    const marker = part(slider, 'baseline-marker')!.getBoundingClientRect();
    expect(marker.left, 'a tenth of the way from the right').to.be.above(rail.left + rail.width * 0.8);
    await press(slider, 'ArrowLeft');
    expect(slider.value, 'left is up in right to left').to.equal(50_000_000);
    const bar = slider.shadowRoot!.querySelector('.change-bar')!.getBoundingClientRect();
    expect(bar.right).to.be.closeTo(marker.left, 2);
    await expect(wrapper).to.be.accessible();
  });

  it('shows a locked line’s value and that it is fixed, with nothing to move', async () => {
    const slider = await libraries({ locked: '', label: 'Borrowing costs', min: '1100000000', max: '1100000000', baseline: '1100000000', impact: 'Fixed by loans already taken out' });
    expect(range(slider)).to.equal(null);
    expect(part(slider, 'locked-tag')!.textContent).to.equal('Fixed');
    expect(part(slider, 'value')!.textContent!.trim()).to.equal('£11 million');
    expect(part(slider, 'impact')!.textContent).to.equal('Fixed by loans already taken out');
    await expect(slider).to.be.accessible();
  });

  it('writes points and percentages with their change', async () => {
    const points = await libraries({ label: 'Parks', unit: 'points', min: '0', max: '50', step: '1', baseline: '0', value: '1' });
    expect(range(points).getAttribute('aria-valuetext')).to.equal('1 point, 1 point more than now');
    points.value = 20;
    await points.updateComplete;
    expect(range(points).getAttribute('aria-valuetext')).to.equal('20 points, 20 points more than now');
    expect(points.shadowRoot!.textContent).to.include('points');
  });

  describe('in a host page’s form', () => {
    async function inForm(content = html`<civic-budget-slider name="libraries" label="Libraries" min="250000000" max="550000000" step="10000000" baseline="420000000"></civic-budget-slider>`) {
      const form = await fixture<HTMLFormElement>(html`<form>${content}<button>Send</button></form>`);
      const slider = form.querySelector('civic-budget-slider')!;
      await slider.updateComplete;
      return { form, slider };
    }

    it('is sent with the form under its name, as the value now', async () => {
      const { form, slider } = await inForm();
      expect(slider.form).to.equal(form);
      expect(new FormData(form).get('libraries')).to.equal('420000000');
      await press(slider, 'PageDown');
      const sent = new Promise<FormData>((resolve) =>
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          resolve(new FormData(form));
        }),
      );
      form.requestSubmit();
      expect((await sent).get('libraries')).to.equal('320000000');
    });

    it('goes back to its starting value when the form is reset', async () => {
      const { form, slider } = await inForm(html`<civic-budget-slider name="libraries" label="Libraries" min="250000000" max="550000000" step="10000000" baseline="420000000" value="450000000"></civic-budget-slider>`);
      await press(slider, 'End');
      await typeExact(slider, 'nonsense');
      form.reset();
      await slider.updateComplete;
      expect(slider.value).to.equal(450_000_000);
      expect(range(slider).value).to.equal('450000000');
      expect(box(slider).value).to.equal('4,500,000');
      expect(slider.validity!.valid).to.equal(true);
      expect(new FormData(form).get('libraries')).to.equal('450000000');
    });

    it('stops the submit while it is required and empty, or holds an amount it cannot use', async () => {
      const { form, slider } = await inForm(html`<civic-budget-slider name="parks" label="Parks" unit="points" min="0" max="100" required></civic-budget-slider>`);
      let submitted = 0;
      form.addEventListener('submit', (event) => (event.preventDefault(), submitted++));
      expect(slider.value).to.equal(null);
      expect(slider.validity!.valueMissing).to.equal(true);
      expect(slider.validationMessage).to.equal('Enter an amount for Parks');
      const invalid = oneEvent(slider, 'invalid');
      form.requestSubmit();
      await invalid;
      expect(submitted).to.equal(0);
      expect(new FormData(form).has('parks')).to.equal(false);
      await typeExact(slider, '250');
      expect(slider.validity!.rangeOverflow).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      await typeExact(slider, '25');
      expect(form.checkValidity()).to.equal(true);
      form.requestSubmit();
      expect(submitted).to.equal(1);
    });

    it('is disabled by a disabled fieldset, and left out of the form', async () => {
      const { form, slider } = await inForm(html`<fieldset disabled><civic-budget-slider name="libraries" label="Libraries" min="0" max="10" baseline="5"></civic-budget-slider></fieldset>`);
      await slider.updateComplete;
      expect(range(slider).disabled).to.equal(true);
      expect(box(slider).disabled).to.equal(true);
      expect(slider.matches(':disabled')).to.equal(true);
      expect(new FormData(form).has('libraries')).to.equal(false);
      await expect(form).to.be.accessible();
      form.querySelector('fieldset')!.disabled = false;
      await slider.updateComplete;
      expect(range(slider).disabled).to.equal(false);
      expect(new FormData(form).get('libraries')).to.equal('5');
    });

    it('takes back its value when the resident goes to another page and comes back', async () => {
      const frame = document.createElement('iframe');
      const loaded = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const sliderIn = () => frame.contentDocument!.querySelector('civic-budget-slider') as CivicBudgetSlider;
      frame.src = '/test/support/slider-form-page.html';
      let load = loaded();
      document.body.append(frame);
      try {
        await load;
        await waitUntil(() => sliderIn()?.shadowRoot?.querySelector('input'), 'the page never showed its slider', { timeout: 5000 });
        sliderIn().value = 500_000_000;
        await sliderIn().updateComplete;
        const entries = history.length;
        // A real key press on a link: a navigation with user activation gets its own history entry.
        load = loaded();
        frame.contentDocument!.querySelector('a')!.focus();
        await sendKeys({ press: 'Enter' });
        await load;
        expect(history.length, 'the other page has its own history entry').to.be.above(entries);
        load = loaded();
        frame.contentWindow!.history.back();
        await load;
        await waitUntil(() => sliderIn()?.value === 500_000_000, `the slider came back at ${sliderIn()?.value}`, { timeout: 5000 });
        await sliderIn().updateComplete;
        expect((sliderIn().shadowRoot!.querySelector('[part~="range"]') as HTMLInputElement).value).to.equal('500000000');
      } finally {
        frame.remove();
      }
    });
  });
});
