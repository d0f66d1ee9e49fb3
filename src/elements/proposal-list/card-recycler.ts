/**
 * Which card element shows which proposal. A proposal still shown keeps its card (and with it the
 * card's state and whatever has focus inside it); a proposal newly shown takes a card that another
 * left, which updates in place: far cheaper than making a card, so a keystroke in the search box
 * repaints the page of results without building it again.
 */
export class CardRecycler {
  private keys = new Map<string, number>();
  private made = 0;

  /** The card key for each proposal id, in order; the same ids give the same keys. */
  assign(ids: readonly string[]): number[] {
    const shown = new Set(ids);
    const free = [...this.keys].filter(([id]) => !shown.has(id)).map(([, key]) => key);
    const keys = new Map<string, number>();
    for (const id of ids) keys.set(id, this.keys.get(id) ?? free.shift() ?? this.made++);
    this.keys = keys;
    return ids.map((id) => keys.get(id)!);
  }
}
