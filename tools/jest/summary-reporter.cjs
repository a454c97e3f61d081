// Writes each jest project's totals to tmp/test-results/<project>.json so `npm test` can print one
// summary line for the whole workspace.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.resolve(__dirname, '../../tmp/test-results');
    fs.mkdirSync(dir, { recursive: true });
    const name =
      path.relative(path.resolve(__dirname, '../..'), this.rootDir).replace(/[\\/]/g, '-') || 'root';
    const summary = {
      project: name,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
      runtimeErrors: results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(summary, null, 2));
  }
}

module.exports = SummaryReporter;
