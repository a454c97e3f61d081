#!/usr/bin/env node
// `npm test`: every unit and database test of every project, with no services running beforehand.
// Database tests start their own embedded PostgreSQL (or use DATABASE_URL when it is set).
// Prints one closing line for the whole workspace: "N passed, N failed, N skipped".
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'tmp/test-results');
rmSync(resultsDir, { recursive: true, force: true });

const extra = process.argv.slice(2);
const args = [
  'nx',
  'run-many',
  '-t',
  'test',
  '--skip-nx-cache',
  '--output-style=static',
  '--parallel=2',
  ...extra,
];
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  SCARF_ANALYTICS: 'false',
};
if (process.env.CI) env.CI = 'true';

const child = spawn('npx', args, { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let broken = 0;
  const projects = [];
  let files = [];
  try {
    files = readdirSync(resultsDir).filter((f) => f.endsWith('.json'));
  } catch {
    files = [];
  }
  for (const file of files) {
    const r = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
    broken += r.runtimeErrors;
    projects.push(`${r.project}: ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}`);
  }
  process.stdout.write(`\nTest projects: ${projects.length}\n  ${projects.sort().join('\n  ')}\n`);
  if (broken) process.stdout.write(`${broken} test suite(s) failed to run\n`);
  process.stdout.write(`${passed} passed, ${failed + broken} failed, ${skipped} skipped\n`);
  process.exit(code === 0 && failed === 0 && broken === 0 ? 0 : code || 1);
  void signal;
});
