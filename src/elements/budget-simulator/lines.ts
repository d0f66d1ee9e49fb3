/**
 * The lines, in their groups, each a `<civic-budget-slider>`. Groups follow GOV.UK's accordion: a
 * heading holding a button that shows or hides the group (`aria-expanded`), with the group's total
 * and change from now in the button, so a resident can fold away what they do not want to change.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { BudgetLine, Simulation } from '../../domain/types.js';
import { impactAt, lineAmount, lineValue } from '../../domain/rules/simulation.js';
import { formatChange, formatValue } from '../budget-slider/value-text.js';
import '../budget-slider/budget-slider.js';
import { localText } from '../../core/local-text.js';
import type { LocalizedText } from '../../domain/localized-text.js';

/** A group as shown: declared groups in order, then ungrouped spending and income. */
export interface LineGroup {
  key: string;
  /** A function, so the words of "Spending" and "Income" follow a change of language. */
  label: () => LocalizedText;
  description?: LocalizedText;
  lines: Array<{ line: BudgetLine; index: number }>;
}

const groupCache = new WeakMap<Simulation, LineGroup[]>();

/** The simulation's lines by group; lines without a known group go under "Spending" or "Income". */
export function groupsOf(simulation: Simulation): LineGroup[] {
  let groups = groupCache.get(simulation);
  if (groups) return groups;
  const declared = new Map((simulation.groups ?? []).map((group, i) => [group.id, { key: `group-${i}`, label: () => group.label, description: group.description, lines: [] as LineGroup['lines'] }]));
  const spending: LineGroup = { key: 'spending', label: () => msg('Spending'), lines: [] };
  const income: LineGroup = { key: 'income', label: () => msg('Income'), lines: [] };
  simulation.lines.forEach((line, index) => {
    const group = (line.group !== undefined && declared.get(line.group)) || (line.kind === 'spending' ? spending : income);
    group.lines.push({ line, index });
  });
  groups = [...declared.values(), spending, income].filter((group) => group.lines.length > 0);
  groupCache.set(simulation, groups);
  return groups;
}

/** The id of a line's slider in the shadow root. */
export const lineElementId = (index: number) => `line-${index}`;

export interface GroupsView {
  simulation: Simulation;
  values: Readonly<Record<string, number>>;
  /** The locale figures are written in. */
  locale: string;
  /** The simulator's own `locale` attribute, passed on; otherwise the sliders find the provider's as the simulator does. */
  elementLocale?: string;
  /** The heading level of the groups' headings. */
  level: number;
  collapsed: ReadonlySet<string>;
  /** Lines the error summary points at. */
  invalid: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onLineInput: (event: Event) => void;
}

export function renderGroups(view: GroupsView): TemplateResult {
  return html`${groupsOf(view.simulation).map((group) => renderGroup(group, view))}`;
}

function renderGroup(group: LineGroup, view: GroupsView): TemplateResult {
  const expanded = !view.collapsed.has(group.key);
  return html`<section class="group" part="group" aria-labelledby="${group.key}-heading">
    <div class="group__heading" role="heading" aria-level=${view.level} id="${group.key}-heading">
      <button type="button" class="group__button" part="group-button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="${group.key}-lines" @click=${() => view.onToggle(group.key)}>
        <span class="group__label" dir="auto">${localText(group.label(), view.locale)}</span>
        <span class="group__summary" dir="auto">${groupSummary(group, view)}</span>
        <span class="group__toggle" aria-hidden="true">${expanded ? msg('Hide') : msg('Show')}</span>
      </button>
    </div>
    <div class="group__lines" id="${group.key}-lines" ?hidden=${!expanded}>
      ${group.description ? html`<p class="group__description" dir="auto">${localText(group.description, view.locale)}</p>` : nothing}
      ${group.lines.map(({ line, index }) => renderLine(line, index, view))}
    </div>
  </section>`;
}

function renderLine(line: BudgetLine, index: number, view: GroupsView): TemplateResult {
  const value = lineValue(line, view.values);
  return html`<civic-budget-slider
    class="line ${view.invalid.has(line.id) ? 'line--invalid' : ''}"
    part="line"
    id=${lineElementId(index)}
    data-line=${line.id}
    required
    .label=${line.label}
    .hint=${line.description}
    .unit=${line.unit}
    .currency=${view.simulation.currency}
    .locale=${view.elementLocale}
    .min=${line.min}
    .max=${line.max}
    .step=${line.step}
    .baseline=${line.baseline}
    .value=${value}
    .amountPerPercent=${line.amountPerPercent}
    .locked=${line.locked}
    .impact=${impactAt(line, value)?.text}
    .minReason=${line.minReason}
    .maxReason=${line.maxReason}
    @input=${view.onLineInput}
  ></civic-budget-slider>`;
}

/** "£144.3 million, £1 million less than now"; for a group of spending and income, both totals. */
function groupSummary(group: LineGroup, { simulation, values, locale }: GroupsView): string {
  const totals: Record<BudgetLine['kind'], [now: number, before: number]> = { spending: [0, 0], revenue: [0, 0] };
  for (const { line } of group.lines) {
    totals[line.kind][0] += lineAmount(line, lineValue(line, values));
    totals[line.kind][1] += lineAmount(line, line.baseline);
  }
  const unit = simulation.mode === 'points' ? 'points' : 'currency';
  const format = { unit, currency: simulation.currency, locale } as const;
  const kinds = (['spending', 'revenue'] as const).filter((kind) => group.lines.some(({ line }) => line.kind === kind));
  if (kinds.length === 1) {
    const [now, before] = totals[kinds[0]!];
    const total = formatValue(now, format);
    const change = formatChange(now, before, format);
    return msg(str`${total}, ${change}`);
  }
  return msg(str`Spending ${formatValue(totals.spending[0], format)}, income ${formatValue(totals.revenue[0], format)}`);
}
