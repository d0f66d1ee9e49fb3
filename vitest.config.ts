import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './test/support/chromium.mjs';

// Every story renders in real Chromium and fails on any axe violation (preview.ts: a11y.test = 'error').
export default defineConfig({
  plugins: [storybookTest({ configDir: '.storybook' })],
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
