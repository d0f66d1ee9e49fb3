// `npm run analyze`: custom-elements.json from the JSDoc in src/, for IDEs, Storybook autodocs and users.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/i18n/locales/**'],
  litelement: true,
  plugins: [
    {
      // TypeScript's private and protected members are implementation, not API: keep them out of the docs.
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.members) continue;
            declaration.members = declaration.members.filter(
              (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_'),
            );
          }
        }
      },
    },
  ],
};
