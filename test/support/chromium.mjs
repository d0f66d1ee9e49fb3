// Flags Debian's Chromium needs here: root needs --no-sandbox; the closed network stalls start-up
// without the background-networking ones. Shared by Web Test Runner, vitest and playwright-core.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
