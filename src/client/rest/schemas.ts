/**
 * Valibot schemas of every response of the REST contract (docs/openapi.yaml), and `parseResponse`,
 * which turns anything malformed into `CivicError('invalid-response')` naming the offending path.
 *
 * Objects strip unknown fields, so a backend may send more than the contract. Money is a safe
 * integer of minor units. Every string and array has a maximum length, so a hostile or broken
 * server cannot freeze the page with a 5 MB title. An optional field may be absent or `null`
 * (many backends serialise "no value" as null); both reach the elements as absent.
 */
import * as v from 'valibot';
import type { MeetingState } from '../../domain/meeting.js';
import { isSafeUrl } from '../../domain/safe-url.js';
import { CivicError, type FieldError } from '../client.js';
import type {
  BallotRules,
  BudgetLine,
  FeedbackForm,
  FormSection,
  Proposal,
  ProposalPage,
  Question,
  Receipt,
  ResultExplanation,
  Results,
  Round,
  Simulation,
  SubmissionReceipt,
} from '../../domain/types.js';

/** Maximum string lengths (UTF-16 code units) accepted in responses; documented in docs/openapi.yaml. */
export const LIMITS = {
  id: 200,
  name: 1_000,
  summary: 10_000,
  description: 200_000,
  tag: 500,
  url: 8_192,
  date: 40,
  /** Most items in one array of a response. */
  items: 10_000,
} as const;

// The helpers are marked free of side effects so that a bundle taking one schema (the in-browser
// backend takes the receipts') does not keep every schema built with them.
/* @__NO_SIDE_EFFECTS__ */
function text(max: number) {
  return v.pipe(v.string(), v.maxLength(max));
}
/* @__NO_SIDE_EFFECTS__ */
function nonEmptyText(max: number) {
  return v.pipe(v.string(), v.minLength(1), v.maxLength(max));
}
/* @__NO_SIDE_EFFECTS__ */
function list<T extends v.GenericSchema>(item: T, max: number = LIMITS.items) {
  return v.pipe(v.array(item), v.maxLength(max));
}

/** An optional field: absent or `null` both mean "no value", and come out as `undefined`. */
/* @__NO_SIDE_EFFECTS__ */
function absent<T extends v.GenericSchema>(schema: T) {
  return v.pipe(
    v.nullish(schema),
    v.transform((value): v.InferOutput<T> | undefined => value ?? undefined),
  );
}

/** A BCP 47 tag as a key of translated text (docs/openapi.yaml `Translations`). */
const LanguageTag = v.pipe(v.string(), v.maxLength(35), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/**
 * Text a resident reads: a string, or one string per language (`{ "en": "…", "pl": "…" }`, as
 * Decidim sends translated fields), each within `max`. The element picks the resident's version.
 */
/* @__NO_SIDE_EFFECTS__ */
function localized(max: number) {
  return v.union([
    text(max),
    v.pipe(v.record(LanguageTag, text(max)), v.check((versions) => Object.keys(versions).length > 0, 'has no language in it'), v.maxEntries(200)),
  ]);
}

const Id = nonEmptyText(LIMITS.id);
const Name = localized(LIMITS.name);
const Summary = localized(LIMITS.summary);
const Description = localized(LIMITS.description);
const Tag = text(LIMITS.tag);

/** An amount of money: a safe, non-negative integer of minor units (pence), never a float. */
export const MoneySchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Count = MoneySchema;
const PositiveCount = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const FiniteNumber = v.pipe(v.number(), v.finite());

/** ISO 8601: a date, or a date and time with an optional offset. */
const IsoDate = v.pipe(
  v.string(),
  v.maxLength(LIMITS.date),
  v.regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'Invalid date: expected ISO 8601'),
);
const Rule = v.picklist(['greedy', 'equal-shares']);
const Currency = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'Invalid currency: expected an ISO 4217 code such as GBP'));

/** A link or a picture's URL, within the one URL policy (`isSafeUrl`). */
/* @__NO_SIDE_EFFECTS__ */
function safeUrl(image: boolean) {
  return v.pipe(
    v.string(),
    v.maxLength(LIMITS.url),
    v.check((url) => isSafeUrl(url, { image }), image ? 'Invalid URL: expected http(s), relative or data:image/' : 'Invalid URL: expected http(s), mailto: or a relative URL'),
  );
}

/** `BallotRules`, discriminated by `kind`; limits absent mean "no limit". */
export const BallotRulesSchema = v.variant('kind', [
  v.object({
    kind: v.literal('approval'),
    minLength: absent(Count),
    maxLength: absent(Count),
    minSumCost: absent(MoneySchema),
    maxSumCost: absent(MoneySchema),
  }),
  v.object({
    kind: v.literal('cumulative'),
    minLength: absent(Count),
    maxLength: absent(Count),
    minPoints: absent(Count),
    maxPoints: absent(Count),
    minSumPoints: absent(Count),
    maxSumPoints: PositiveCount,
  }),
  v.object({ kind: v.literal('ordinal'), minLength: absent(Count), maxLength: absent(Count) }),
  v.object({ kind: v.literal('choose-1') }),
  v.object({ kind: v.literal('yes-no'), allowAbstain: v.boolean() }),
]) satisfies v.GenericSchema<unknown, BallotRules>;

/** `Round`: a participatory-budgeting round. */
export const RoundSchema = v.object({
  id: Id,
  title: Name,
  description: Description,
  budget: MoneySchema,
  currency: Currency,
  opensAt: v.nullable(IsoDate),
  closesAt: v.nullable(IsoDate),
  status: v.picklist(['upcoming', 'open', 'closed']),
  rules: BallotRulesSchema,
  voterIdentity: absent(v.picklist(['open', 'code', 'token'])),
  areas: absent(list(Tag)),
  categories: absent(list(Tag)),
  results: absent(v.object({ rules: v.pipe(v.array(Rule), v.minLength(1), v.maxLength(2)), live: absent(v.boolean()), minVotes: absent(Count) })),
}) satisfies v.GenericSchema<unknown, Round>;

/** `Proposal`: one project residents can vote for. */
export const ProposalSchema = v.object({
  id: Id,
  roundId: absent(Id),
  title: Name,
  summary: Summary,
  description: absent(Description),
  descriptionFormat: absent(v.picklist(['text', 'html'])),
  cost: MoneySchema,
  area: v.nullish(Tag),
  categories: list(Tag, 100),
  imageUrl: v.nullish(safeUrl(true)),
  imageAlt: v.nullish(Name),
  status: v.picklist(['proposed', 'shortlisted', 'funded', 'not-funded', 'withdrawn', 'delivered']),
  supporters: v.nullish(Count),
  url: v.nullish(safeUrl(false)),
}) satisfies v.GenericSchema<unknown, Proposal>;

/** `ProposalPage`: one page of a round's proposals. */
export const ProposalPageSchema = v.object({
  items: list(ProposalSchema, 1_000),
  total: Count,
  page: PositiveCount,
  pageSize: PositiveCount,
}) satisfies v.GenericSchema<unknown, ProposalPage>;

/** `Receipt`: the answer to a ballot (201). */
export const ReceiptSchema = v.object({
  id: Id,
  roundId: Id,
  receivedAt: IsoDate,
}) satisfies v.GenericSchema<unknown, Receipt>;

/** `SubmissionReceipt`: the answer to a simulation submission or a feedback response (201). */
export const SubmissionReceiptSchema = v.object({
  id: Id,
  receivedAt: IsoDate,
}) satisfies v.GenericSchema<unknown, SubmissionReceipt>;

/** `Results`: the outcome of a round under one rule; `winners` in selection order. */
/** `ResultExplanation`: why a proposal was or was not funded. */
export const ResultExplanationSchema = v.variant('outcome', [
  v.variant('rule', [
    v.object({ outcome: v.literal('funded'), rule: v.literal('greedy'), order: PositiveCount, moneyLeft: MoneySchema }),
    v.object({ outcome: v.literal('funded'), rule: v.literal('equal-shares'), order: PositiveCount, payers: Count, largestShare: MoneySchema }),
  ]),
  v.variant('reason', [
    v.object({ outcome: v.literal('not-funded'), reason: v.literal('did-not-fit'), moneyLeft: MoneySchema }),
    v.object({ outcome: v.literal('not-funded'), reason: v.literal('supporters-out-of-money'), supporters: Count, supportersMoney: MoneySchema }),
    v.object({ outcome: v.literal('not-funded'), reason: v.literal('no-votes') }),
    v.object({ outcome: v.literal('not-funded'), reason: v.literal('below-threshold'), minVotes: Count }),
  ]),
]) satisfies v.GenericSchema<unknown, ResultExplanation>;

export const ResultsSchema = v.object({
  roundId: Id,
  rule: Rule,
  budget: MoneySchema,
  spent: MoneySchema,
  ballots: absent(Count),
  winners: list(v.object({ id: Id, title: Name, cost: MoneySchema, votes: Count })),
  proposals: list(v.object({ id: Id, votes: Count, selected: v.boolean(), explanation: absent(ResultExplanationSchema) })),
  fundedChoices: absent(list(v.object({ funded: Count, voters: Count }), 1_000)),
  equalShares: absent(v.object({ perVoterShare: v.pipe(FiniteNumber, v.minValue(0)), completion: Tag, add1Options: list(Tag, 10) })),
  sources: absent(v.object({ online: Count, paper: Count })),
}) satisfies v.GenericSchema<unknown, Results>;

/** `BudgetLine`: one service or revenue lever of a simulation; its range is checked with the simulation's. */
export const BudgetLineSchema = v.object({
  id: Id,
  label: Name,
  description: absent(Summary),
  kind: v.picklist(['spending', 'revenue']),
  baseline: FiniteNumber,
  min: FiniteNumber,
  max: FiniteNumber,
  step: v.pipe(FiniteNumber, v.gtValue(0)),
  unit: v.picklist(['currency', 'percent', 'points']),
  amountPerPercent: absent(MoneySchema),
  locked: v.boolean(),
  impacts: list(v.object({ from: FiniteNumber, text: Summary }), 100),
  group: absent(Id),
  minReason: absent(Summary),
  maxReason: absent(Summary),
}) satisfies v.GenericSchema<unknown, BudgetLine>;

/**
 * `Simulation`: a budget simulator's lines, groups, mode and council tax. Simulations from before
 * modes, groups and council tax parse as they are: every new member is optional. What the shapes
 * cannot say (ranges a slider can travel, groups that exist…) is the domain's `simulationSetupProblems`,
 * which the simulator checks itself: every page pays for the REST client, few show a simulator.
 */
export const SimulationSchema = v.object({
  id: Id,
  title: Name,
  description: Description,
  currency: Currency,
  lines: list(BudgetLineSchema, 1_000),
  mode: absent(v.picklist(['balance', 'no-deficit', 'points'])),
  tolerance: absent(MoneySchema),
  points: absent(PositiveCount),
  groups: absent(list(v.object({ id: Id, label: Name, description: absent(Summary) }), 1_000)),
  councilTax: absent(
    v.object({
      lineId: Id,
      bandD: MoneySchema,
      bands: absent(list(v.object({ band: nonEmptyText(LIMITS.tag), ratio: v.pipe(FiniteNumber, v.gtValue(0)) }), 20)),
    }),
  ),
}) satisfies v.GenericSchema<unknown, Simulation>;


/** An HTML autocomplete token list such as `name` or `shipping postal-code`. */
const AutocompleteToken = v.pipe(v.string(), v.maxLength(100), v.regex(/^[a-z0-9-]+(?: [a-z0-9-]+)*$/, 'Invalid autocomplete: expected HTML autocomplete tokens'));

/** `Question`: one question of a feedback form; choice questions need options. */
export const QuestionSchema = v.pipe(
  v.object({
    id: Id,
    kind: v.picklist(['rating', 'text', 'choice', 'multi-choice', 'consent', 'email', 'postcode']),
    label: Name,
    hint: absent(Summary),
    required: v.boolean(),
    maxLength: absent(PositiveCount),
    multiline: absent(v.boolean()),
    autocomplete: absent(AutocompleteToken),
    options: absent(list(v.object({ value: Tag, label: Name, exclusive: absent(v.boolean()) }), 1_000)),
    section: absent(Id),
    showIf: absent(
      v.object({
        questionId: Id,
        equals: absent(
          v.custom<string | number | boolean>(
            (value) => (typeof value === 'string' ? value.length <= LIMITS.tag : typeof value === 'boolean' || Number.isFinite(value)),
            'Invalid equals: expected an option value, a number or true/false',
          ),
        ),
        includes: absent(Tag),
      }),
    ),
    privacy: absent(v.object({ text: absent(Summary), url: absent(safeUrl(false)), linkText: absent(Name) })),
  }),
  v.forward(
    v.check(
      (question) => (question.kind !== 'choice' && question.kind !== 'multi-choice') || (question.options?.length ?? 0) > 0,
      'Invalid question: a choice question needs at least one option',
    ),
    ['options'],
  ),
) satisfies v.GenericSchema<unknown, Question>;

/** `FormSection`: a heading over some questions of a form. */
const FormSectionSchema = v.object({
  id: Id,
  title: Name,
  description: absent(Summary),
  equalityMonitoring: absent(v.boolean()),
}) satisfies v.GenericSchema<unknown, FormSection>;

/**
 * `FeedbackForm`: a configurable feedback form. Whether its parts agree (`formProblems` in
 * src/domain) is the server's to check when a form is imported; the element copes with a form
 * that does not (a follow-up on a missing question is never asked), so that check stays out of
 * every page's download.
 */
export const FeedbackFormSchema = v.object({
  id: Id,
  title: Name,
  description: absent(Description),
  sections: absent(list(FormSectionSchema, 100)),
  questions: list(QuestionSchema, 500),
}) satisfies v.GenericSchema<unknown, FeedbackForm>;

/** Longest `detail` kept from a problem; longer ones are cut, since it is shown to a person. */
export const PROBLEM_DETAIL_MAX = 2_000;
const problemText = v.pipe(
  v.string(),
  v.transform((value) => value.slice(0, PROBLEM_DETAIL_MAX)),
);
/** A field error inside a problem; lenient, because an error about an error helps nobody. */
const FieldErrorSchema = v.object({
  field: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  code: v.fallback(v.pipe(v.string(), v.maxLength(LIMITS.tag)), 'invalid'),
  detail: v.fallback(problemText, ''),
}) satisfies v.GenericSchema<unknown, FieldError>;

/**
 * An RFC 9457 `application/problem+json` body. Lenient: a malformed member is dropped instead of
 * hiding the HTTP status behind an `invalid-response`.
 */
export const ProblemSchema = v.object({
  type: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))), undefined),
  title: v.fallback(v.optional(problemText), undefined),
  status: v.fallback(v.optional(v.pipe(v.number(), v.integer())), undefined),
  detail: v.fallback(v.optional(problemText), undefined),
  instance: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))), undefined),
  errors: v.fallback(
    v.optional(
      v.pipe(
        v.array(v.unknown()),
        v.maxLength(1_000),
        v.transform((items) =>
          items.flatMap((item) => {
            const parsed = v.safeParse(FieldErrorSchema, item);
            return parsed.success ? [parsed.output] : [];
          }),
        ),
      ),
    ),
    undefined,
  ),
});

/** `MeetingState`: a panel meeting as the projector shows it (the count of ballots, never their choices). */
export const MeetingStateSchema = v.object({
  roundId: Id,
  proposalId: v.nullable(Id),
  timer: v.nullable(v.object({ seconds: PositiveCount, endsAt: IsoDate })),
  voting: v.picklist(['not-open', 'open', 'closed']),
  revealed: v.boolean(),
  ballots: Count,
  version: nonEmptyText(200),
  serverTime: IsoDate,
}) satisfies v.GenericSchema<unknown, MeetingState>;

/** An RFC 9457 problem as the client reads it. */
export type Problem = v.InferOutput<typeof ProblemSchema>;

/**
 * Validates `data` against `schema` and returns the typed output with unknown fields removed.
 * Anything malformed throws `CivicError('invalid-response')`; its message and `field` name the first
 * offending path (e.g. `items[3].cost`), and `what` says which response it was (e.g. `round r1`).
 */
export function parseResponse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  data: unknown,
  what: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = formatPath(issue.path);
  // Valibot quotes the received value; a hostile 5 MB string must not end up in a log line.
  const reason = issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
  throw new CivicError('invalid-response', `Invalid ${what}: ${field ?? 'the body'}: ${reason}`, {
    field,
    cause: result.issues,
  });
}

/** `items[3].cost`: dots between keys, brackets around indexes. */
function formatPath(path: readonly { key: unknown }[] | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  let out = '';
  for (const { key } of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key)).slice(0, 60)}]`;
  }
  return out;
}
