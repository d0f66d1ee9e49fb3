/**
 * Example themes for the toolbar: the default is GOV.UK-like; these show how a partner re-themes the
 * elements with nothing but `--civic-*` custom properties on a wrapper.
 */
export const themes: Record<string, Record<string, string>> = {
  govuk: {},
  partner: {
    '--civic-font-family': 'Georgia, serif',
    '--civic-color-primary': '#5a2a82',
    '--civic-color-primary-hover': '#43205f',
    '--civic-color-link': '#5a2a82',
    '--civic-color-tag-background': '#f1e9f7',
    '--civic-color-tag-text': '#3b1c55',
    '--civic-radius': '8px',
  },
  dark: {
    '--civic-color-text': '#f3f2f1',
    '--civic-color-text-secondary': '#cfcfcf',
    '--civic-color-background': '#1b1b1b',
    '--civic-color-surface': '#2b2b2b',
    '--civic-color-border': '#6f777b',
    '--civic-color-border-strong': '#f3f2f1',
    '--civic-color-link': '#8cc8ff',
    '--civic-color-secondary-button': '#3b3b3b',
    '--civic-color-tag-background': '#16324f',
    '--civic-color-tag-text': '#e8f1f8',
    background: '#1b1b1b',
    color: '#f3f2f1',
    padding: '16px',
  },
};
