/**
 * The in-browser backend is loaded only when a page asks for `api="memory:"`: it carries a demo
 * borough and the tally, which residents of a council's own site should never download.
 */
export const loadMemoryBackend = () => import('../memory/index.js');
