import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CivicFeedbackForm } from '../src/elements/feedback-form/feedback-form.js';
import type { FeedbackSubmitted } from '../src/core/events.js';
import { clearAllDrafts } from '../src/core/draft-controller.js';
import { PREFER_NOT_TO_SAY } from '../src/domain/rules/index.js';
import { createMemoryClient } from '../src/memory/index.js';
import { runConformance } from './support/conformance.js';
import {
  backendWith,
  choose,
  closeOutboxes,
  errorBeside,
  everyKind,
  field,
  option,
  part,
  parts,
  question,
  read,
  send,
  showForm,
  summaryLines,
  type,
} from './support/feedback-form.js';

const submitted = (element: HTMLElement) => oneEvent(element, 'civic-feedback-submitted') as Promise<CustomEvent<FeedbackSubmitted>>;

/** Answers every required question of `everyKind` without follow-ups. */
async function answerRequired(element: CivicFeedbackForm) {
  await choose(element, 'How was your visit?', '4');
  await choose(element, 'What did you come for?', 'Books');
  await choose(element, 'Which would you use?', 'A café');
  option(element, 'I agree', 'I agree to how my answers are used').click();
  await element.updateComplete;
}

describe('civic-feedback-form', () => {
  runConformance({ tag: 'civic-feedback-form', attributes: { form: 'fernwick-feedback' }, done: '[part~="form"]' });

  beforeEach(() => clearAllDrafts());
  afterEach(() => {
    clearAllDrafts();
    closeOutboxes();
  });

  describe('every kind of question, in every state, passes axe', () => {
    it('asks each kind with a label or a legend, its hint, and "(optional)" on what may be skipped', async () => {
      const element = await showForm('every-kind', backendWith(everyKind));
      expect(read(part(element, 'title'))).to.equal('Tell us about the library');
      expect(part(element, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(parts(element, 'section-title').map((title) => [read(title), title.getAttribute('aria-level')])).to.deep.equal([
        ['Your visit', '3'],
        ['Equality monitoring', '3'],
      ]);
      // A rating is a radio group of labelled points inside a fieldset, not a row of clickable stars.
      const stars = question(element, 'How was your visit?');
      expect(read(stars.querySelector('legend'))).to.equal('How was your visit?');
      expect([...stars.querySelectorAll('input')].map((input) => [input.type, read(stars.querySelector(`label[for="${input.id}"]`))])).to.deep.equal(
        ['1', '2', '3', '4', '5'].map((label) => ['radio', label]),
      );
      expect(stars.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(stars.querySelector('[part~="hint"]')!.id);
      expect(read(question(element, 'How helpful were the staff?').querySelector('legend'))).to.equal('How helpful were the staff? (optional)');
      const name = field(element, 'Your name');
      expect([name.localName, name.getAttribute('autocomplete'), element.shadowRoot!.querySelector(`label[for="${name.id}"]`) !== null]).to.deep.equal([
        'input',
        'name',
        true,
      ]);
      expect(field(element, 'Anything else?').localName).to.equal('textarea');
      expect([field(element, 'Email address').type, field(element, 'Email address').getAttribute('autocomplete')]).to.deep.equal(['email', 'email']);
      expect(field(element, 'Postcode').getAttribute('autocomplete')).to.equal('postal-code');
      const privacy = part(element, 'privacy')!;
      expect(read(privacy)).to.equal('We keep your answers for a year. Read our privacy notice (opens in new tab)');
      expect([privacy.querySelector('a')!.href, privacy.querySelector('a')!.target]).to.deep.equal(['https://fernwick.example/privacy', '_blank']);
      expect(option(element, 'I agree', 'I agree to how my answers are used').getAttribute('aria-describedby')).to.equal(privacy.id);
      await expect(element).to.be.accessible();
    });

    it('shows a focused error summary linking to each field, and the same message beside it, and passes axe', async () => {
      const element = await showForm('every-kind', backendWith(everyKind));
      await type(element, 'Email address', 'jo@fernwick');
      await type(element, 'Postcode', 'FW1');
      await type(element, 'Anything else?', 'x'.repeat(51));
      await send(element);
      const summary = part(element, 'error-summary')!;
      expect(element.shadowRoot!.activeElement, 'the summary takes focus').to.equal(summary);
      expect(read(summary.querySelector('[role="heading"]'))).to.equal('There is a problem');
      expect(summaryLines(element)).to.deep.equal([
        'Select an answer to “How was your visit?”',
        '“Anything else?” must be 50 characters or fewer',
        'Select an answer to “What did you come for?”',
        'Select at least one answer to “Which would you use?”',
        'Enter an email address in the correct format, like name@example.com',
        'Enter a full UK postcode, like SW1A 2AA',
        'Select the box to agree to how your answers will be used',
      ]);
      expect(errorBeside(element, 'Email address')).to.equal('Enter an email address in the correct format, like name@example.com');
      expect(errorBeside(element, 'What is your age?'), 'nothing is required in equality monitoring').to.equal('');
      const email = field(element, 'Email address');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.getAttribute('aria-describedby')).to.include(question(element, 'Email address').querySelector('[part~="error-message"]')!.id);
      expect(question(element, 'Email address').classList.contains('form-group--error')).to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('reveals follow-ups under the answer that asks them, and passes axe with every one shown and answered', async () => {
      const element = await showForm('every-kind', backendWith(everyKind));
      const other = option(element, 'What did you come for?', 'Something else');
      const reveal = element.shadowRoot!.getElementById(other.getAttribute('aria-controls')!)!;
      expect(reveal.hidden, 'hidden until chosen').to.equal(true);
      await answerRequired(element);
      await choose(element, 'What did you come for?', 'Something else');
      expect(reveal.hidden).to.equal(false);
      expect(read(reveal.querySelector('label'))).to.equal('What else?');
      // A rating's follow-up is not nested under a point: it appears after the rating.
      expect(() => question(element, 'Why do you say that?')).to.throw();
      await choose(element, 'How helpful were the staff?', 'Not helpful');
      await type(element, 'Why do you say that?', 'Nobody at the desk');
      await type(element, 'What else?', 'The toilets');
      await choose(element, 'What is your age?', 'Prefer not to say');
      await choose(element, 'What is your religion?', 'Another religion');
      await type(element, 'Your name', 'Ada');
      await expect(element).to.be.accessible();
      const heard = submitted(element);
      await send(element);
      const { detail } = await heard;
      expect(detail.response.answers).to.deep.equal({
        stars: 4,
        staff: 1,
        why: 'Nobody at the desk',
        name: 'Ada',
        'came-for': 'other',
        'came-for-other': 'The toilets',
        'would-use': ['cafe'],
        age: PREFER_NOT_TO_SAY,
        faith: ['other'],
        consent: true,
      });
    });

    it('counts characters as GOV.UK does: politely, after a pause, with no cut-off, and an error past the limit', async () => {
      const element = await showForm('every-kind', backendWith(everyKind));
      const box = field(element, 'Anything else?');
      const count = question(element, 'Anything else?').querySelector<HTMLElement>('[part~="character-count"]')!;
      const [limit, visible, live] = [...count.children] as HTMLElement[];
      expect(box.hasAttribute('maxlength'), 'no hard cut-off').to.equal(false);
      expect(read(limit)).to.equal('You can enter up to 50 characters');
      expect(box.getAttribute('aria-describedby')).to.include(limit!.id);
      expect([read(visible), visible!.getAttribute('aria-hidden')]).to.deep.equal(['You have 50 characters remaining', 'true']);
      expect(live!.getAttribute('aria-live')).to.equal('polite');
      // 56 characters (the clock is one character, two UTF-16 units), as the server counts them.
      await type(element, 'Anything else?', 'Longer opening hours on Saturdays 🕘 and on Sundays too!!');
      expect(box.value, 'nothing cut').to.equal('Longer opening hours on Saturdays 🕘 and on Sundays too!!');
      expect(read(visible)).to.equal('You have 6 characters too many');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(read(live), 'silent while the resident types').to.equal('');
      await waitUntil(() => read(live) === 'You have 6 characters too many', 'the count was never announced', { timeout: 3000 });
      await type(element, 'Anything else?', 'Longer opening hours');
      expect(read(visible)).to.equal('You have 30 characters remaining');
      await expect(element).to.be.accessible();
    });

    it('lets "None of these" stand alone, and offers "Prefer not to say" for every equality question', async () => {
      const element = await showForm('every-kind', backendWith(everyKind));
      await choose(element, 'Which would you use?', 'A café');
      await choose(element, 'Which would you use?', 'None of these');
      expect([option(element, 'Which would you use?', 'A café').checked, option(element, 'Which would you use?', 'None of these').checked]).to.deep.equal([false, true]);
      const divider = option(element, 'Which would you use?', 'None of these').parentElement!.previousElementSibling!;
      expect(read(divider)).to.equal('or');
      await choose(element, 'Which would you use?', 'A reading garden');
      expect([option(element, 'Which would you use?', 'A reading garden').checked, option(element, 'Which would you use?', 'None of these').checked]).to.deep.equal([true, false]);
      for (const label of ['What is your age?', 'What is your religion?']) {
        expect(option(element, label, 'Prefer not to say'), label).to.exist;
      }
      await choose(element, 'What is your religion?', 'No religion');
      await choose(element, 'What is your religion?', 'Prefer not to say');
      expect(option(element, 'What is your religion?', 'No religion').checked).to.equal(false);
    });

    it('shows a refusal that is not about a field, keeps the answers, and fires civic-error', async () => {
      const closed = backendWith(everyKind);
      closed.submitFeedback = async () => {
        const { CivicError } = await import('../src/client/client.js');
        throw new CivicError('closed', 'Form closed', { status: 423 });
      };
      const element = await showForm('every-kind', closed);
      await answerRequired(element);
      const failed = oneEvent(element, 'civic-error');
      await send(element);
      expect((await failed).detail.code).to.equal('closed');
      await waitUntil(() => part(element, 'error'));
      expect(read(part(element, 'error'))).to.equal('Sorry, there is a problem This is not open at the moment.');
      expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
      expect(option(element, 'What did you come for?', 'Books').checked, 'answers kept').to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('confirms with a GOV.UK panel that takes focus, tells the page through civic-feedback-submitted, and passes axe', async () => {
      const element = await showForm('every-kind', backendWith(everyKind));
      await answerRequired(element);
      await type(element, 'Postcode', ' fw1  4qt ');
      await type(element, 'Email address', ' jo@fernwick.example ');
      const heard = submitted(element);
      await send(element);
      const { detail } = await heard;
      await element.updateComplete;
      const panel = part(element, 'panel')!;
      expect(element.shadowRoot!.activeElement).to.equal(panel);
      expect(panel.innerText.split('\n').filter(Boolean)).to.deep.equal(['Your feedback has been sent', 'Your reference number', detail.receipt.id]);
      expect(detail.response).to.deep.equal({
        formId: 'every-kind',
        answers: { stars: 4, 'came-for': 'books', 'would-use': ['cafe'], email: 'jo@fernwick.example', postcode: 'FW1 4QT', consent: true },
      });
      await expect(element).to.be.accessible();
    });
  });

  it('can be completed with the keyboard alone, from the error summary to the confirmation', async () => {
    const element = await showForm('fernwick-feedback', createMemoryClient(), { 'proposal-id': 'ash-pocket-park' });
    const focused = () => element.shadowRoot!.activeElement as HTMLElement | null;
    const press = (key: string, times = 1) => Array.from({ length: times }).reduce<Promise<void>>((done) => done.then(() => sendKeys({ press: key })), Promise.resolve());
    // Rating, comment box, ward, five categories, consent, then the button.
    await press('Tab', 10);
    expect(read(focused())).to.equal('Send');
    await press('Enter');
    await element.updateComplete;
    expect(focused()).to.equal(part(element, 'error-summary'));
    await press('Tab');
    expect(read(focused())).to.equal('Select an answer to “How easy was it to vote?”');
    await press('Enter');
    expect(focused()).to.equal(option(element, 'How easy was it to vote?', '1'));
    await press('ArrowRight', 3);
    await press('Tab');
    expect(focused()).to.equal(field(element, 'What could we do better?'));
    await sendKeys({ type: 'More benches' });
    await press('Tab');
    await press('ArrowDown');
    await press('Tab');
    await press('Space');
    await press('Tab', 5);
    await press('Space');
    await press('Tab');
    const heard = submitted(element);
    await press('Enter');
    const { detail } = await heard;
    expect(detail.response).to.deep.equal({
      formId: 'fernwick-feedback',
      proposalId: 'ash-pocket-park',
      answers: { ease: 4, improve: 'More benches', ward: 'brindle-park', 'next-focus': ['green-spaces'], consent: true },
    });
    await element.updateComplete;
    expect(focused()).to.equal(part(element, 'panel'));
  });

  it('runs a long consultation: follow-ups come and go with the answers that ask them, and hidden ones are neither required nor sent', async function () {
    // axe over some 80 fields takes seconds on a busy machine.
    this.timeout(40_000);
    const element = await showForm('fernwick-park-consultation');
    const barriers = () => element.shadowRoot!.querySelector<HTMLElement>(`#${option(element, 'How often do you visit', 'Never').getAttribute('aria-controls')}`)!;
    await choose(element, 'How often do you visit', 'Never');
    await type(element, 'What stops you from visiting', 'The towpath is dark');
    await choose(element, 'How often do you visit', 'Most days');
    expect(barriers().hidden).to.equal(true);
    await choose(element, 'Would you like email updates', 'Yes');
    await send(element);
    expect(summaryLines(element)).to.deep.equal([
      'Select an answer to “How safe do you feel in the park after dark?”',
      'Select at least one answer to “Which of our proposed improvements matter most to you?”',
      'Select an answer to “Do you support closing the Wharf Street entrance to cars?”',
      'Enter an email address',
      'Select the box to agree to how your answers will be used',
    ]);
    // Changing their mind loses nothing: the hidden answer comes back with its question.
    await choose(element, 'How often do you visit', 'Never');
    expect(field(element, 'What stops you from visiting').value).to.equal('The towpath is dark');
    await choose(element, 'How often do you visit', 'Less often');
    await choose(element, 'Would you like email updates', 'No');
    await choose(element, 'How safe do you feel', 'Safe');
    await choose(element, 'Which of our proposed improvements', 'More benches');
    await choose(element, 'Which of our proposed improvements', 'Brighter lighting on the towpath');
    await choose(element, 'Do you support closing', 'Support');
    await choose(element, 'Do you have a physical or mental health condition', 'Yes');
    await choose(element, 'Does your condition or illness reduce', 'Yes, a little');
    await choose(element, 'What is your ethnic group?', 'Another ethnic group');
    await type(element, 'How would you describe your ethnic group?', 'Cornish');
    await choose(element, 'What is your ethnic group?', 'Prefer not to say');
    option(element, 'I agree', 'I agree that Fernwick Council can use my answers as the privacy notice describes').click();
    await expect(element).to.be.accessible();
    const heard = submitted(element);
    await send(element);
    const { detail } = await heard;
    expect(detail.response.answers).to.deep.equal({
      visits: 'less-often',
      safety: 4,
      priorities: ['more-benches', 'brighter-lighting-on-the-towpath'],
      'wharf-street': 'support',
      updates: 'no',
      disability: 'yes',
      'disability-impact': 'yes-a-little',
      ethnicity: PREFER_NOT_TO_SAY,
      consent: true,
    });
  });

  it('works right to left: boxes and reveal lines on the right, and passes axe', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const element = await showForm('every-kind', backendWith(everyKind));
    wrapper.append(element);
    await waitUntil(() => part(element, 'form'));
    await choose(element, 'What did you come for?', 'Something else');
    const choice = option(element, 'What did you come for?', 'Books').parentElement!;
    const box = option(element, 'What did you come for?', 'Books').getBoundingClientRect();
    expect(getComputedStyle(choice).direction).to.equal('rtl');
    expect(Math.abs(box.right - choice.getBoundingClientRect().right), 'the radio sits at the start, on the right').to.be.below(3);
    const reveal = element.shadowRoot!.querySelector<HTMLElement>('[part~="conditional"]:not([hidden])')!;
    expect([getComputedStyle(reveal).borderRightWidth, getComputedStyle(reveal).borderLeftWidth]).to.deep.equal(['4px', '0px']);
    await send(element);
    await expect(wrapper).to.be.accessible();
  });

  it('sends the host page’s hidden context, and leaves out context a server would refuse', async () => {
    const element = await showForm('every-kind', backendWith(everyKind), { 'data-context-page': '/libraries/fernwick-central' });
    element.context = { campaign: 'spring-leaflet' };
    await answerRequired(element);
    const heard = submitted(element);
    await send(element);
    expect((await heard).detail.response.context).to.deep.equal({ page: '/libraries/fernwick-central', campaign: 'spring-leaflet' });

    const second = await showForm('every-kind', backendWith(everyKind));
    second.context = { 'not a name': 'x' };
    await answerRequired(second);
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const sent = submitted(second);
      await send(second);
      expect((await sent).detail.response.context, 'the answers still go').to.equal(undefined);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.match(/^civic-feedback-form: the context was not sent/);
  });

  it('keeps the heading level the page asks for', async () => {
    const element = await showForm('every-kind', backendWith(everyKind), { 'heading-level': '3' });
    expect([part(element, 'title')!.getAttribute('aria-level'), part(element, 'section-title')!.getAttribute('aria-level')]).to.deep.equal(['3', '4']);
    await aTimeout(0);
  });
});
