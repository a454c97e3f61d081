// Child-process supervision for the one-command start: prefixed output, readiness by log line or
// URL, and a stop that takes down every process group it started, so Ctrl-C leaves no orphans.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const children = new Set();

/**
 * Spawns a long-running child in its own process group and relays its output with a prefix.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, onLine?: (line: string) => void, quiet?: boolean }} [options]
 */
export function startService(name, command, args, options = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  const relay = (stream) =>
    readline.createInterface({ input: stream }).on('line', (line) => {
      options.onLine?.(line);
      if (!options.quiet) process.stdout.write(`${name.padEnd(7)}│ ${line}\n`);
    });
  relay(child.stdout);
  relay(child.stderr);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Runs a command to completion; rejects with its output when it fails. */
export function runStep(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (options.onData) options.onData(String(chunk));
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve(output)
        : reject(
            new Error(`${command} ${args.join(' ')} failed (${signal ?? code})\n${output.slice(-4000)}`),
          ),
    );
  });
}

/** Sends SIGTERM to every started process group, then SIGKILL to what is left after a grace period. */
export async function stopAll(graceMs = 8000) {
  const alive = [...children];
  for (const child of alive) signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children) signalGroup(child, 'SIGKILL');
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Polls a URL until it answers 2xx or the timeout passes. */
export async function waitForUrl(url, timeoutMs, isReady = () => true) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        const body = await response.json().catch(() => ({}));
        if (isReady(body)) return body;
        lastError = `not ready: ${JSON.stringify(body).slice(0, 200)}`;
      } else lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s (${lastError})`);
}
