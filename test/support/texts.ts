/**
 * Every piece of text a resident can see or hear in an element: text nodes (through shadow roots
 * and slots) and the attributes screen readers announce. Hidden subtrees are skipped.
 */
export function residentTexts(root: Element): string[] {
  const texts: string[] = [];
  const announced = ['aria-label', 'aria-description', 'alt', 'title', 'placeholder'];

  const visit = (node: Node) => {
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    if (node instanceof Element) {
      if (node.hasAttribute('hidden')) return;
      for (const name of announced) {
        const value = node.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
      if (node instanceof HTMLSlotElement) {
        const assigned = node.assignedNodes({ flatten: true });
        (assigned.length ? assigned : [...node.childNodes]).forEach(visit);
        return;
      }
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) texts.push(text);
      return;
    }
    // Light DOM children of a shadow host render only through its slots, visited above.
    if (node instanceof Element && node.shadowRoot) return;
    node.childNodes.forEach(visit);
  };

  visit(root);
  return texts;
}
