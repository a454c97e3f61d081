// Starts the whole product with `scripts/start.mjs` in a throw-away data folder and hands back its URL
// and credentials: used by the browser end-to-end suite and the web benchmark.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { findFreePort } from './ports.mjs';

/**
 * @param {{ root: string, dataDir: string, log?: (line: string) => void, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, username: string, password: string, stop: () => Promise<void> }>}
 */
export async function startStack({ root, dataDir, log = () => {}, timeoutMs = 300_000 }) {
  rmSync(dataDir, { recursive: true, force: true });
  const port = await findFreePort(0);
  const built = ['dist/api/main.js', 'dist/ingest/main.js', 'dist/web/browser/index.html'].every((f) =>
    existsSync(path.join(root, f)),
  );
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      CIVICPULSE_DATA_DIR: dataDir,
      PORT: String(port),
      SKIP_BUILD: built ? 'true' : 'false',
      DATABASE_URL: '',
      ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let url;
  let username;
  let password;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stack did not start in time')), timeoutMs);
    const onLine = (line) => {
      log(line);
      const open = /^\s*Open\s+(\S+)/.exec(line);
      if (open) url = open[1];
      const signIn = /^\s*Sign in\s+(\S+) \/ (\S+)/.exec(line);
      if (signIn) [, username, password] = signIn;
      if (url && username && password) {
        clearTimeout(timer);
        resolve();
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', (line) => log(line));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited early (${code})`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, username, password, stop };
}
