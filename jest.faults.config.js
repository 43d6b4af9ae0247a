// The fault suite (`npm run test:faults`; `FAULTS_SHORT=1` for the short version that `npm test` runs): real
// processes of the built application are killed and their PostgreSQL and Redis restarted under load, then the
// invariants are checked. Files run one after another (they start several processes each).
const base = require('./jest.config.js');

const common = { ...base.projects[0] };
delete common.displayName;
delete common.testMatch;

module.exports = {
  ...common,
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/support/summary-teardown.ts',
  maxWorkers: 1,
  testTimeout: 600_000,
};
