// The host page's own script, from a file (the page's CSP refuses inline scripts). It writes down
// what the test asks about: CSP violations, errors and console errors, before the widgets load.
window.hostPage = { violations: [], errors: [], consoleErrors: [] };
document.addEventListener('securitypolicyviolation', (event) => {
  window.hostPage.violations.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} ${event.sample || ''}`.trim());
});
window.addEventListener('error', (event) => window.hostPage.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.hostPage.errors.push(String(event.reason)));
const consoleError = console.error.bind(console);
console.error = (...args) => {
  window.hostPage.consoleErrors.push(args.map(String).join(' '));
  consoleError(...args);
};
