export default {
  displayName: 'api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.medium-spec.ts',
    '<rootDir>/test/**/*.spec.ts',
  ],
  // One Postgres per jest run (embedded, or DATABASE_URL when set); each medium spec creates its
  // own database with createTestDatabase().
  globalSetup: '<rootDir>/../libs/testing/src/postgres/global-setup.mjs',
  globalTeardown: '<rootDir>/../libs/testing/src/postgres/global-teardown.mjs',
  testTimeout: 60_000,
  coverageDirectory: '../coverage/api',
};
