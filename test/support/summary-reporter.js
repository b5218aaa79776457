'use strict';
// Mocha's spec reporter plus the plain closing line CI reads: `N passed, N failed[, N skipped]`.
const { reporters, Runner } = require('mocha');

class SummaryReporter extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const stats = { passed: 0, failed: 0, skipped: 0 };
    runner.on(Runner.constants.EVENT_TEST_PASS, () => stats.passed++);
    runner.on(Runner.constants.EVENT_TEST_FAIL, () => stats.failed++);
    runner.on(Runner.constants.EVENT_TEST_PENDING, () => stats.skipped++);
    // Registered after Spec's own 'end' handler, so this line comes after the failure details.
    runner.once(Runner.constants.EVENT_RUN_END, () => {
      const skipped = stats.skipped ? `, ${stats.skipped} skipped` : '';
      process.stdout.write(`\n${stats.passed} passed, ${stats.failed} failed${skipped}\n`);
    });
  }
}

module.exports = SummaryReporter;
