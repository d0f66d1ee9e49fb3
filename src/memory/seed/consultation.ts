import type { FeedbackForm } from '../../domain/types.js';
import { options } from './forms.js';

/**
 * A council consultation as Fernwick would run it: sections, a rating with labelled points, an
 * exclusive "None of these", follow-up questions revealed by earlier answers, an email address
 * only for residents who want updates, a postcode, optional equality monitoring (as the Equality
 * Act 2010 public sector duty leads councils to ask) and consent beside the privacy notice.
 */
export function parkConsultation(): FeedbackForm {
  return {
    id: 'fernwick-park-consultation',
    title: 'Have your say: the future of Canal Wharf Park',
    description:
      'We plan to improve Canal Wharf Park next year. Tell us how you use the park and what matters to you. It takes about 5 minutes.',
    sections: [
      { id: 'visits', title: 'How you use the park' },
      { id: 'plans', title: 'Our plans' },
      { id: 'about-you', title: 'About you' },
      {
        id: 'equality',
        title: 'Equality monitoring',
        description:
          'These questions are optional. Your answers help us check that our plans work for everyone in Fernwick. We only ever report them as totals.',
        equalityMonitoring: true,
      },
    ],
    questions: [
      {
        id: 'visits',
        kind: 'choice',
        section: 'visits',
        label: 'How often do you visit Canal Wharf Park?',
        required: true,
        options: options(['Most days', 'At least once a week', 'At least once a month', 'Less often', 'Never']),
      },
      {
        id: 'barriers',
        kind: 'text',
        section: 'visits',
        label: 'What stops you from visiting the park?',
        required: true,
        maxLength: 500,
        showIf: { questionId: 'visits', equals: 'never' },
      },
      {
        id: 'activities',
        kind: 'multi-choice',
        section: 'visits',
        label: 'What do you do in the park?',
        hint: 'Select all that apply.',
        required: false,
        options: options(['Walk or run', 'Walk a dog', 'Play with children', 'Sport or exercise', 'Meet friends or family', 'Something else']),
      },
      {
        id: 'activities-other',
        kind: 'text',
        section: 'visits',
        label: 'What else do you do in the park?',
        required: false,
        multiline: false,
        maxLength: 100,
        showIf: { questionId: 'activities', includes: 'something-else' },
      },
      {
        id: 'safety',
        kind: 'rating',
        section: 'visits',
        label: 'How safe do you feel in the park after dark?',
        required: true,
        options: ['Very unsafe', 'Unsafe', 'Neither safe nor unsafe', 'Safe', 'Very safe'].map((label, i) => ({ value: String(i + 1), label })),
      },
      {
        id: 'priorities',
        kind: 'multi-choice',
        section: 'plans',
        label: 'Which of our proposed improvements matter most to you?',
        hint: 'Select all that apply.',
        required: true,
        options: [
          ...options(['Brighter lighting on the towpath', 'More benches', 'A play area for under-fives', 'Outdoor gym equipment', 'Wildflower meadows', 'Public toilets']),
          { value: 'none', label: 'None of these', exclusive: true },
        ],
      },
      {
        id: 'wharf-street',
        kind: 'choice',
        section: 'plans',
        label: 'Do you support closing the Wharf Street entrance to cars?',
        hint: 'Walkers and cyclists could still use it. Blue Badge holders would park at the Elm Road entrance.',
        required: true,
        options: options(['Strongly support', 'Support', 'Neither support nor oppose', 'Oppose', 'Strongly oppose', 'Do not know']),
      },
      {
        id: 'comments',
        kind: 'text',
        section: 'plans',
        label: 'Is there anything else you would like to tell us about our plans?',
        hint: 'Do not include personal information such as your name or phone number.',
        required: false,
        maxLength: 2000,
      },
      {
        id: 'postcode',
        kind: 'postcode',
        section: 'about-you',
        label: 'What is your postcode?',
        hint: 'So we know which neighbourhoods have answered. For example, FW1 4QT.',
        required: false,
      },
      {
        id: 'updates',
        kind: 'choice',
        section: 'about-you',
        label: 'Would you like email updates about the park?',
        required: true,
        options: options(['Yes', 'No']),
      },
      {
        id: 'email',
        kind: 'email',
        section: 'about-you',
        label: 'Email address',
        hint: 'We will only use this to send updates about Canal Wharf Park.',
        required: true,
        showIf: { questionId: 'updates', equals: 'yes' },
      },
      {
        id: 'age',
        kind: 'choice',
        section: 'equality',
        label: 'What is your age?',
        required: false,
        options: options(['Under 16', '16 to 24', '25 to 34', '35 to 44', '45 to 54', '55 to 64', '65 to 74', '75 or over']),
      },
      {
        id: 'disability',
        kind: 'choice',
        section: 'equality',
        label: 'Do you have a physical or mental health condition or illness lasting, or expected to last, 12 months or more?',
        required: false,
        options: options(['Yes', 'No']),
      },
      {
        id: 'disability-impact',
        kind: 'choice',
        section: 'equality',
        label: 'Does your condition or illness reduce your ability to carry out day-to-day activities?',
        required: false,
        options: options(['Yes, a lot', 'Yes, a little', 'Not at all']),
        showIf: { questionId: 'disability', equals: 'yes' },
      },
      {
        id: 'ethnicity',
        kind: 'choice',
        section: 'equality',
        label: 'What is your ethnic group?',
        required: false,
        options: options([
          'Asian or Asian British',
          'Black, Black British, Caribbean or African',
          'Mixed or multiple ethnic groups',
          'White',
          'Another ethnic group',
        ]),
      },
      {
        id: 'ethnicity-other',
        kind: 'text',
        section: 'equality',
        label: 'How would you describe your ethnic group?',
        required: false,
        multiline: false,
        maxLength: 100,
        showIf: { questionId: 'ethnicity', equals: 'another-ethnic-group' },
      },
      {
        id: 'religion',
        kind: 'choice',
        section: 'equality',
        label: 'What is your religion?',
        required: false,
        options: options(['No religion', 'Buddhist', 'Christian', 'Hindu', 'Jewish', 'Muslim', 'Sikh', 'Another religion']),
      },
      {
        id: 'consent',
        kind: 'consent',
        label: 'I agree that Fernwick Council can use my answers as the privacy notice describes',
        required: true,
        privacy: {
          text: 'The Parks team will use your answers to plan the improvements and will publish a summary. We keep your answers for 12 months and never share them outside the council.',
          url: 'https://fernwick.example/privacy/consultations',
          linkText: 'Read the consultations privacy notice',
        },
      },
    ],
  };
}
