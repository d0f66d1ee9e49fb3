/**
 * Registers a custom element unless that name is taken: a page may load the bundle twice (a CMS
 * block and a theme both adding the script tag), and a second `define` would throw and stop the page's
 * other scripts.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
