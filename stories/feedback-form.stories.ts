import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FeedbackForm, Question } from '../src/domain/types.js';
import { createMemoryClient } from '../src/memory/index.js';
import '../src/elements/feedback-form/feedback-form.js';
import { failingClient, silentClient } from './support/clients.js';

const meta: Meta = {
  title: 'Elements/Feedback form',
  component: 'civic-feedback-form',
  tags: ['autodocs'],
  render: (args) => html`<civic-feedback-form
    form=${args.form}
    proposal-id=${ifDefined(args['proposal-id'] || undefined)}
    heading-level=${args['heading-level']}
  ></civic-feedback-form>`,
  args: { form: 'fernwick-feedback', 'heading-level': 2 },
};
export default meta;

type Story = StoryObj;

/** A story of `form`, served by its own in-browser backend. */
function formStory(form: FeedbackForm): Story {
  return { args: { form: form.id }, parameters: { client: createMemoryClient({ rounds: [], simulations: [], forms: [form] }) } };
}

/** A form with one question. */
function oneQuestion(question: Question, extra: Partial<FeedbackForm> = {}): Story {
  return formStory({ id: `story-${question.id}`, title: 'Tell us about Elmhurst Library', questions: [question], ...extra });
}

/** Waits up to 5 s for the form in the story to show a part, so a play function checks the state it made. */
async function shows(canvas: HTMLElement, part: string): Promise<ShadowRoot> {
  for (let i = 0; i < 100; i++) {
    const root = canvas.querySelector('civic-feedback-form')?.shadowRoot;
    if (root?.querySelector(`[part~="${part}"]`)) return root;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The feedback form never showed its ${part}`);
}

/** The demo's short feedback form, with the five kinds of question forms have always had. */
export const Default: Story = {};

/** A council consultation: sections, follow-ups, a postcode, an email only for updates, equality monitoring and consent. */
export const Consultation: Story = { args: { form: 'fernwick-park-consultation' } };

/** About one proposal: its id travels with the answers. */
export const AboutAProposal: Story = { args: { 'proposal-id': 'ash-pocket-park' } };

/** A rating is a group of radios whose points are numbers, explained by the hint. */
export const Rating: Story = oneQuestion({ id: 'visit', kind: 'rating', label: 'How was your visit?', hint: '1 is very poor, 5 is excellent', required: true });

/** A rating whose points have words. */
export const RatingWithLabels: Story = oneQuestion({
  id: 'staff',
  kind: 'rating',
  label: 'How helpful were the staff?',
  required: true,
  options: ['Not at all helpful', 'Not very helpful', 'Quite helpful', 'Very helpful'].map((label, i) => ({ value: String(i + 1), label })),
});

/** A comment box with GOV.UK's character count. */
export const LongText: Story = oneQuestion({
  id: 'comment',
  kind: 'text',
  label: 'What could the library do better?',
  hint: 'Do not include personal information such as your name or phone number.',
  required: false,
  maxLength: 300,
});

/** A one-line answer the browser can fill in. */
export const ShortText: Story = oneQuestion({ id: 'name', kind: 'text', label: 'Your name', required: false, multiline: false, autocomplete: 'name' });

export const SingleChoice: Story = oneQuestion({
  id: 'often',
  kind: 'choice',
  label: 'How often do you visit the library?',
  required: true,
  options: [
    { value: 'weekly', label: 'Every week' },
    { value: 'monthly', label: 'Every month' },
    { value: 'rarely', label: 'Less often' },
  ],
});

/** Checkboxes with an exclusive "None of these" under GOV.UK's "or". */
export const MultipleChoice: Story = oneQuestion({
  id: 'use',
  kind: 'multi-choice',
  label: 'What would you use the library for?',
  hint: 'Select all that apply.',
  required: true,
  options: [
    { value: 'books', label: 'Borrowing books' },
    { value: 'computers', label: 'Using the computers' },
    { value: 'study', label: 'A quiet place to study' },
    { value: 'none', label: 'None of these', exclusive: true },
  ],
});

export const Email: Story = oneQuestion({ id: 'email', kind: 'email', label: 'Email address', hint: 'We will only use this to reply to you.', required: true });

export const Postcode: Story = oneQuestion({ id: 'postcode', kind: 'postcode', label: 'What is your postcode?', hint: 'For example, FW1 4QT.', required: false });

/** A required checkbox beside the council's privacy notice. */
export const Consent: Story = oneQuestion({
  id: 'consent',
  kind: 'consent',
  label: 'I agree that Fernwick Council can use my answers as the privacy notice describes',
  required: true,
  privacy: {
    text: 'We keep your answers for 12 months and never share them outside the council.',
    url: 'https://fernwick.example/privacy',
    linkText: 'Read the privacy notice',
  },
});

/** Optional questions where every choice offers "Prefer not to say". */
export const EqualityMonitoring: Story = oneQuestion(
  { id: 'age', kind: 'choice', section: 'equality', label: 'What is your age?', required: false, options: [{ value: 'under-25', label: 'Under 25' }, { value: '25-64', label: '25 to 64' }, { value: '65-plus', label: '65 or over' }] },
  { sections: [{ id: 'equality', title: 'Equality monitoring', description: 'These questions are optional.', equalityMonitoring: true }] },
);

/** A follow-up revealed under the answer that asks it (GOV.UK conditional reveal). */
export const FollowUp: Story = {
  ...formStory({
    id: 'story-follow-up',
    title: 'Tell us about Elmhurst Library',
    questions: [
      { id: 'came-for', kind: 'choice', label: 'What did you come for?', required: true, options: [{ value: 'books', label: 'Books' }, { value: 'other', label: 'Something else' }] },
      { id: 'other-text', kind: 'text', label: 'What else?', required: true, multiline: false, showIf: { questionId: 'came-for', equals: 'other' } },
    ],
  }),
  play: async ({ canvasElement }) => {
    (await shows(canvasElement, 'form')).querySelector<HTMLInputElement>('input[value="other"]')!.click();
    await shows(canvasElement, 'conditional');
  },
};

/** After "Send" with nothing answered: the focused error summary and a message beside each question. */
export const WithErrors: Story = {
  args: { form: 'fernwick-park-consultation' },
  play: async ({ canvasElement }) => {
    (await shows(canvasElement, 'form')).querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await shows(canvasElement, 'error-summary');
  },
};

/** The confirmation panel, once the council has the answers. */
export const Sent: Story = {
  args: { form: 'story-visit' },
  parameters: Rating.parameters,
  play: async ({ canvasElement }) => {
    const root = await shows(canvasElement, 'form');
    root.querySelector<HTMLInputElement>('input[value="4"]')!.click();
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await shows(canvasElement, 'panel');
  },
};

/** Right to left, as the page's `dir` sets it. */
export const RightToLeft: Story = { args: { form: 'fernwick-park-consultation' }, globals: { direction: 'rtl' } };

/** Two forms on one page, each with its own errors, focus and draft. */
export const TwoOnOnePage: Story = {
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:32px">
    <civic-feedback-form form="fernwick-feedback" proposal-id="ash-pocket-park" heading-level="3"></civic-feedback-form>
    <civic-feedback-form form="fernwick-feedback" proposal-id="ash-street-trees" heading-level="3"></civic-feedback-form>
  </div>`,
};

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const NotFound: Story = { args: { form: 'no-such-form' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };

export const MissingFormId: Story = { render: () => html`<civic-feedback-form></civic-feedback-form>` };
