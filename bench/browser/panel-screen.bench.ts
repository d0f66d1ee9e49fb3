import type { CivicClient, MeetingWatch } from '../../src/client/client.js';
import type { MeetingState } from '../../src/domain/meeting.js';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { PANEL_ROUND_ID } from '../../src/memory/seed/panel.js';
import { benchCase, container } from './harness.js';

/** A backend that answers at once and lets the benchmark push meeting states, so the element alone is timed. */
function pushingClient() {
  const { round, proposals } = defaultSeed().rounds.find((entry) => entry.round.id === PANEL_ROUND_ID)!;
  const watchers = new Set<MeetingWatch>();
  let state: MeetingState = { roundId: round.id, proposalId: proposals[0]!.id, timer: null, voting: 'open', revealed: false, ballots: 0, version: '1.0.open', serverTime: new Date().toISOString() };
  const client = {
    getRound: async () => ({ ...round, status: 'open' }),
    listProposals: async () => ({ items: proposals, total: proposals.length, page: 1, pageSize: 100 }),
    getMeeting: async () => state,
    watchMeeting: (_roundId: string, watch: MeetingWatch) => {
      watchers.add(watch);
      queueMicrotask(() => watch.state(state));
      return () => watchers.delete(watch);
    },
  } as Partial<CivicClient> as CivicClient;
  const push = (ballots: number) => {
    state = { ...state, ballots, version: `1.${ballots}.open`, serverTime: new Date().toISOString() };
    for (const watch of watchers) watch.state(state);
  };
  return { client, push };
}

// One ballot arriving: from the live event to the projector showing the new count.
export const panelScreenBenchmarks = [
  benchCase({
    name: 'panel-screen live count update',
    prepare: async () => {
      const host = container();
      const { client, push } = pushingClient();
      const element = document.createElement('civic-panel-screen');
      element.client = client;
      element.round = PANEL_ROUND_ID;
      host.append(element);
      for (let i = 0; i < 200 && !element.shadowRoot?.querySelector('[part~="count"]'); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      return { host, element, push, ballots: 0 };
    },
    measure: async (context) => {
      context.ballots++;
      context.push(context.ballots);
      await context.element.updateComplete;
      if (!context.element.shadowRoot!.querySelector('[part~="count"]')!.textContent!.startsWith(String(context.ballots))) throw new Error('the count did not change');
    },
    cleanup: ({ host }) => host.remove(),
  }),
];
