/**
 * Ranked (ordinal) ballots: choose with checkboxes, then order the choices in a list. Each item
 * moves with its buttons or with Alt+Arrow keys, and every move is announced; dragging works too,
 * as an extra for those who can.
 */
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { approval } from './approval.js';
import type { BallotView } from '../view.js';

/** `ids` with the item at `from` moved to `to`. */
function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

export function ranked(view: BallotView<string[]>) {
  const order = view.selections;
  const move = (from: number, to: number, button: 'up' | 'down') => {
    if (to < 0 || to >= order.length) return;
    const id = order[from]!;
    const title = view.titleOf(id);
    view.change(moved(order, from, to), msg(str`${title} moved to position ${view.number(to + 1)} of ${view.number(order.length)}`));
    view.focus(`${view.idOf(id)}-${button}`);
  };
  const onKey = (event: KeyboardEvent) => {
    const from = Number((event.target as Element).closest('li')?.dataset.index);
    if (!event.altKey || Number.isNaN(from)) return;
    const by = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (!by) return;
    event.preventDefault();
    move(from, from + by, by < 0 ? 'up' : 'down');
  };
  const onDrop = (event: DragEvent, to: number) => {
    event.preventDefault();
    const from = Number(event.dataTransfer?.getData('text/plain'));
    if (!Number.isNaN(from) && from !== to) move(from, to, 'up');
  };
  const item = (id: string, index: number) => {
    const key = view.idOf(id);
    const title = view.titleOf(id);
    const edge = (at: boolean) => (at ? 'true' : 'false');
    return html`<li
      class="rank"
      data-index=${index}
      draggable="true"
      @dragstart=${(event: DragEvent) => event.dataTransfer?.setData('text/plain', String(index))}
      @dragover=${(event: DragEvent) => event.preventDefault()}
      @drop=${(event: DragEvent) => onDrop(event, index)}
    >
      <span class="rank__position">${view.number(index + 1)}</span>
      <span class="rank__title" dir="auto">${title}</span>
      <span class="moves"><button type="button" class="button button--secondary move move--up" id="${key}-up" aria-disabled=${edge(index === 0)}
        aria-label=${msg(str`Move ${title} up`)} @click=${() => move(index, index - 1, 'up')}>${msg('Up')}</button>
      <button type="button" class="button button--secondary move move--down" id="${key}-down" aria-disabled=${edge(index === order.length - 1)}
        aria-label=${msg(str`Move ${title} down`)} @click=${() => move(index, index + 1, 'down')}>${msg('Down')}</button></span>
    </li>`;
  };
  return html`${approval(view)}
    <section class="ranking" part="ranking" aria-labelledby="ranking-title">
      <div class="subheading" role="heading" aria-level=${view.level} id="ranking-title">${msg('Your order')}</div>
      <p class="hint" id="ranking-hint">${order.length
        ? msg('Your favourite is first. Move a choice with its buttons, or with Alt and the up or down arrow key.')
        : msg('The proposals you choose appear here, for you to put in order.')}</p>
      <ol class="ranks" aria-describedby="ranking-hint" @keydown=${onKey}>${order.map(item)}</ol>
    </section>`;
}
