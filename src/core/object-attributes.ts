import { msg, str } from '@lit/localize';

/**
 * A framework that renders before the elements are registered cannot know that `client` or
 * `proposal` are properties, so it writes them as attributes and the object arrives as the text
 * "[object Object]" (React 19 does this). The element would then say only "not set up"; instead it
 * names what happened and how to fix it, on the page and once in the console.
 */
export function objectAttributes(element: Element): string[] {
  return element.getAttributeNames().filter((name) => /^\[object \w+\]$/.test(element.getAttribute(name) ?? ''));
}

const reported = new WeakSet<Element>();

/** The sentence to show, or undefined when every attribute is real text; logs it once per element. */
export function objectAttributesProblem(element: Element): string | undefined {
  const names = objectAttributes(element);
  if (names.length === 0) return undefined;
  const list = names.join(', ');
  const problem = msg(
    str`It was given ${list} as text ("[object Object]") because the page set it before civic-widgets had loaded. Load the civic-widgets script (or import its elements) before your page's own code runs.`,
  );
  if (!reported.has(element)) {
    reported.add(element);
    console.error(`civic-widgets: <${element.localName}> got ${list} as the text "[object Object]": the page set an object before the element was registered, so it became an attribute. Register civic-widgets (load its script or import its elements) before rendering, so the framework sets properties.`);
  }
  return problem;
}
