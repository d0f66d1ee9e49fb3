import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/panel-screen/panel-screen.js';
import { civicClientMethods, type CivicClient } from '../src/client/client.js';
import type { CivicPanelScreen } from '../src/elements/panel-screen/panel-screen.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { PANEL_FACILITATOR_CODE, PANEL_ROUND_ID, PANEL_VOTING_CODES } from '../src/memory/seed/panel.js';
import { runConformance } from './support/conformance.js';

const part = (element: CivicPanelScreen, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const said = (element: CivicPanelScreen) => text(element.shadowRoot!.querySelector('#said'));

async function shows(element: CivicPanelScreen, name: string, containing?: string) {
  await waitUntil(
    () => part(element, name) && (!containing || text(part(element, name)).includes(containing)),
    `never showed ${name}${containing ? ` with "${containing}"` : ''}; shows "${text(element.shadowRoot!.querySelector('.screen') ?? element.shadowRoot!.lastElementChild)}"`,
    { timeout: 4000 },
  );
}

function button(element: CivicPanelScreen, label: string): HTMLButtonElement {
  const found = [...element.shadowRoot!.querySelectorAll('button')].find((candidate) => text(candidate) === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

/** Presses a control with the keyboard: focus it, then Enter. */
async function press(element: CivicPanelScreen, label: string) {
  button(element, label).focus();
  await sendKeys({ press: 'Enter' });
}

async function screen(client: CivicClient, attributes: { facilitator?: boolean; voteUrl?: string } = {}) {
  const element = await fixture<CivicPanelScreen>(html`<civic-panel-screen .client=${client} round=${PANEL_ROUND_ID}
    facilitator-code=${attributes.facilitator ? PANEL_FACILITATOR_CODE : ''} vote-url=${attributes.voteUrl ?? ''}></civic-panel-screen>`);
  await shows(element, 'agenda');
  return element;
}

const vote = (client: CivicClient, code: string) =>
  client.submitBallot({ roundId: PANEL_ROUND_ID, kind: 'approval', selections: ['panel-play-street'], votingCode: code });

describe('civic-panel-screen', () => {
  runConformance({ tag: 'civic-panel-screen', attributes: { round: PANEL_ROUND_ID }, done: '[part~="agenda"]' });

  it('opens on the welcome with the round, voting not yet open, and no controls for the room', async () => {
    const element = await screen(createMemoryClient(defaultSeed()));
    expect(text(part(element, 'agenda'))).to.include('Brindle Park resident panel 2026');
    expect(text(part(element, 'voting'))).to.equal('Voting has not opened yet');
    expect(part(element, 'controls')).to.equal(null);
    expect(part(element, 'timer')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('lets the facilitator move the agenda by keyboard, and says the proposal shown', async () => {
    const element = await screen(createMemoryClient(defaultSeed()), { facilitator: true });
    await press(element, 'Show the first proposal');
    await shows(element, 'agenda', 'Proposal 1 of 5');
    expect(text(part(element, 'agenda'))).to.include('Cycling lessons for adults');
    await waitUntil(() => said(element) === 'Now: Cycling lessons for adults', `said "${said(element)}"`);
    await press(element, 'Next proposal');
    await shows(element, 'agenda', 'Proposal 2 of 5');
    // Focus stays on the control, so Enter again goes on.
    expect(element.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Next proposal');
    await sendKeys({ press: 'Enter' });
    await shows(element, 'agenda', 'Proposal 3 of 5');
    await press(element, 'Previous proposal');
    await shows(element, 'agenda', 'Proposal 2 of 5');
    await expect(element).to.be.accessible();
  });

  it('runs the timer the facilitator types in, and says when time is up', async () => {
    const element = await screen(createMemoryClient(defaultSeed()), { facilitator: true });
    const minutes = element.shadowRoot!.querySelector<HTMLInputElement>('#minutes')!;
    minutes.focus();
    minutes.select();
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await shows(element, 'timer');
    expect(part(element, 'timer')!.getAttribute('role')).to.equal('timer');
    expect(text(part(element, 'timer'))).to.match(/Time left (2:00|1:59)/);
    expect(part(element, 'timer')!.getAttribute('aria-label')).to.match(/^(2 minutes 0 seconds|1 minute 59 seconds) left$/);
    await expect(element).to.be.accessible();
    await press(element, 'Stop the timer');
    await waitUntil(() => !part(element, 'timer'), 'the timer stopped');
  });

  it('counts ballots live while voting is open, never showing a choice, and shows how to join', async () => {
    const client = createMemoryClient(defaultSeed());
    const element = await screen(client, { facilitator: true, voteUrl: 'https://fernwick.example/panel/vote/' });
    await press(element, 'Open voting');
    await shows(element, 'count', '0 ballots received');
    await shows(element, 'qr');
    expect(part(element, 'qr')!.getAttribute('aria-label')).to.equal('QR code of the vote page');
    expect(text(part(element, 'join'))).to.include('fernwick.example/panel/vote');
    await waitUntil(() => said(element) === 'Voting is open', `said "${said(element)}"`);
    await vote(client, PANEL_VOTING_CODES[0]!);
    await shows(element, 'count', '1 ballot received');
    await vote(client, PANEL_VOTING_CODES[1]!);
    await vote(client, PANEL_VOTING_CODES[2]!);
    await shows(element, 'count', '3 ballots received');
    expect(text(element.shadowRoot!.querySelector('.screen'))).not.to.include('Monthly play street');
    // Three ballots in a few seconds are not read out one by one.
    expect(said(element)).to.equal('Voting is open');
    await expect(element).to.be.accessible();

    await press(element, 'Close voting');
    await waitUntil(() => said(element) === 'Voting has closed. 3 ballots received', `said "${said(element)}"`);
    expect(part(element, 'join')).to.equal(null);
    await press(element, 'Reveal the results');
    await shows(element, 'results', 'Monthly play street on Fern Road');
    expect(text(part(element, 'results'))).to.include('Funded');
    expect(text(part(element, 'why'))).to.match(/^Funded: it was 1st by votes/);
    await waitUntil(() => said(element) === 'The results are on the screen.', `said "${said(element)}"`);
    await expect(element).to.be.accessible();
  });

  it('refuses to reveal results while voting is open, and says why beside the control', async () => {
    const element = await screen(createMemoryClient(defaultSeed()), { facilitator: true });
    await press(element, 'Open voting');
    await shows(element, 'count');
    const reveal = button(element, 'Reveal the results');
    expect(reveal.getAttribute('aria-disabled')).to.equal('true');
    expect(text(element.shadowRoot!.getElementById(reveal.getAttribute('aria-describedby')!))).to.equal('Close voting before revealing the results.');
    await press(element, 'Reveal the results');
    expect(part(element, 'results')).to.equal(null);
  });

  it('says so, and fires civic-error, when the code is not the facilitator’s', async () => {
    const element = await screen(createMemoryClient(defaultSeed()), { facilitator: true });
    element.facilitatorCode = PANEL_VOTING_CODES[0];
    await element.updateComplete;
    const heard = oneEvent(element, 'civic-error');
    await press(element, 'Open voting');
    expect(((await heard) as CustomEvent).detail.code).to.equal('unauthorized');
    await shows(element, 'controls-error');
    expect(part(element, 'controls-error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(element, 'voting'))).to.equal('Voting has not opened yet');
    await expect(element).to.be.accessible();
  });

  it('says clearly when its backend holds no meetings', async () => {
    const memory = createMemoryClient(defaultSeed());
    // A partner's own client: the required methods only.
    const partner = Object.fromEntries(civicClientMethods.map((name) => [name, memory[name].bind(memory)])) as unknown as CivicClient;
    const element = await fixture<CivicPanelScreen>(html`<civic-panel-screen .client=${partner} round=${PANEL_ROUND_ID}></civic-panel-screen>`);
    await waitUntil(() => part(element, 'unsupported'), 'never said it is unsupported');
    expect(text(part(element, 'unsupported'))).to.include('This backend does not hold panel meetings');
    await expect(element).to.be.accessible();
  });

  it('follows the meeting on a right-to-left page, its controls too', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"><civic-panel-screen .client=${createMemoryClient(defaultSeed())} round=${PANEL_ROUND_ID}
      facilitator-code=${PANEL_FACILITATOR_CODE}></civic-panel-screen></div>`);
    const element = wrapper.firstElementChild as CivicPanelScreen;
    await shows(element, 'controls');
    expect(getComputedStyle(part(element, 'controls')!).direction).to.equal('rtl');
    await expect(wrapper).to.be.accessible();
  });
});
