// Flags Debian's Chromium needs here: root needs --no-sandbox; the closed network stalls start-up
// without the background-networking ones. Test runners open several pages at once, and Chromium
// throttles timers and defers lazy images in pages it thinks are in the background: the last
// three flags keep every test page running as if it were in front.
// Shared by Web Test Runner, vitest and playwright-core.
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
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];
