import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PREFER_NOT_TO_SAY,
  answerOptions,
  askedAnswers,
  askedQuestions,
  formProblems,
  isEmailAddress,
  isUkPostcode,
  normalizePostcode,
  validateFeedback,
} from '../../src/domain/rules/index.js';
import { feedbackFieldErrors, fieldErrorsByKey } from '../../src/domain/field-errors.js';
import { FeedbackFormSchema, parseResponse } from '../../src/client/rest/schemas.js';
import { CivicError } from '../../src/client/client.js';
import { createMemoryClient, defaultSeed } from '../../src/memory/index.js';
import type { FeedbackForm } from '../../src/domain/types.js';

const form: FeedbackForm = {
  id: 'f',
  title: 'Park',
  sections: [{ id: 'eq', title: 'Equality monitoring', equalityMonitoring: true }],
  questions: [
    { id: 'visits', kind: 'choice', label: 'How often?', required: true, options: [{ value: 'often', label: 'Often' }, { value: 'never', label: 'Never' }] },
    { id: 'why-not', kind: 'text', label: 'Why not?', required: true, maxLength: 20, showIf: { questionId: 'visits', equals: 'never' } },
    {
      id: 'wants',
      kind: 'multi-choice',
      label: 'What do you want?',
      required: false,
      options: [{ value: 'trees', label: 'Trees' }, { value: 'other', label: 'Other' }, { value: 'none', label: 'None of these', exclusive: true }],
    },
    { id: 'wants-other', kind: 'text', label: 'What else?', required: false, multiline: false, showIf: { questionId: 'wants', includes: 'other' } },
    { id: 'email', kind: 'email', label: 'Email', required: false },
    { id: 'postcode', kind: 'postcode', label: 'Postcode', required: false },
    { id: 'age', kind: 'choice', section: 'eq', label: 'Age', required: true, options: [{ value: 'under-16', label: 'Under 16' }] },
    { id: 'faith', kind: 'multi-choice', section: 'eq', label: 'Religion', required: false, options: [{ value: 'none', label: 'No religion' }] },
  ],
};

test('a follow-up question is asked, and required, only when the earlier answer reveals it', () => {
  assert.deepEqual([...askedQuestions(form, { visits: 'often' })], ['visits', 'wants', 'email', 'postcode', 'age', 'faith']);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often' } }), []);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'never' } }), [{ code: 'required', questionId: 'why-not' }]);
  assert.ok(askedQuestions(form, { wants: ['trees', 'other'] }).has('wants-other'));
  assert.ok(!askedQuestions(form, { wants: ['trees'] }).has('wants-other'));
});

test('an answer to a question the other answers do not ask is refused, and a form never sends one', () => {
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', 'why-not': 'Too far' } }), [
    { code: 'not-asked', questionId: 'why-not' },
  ]);
  assert.deepEqual(askedAnswers(form, { visits: 'often', 'why-not': 'Too far', wants: ['trees'] }), { visits: 'often', wants: ['trees'] });
});

test('"None of these" stands alone', () => {
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', wants: ['none'] } }), []);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', wants: ['trees', 'none'] } }), [
    { code: 'exclusive', questionId: 'wants', value: 'none' },
  ]);
});

test('equality monitoring asks nothing that must be answered, and every choice offers "Prefer not to say", alone', () => {
  const age = form.questions.find((question) => question.id === 'age')!;
  assert.deepEqual(answerOptions(form, age, 'Mieux vaut ne pas dire').at(-1), { value: PREFER_NOT_TO_SAY, label: 'Mieux vaut ne pas dire', exclusive: true });
  assert.deepEqual(answerOptions(form, form.questions[0]!).map((option) => option.value), ['often', 'never'], 'not outside equality monitoring');
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', age: PREFER_NOT_TO_SAY, faith: [PREFER_NOT_TO_SAY] } }), []);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', faith: ['none', PREFER_NOT_TO_SAY] } }), [
    { code: 'exclusive', questionId: 'faith', value: PREFER_NOT_TO_SAY },
  ]);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'never', 'why-not': 'x', age: PREFER_NOT_TO_SAY } }).length, 0);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', 'visits-2': 1 } as never }), [
    { code: 'unknown-question', questionId: 'visits-2' },
  ]);
});

test('email addresses and UK postcodes in the form people type them', () => {
  for (const good of ['name@example.com', 'o’brien+parks@fernwick.gov.uk', 'jo@bücher.de']) assert.ok(isEmailAddress(good), good);
  for (const bad of ['name', 'name@example', 'name@@example.com', 'na me@example.com', 'name@example.c', `${'a'.repeat(250)}@example.com`]) {
    assert.ok(!isEmailAddress(bad), bad);
  }
  assert.equal(normalizePostcode(' sw1a2aa '), 'SW1A 2AA');
  for (const good of ['SW1A 2AA', 'sw1a2aa', 'M1 1AE', 'b33 8th', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA', 'EC1A  1BB']) assert.ok(isUkPostcode(good), good);
  for (const bad of ['SW1A', '12345', 'SW1A 2A', 'W1 AAA', 'Q']) assert.ok(!isUkPostcode(bad), bad);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { visits: 'often', email: 'jo@fernwick', postcode: 'FW1' } }), [
    { code: 'invalid-email', questionId: 'email' },
    { code: 'invalid-postcode', questionId: 'postcode' },
  ]);
});

test('context from the host page is small plain text', () => {
  const answers = { visits: 'often' };
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers, context: { page: '/parks/canal-wharf', 'utm.source': 'leaflet' } }), []);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers, context: null } as never), []);
  const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers, context: many }).map((p) => p.code === 'malformed' && p.field), ['context']);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers, context: { page: 'x'.repeat(1001), ok: 'x'.repeat(1000) } }).map((p) => p.code === 'malformed' && p.field), ['context.page']);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers, context: { 'bad key': 'v', n: 5 } } as never).map((p) => p.code === 'malformed' && p.field), ['context', 'context.n']);
});

test('a form definition must be consistent', () => {
  assert.deepEqual(formProblems(form), []);
  const broken: FeedbackForm = {
    id: 'b',
    title: 'Broken',
    sections: [{ id: 'eq', title: 'Equality', equalityMonitoring: true }],
    questions: [
      { id: 'a', kind: 'choice', label: 'A', required: false, showIf: { questionId: 'b', equals: 'x' }, options: [{ value: 'x', label: 'X' }] },
      { id: 'b', kind: 'choice', label: 'B', required: false, options: [{ value: 'x', label: 'X' }], section: 'nowhere' },
      { id: 'b', kind: 'text', label: 'B again', required: false, showIf: { questionId: 'a', equals: 'y' } },
      { id: 'c', kind: 'text', label: 'C', required: false, section: 'eq' },
      { id: 'd', kind: 'rating', label: 'D', required: true, options: [{ value: 'good', label: 'Good' }] },
      { id: 'e', kind: 'text', label: 'E', required: false, showIf: { questionId: 'a', includes: 'x' } },
      { id: 'f', kind: 'text', label: 'F', required: false, showIf: { questionId: 'a' } },
    ],
  };
  assert.deepEqual(formProblems(broken).map((problem) => problem.path), [
    'questions[0].showIf.questionId',
    'questions[1].section',
    'questions[2].id',
    'questions[2].showIf',
    'questions[3].kind',
    'questions[4].options',
    'questions[5].showIf',
    'questions[6].showIf',
  ]);
});

test('the client reads every new field of a form; the in-browser backend refuses an inconsistent one and names the field', () => {
  const parsed = parseResponse(FeedbackFormSchema, defaultSeed().forms[1], 'form');
  assert.deepEqual(parsed, defaultSeed().forms[1]);
  const odd = structuredClone(form);
  odd.questions[1]!.showIf = { questionId: 'visits', equals: { never: true } as never };
  assert.throws(() => parseResponse(FeedbackFormSchema, odd, 'form f'), (error: CivicError) => error.field === 'questions[1].showIf.equals');
  const broken = structuredClone(form);
  broken.questions[1]!.showIf = { questionId: 'email', equals: 'x' };
  assert.throws(
    () => createMemoryClient({ rounds: [], simulations: [], forms: [broken] }),
    (error: TypeError) => error.message === 'Memory seed: form "f" questions[1].showIf.questionId: "email" is not an earlier question of the form',
  );
});

test('a refused response’s field errors are sorted by question, even for ids with dots', () => {
  const errors = feedbackFieldErrors(validateFeedback(form, { formId: 'f', answers: { visits: 'never', wants: ['trees', 'none'] }, context: { page: 'x'.repeat(1001) } }));
  const { byKey, other } = fieldErrorsByKey([...errors, { field: 'answers.a.b', code: 'x', detail: '' }, { field: 'answers.a[0]', code: 'y', detail: '' }], 'answers', [...form.questions.map((q) => q.id), 'a', 'a.b']);
  assert.deepEqual([...byKey].map(([key, list]) => [key, list.map((error) => error.code)]), [
    ['why-not', ['required']],
    ['wants', ['exclusive']],
    ['a.b', ['x']],
    ['a', ['y']],
  ]);
  assert.deepEqual(other.map((error) => error.field), ['context.page']);
});

test('the in-browser backend takes a response with context, and refuses what the element would never send', async () => {
  const client = createMemoryClient();
  const consultation = 'fernwick-park-consultation';
  const base = { visits: 'most-days', safety: 4, priorities: ['more-benches'], 'wharf-street': 'support', updates: 'no', consent: true };
  const receipt = await client.submitFeedback({ formId: consultation, answers: { ...base, age: PREFER_NOT_TO_SAY }, context: { page: '/parks' } });
  assert.ok(receipt.id);
  const refused = await client.submitFeedback({ formId: consultation, answers: { ...base, email: 'jo@example.com', priorities: ['none', 'more-benches'] } }).catch((error: CivicError) => error);
  assert.ok(refused instanceof CivicError);
  assert.deepEqual(refused.fieldErrors.map(({ field, code }) => [field, code]), [
    ['answers.priorities', 'exclusive'],
    ['answers.email', 'not-asked'],
  ]);
});
