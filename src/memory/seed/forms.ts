import type { FeedbackForm } from '../../domain/types.js';
import { CATEGORIES, WARDS } from './fernwick.js';

/** Options whose values are their labels in lower case with hyphens: `Green spaces` → `green-spaces`. */
export const options = (labels: string[]) => labels.map((label) => ({ value: label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), label }));

/** A short feedback form about the round. */
export function feedbackForm(): FeedbackForm {
  return {
    id: 'fernwick-feedback',
    title: 'Tell us what you think',
    description: 'Your answers help us run the next round better.',
    questions: [
      { id: 'ease', kind: 'rating', label: 'How easy was it to vote?', hint: '1 is very hard, 5 is very easy', required: true },
      { id: 'improve', kind: 'text', label: 'What could we do better?', required: false, maxLength: 500 },
      { id: 'ward', kind: 'choice', label: 'Which ward do you live in?', required: false, options: options([...WARDS, 'Outside Fernwick']) },
      { id: 'next-focus', kind: 'multi-choice', label: 'What should the next round focus on?', hint: 'Choose any', required: false, options: options(CATEGORIES) },
      { id: 'consent', kind: 'consent', label: 'I agree that Fernwick Council may keep my answers for 12 months to improve its services', required: true },
    ],
  };
}
