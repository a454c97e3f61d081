const path = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.cjs')],
};
