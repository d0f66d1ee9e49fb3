import { msg, str } from '@lit/localize';
import type { Question } from '../../domain/types.js';
import { formatNumber } from '../../domain/format.js';
import { plural } from '../../i18n/plural.js';
import { textIn } from '../../domain/localized-text.js';

/**
 * What a resident reads about a problem with one answer, in GOV.UK's style (say what to do, name
 * the question so each line of the error summary makes sense alone). `code` is a `FeedbackProblem`
 * code, from the form's own check or from the server's field errors; a code this version does not
 * know still gets a sentence naming the question.
 */
export function problemMessage(question: Question, code: string, locale: string): string {
  // Isolated, so that a label in another script keeps its punctuation in a right-to-left sentence, and the other way round.
  const label = `\u2068${textIn(question.label, locale)}\u2069`;
  switch (code) {
    case 'required':
      if (question.kind === 'email') return msg('Enter an email address');
      if (question.kind === 'postcode') return msg('Enter a postcode');
      if (question.kind === 'text') return msg(str`Enter an answer to “${label}”`);
      if (question.kind === 'multi-choice') return msg(str`Select at least one answer to “${label}”`);
      return msg(str`Select an answer to “${label}”`);
    case 'consent-required':
      return msg('Select the box to agree to how your answers will be used');
    case 'too-long':
      return tooLong(label, question.maxLength ?? 0, locale);
    case 'invalid-email':
      return msg('Enter an email address in the correct format, like name@example.com');
    case 'invalid-postcode':
      return msg('Enter a full UK postcode, like SW1A 2AA');
    default:
      return msg(str`Check your answer to “${label}”`);
  }
}

function tooLong(label: string, limit: number, locale: string): string {
  const max = formatNumber(limit, locale);
  return plural(limit, locale, {
    zero: () => msg(str`“${label}” must be ${max} characters or fewer`, { id: 'feedback.too-long.zero' }),
    one: () => msg(str`“${label}” must be ${max} character or fewer`, { id: 'feedback.too-long.one' }),
    two: () => msg(str`“${label}” must be ${max} characters or fewer`, { id: 'feedback.too-long.two' }),
    few: () => msg(str`“${label}” must be ${max} characters or fewer`, { id: 'feedback.too-long.few' }),
    many: () => msg(str`“${label}” must be ${max} characters or fewer`, { id: 'feedback.too-long.many' }),
    other: () => msg(str`“${label}” must be ${max} characters or fewer`, { id: 'feedback.too-long.other' }),
  });
}
