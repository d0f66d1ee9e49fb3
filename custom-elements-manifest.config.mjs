// `npm run analyze`: custom-elements.json from the JSDoc in src/, for IDEs, Storybook autodocs and users.
// All of src/ is analysed so inherited members and type aliases resolve; the plugins keep the public API.
import {
  publicElementsOnly,
  publicMembersOnly,
  summaryAndDescription,
  themeTokens,
  typesForTools,
} from './scripts/lib/manifest-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/i18n/locales/**'],
  litelement: true,
  plugins: [publicElementsOnly(), publicMembersOnly(), typesForTools(), themeTokens(), summaryAndDescription()],
};
