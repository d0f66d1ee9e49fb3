import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CivicError, type CivicClient } from '../src/client/client.js';
import { clearAllDrafts } from '../src/core/draft-controller.js';
import { createMemoryClient } from '../src/memory/index.js';
import '../src/elements/budget-simulator/budget-simulator.js';
import { failingClient, silentClient } from './support/clients.js';
import { shown } from './support/shadow.js';

/**
 * The council's budget consultation. The demo backend's `fernwick-council-budget-2026` is a whole
 * council budget, 32 lines in 7 groups with a £6.5m gap, council tax up to the referendum limit and
 * each band's bill: copy its shape (src/memory/seed/simulation-council.ts, or `GET
 * /simulations/fernwick-council-budget-2026` from the reference server) for your own.
 *
 * On your page: `<civic-budget-simulator api="https://council.example/api" simulation="budget-2026"></civic-budget-simulator>`
 * after the script tag, or inside a `<civic-provider>`.
 */
const meta: Meta = {
  title: 'Elements/Budget simulator',
  component: 'civic-budget-simulator',
  tags: ['autodocs'],
  // Each story starts from a clean device: no draft left by another story.
  beforeEach: () => clearAllDrafts(),
  render: (args) => html`<civic-budget-simulator simulation=${args.simulation}></civic-budget-simulator>`,
  args: { simulation: 'fernwick-council-budget-2026' },
};
export default meta;

type Story = StoryObj;

const simulator = (canvas: HTMLElement) => canvas.querySelector('civic-budget-simulator')!;

async function click(canvas: HTMLElement, part: string) {
  (await shown<HTMLButtonElement>(simulator(canvas), `[part~="${part}"]`)).click();
}

/** A memory backend that refuses or loses every budget sent to it, to show those states. */
function submitting(submitSimulation: CivicClient['submitSimulation']): CivicClient {
  return { ...createMemoryClient(), submitSimulation };
}

// The small budget first: the first story of a file also pays for loading the whole stack, and a
// 32-line budget's axe check on top of that can pass vitest's 15 s on a busy machine.

/** No-deficit mode: spending no more than income; money left over is fine. Nine lines, no groups, as simulations were before modes. */
export const NoDeficit: Story = { args: { simulation: 'fernwick-budget-2026' } };

/** Balance mode: the council's budget starts £6.5m short and must balance to within £250,000. */
export const CouncilBudget: Story = {};

/** Points mode: 100 points over six priorities, exactly. */
export const Points: Story = { args: { simulation: 'fernwick-priorities-2026' } };

/** Continue with the gap still open: the error summary says by how much and links to the lines. */
export const ErrorSummary: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'continue-button');
    await shown(simulator(canvasElement), '[part~="error-summary"]');
  },
};

/** A balanced budget at the review, before it is sent. */
export const Review: Story = {
  args: { simulation: 'fernwick-budget-2026' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'continue-button');
    await shown(simulator(canvasElement), '[part~="review"]');
  },
};

/** Sent: the receipt with its reference. */
export const Receipt: Story = {
  args: { simulation: 'fernwick-budget-2026' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'continue-button');
    await click(canvasElement, 'send-button');
    await shown(simulator(canvasElement), '[part~="reference"]');
  },
};

/** Sent with no connection: kept on the device, to be sent when the connection is back. */
export const SavedOffline: Story = {
  args: { simulation: 'fernwick-budget-2026' },
  parameters: { client: submitting(() => Promise.reject(new CivicError('network', 'Story: offline'))) },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'continue-button');
    await click(canvasElement, 'send-button');
    await shown(simulator(canvasElement), '[part~="receipt"]');
  },
};

/** The backend refused a line: its reason in the error summary, with a link to the line. */
export const Refused: Story = {
  args: { simulation: 'fernwick-budget-2026' },
  parameters: {
    client: submitting(() =>
      Promise.reject(new CivicError('validation', 'Story: refused', { status: 422, fieldErrors: [{ field: 'values.libraries', code: 'out-of-range', detail: 'Libraries cannot fall below £3 million this year.' }] })),
    ),
  },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'continue-button');
    await click(canvasElement, 'send-button');
    await shown(simulator(canvasElement), '[part~="error-summary"]');
  },
};

/** A partner's theme: only `--civic-*` custom properties. */
export const PartnerTheme: Story = { globals: { theme: 'partner' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** Right to left, as the page's `dir` sets it. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const NotFound: Story = { args: { simulation: 'no-such-simulation' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };

export const MissingSimulationId: Story = {
  render: () => html`<civic-budget-simulator></civic-budget-simulator>`,
};
