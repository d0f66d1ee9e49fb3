import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/elements/feedback-form/feedback-form.js';
import type { CivicFeedbackForm } from '../src/elements/feedback-form/feedback-form.js';
import { createMemoryClient } from '../src/memory/index.js';
import { clearAllDrafts } from '../src/core/draft-controller.js';
import { runConformance } from './support/conformance.js';

describe('civic-feedback-form', () => {
  runConformance({ tag: 'civic-feedback-form', attributes: { form: 'fernwick-feedback' }, done: '[part~="form"]' });

  afterEach(() => clearAllDrafts());

  it('smoke: renders the consultation', async () => {
    const client = createMemoryClient();
    const el = await fixture<CivicFeedbackForm>(html`<civic-feedback-form form="fernwick-park-consultation" .client=${client}></civic-feedback-form>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="form"]'));
    await expect(el).to.be.accessible();
    (el.shadowRoot!.querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error-summary"]'));
    await expect(el).to.be.accessible();
    void oneEvent;
  });
});
