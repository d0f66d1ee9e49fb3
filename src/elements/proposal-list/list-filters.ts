/** The list's search box, area and category filters and sort: one search landmark above the cards. */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ProposalSort } from '../../domain/types.js';
import type { ListState } from './list-state.js';

export interface FilterChoices {
  state: ListState;
  /** The round's areas and categories; a filter with none to choose from is not shown. */
  areas: readonly string[];
  categories: readonly string[];
  onSearch: (text: string) => void;
  onChoose: (name: 'area' | 'category' | 'sort', value: string) => void;
}

function sortLabel(sort: ProposalSort): string {
  switch (sort) {
    case 'random':
      return msg('Random order');
    case 'title':
      return msg('Title, A to Z');
    case 'cost-asc':
      return msg('Cost, lowest first');
    case 'cost-desc':
      return msg('Cost, highest first');
    case 'supporters':
      return msg('Most supporters');
  }
}

const SORTS: readonly ProposalSort[] = ['random', 'title', 'cost-asc', 'cost-desc', 'supporters'];

/** A select with "all" first; a value the round does not list (from a shared link) is still shown as chosen. */
function renderSelect(name: 'area' | 'category', label: string, all: string, values: readonly string[], current: string, choices: FilterChoices) {
  if (values.length === 0 && !current) return nothing;
  const options = current && !values.includes(current) ? [...values, current] : values;
  return html`<div class="field">
    <label class="label" for=${name}>${label}</label>
    <select id=${name} class="select" part="${name}-select" @change=${(event: Event) => choices.onChoose(name, (event.target as HTMLSelectElement).value)}>
      <option value="" .selected=${live(current === '')}>${all}</option>
      ${options.map((value) => html`<option value=${value} dir="auto" .selected=${live(current === value)}>${value}</option>`)}
    </select>
  </div>`;
}

export function renderFilters(choices: FilterChoices) {
  const { state } = choices;
  return html`<form class="filters" part="filters" role="search" aria-label=${msg('Find proposals')} @submit=${(event: Event) => event.preventDefault()}>
    <div class="field field--search">
      <label class="label" for="search">${msg('Search proposals')}</label>
      <input
        id="search"
        class="input"
        part="search"
        type="search"
        maxlength="500"
        autocomplete="off"
        enterkeyhint="search"
        .value=${live(state.search)}
        @input=${(event: Event) => choices.onSearch((event.target as HTMLInputElement).value)}
      />
    </div>
    ${renderSelect('area', msg('Area'), msg('All areas'), choices.areas, state.area, choices)}
    ${renderSelect('category', msg('Category'), msg('All categories'), choices.categories, state.category, choices)}
    <div class="field">
      <label class="label" for="sort">${msg('Sort by')}</label>
      <select id="sort" class="select" part="sort-select" aria-describedby=${state.sort === 'random' ? 'sort-hint' : nothing} @change=${(event: Event) => choices.onChoose('sort', (event.target as HTMLSelectElement).value)}>
        ${SORTS.map((sort) => html`<option value=${sort} .selected=${live(state.sort === sort)}>${sortLabel(sort)}</option>`)}
      </select>
    </div>
    ${state.sort === 'random'
      ? html`<p id="sort-hint" class="hint" part="sort-hint">${msg('Shown in a random order, so that no proposal gets more attention by being first.')}</p>`
      : nothing}
  </form>`;
}
