import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/budget-slider/budget-slider.js';
import type { CivicBudgetSlider } from '../src/elements/budget-slider/budget-slider.js';
import { shown } from './support/shadow.js';

/**
 * One budget line. The simulator is made of these; a page can also use one alone, in its own
 * `<form>`: it submits `name=value` like a native input (money in pence).
 */
const meta: Meta = {
  title: 'Elements/Budget slider',
  component: 'civic-budget-slider',
  tags: ['autodocs'],
  parameters: { provider: false },
  render: (args) => html`<civic-budget-slider
    name=${ifDefined(args.name)}
    label=${args.label}
    hint=${ifDefined(args.hint)}
    impact=${ifDefined(args.impact)}
    unit=${args.unit}
    min=${args.min}
    max=${args.max}
    step=${args.step}
    baseline=${args.baseline}
    value=${ifDefined(args.value)}
    amount-per-percent=${ifDefined(args['amount-per-percent'])}
    max-reason=${ifDefined(args['max-reason'])}
    min-reason=${ifDefined(args['min-reason'])}
    ?locked=${args.locked}
    ?disabled=${args.disabled}
  ></civic-budget-slider>`,
  args: {
    label: 'Libraries',
    hint: 'Seven libraries, the home library service and free computers.',
    impact: 'Shorter opening hours at every library',
    unit: 'currency',
    min: 250_000_000,
    max: 550_000_000,
    step: 10_000_000,
    baseline: 420_000_000,
    value: 380_000_000,
    locked: false,
    disabled: false,
  },
};
export default meta;

type Story = StoryObj;

/** Money, with the value now marked and the change from it. */
export const Money: Story = {};

/** Council tax at the referendum limit, with the reason: 4.99% in 0.01% steps, each 1% worth £1.54 million. */
export const CouncilTaxAtTheCap: Story = {
  args: {
    label: 'Council tax rise',
    hint: 'Each 1% raises about £1.54 million.',
    impact: 'The highest rise allowed without a referendum',
    unit: 'percent',
    min: 0,
    max: 4.99,
    step: 0.01,
    baseline: 0,
    value: 4.99,
    'amount-per-percent': 154_000_000,
    'max-reason': 'Above 4.99% (2.99% plus 2% for adult social care) the council would have to hold a local referendum.',
  },
};

/** A legal minimum, and why. */
export const AtALegalMinimum: Story = {
  args: { label: 'School transport for children with special needs', hint: undefined, impact: 'Travel training and personal budgets replace some taxis', min: 800_000_000, max: 1_100_000_000, step: 10_000_000, baseline: 920_000_000, value: 800_000_000, 'min-reason': 'The council has a legal duty to provide this, and cannot spend less.' },
};

/** Points, as a priorities exercise gives them. */
export const Points: Story = {
  args: { label: 'Parks and climate', hint: 'Parks, trees, recycling and cutting the council’s carbon.', impact: 'A priority', unit: 'points', min: 0, max: 50, step: 1, baseline: 0, value: 20 },
};

/** A line residents cannot change. */
export const Locked: Story = {
  args: { label: 'Borrowing costs', hint: undefined, impact: 'Fixed by loans already taken out for schools and housing', min: 1_100_000_000, max: 1_100_000_000, baseline: 1_100_000_000, value: undefined, locked: true },
};

export const Disabled: Story = { args: { disabled: true } };

/** An exact amount it cannot use: the GOV.UK error message, and what was typed kept. */
export const ExactAmountRefused: Story = {
  play: async ({ canvasElement }) => {
    const slider = canvasElement.querySelector<CivicBudgetSlider>('civic-budget-slider')!;
    const box = await shown<HTMLInputElement>(slider, '[part~="input"]');
    box.value = '6,000,000';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.dispatchEvent(new Event('change'));
    await shown(slider, '[part~="error-message"]');
  },
};

/** In a host page's own form: the value goes with the form, as a native input's does. */
export const InAForm: Story = {
  render: () => html`<form
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
    }}
  >
    <civic-budget-slider name="libraries" label="Libraries" min="250000000" max="550000000" step="10000000" baseline="420000000"></civic-budget-slider>
    <civic-budget-slider name="parks" label="Parks and open spaces" min="500000000" max="950000000" step="10000000" baseline="720000000"></civic-budget-slider>
    <p><button>Send</button> <button type="reset">Reset</button></p>
    <p>Sent: <output></output></p>
  </form>`,
};

export const PartnerTheme: Story = { globals: { theme: 'partner' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** Right to left: the slider runs from right to left, and the mark of the value now with it. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };
