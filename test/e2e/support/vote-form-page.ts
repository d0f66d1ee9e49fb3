/** The page the vote form end-to-end test drives: the element as a partner embeds it, on a REST backend at /api. */
import '../../../src/elements/vote-form/vote-form.js';
