import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { html } from 'lit';
import { configure } from 'storybook/test';
import { styleMap } from 'lit/directives/style-map.js';
import customElements from '../custom-elements.json';
import '../src/index.js';
import { createMemoryClient } from '../src/memory/index.js';
import type { CivicClient } from '../src/client/client.js';
import { registerLocale } from '../src/i18n/localize.js';
import { controlsFromManifest } from '../stories/support/controls.js';
import { themes } from '../stories/support/themes.js';

// A story's play function waits for what loads on demand (the sanitiser, a locale): on a busy CI
// machine that can take longer than testing-library's one second.
configure({ asyncUtilTimeout: 5000 });

setCustomElementsManifest(customElements);
// The shipped languages register themselves (src/i18n/built-in-locales.ts); the pseudo-locale is not shipped.
registerLocale('en-XA', () => import('../src/i18n/locales/en-XA.js'));

// On a Docs page Storybook gives each inline story a fixed pixel height, measured with a
// ResizeObserver and applied by a React update some frames later. Our elements render their loading
// message first (about 70px) and grow when the data arrives, so until Storybook catches up (hundreds
// of ms on a busy machine) the card is clipped to a sliver with a scroll bar. At the default zoom, let
// the frame take its content's height in CSS instead; a zoomed story keeps Storybook's measured one.
const wholeStories = document.createElement('style');
wholeStories.textContent = `.docs-story [scale="1"]:has(> .innerZoomElementWrapper) { height: auto !important; }`;
document.head.append(wholeStories);

// One in-browser backend per story, kept across re-renders so a vote cast in a story stays cast.
const clients = new Map<string, CivicClient>();

const preview: Preview = {
  argTypesEnhancers: [controlsFromManifest(customElements)],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
  globalTypes: {
    theme: {
      description: 'Theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['govuk', 'partner', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en-GB', title: 'English (UK)' },
          { value: 'cy', title: 'Cymraeg (Welsh)' },
          { value: 'pl', title: 'Polski (Polish)' },
          { value: 'ro', title: 'Română (Romanian)' },
          { value: 'lt', title: 'Lietuvių (Lithuanian)' },
          { value: 'pt', title: 'Português (Portuguese)' },
          { value: 'bn', title: 'বাংলা (Bengali)' },
          { value: 'ur', title: 'اردو (Urdu, right to left)' },
          { value: 'ar', title: 'العربية (Arabic, right to left)' },
          { value: 'en-XA', title: 'Pseudo-locale (finds untranslated text)' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'govuk', locale: 'en-GB', direction: 'ltr' },
  decorators: [
    (story, context) => {
      const { theme, locale, direction } = context.globals;
      const style = styleMap(themes[theme] ?? {});
      if (context.parameters.provider === false) {
        return html`<div dir=${direction} style=${style}>${story()}</div>`;
      }
      let client = context.parameters.client as CivicClient | undefined;
      if (!client) {
        client = clients.get(context.id) ?? createMemoryClient();
        clients.set(context.id, client);
      }
      return html`<div dir=${direction} style=${style}>
        <civic-provider .client=${client} locale=${locale}>${story()}</civic-provider>
      </div>`;
    },
  ],
};

export default preview;
