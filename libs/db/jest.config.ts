export default {
  displayName: 'db',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.medium-spec.ts'],
  // One Postgres per jest run (embedded, or DATABASE_URL when set); each medium spec creates its
  // own database from it with createTestDatabase().
  globalSetup: '<rootDir>/../testing/src/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/../testing/src/postgres/global-teardown.mjs',
  // Medium specs create a database and run every migration before their first test.
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/libs/db',
};
