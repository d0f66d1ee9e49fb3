import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { civicClientMethods, type CivicClient } from '../src/client/client.js';
import type { MeetingChange } from '../src/domain/meeting.js';
import '../src/elements/panel-screen/panel-screen.js';
import { createMemoryClient } from '../src/memory/index.js';
import { PANEL_FACILITATOR_CODE, PANEL_ROUND_ID, PANEL_VOTING_CODES } from '../src/memory/seed/panel.js';
import { failingClient, silentClient } from './support/clients.js';

const meta: Meta = {
  title: 'Elements/Panel screen',
  component: 'civic-panel-screen',
  tags: ['autodocs'],
  render: (args) => html`<civic-panel-screen
    round=${ifDefined(args.round || undefined)}
    vote-url=${ifDefined(args['vote-url'] || undefined)}
    facilitator-code=${ifDefined(args['facilitator-code'] || undefined)}
    heading-level=${args['heading-level']}
  ></civic-panel-screen>`,
  args: { round: PANEL_ROUND_ID, 'vote-url': 'https://fernwick.example/panel', 'heading-level': 2 },
};
export default meta;

type Story = StoryObj;

/**
 * The in-browser backend with Brindle Park's panel part-way through its meeting: the facilitator's
 * changes, then `ballots` members voting with their codes (the count only ever shows).
 */
function meetingAt(changes: MeetingChange[], ballots = 0, after: MeetingChange[] = []): CivicClient {
  const client = createMemoryClient();
  void (async () => {
    const change = (step: MeetingChange) => client.updateMeeting!(PANEL_ROUND_ID, step, { facilitatorCode: PANEL_FACILITATOR_CODE });
    for (const step of changes) await change(step);
    for (const code of PANEL_VOTING_CODES.slice(0, ballots)) {
      await client.submitBallot({ roundId: PANEL_ROUND_ID, kind: 'approval', selections: ballots % 2 ? ['panel-play-street', 'panel-food-garden'] : ['panel-hall-heating'], votingCode: code });
    }
    for (const step of after) await change(step);
  })();
  return client;
}

/** Before the first proposal: the round's title and what the panel decides. */
export const Welcome: Story = { parameters: { client: meetingAt([]) } };

/** One proposal at a time, with its cost and ward, and the facilitator's timer running. */
export const ProposalWithTimer: Story = {
  parameters: { client: meetingAt([{ proposalId: 'panel-hall-heating', timerSeconds: 240 }]) },
};

/** The timer ran out: "Time is up", edged in the error colour. */
export const TimeIsUp: Story = {
  parameters: {
    client: (() => {
      // The backend's clock moves on four minutes once the facilitator has set a four-minute timer.
      let ahead = 0;
      const client = createMemoryClient(undefined, { now: () => new Date(Date.now() + ahead) });
      void client.updateMeeting!(PANEL_ROUND_ID, { proposalId: 'panel-play-street', timerSeconds: 240 }, { facilitatorCode: PANEL_FACILITATOR_CODE }).then(() => (ahead = 241_000));
      return client;
    })(),
  },
};

/** Voting is open: the count of ballots so far (never what they say), the QR code and the short address. */
export const VotingOpen: Story = { parameters: { client: meetingAt([{ proposalId: 'panel-cycle-lessons', voting: 'open' }], 7) } };

/** Voting has closed: the final count, before the facilitator reveals the results. */
export const VotingClosed: Story = { parameters: { client: meetingAt([{ voting: 'open' }], 12, [{ voting: 'closed' }]) } };

/** The results revealed, each proposal with its "Why?" written out for the room. */
export const ResultsRevealed: Story = { parameters: { client: meetingAt([{ voting: 'open' }], 12, [{ voting: 'closed' }, { revealed: true }]) } };

/** With the facilitator's code: the controls under the screen, all usable by keyboard. */
export const FacilitatorControls: Story = {
  args: { 'facilitator-code': PANEL_FACILITATOR_CODE },
  parameters: { client: meetingAt([{ proposalId: 'panel-path-lights', voting: 'open' }], 3) },
};

/** A code that is not the facilitator's: the backend refuses the change and the screen says why. */
export const FacilitatorRefused: Story = {
  args: { 'facilitator-code': PANEL_VOTING_CODES[0] },
  parameters: { client: meetingAt([]) },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('civic-panel-screen')!;
    await customElements.whenDefined('civic-panel-screen');
    for (let tries = 0; tries < 100 && !element.shadowRoot?.querySelector('[part~="controls"]'); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Open voting')?.click();
  },
};

/** Right to left, as the page's `dir` sets it, with the controls. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  args: { 'facilitator-code': PANEL_FACILITATOR_CODE },
  parameters: { client: meetingAt([{ proposalId: 'panel-food-garden', voting: 'open', timerSeconds: 120 }], 4) },
};

/** A partner's own backend without meetings: the screen says it cannot show one. */
export const BackendWithoutMeetings: Story = {
  parameters: {
    client: (() => {
      const memory = createMemoryClient();
      return Object.fromEntries(civicClientMethods.map((name) => [name, memory[name].bind(memory)])) as unknown as CivicClient;
    })(),
  },
};

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const NoSuchRound: Story = { args: { round: 'no-such-round' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };
