/** Helpers for the vote form's browser tests: small rounds, the form's parts, and real key presses. */
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CivicClient } from '../../src/client/client.js';
import { clearAllDrafts } from '../../src/core/draft-controller.js';
import { outboxFor } from '../../src/core/outbox-for.js';
import type { CivicVoteForm } from '../../src/elements/vote-form/vote-form.js';
import type { MemorySeed, MemoryRoundSeed } from '../../src/memory/index.js';
import type { BallotRules, Proposal, Round } from '../../src/domain/types.js';

/** A proposal row: id, title, cost in pounds, area. */
export type Row = [id: string, title: string, pounds: number, area?: string];

export function proposalOf([id, title, pounds, area]: Row): Proposal {
  return { id, title, summary: `${title}: what it is and why.`, cost: pounds * 100, area: area ?? null, categories: [], status: 'shortlisted' };
}

/** A seed with one open round `r1` (or as `round` says) with these rules and proposals. */
export function seedOf(rules: BallotRules, rows: Row[], round: Partial<Round> = {}, extra: Partial<MemoryRoundSeed> = {}): MemorySeed {
  return {
    rounds: [
      {
        round: { id: 'r1', title: 'Test round', description: 'A round for a test.', budget: 5_000_000, currency: 'GBP', opensAt: null, closesAt: null, status: 'open', rules, voterIdentity: 'open', results: { rules: ['greedy'], live: true }, ...round },
        proposals: rows.map(proposalOf),
        ...extra,
      },
    ],
    simulations: [],
    forms: [],
  };
}

const clients = new Set<CivicClient>();

/**
 * Closes the outbox of every client a test gave a form. Clients a page makes itself share one outbox
 * database, and an open outbox sends whatever is queued there through its own client: a test's
 * backend must be gone before the next test queues a ballot.
 */
export function closeOutboxes(): void {
  for (const client of clients) outboxFor(client).outbox.close();
  clients.clear();
}

/**
 * After each test: remove the forms first (a form leaving the page saves what was not saved yet),
 * then forget every draft, then close the test's outboxes.
 */
export function cleanUp(): void {
  fixtureCleanup();
  clearAllDrafts();
  closeOutboxes();
}

/** The form, connected to `client`, once it shows something other than loading. */
export async function voteForm(client: CivicClient | undefined, attributes: Record<string, string> = { round: 'r1' }): Promise<CivicVoteForm> {
  const form = document.createElement('civic-vote-form');
  for (const [name, value] of Object.entries(attributes)) form.setAttribute(name, value);
  if (client) {
    form.client = client;
    clients.add(client);
  }
  await fixture(html`<div>${form}</div>`);
  await waitUntil(() => form.shadowRoot?.querySelector('[part~="ballot"], [part~="notice"], [part~="code-step"], [part~="review"], [part~="receipt"], [part~="error"], [part~="missing"]'), 'the form never finished loading', { timeout: 5000 });
  await form.updateComplete;
  return form;
}

export function part(form: CivicVoteForm, name: string): HTMLElement | null {
  return form.shadowRoot!.querySelector(`[part~="${name}"]`);
}

export function parts(form: CivicVoteForm, name: string): HTMLElement[] {
  return [...form.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The row of the proposal with this title. */
export function rowOf(form: CivicVoteForm, title: string): HTMLElement {
  const row = parts(form, 'proposal').find((candidate) => text(candidate.querySelector('.title, legend')).startsWith(title));
  if (!row) throw new Error(`No row for "${title}"`);
  return row;
}

/** The control a proposal's label names (its checkbox, radio or points field). */
export function controlOf(form: CivicVoteForm, title: string): HTMLInputElement {
  return rowOf(form, title).querySelector('input')!;
}

export async function clickOn(form: CivicVoteForm, element: HTMLElement): Promise<void> {
  element.click();
  await form.updateComplete;
}

/** Presses Continue (or Submit) and waits for what follows. */
export async function press(form: CivicVoteForm, partName: 'continue-button' | 'submit-button'): Promise<void> {
  part(form, partName)!.click();
  await form.updateComplete;
}

/** Waits until the form shows `partName`. */
export async function shows(form: CivicVoteForm, partName: string, timeout = 5000): Promise<HTMLElement> {
  await waitUntil(() => part(form, partName), `the form never showed ${partName}`, { timeout });
  await form.updateComplete;
  return part(form, partName)!;
}

/** What the form's one live region says now. */
export const said = (form: CivicVoteForm) => text(form.shadowRoot!.getElementById('said'));

/** The element focused inside the form's shadow root. */
export const focused = (form: CivicVoteForm) => form.shadowRoot!.activeElement as HTMLElement | null;

/** Presses Tab (Shift+Tab when `back`) until `found` holds for the focused element; fails after `max` presses. */
export async function tabTo(form: CivicVoteForm, found: (element: HTMLElement) => boolean, max = 60, back = false): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    const now = focused(form);
    if (now && found(now)) return now;
    await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
  }
  throw new Error(`Tab never reached the element after ${max} presses (at ${focused(form)?.outerHTML.slice(0, 120)})`);
}

/** Presses a key, with modifiers held as `Alt+ArrowDown` says. */
export async function key(form: CivicVoteForm, press: string): Promise<void> {
  const keys = press.split('+');
  const main = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
  await form.updateComplete;
}
