/**
 * The values a slider can take: whole steps from `min`, both ends and the baseline (which need not
 * be whole steps, as `isAllowedValue` in the domain's rules says), and why a typed amount cannot be used.
 */
import { textIn, type LocalizedText } from '../../domain/localized-text.js';
import { msg, str } from '@lit/localize';
import { isAllowedValue, isOnStep } from '../../domain/rules/simulation.js';

export interface SliderRange {
  min: number;
  max: number;
  step: number;
  baseline?: number;
}

/** A refused exact amount, as ElementInternals and the error message need it. */
export interface TypedProblem {
  flags: ValidityStateFlags;
  message: string;
}

/** Floating-point noise off a value made of percent steps: 0.1 × 29 is 2.9000000000000004. */
function clean(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9;
}

/** The allowed value nearest to `value`: within min..max, on a step, or the baseline itself. */
export function nearestAllowed({ min, max, step, baseline }: SliderRange, value: number): number {
  if (value <= min) return min;
  if (value >= max) return max;
  if (value === baseline) return value;
  return Math.min(max, clean(min + Math.round((value - min) / step) * step));
}

/**
 * The top of the native range: `max`, or the step just past it when `max` is between two steps,
 * so that the thumb can reach the end; a value there reads as `max`.
 */
export function rangeTop({ min, max, step }: SliderRange): number {
  return isOnStep({ min, step }, max) ? max : clean(min + Math.ceil((max - min) / step) * step);
}

/** The allowed values either side of a value between two steps. */
function neighbours(range: SliderRange, value: number): [number, number] {
  const below = Math.max(range.min, clean(range.min + Math.floor((value - range.min) / range.step) * range.step));
  const above = Math.min(range.max, clean(below + range.step));
  return [below, above];
}

export interface TypedLine extends SliderRange {
  label: LocalizedText;
  minReason?: LocalizedText;
  maxReason?: LocalizedText;
}

/**
 * Why an exact amount cannot be the value, in GOV.UK's words (`Enter…`, `…must be … or less`), or
 * undefined when it can (an empty box is no value, unless the slider is required). `say` writes a
 * value as the slider shows it; `example` is a number as the resident would type one.
 */
export function exactProblem(
  line: TypedLine & { baseline?: number },
  text: string,
  value: number | undefined,
  required: boolean,
  say: (value: number) => string,
  example: string,
  locale: string,
): TypedProblem | undefined {
  const label = textIn(line.label, locale);
  const minReason = textIn(line.minReason, locale);
  const maxReason = textIn(line.maxReason, locale);
  if (text.trim() === '') return required ? { flags: { valueMissing: true }, message: msg(str`Enter an amount for ${label}`) } : undefined;
  if (value === undefined) return { flags: { badInput: true }, message: msg(str`The amount for ${label} must be a number, like ${example}`) };
  if (value < line.min) {
    const message = msg(str`The amount for ${label} must be ${say(line.min)} or more`);
    return { flags: { rangeUnderflow: true }, message: minReason ? `${message}. ${minReason}` : message };
  }
  if (value > line.max) {
    const message = msg(str`The amount for ${label} must be ${say(line.max)} or less`);
    return { flags: { rangeOverflow: true }, message: maxReason ? `${message}. ${maxReason}` : message };
  }
  // Not `{ ...line }`: an element's properties live on its prototype and would not be copied.
  if (!isAllowedValue({ min: line.min, max: line.max, step: line.step, baseline: line.baseline ?? line.min }, value)) {
    const [below, above] = neighbours(line, value);
    return { flags: { stepMismatch: true }, message: msg(str`${label} changes in steps of ${say(line.step)}: enter ${say(below)} or ${say(above)}`) };
  }
  return undefined;
}
