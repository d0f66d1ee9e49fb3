import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import customElements from '../custom-elements.json';
import '../src/index.js';
import { createMemoryClient } from '../src/memory/index.js';
import type { CivicClient } from '../src/client/client.js';
import { registerLocale } from '../src/i18n/localize.js';
import { themes } from '../stories/support/themes.js';

setCustomElementsManifest(customElements);
registerLocale('en-XA', () => import('../src/i18n/locales/en-XA.js'));

// One in-browser backend per story, kept across re-renders so a vote cast in a story stays cast.
const clients = new Map<string, CivicClient>();

const preview: Preview = {
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
