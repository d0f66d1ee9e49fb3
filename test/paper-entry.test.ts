import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/paper-entry/paper-entry.js';
import { civicClientMethods, type CivicClient } from '../src/client/client.js';
import type { CivicPaperEntry } from '../src/elements/paper-entry/paper-entry.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { runConformance } from './support/conformance.js';
import { textIn } from '../src/domain/localized-text.js';

const ROUND = 'fernwick-2026';
// Numbered as the paper prints them: in the order the backend lists them, by title.
const proposals = defaultSeed().rounds.find((entry) => entry.round.id === ROUND)!.proposals.sort((a, b) => textIn(a.title, 'en').localeCompare(textIn(b.title, 'en'), 'en'));

const part = (element: CivicPaperEntry, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const byId = (element: CivicPaperEntry, id: string) => element.shadowRoot!.getElementById(id) as HTMLInputElement;
const focused = (element: CivicPaperEntry) => element.shadowRoot!.activeElement as HTMLElement | null;
const summaryLines = (element: CivicPaperEntry) => [...(part(element, 'error-summary')?.querySelectorAll('li') ?? [])].map((li) => li.textContent!.trim());

async function entryFor(client: CivicClient, dir = 'ltr') {
  const element = await fixture<CivicPaperEntry>(html`<div dir=${dir}><civic-paper-entry round=${ROUND} .client=${client}></civic-paper-entry></div>`).then((wrapper) => wrapper.firstElementChild as CivicPaperEntry);
  await waitUntil(() => part(element, 'start'), 'the start form shows');
  return element;
}

/** Starts a session as `clerk` on batch B7 by keyboard alone. */
async function startAs(element: CivicPaperEntry, clerk: string) {
  byId(element, 'clerk').focus();
  await sendKeys({ type: clerk });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: 'B7' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: 'count-code' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => part(element, 'entry') && focused(element)?.id === 'number', 'keying starts in the ballot number');
}

/** Keys one ballot: its number, Enter, the marks, Enter. */
async function key(element: CivicPaperEntry, number: string, marks: string) {
  await sendKeys({ type: number });
  await sendKeys({ press: 'Enter' });
  expect(focused(element)?.id).to.equal('keys');
  if (marks) await sendKeys({ type: marks });
  const entered = oneEvent(element, 'civic-paper-entered');
  await sendKeys({ press: 'Enter' });
  return (await entered).detail;
}

describe('civic-paper-entry', () => {
  runConformance({ tag: 'civic-paper-entry', attributes: { round: ROUND }, done: '[part~="start"]' });

  it('asks who is keying and which batch, and says what is missing', async () => {
    const element = await entryFor(createMemoryClient(defaultSeed()));
    await expect(element).to.be.accessible();
    part(element, 'start-button')!.click();
    await waitUntil(() => part(element, 'error-summary'));
    expect(summaryLines(element)).to.deep.equal(['Enter your name, as you sign the count sheet.', 'Enter the batch label: letters, digits or dashes, such as B7.']);
    expect(focused(element)).to.equal(part(element, 'error-summary'));
    await expect(element).to.be.accessible();
  });

  it('keys ballots by keyboard alone, by their printed numbers, with a running tally', async () => {
    const client = createMemoryClient(defaultSeed());
    const element = await entryFor(client);
    await startAs(element, 'Ann Lee');
    expect(part(element, 'key')!.textContent).to.include(proposals[0]!.title);
    const receipt = await key(element, '101', '1 3');
    expect(receipt).to.deep.include({ number: '101', batch: 'B7', status: 'waiting', change: 'entered' });
    await waitUntil(() => part(element, 'outcome')!.textContent!.includes('Ballot 101 entered.'));
    expect(part(element, 'outcome')!.textContent).to.include('It waits for the second clerk’s entry.');
    expect(focused(element)?.id, 'ready for the next ballot').to.equal('number');
    expect(byId(element, 'keys').value).to.equal('');
    await waitUntil(() => part(element, 'tally')!.textContent!.includes('1 ballot'));
    await expect(element).to.be.accessible();
  });

  it('checks each ballot by the round’s rules, in the vote form’s words, and keeps what was typed', async () => {
    const element = await entryFor(createMemoryClient(defaultSeed()));
    await startAs(element, 'Ann Lee');
    await sendKeys({ type: '102' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '1 2 3 4 5 6' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'error-summary'));
    expect(summaryLines(element)[0]).to.equal('Choose at most 5 (you chose 6).');
    expect(byId(element, 'keys').value, 'nothing typed is lost').to.equal('1 2 3 4 5 6');
    expect(byId(element, 'keys').getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();

    // Following the summary's link goes back to the field at fault.
    part(element, 'error-summary')!.querySelector('a')!.click();
    expect(focused(element)?.id).to.equal('keys');
    byId(element, 'keys').value = '';
    await sendKeys({ type: '1 99' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => summaryLines(element)[0]?.includes('99'));
    expect(summaryLines(element)).to.deep.equal([`“99” is not a proposal number on this ballot: use 1 to ${proposals.length}.`]);
  });

  it('shows two entries that differ side by side, and a third person settles them', async () => {
    const client = createMemoryClient(defaultSeed());
    await client.enterPaperBallot!({ roundId: ROUND, number: '7', batch: 'B7', clerk: 'Ann Lee', selections: [proposals[0]!.id] });
    await client.enterPaperBallot!({ roundId: ROUND, number: '7', batch: 'B7', clerk: 'Bob Hart', selections: [proposals[1]!.id] });
    const element = await entryFor(client);
    await startAs(element, 'Cy Okafor');
    const views = [...part(element, 'views')!.querySelectorAll('button')];
    await waitUntil(() => views[1]!.textContent!.includes('(1)'), 'the count of mismatches shows on its button');
    views[1]!.click();
    await waitUntil(() => part(element, 'compare'));
    expect(views[1]!.getAttribute('aria-pressed')).to.equal('true');
    const rows = [...part(element, 'compare')!.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).to.deep.equal([
      ['Proposal', 'Ann Lee', 'Bob Hart'],
      [`1 ${proposals[0]!.title} (differs)`, 'Marked', 'Not marked'],
      [`2 ${proposals[1]!.title} (differs)`, 'Not marked', 'Marked'],
    ]);
    await expect(element).to.be.accessible();

    byId(element, 'settle-7').focus();
    await sendKeys({ type: '2' });
    const settled = oneEvent(element, 'civic-paper-settled');
    await sendKeys({ press: 'Enter' });
    expect((await settled).detail.settlement!.selections).to.deep.equal([proposals[1]!.id]);
    await waitUntil(() => part(element, 'no-mismatches'));
    expect((await client.getResults(ROUND).catch(() => null))?.sources?.paper ?? 'hidden').to.equal('hidden', 'an open round without live results stays unpublished');
    await expect(element).to.be.accessible();
  });

  it('refuses to let a clerk settle a ballot they keyed, saying why', async () => {
    const client = createMemoryClient(defaultSeed());
    await client.enterPaperBallot!({ roundId: ROUND, number: '8', batch: 'B7', clerk: 'Ann Lee', selections: [proposals[0]!.id] });
    await client.enterPaperBallot!({ roundId: ROUND, number: '8', batch: 'B7', clerk: 'Bob Hart', selections: [proposals[2]!.id] });
    const element = await entryFor(client);
    await startAs(element, 'ann lee');
    part(element, 'views')!.querySelectorAll('button')[1]!.click();
    await waitUntil(() => byId(element, 'settle-8'));
    byId(element, 'settle-8').focus();
    await sendKeys({ type: '1' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'error-summary'));
    expect(summaryLines(element)).to.deep.equal(['You entered ballot 8 yourself; a third person settles it.']);
    await expect(element).to.be.accessible();
  });

  it('lists every entry and correction in the audit log', async () => {
    const client = createMemoryClient(defaultSeed());
    await client.enterPaperBallot!({ roundId: ROUND, number: '9', batch: 'B7', clerk: 'Ann Lee', selections: [proposals[0]!.id] });
    await client.enterPaperBallot!({ roundId: ROUND, number: '9', batch: 'B7', clerk: 'Ann Lee', selections: [proposals[2]!.id] });
    const element = await entryFor(client);
    await startAs(element, 'Dee');
    part(element, 'views')!.querySelectorAll('button')[2]!.click();
    await waitUntil(() => part(element, 'audit')?.querySelector('tbody'));
    const rows = [...part(element, 'audit')!.querySelectorAll('tbody tr')].map((row) => [...row.children].slice(1).map((cell) => cell.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['Ann Lee', 'Entered', '9', 'B7', '', '1'],
      ['Ann Lee', 'Corrected', '9', 'B7', '1', '3'],
    ]);
    await expect(element).to.be.accessible();
  });

  it('says so on a backend that keeps no paper count', async () => {
    const memory = createMemoryClient(defaultSeed());
    const partner = Object.fromEntries(civicClientMethods.map((name) => [name, memory[name]])) as unknown as CivicClient;
    const element = await fixture<CivicPaperEntry>(html`<civic-paper-entry round=${ROUND} .client=${partner}></civic-paper-entry>`);
    await waitUntil(() => part(element, 'unsupported'));
    expect(part(element, 'unsupported')!.textContent).to.include('This backend keeps no paper count');
    await expect(element).to.be.accessible();
  });

  it('works right to left', async () => {
    const element = await entryFor(createMemoryClient(defaultSeed()), 'rtl');
    await startAs(element, 'Ann Lee');
    const form = part(element, 'entry')!.querySelector('form')!.getBoundingClientRect();
    const side = part(element, 'tally')!.getBoundingClientRect();
    if (side.top < form.bottom) expect(side.right, 'the tally is on the left of the form').to.be.at.most(form.left + 1);
    await expect(element).to.be.accessible();
  });
});
