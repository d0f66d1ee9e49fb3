import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defaultSeed } from '../src/memory/index.js';
import '../src/elements/provider/provider.js';
import '../src/elements/proposal-card/proposal-card.js';

const [first, second] = defaultSeed().rounds[0]!.proposals;

const meta: Meta = {
  title: 'Elements/Provider',
  component: 'civic-provider',
  tags: ['autodocs'],
  parameters: { provider: false },
  args: { api: 'memory:', locale: 'en-GB' },
  render: (args) => html`<civic-provider api=${args.api} locale=${args.locale}>
    <div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px">
      <civic-proposal-card proposal-id=${first!.id}></civic-proposal-card>
      <civic-proposal-card proposal-id=${second!.id}></civic-proposal-card>
    </div>
  </civic-provider>`,
};
export default meta;

type Story = StoryObj;

/** One provider connects every element inside it to the in-browser demo backend. */
export const InBrowserBackend: Story = {};

/** A provider inside another inherits its backend and overrides the locale. */
export const Nested: Story = {
  render: () => html`<civic-provider api="memory:" locale="en-GB">
    <civic-provider locale="en-US">
      <civic-proposal-card proposal-id=${first!.id}></civic-proposal-card>
    </civic-provider>
  </civic-provider>`,
};
