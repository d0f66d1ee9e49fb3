// The feedback form's way to the council: drafts on the device, the outbox (offline, sent once),
// the server's field errors on the right fields (in-browser backend and REST over real HTTP), and
// two forms on one page.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicError, type CivicClient, type SubmitOptions } from '../src/client/client.js';
import { createRestClient } from '../src/client/rest/index.js';
import { clearAllDrafts } from '../src/core/draft-controller.js';
import { outboxFor } from '../src/core/outbox-for.js';
import type { FeedbackSubmitted } from '../src/core/events.js';
import type { CivicFeedbackForm } from '../src/elements/feedback-form/feedback-form.js';
import type { FeedbackResponse, SubmissionReceipt } from '../src/domain/types.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import type { ReceivedRequest, ScriptedResponse } from './node/support/scripted-http.mjs';
import {
  backendWith,
  choose,
  closeOutboxes,
  errorBeside,
  everyKind,
  field,
  option,
  part,
  question,
  read,
  send,
  showForm,
  summaryLines,
  type,
} from './support/feedback-form.js';

const submitted = (element: HTMLElement) => oneEvent(element, 'civic-feedback-submitted') as Promise<CustomEvent<FeedbackSubmitted>>;

/** Rating, consent, and a comment: enough for the demo's short form. */
async function answerFernwick(element: CivicFeedbackForm, comment = 'More benches') {
  await choose(element, 'How easy was it to vote?', '5');
  await type(element, 'What could we do better?', comment);
  option(element, 'I agree', 'I agree that Fernwick Council may keep my answers for 12 months to improve its services').click();
  await element.updateComplete;
}

/** The stored draft of a form, as the device keeps it. */
function storedDraft(formId: string, proposalId = ''): { answers: Record<string, unknown>; key?: string; queued?: boolean } | null {
  const text = localStorage.getItem(`civic-widgets:draft:feedback:${formId}:${proposalId}`);
  return text === null ? null : JSON.parse(text);
}

/**
 * The in-browser backend behind a switchable network: while `offline`, every submission fails
 * with a network error before it arrives (or, with `loseAnswers`, after it was stored, as when the
 * connection drops on the way back). Counts what arrives.
 */
function flakyBackend() {
  const backend = createMemoryClient();
  const state = { offline: true, loseAnswers: false, refuse: false, attempts: 0, arrived: [] as Array<{ key?: string; receipt: SubmissionReceipt }> };
  const client: CivicClient = {
    ...backend,
    async submitFeedback(response: FeedbackResponse, options?: SubmitOptions) {
      state.attempts++;
      if (state.offline && !state.loseAnswers) throw new CivicError('network', 'Offline');
      if (state.refuse) {
        throw new CivicError('validation', 'Refused', { status: 422, fieldErrors: [{ field: 'answers.improve', code: 'too-long', detail: 'Your answer to “What could we do better?” must be 10 characters or fewer.' }] });
      }
      const receipt = await backend.submitFeedback(response, options);
      state.arrived.push({ key: options?.idempotencyKey, receipt });
      if (state.offline) throw new CivicError('network', 'The connection dropped before the answer came back');
      return receipt;
    },
  };
  return { client, state, online: () => ((state.offline = false), window.dispatchEvent(new Event('online'))) };
}

describe('civic-feedback-form: sending', () => {
  beforeEach(() => clearAllDrafts());
  afterEach(() => {
    clearAllDrafts();
    closeOutboxes();
  });

  it('keeps what was typed on the device, and restores it after a reload', async () => {
    const client = createMemoryClient();
    const first = await showForm('fernwick-feedback', client);
    await choose(first, 'How easy was it to vote?', '2');
    await type(first, 'What could we do better?', 'Bigger print on the leaflet');
    await choose(first, 'What should the next round focus on?', 'Play');
    first.remove();
    const again = await showForm('fernwick-feedback', client);
    expect(option(again, 'How easy was it to vote?', '2').checked).to.equal(true);
    expect(field(again, 'What could we do better?').value).to.equal('Bigger print on the leaflet');
    expect(option(again, 'What should the next round focus on?', 'Play').checked).to.equal(true);
    // A draft from an older version of the form keeps what still fits.
    localStorage.setItem('civic-widgets:draft:feedback:fernwick-feedback:', JSON.stringify({ answers: { ease: 3, gone: 'x', improve: { html: 1 } }, key: 'not a valid key' }));
    const older = await showForm('fernwick-feedback', createMemoryClient());
    expect(option(older, 'How easy was it to vote?', '3').checked).to.equal(true);
    expect(field(older, 'What could we do better?').value).to.equal('');
  });

  it('lands the in-browser backend’s refusal on the right fields, keeps the answers, and sends again under a new key', async () => {
    // The page's copy of the form says "any ward"; the backend's own copy lists fewer, so only it refuses.
    const seed = defaultSeed();
    const form = seed.forms[0]!;
    const pageCopy = structuredClone(form);
    pageCopy.questions.find((question) => question.id === 'ward')!.options!.push({ value: 'mars', label: 'Mars' });
    const backend = createMemoryClient(seed);
    const keys: Array<string | undefined> = [];
    const client: CivicClient = {
      ...backend,
      getForm: async () => pageCopy,
      submitFeedback: (response, options) => (keys.push(options?.idempotencyKey), backend.submitFeedback(response, options)),
    };
    const element = await showForm('fernwick-feedback', client);
    await answerFernwick(element);
    await choose(element, 'Which ward do you live in?', 'Mars');
    await send(element);
    await waitUntil(() => part(element, 'error-summary'), 'no error summary');
    expect(summaryLines(element)).to.deep.equal(['Check your answer to “Which ward do you live in?”']);
    expect(errorBeside(element, 'Which ward do you live in?')).to.equal('Check your answer to “Which ward do you live in?”');
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'error-summary'));
    part(element, 'error-summary')!.querySelector('a')!.click();
    expect(element.shadowRoot!.activeElement, 'the link goes to the first option').to.equal(option(element, 'Which ward do you live in?', 'Ashcombe'));
    expect(location.hash, 'the host page’s address is left alone').to.equal('');
    expect(field(element, 'What could we do better?').value).to.equal('More benches');
    expect(storedDraft('fernwick-feedback')!.key, 'a refused submission’s key is not reused').to.equal(undefined);
    await choose(element, 'Which ward do you live in?', 'Canal Wharf');
    const heard = submitted(element);
    await send(element);
    await heard;
    expect(keys).to.have.length(2);
    expect(keys[0]).not.to.equal(keys[1]);
  });

  it('lands a REST server’s problem+json field errors on the right fields, and shows the rest in the summary', async () => {
    const id = `feedback-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const form = defaultSeed().forms[0]!;
    const responses: ScriptedResponse[] = [
      { status: 200, json: form },
      {
        status: 422,
        contentType: 'application/problem+json',
        json: {
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          detail: 'The answers do not meet the form’s rules',
          errors: [
            { field: 'answers.improve', code: 'too-long', detail: 'The answer to improve is 12 characters; the most is 10.' },
            { field: 'answers.ease', code: 'out-of-range', detail: 'Rate ease from 1 to 5, not 9.' },
            { field: 'context.page', code: 'malformed', detail: 'The page this came from is not one of ours.' },
          ],
        },
      },
      { status: 201, json: { id: 'r-1', receivedAt: '2026-05-01T10:00:00Z' } },
    ];
    await fetch(`/test-api/__script/${id}`, { method: 'POST', body: JSON.stringify(responses) });
    const element = await showForm('fernwick-feedback', createRestClient({ baseUrl: `/test-api/${id}`, retries: 0 }));
    await answerFernwick(element);
    await send(element);
    await waitUntil(() => part(element, 'error-summary'), 'no error summary');
    // The page's copy of the form allows these answers: the server's limits differ (the council changed
    // them), so its own words, which say the limit that applies, are shown rather than the page's number.
    expect(summaryLines(element)).to.deep.equal([
      'Rate ease from 1 to 5, not 9.',
      'The answer to improve is 12 characters; the most is 10.',
      'The page this came from is not one of ours.',
    ]);
    expect(errorBeside(element, 'What could we do better?')).to.equal('The answer to improve is 12 characters; the most is 10.');
    const links = [...part(element, 'error-summary')!.querySelectorAll('a')];
    expect(links, 'a problem with no field has no link').to.have.length(2);
    links[1]!.click();
    expect(element.shadowRoot!.activeElement).to.equal(field(element, 'What could we do better?'));
    await expect(element).to.be.accessible();
    const heard = submitted(element);
    await send(element);
    expect((await heard).detail.receipt).to.deep.equal({ id: 'r-1', receivedAt: '2026-05-01T10:00:00Z' });
    const received: ReceivedRequest[] = await (await fetch(`/test-api/__received/${id}`)).json();
    const posts = received.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.path)).to.deep.equal(['/forms/fernwick-feedback/responses', '/forms/fernwick-feedback/responses']);
    expect(posts[0]!.headers['idempotency-key']).not.to.equal(posts[1]!.headers['idempotency-key']);
    expect(JSON.parse(posts[1]!.body)).to.deep.equal({ formId: 'fernwick-feedback', answers: { ease: 5, improve: 'More benches', consent: true } });
  });

  it('sends an answer given offline once, when the network is back, even across a reload', async () => {
    const { client, state, online } = flakyBackend();
    const element = await showForm('fernwick-feedback', client);
    await answerFernwick(element, 'Sent from the bus');
    await send(element);
    await waitUntil(() => part(element, 'queued'), 'never said it was kept');
    expect(read(part(element, 'queued'))).to.equal(
      'Your answers are saved on this device We could not reach the server. We will send your answers once, as soon as the connection is back.',
    );
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'queued'));
    await expect(element).to.be.accessible();
    const { key, queued } = storedDraft('fernwick-feedback')!;
    expect(queued).to.equal(true);
    element.remove();

    const reloaded = await showForm('fernwick-feedback', client);
    expect(part(reloaded, 'queued'), 'still waiting after a reload').to.exist;
    const heard = submitted(reloaded);
    online();
    const { detail } = await heard;
    await reloaded.updateComplete;
    expect(part(reloaded, 'panel')).to.exist;
    expect(state.arrived).to.have.length(1);
    expect(state.arrived[0]!.key).to.equal(key);
    expect(detail.receipt).to.deep.equal(state.arrived[0]!.receipt);
    expect(detail.response.answers.improve).to.equal('Sent from the bus');
    expect(storedDraft('fernwick-feedback'), 'the draft is gone once the council has it').to.equal(null);
  });

  it('counts an answer once when the connection dropped after it arrived: the resend carries the same key, even after the form moved', async () => {
    const { client, state, online } = flakyBackend();
    state.loseAnswers = true;
    const element = await showForm('fernwick-feedback', client);
    await answerFernwick(element);
    await send(element);
    await waitUntil(() => part(element, 'queued'));
    // Moved elsewhere in the page (a tab panel, a dialog) while it waits: it still hears the delivery.
    const elsewhere = await fixture<HTMLElement>(html`<section></section>`);
    elsewhere.append(element);
    const heard = submitted(element);
    online();
    const { detail } = await heard;
    expect(state.arrived.map((arrival) => arrival.key)).to.have.length(2);
    expect(new Set(state.arrived.map((arrival) => arrival.key)).size, 'one key').to.equal(1);
    expect(new Set(state.arrived.map((arrival) => arrival.receipt.id)).size, 'the backend counted it once').to.equal(1);
    expect(detail.receipt.id).to.equal(state.arrived[0]!.receipt.id);
  });

  it('after a reload, says the answers went if they were sent while the page was closed, or shows why they were refused', async () => {
    const { client, state } = flakyBackend();
    const element = await showForm('fernwick-feedback', client);
    await answerFernwick(element, 'Sent while away');
    await send(element);
    await waitUntil(() => part(element, 'queued'));
    element.remove();
    state.offline = false;
    await outboxFor(client).outbox.flush();
    expect(state.arrived).to.have.length(1);
    const back = await showForm('fernwick-feedback', client);
    await waitUntil(() => part(back, 'panel'), 'never said the answers went');
    expect(read(part(back, 'panel'))).to.equal('Your feedback has been sent Thank you for your feedback.');
    expect(storedDraft('fernwick-feedback')).to.equal(null);
    back.remove();

    const refusing = flakyBackend();
    const again = await showForm('fernwick-feedback', refusing.client);
    await answerFernwick(again, 'Refused while away');
    await send(again);
    await waitUntil(() => part(again, 'queued'));
    again.remove();
    Object.assign(refusing.state, { offline: false, refuse: true });
    await outboxFor(refusing.client).outbox.flush();
    const shown = await showForm('fernwick-feedback', refusing.client);
    await waitUntil(() => part(shown, 'error-summary'), 'never showed why');
    // The server's limit, not the 500 of the page's copy of the form, which the answer meets.
    expect(errorBeside(shown, 'What could we do better?')).to.equal('Your answer to “What could we do better?” must be 10 characters or fewer.');
    expect(field(shown, 'What could we do better?').value, 'the answers are back to change').to.equal('Refused while away');
    expect(await outboxFor(refusing.client).outbox.failed(), 'seen, so no longer kept aside').to.deep.equal([]);
  });

  it('runs two forms on one page apart: their own errors, focus, drafts and submissions', async () => {
    const client = createMemoryClient();
    const page = await fixture<HTMLElement>(html`<div>
      <civic-feedback-form form="fernwick-feedback" proposal-id="ash-pocket-park" .client=${client}></civic-feedback-form>
      <civic-feedback-form form="fernwick-feedback" proposal-id="ash-street-trees" .client=${client}></civic-feedback-form>
    </div>`);
    const [park, trees] = [...page.querySelectorAll('civic-feedback-form')] as CivicFeedbackForm[];
    await waitUntil(() => part(park!, 'form') && part(trees!, 'form'));
    await type(park!, 'What could we do better?', 'Swings');
    await send(trees!);
    expect(part(park!, 'error-summary'), 'the other form is not touched').to.equal(null);
    part(trees!, 'error-summary')!.querySelector('a')!.click();
    expect(trees!.shadowRoot!.activeElement).to.equal(option(trees!, 'How easy was it to vote?', '1'));
    expect(park!.shadowRoot!.activeElement).to.equal(null);
    expect(option(park!, 'How easy was it to vote?', '1').id, 'the same ids, each in its own shadow root').to.equal(option(trees!, 'How easy was it to vote?', '1').id);
    expect(field(trees!, 'What could we do better?').value).to.equal('');
    expect(storedDraft('fernwick-feedback', 'ash-pocket-park')!.answers).to.deep.equal({ improve: 'Swings' });
    expect(storedDraft('fernwick-feedback', 'ash-street-trees'), 'nothing typed there yet').to.equal(null);
    await answerFernwick(trees!, 'Oaks');
    const heard = submitted(trees!);
    await send(trees!);
    const { detail } = await heard;
    expect([detail.response.proposalId, detail.response.answers.improve]).to.deep.equal(['ash-street-trees', 'Oaks']);
    expect(part(park!, 'form'), 'the other form is still being answered').to.exist;
    expect(field(park!, 'What could we do better?').value).to.equal('Swings');
    expect(question(park!, 'How easy was it to vote?').classList.contains('form-group--error')).to.equal(false);
  });

  it('takes every kind of question to the in-browser backend', async () => {
    const element = await showForm('every-kind', backendWith(everyKind));
    await choose(element, 'How was your visit?', '3');
    await choose(element, 'What did you come for?', 'Computers');
    await choose(element, 'Which would you use?', 'None of these');
    await choose(element, 'What is your religion?', 'Prefer not to say');
    option(element, 'I agree', 'I agree to how my answers are used').click();
    const heard = submitted(element);
    await send(element);
    expect((await heard).detail.receipt.id).to.be.a('string');
  });
});
