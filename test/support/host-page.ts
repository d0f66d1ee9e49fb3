/** A host page that does its worst, and what "still readable" means inside an element on it. */
import { expect } from '@open-wc/testing';

/** A 62.5% root font size, a universal reset and odd inherited text styles. */
export const hostileStyles = `
  html { font-size: 62.5% !important; }
  * { margin: 0; padding: 0; box-sizing: content-box; line-height: 1; }
  body { font: 10px/1 "Comic Sans MS", cursive; letter-spacing: 3px; word-spacing: 8px;
         text-transform: uppercase; text-align: right; text-indent: 40px; white-space: nowrap; color: #777; }
`;

/** Runs `work` with the hostile styles on the page, and takes them away afterwards. */
export async function withHostileHostPage(work: () => Promise<void>): Promise<void> {
  const style = document.createElement('style');
  style.textContent = hostileStyles;
  document.head.append(style);
  try {
    await work();
  } finally {
    style.remove();
  }
}

function textElements(root: ShadowRoot): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parents = new Set<HTMLElement>();
  while (walker.nextNode()) {
    if (walker.currentNode.textContent?.trim() && walker.currentNode.parentElement) parents.add(walker.currentNode.parentElement);
  }
  return [...parents];
}

/** Every piece of text in `root` is at least 16px, spaced normally and not transformed. */
export function expectReadable(root: ShadowRoot): void {
  const elements = textElements(root);
  expect(elements.length, 'some text').to.be.greaterThan(0);
  for (const element of elements) {
    const style = getComputedStyle(element);
    const where = `${element.localName}.${element.className} "${element.textContent?.trim().slice(0, 30)}"`;
    expect(parseFloat(style.fontSize), `font size of ${where}`).to.be.at.least(16);
    // Chromium forces `normal` (about 1.15) on a select and its options; a page cannot lower it there.
    if (style.lineHeight !== 'normal' || !(element instanceof HTMLSelectElement || element instanceof HTMLOptionElement)) {
      expect(parseFloat(style.lineHeight), `line height of ${where}`).to.be.at.least(parseFloat(style.fontSize) * 1.1 - 0.01);
    }
    expect(style.letterSpacing, `letter spacing of ${where}`).to.equal('normal');
    expect(style.textTransform, `text transform of ${where}`).to.equal('none');
  }
}
