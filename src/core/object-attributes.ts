import { msg, str } from '@lit/localize';

/**
 * A framework that renders before the elements are registered cannot know that `client` or
 * `proposal` are properties, so it writes them as attributes and the object arrives as the text
 * "[object Object]" (React 19 does this). The element would then say only "not set up"; instead it
 * names what happened and how to fix it, on the page and once in the console. The fix fits the
 * script-tag loader, which defines an element only once one appears in the page: waiting for the
 * definition before rendering the element at all would wait for ever.
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
  const tag = element.localName;
  const problem = msg(
    str`It was given ${list} as text ("[object Object]"): the page set it before <${tag}> was defined. Set it as a property once await customElements.whenDefined('${tag}') has resolved, or import the element from npm before rendering.`,
  );
  if (!reported.has(element)) {
    reported.add(element);
    console.error(
      `civic-widgets: <${tag}> got ${list} as the text "[object Object]": the page set an object before the element was defined, so it became an attribute. ` +
        `The civic-widgets.js loader defines each element only once it appears in the page, so render <${tag}> with its text attributes, then set ${list} as a property after \`await customElements.whenDefined('${tag}')\`; ` +
        `or import the element from npm (import 'civic-widgets/${tag.replace(/^civic-/, '')}') before rendering, so that the framework sets properties.`,
    );
  }
  return problem;
}
