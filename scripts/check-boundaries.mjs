#!/usr/bin/env node
// Proves the module boundaries bite: lints deliberate violations (without writing them to disk) and
// fails unless ESLint reports each one.
import { ESLint } from 'eslint';

const probes = [
  {
    file: 'libs/domain/src/boundary-probe.ts',
    code: "import { DataSource } from 'typeorm';\nexport const p = DataSource;\n",
    expect: /not allowed to import "typeorm"/,
  },
  {
    file: 'libs/domain/src/boundary-probe.ts',
    code: "import { Component } from '@angular/core';\nexport const p = Component;\n",
    expect: /not allowed to import "@angular\/core"/,
  },
  {
    file: 'web/src/app/boundary-probe.ts',
    code: "import { bootstrap } from '../../../api/src/main';\nexport const p = bootstrap;\n",
    expect: /Projects cannot be imported by a relative or absolute path/,
  },
  {
    file: 'web/src/app/boundary-probe.ts',
    code: "import { createDataSource } from '@civicpulse/db';\nexport const p = createDataSource;\n",
    expect: /tagged with "scope:web" can only depend on libs tagged with/,
  },
  {
    file: 'libs/connectors/src/boundary-probe.ts',
    code: "import { Client } from 'pg';\nexport const p = Client;\n",
    expect: /not allowed to import "pg"/,
  },
];

// Probes are linted from memory, so type-aware parsing and rules are switched off for them.
const eslint = new ESLint({
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});
let failures = 0;
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
  const messages = result.messages.map((m) => m.message).join('\n');
  const ok = probe.expect.test(messages);
  if (!ok) failures += 1;
  process.stdout.write(
    `${ok ? '✔' : '✖'} ${probe.file}: ${probe.code.split('\n')[0]}\n${ok ? '' : `   got: ${messages || 'no error'}\n`}`,
  );
}
process.stdout.write(`${probes.length - failures} passed, ${failures} failed\n`);
process.exit(failures ? 1 : 0);
