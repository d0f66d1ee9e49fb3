import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { summaryLineReporter } from './test/support/wtr-summary-reporter.mjs';
import { chromiumArgs, chromiumPath } from './test/support/chromium.mjs';
import { testApiMiddleware } from './test/support/test-api.mjs';

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**', '!test/server/**'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  // One page at a time: with several, Chromium sometimes never fires a background page's
  // requestAnimationFrame or lazy image (modernweb-dev/web#2588), and tests time out at random.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // Before each test file: failures about DOM nodes that Web Test Runner can report (see the file).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/support/readable-failures.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 900000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [testApiMiddleware],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: ['--headless', ...chromiumArgs] },
    }),
  ],
  reporters: [defaultReporter(), summaryLineReporter()],
};
