/**
 * Loaded before every browser test file (web-test-runner.config.mjs). A failed assertion about a
 * DOM node, such as `expect(node).to.equal(other)`, carries the nodes as its `actual` and
 * `expected`, and Web Test Runner, sending the failure to the terminal, walks every property of
 * each: the whole page. The run hung for minutes and ended without saying which test failed. The
 * failure carries the nodes' HTML instead, which is what a reader wants to see anyway.
 *
 * It patches the chai that @open-wc/testing exports, imported from its own package: importing
 * @open-wc/testing here, before Mocha is set up, would skip its fixture clean-up after each test.
 */
import { Assertion, util } from '@esm-bundle/chai';

const assert = Assertion.prototype.assert;
Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
  try {
    return assert.apply(this, args);
  } catch (error) {
    const failure = error as { actual?: unknown; expected?: unknown };
    if (failure.actual instanceof Node) failure.actual = util.inspect(failure.actual);
    if (failure.expected instanceof Node) failure.expected = util.inspect(failure.expected);
    throw error;
  }
};
