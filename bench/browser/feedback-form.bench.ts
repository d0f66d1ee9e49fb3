import { createMemoryClient } from '../../src/memory/index.js';
import type { CivicFeedbackForm } from '../../src/elements/feedback-form/feedback-form.js';
import { benchCase, container } from './harness.js';

// The park consultation (18 questions, about 80 fields with its follow-ups): the first render, a
// resident typing (every key re-renders the form and saves the draft), and "Send" with nothing
// answered (every message, the summary, focus).
const FORM = 'fernwick-park-consultation';

async function shownForm(host: HTMLElement): Promise<CivicFeedbackForm> {
  const element = document.createElement('civic-feedback-form');
  element.form = FORM;
  element.client = createMemoryClient();
  host.append(element);
  while (!element.shadowRoot?.querySelector('[part~="form"]')) await new Promise((resolve) => setTimeout(resolve));
  return element;
}

const clearDraft = () => localStorage.removeItem(`civic-widgets:draft:feedback:${FORM}:`);

export const feedbackFormBenchmarks = [
  benchCase({
    name: 'feedback-form consultation first render',
    prepare: () => ({ host: container(), client: createMemoryClient() }),
    measure: async ({ host, client }) => {
      const element = document.createElement('civic-feedback-form');
      element.form = FORM;
      element.client = client;
      host.append(element);
      while (!element.shadowRoot?.querySelector('[part~="form"]')) await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
    },
    cleanup: ({ host }) => host.remove(),
  }),
  benchCase({
    name: 'feedback-form consultation 20 keystrokes',
    prepare: async () => {
      clearDraft();
      const host = container();
      const element = await shownForm(host);
      const box = element.shadowRoot!.querySelectorAll('textarea')[1]!;
      return { host, element, box };
    },
    measure: async ({ element, box }) => {
      for (const letter of 'More benches, please') {
        box.value += letter;
        box.dispatchEvent(new Event('input'));
        await element.updateComplete;
      }
    },
    cleanup: ({ host }) => (host.remove(), clearDraft()),
  }),
  benchCase({
    name: 'feedback-form consultation send with errors',
    prepare: async () => {
      clearDraft();
      const host = container();
      return { host, element: await shownForm(host) };
    },
    measure: async ({ element }) => {
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await element.updateComplete;
    },
    cleanup: ({ host }) => (host.remove(), clearDraft()),
  }),
];
