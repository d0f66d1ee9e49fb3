/**
 * Helpers for the feedback form's tests: find a question by its label as a resident would, answer
 * it, send the form, and read what the resident sees.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { CivicClient } from '../../src/client/client.js';
import '../../src/elements/feedback-form/feedback-form.js';
import type { CivicFeedbackForm } from '../../src/elements/feedback-form/feedback-form.js';
import type { FeedbackForm } from '../../src/domain/types.js';
import { createMemoryClient } from '../../src/memory/index.js';
import { outboxFor } from '../../src/core/outbox-for.js';

export const part = (element: HTMLElement, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (element: HTMLElement, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** Text as a resident reads it: whitespace collapsed, bidi isolates dropped. */
export const read = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** A memory backend serving only these forms. */
export const backendWith = (...forms: FeedbackForm[]) => createMemoryClient({ rounds: [], simulations: [], forms });

const clients = new Set<CivicClient>();

/** Closes the outboxes of the clients tests used, so no retry timer of one test runs into the next. */
export function closeOutboxes(): void {
  for (const client of clients) outboxFor(client).outbox.close();
  clients.clear();
}

/** A form element, shown and ready to answer. */
export async function showForm(form: string, client: CivicClient = createMemoryClient(), attributes: Record<string, string> = {}): Promise<CivicFeedbackForm> {
  const element = document.createElement('civic-feedback-form');
  element.setAttribute('form', form);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.client = client;
  clients.add(client);
  const wrapper = await fixture<HTMLElement>(html`<div>${element}</div>`);
  const shown = wrapper.firstElementChild as CivicFeedbackForm;
  await waitUntil(() => part(shown, 'form') || part(shown, 'queued') || part(shown, 'panel'), 'the form never showed', { timeout: 4000 });
  return shown;
}

/** The question whose label or legend starts with `label`. */
export function question(element: HTMLElement, label: string): HTMLElement {
  const found = parts(element, 'question').find((group) => read(group.querySelector('legend, label')).startsWith(label));
  if (!found) throw new Error(`No question "${label}" is shown`);
  return found;
}

/** The radio or checkbox of `question` labelled `option`. */
export function option(element: HTMLElement, label: string, optionLabel: string): HTMLInputElement {
  const group = question(element, label);
  const labelElement = [...group.querySelectorAll('.choice__label')].find((candidate) => read(candidate) === optionLabel && candidate.closest('[part~="question"]') === group);
  if (!labelElement) throw new Error(`"${label}" has no option "${optionLabel}"`);
  return group.querySelector<HTMLInputElement>(`#${(labelElement as HTMLLabelElement).htmlFor}`)!;
}

/** Clicks an option as a resident would (a click on the input, which the label also forwards to). */
export async function choose(element: CivicFeedbackForm, label: string, optionLabel: string): Promise<void> {
  option(element, label, optionLabel).click();
  await element.updateComplete;
}

/** The text field of a question. */
export function field(element: HTMLElement, label: string): HTMLInputElement | HTMLTextAreaElement {
  return question(element, label).querySelector('input, textarea')!;
}

/** Types into a question's text field (the whole value at once, as a paste would). */
export async function type(element: CivicFeedbackForm, label: string, text: string): Promise<void> {
  const input = field(element, label);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

export async function send(element: CivicFeedbackForm): Promise<void> {
  part(element, 'submit-button')!.click();
  await element.updateComplete;
}

/** The error message beside a question, without its hidden "Error:" prefix; '' when there is none. */
export function errorBeside(element: HTMLElement, label: string): string {
  return read(question(element, label).querySelector(':scope > [part~="error-message"], :scope > fieldset > [part~="error-message"]')).replace(/^Error: /, '');
}

export function summaryLines(element: HTMLElement): string[] {
  return [...(part(element, 'error-summary')?.querySelectorAll('li') ?? [])].map((item) => read(item));
}

/** A form with a question of every kind, follow-ups, sections and equality monitoring. */
export const everyKind: FeedbackForm = {
  id: 'every-kind',
  title: 'Tell us about the library',
  description: 'Five minutes, at most.',
  sections: [
    { id: 'visit', title: 'Your visit' },
    { id: 'equality', title: 'Equality monitoring', description: 'These questions are optional.', equalityMonitoring: true },
  ],
  questions: [
    { id: 'stars', kind: 'rating', section: 'visit', label: 'How was your visit?', hint: '1 is poor, 5 is excellent', required: true },
    {
      id: 'staff',
      kind: 'rating',
      section: 'visit',
      label: 'How helpful were the staff?',
      required: false,
      options: ['Not helpful', 'Quite helpful', 'Very helpful'].map((label, i) => ({ value: String(i + 1), label })),
    },
    { id: 'why', kind: 'text', section: 'visit', label: 'Why do you say that?', required: true, maxLength: 20, showIf: { questionId: 'staff', equals: 1 } },
    { id: 'name', kind: 'text', section: 'visit', label: 'Your name', required: false, multiline: false, autocomplete: 'name' },
    { id: 'comment', kind: 'text', section: 'visit', label: 'Anything else?', hint: 'No personal details, please.', required: false, maxLength: 50 },
    {
      id: 'came-for',
      kind: 'choice',
      section: 'visit',
      label: 'What did you come for?',
      required: true,
      options: [{ value: 'books', label: 'Books' }, { value: 'computers', label: 'Computers' }, { value: 'other', label: 'Something else' }],
    },
    { id: 'came-for-other', kind: 'text', section: 'visit', label: 'What else?', required: true, multiline: false, maxLength: 60, showIf: { questionId: 'came-for', equals: 'other' } },
    {
      id: 'would-use',
      kind: 'multi-choice',
      section: 'visit',
      label: 'Which would you use?',
      hint: 'Select all that apply.',
      required: true,
      options: [{ value: 'cafe', label: 'A café' }, { value: 'garden', label: 'A reading garden' }, { value: 'none', label: 'None of these', exclusive: true }],
    },
    { id: 'email', kind: 'email', label: 'Email address', required: false },
    { id: 'postcode', kind: 'postcode', label: 'Postcode', required: false },
    { id: 'age', kind: 'choice', section: 'equality', label: 'What is your age?', required: true, options: [{ value: 'under-25', label: 'Under 25' }, { value: '25-plus', label: '25 or over' }] },
    { id: 'faith', kind: 'multi-choice', section: 'equality', label: 'What is your religion?', required: false, options: [{ value: 'none', label: 'No religion' }, { value: 'other', label: 'Another religion' }] },
    {
      id: 'consent',
      kind: 'consent',
      label: 'I agree to how my answers are used',
      required: true,
      privacy: { text: 'We keep your answers for a year.', url: 'https://fernwick.example/privacy', linkText: 'Read our privacy notice' },
    },
  ],
};
