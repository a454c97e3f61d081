// Watches the process that starts an embedded Postgres cluster. If that process disappears
// without stopping the server (killed, crashed, even during initdb), stop the server and delete
// its data folder. Started detached by embedded-cluster.mjs before the cluster is created; exits
// when told to (SIGTERM, after a normal stop) or once it has cleaned up.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [ownerPid, dataParent] = process.argv.slice(2);
const pidFile = join(dataParent, 'data', 'postmaster.pid');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster writes its pid on the first line of postmaster.pid while it runs. */
function serverPid() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

process.on('SIGTERM', () => process.exit(0));

const timer = setInterval(() => {
  if (alive(Number(ownerPid))) return;
  clearInterval(timer);
  let signalled;
  let polls = 0;
  // Keep looking for a while: a server still starting up writes its pid file a moment later.
  const wait = setInterval(() => {
    polls += 1;
    const pid = serverPid();
    if (pid && alive(pid)) {
      if (signalled !== pid) {
        // SIGINT is Postgres' "fast shutdown": roll back sessions and exit.
        process.kill(pid, 'SIGINT');
        signalled = pid;
      } else if (polls > 100) {
        process.kill(pid, 'SIGKILL');
      }
      return;
    }
    if (polls < 25 && !signalled) return;
    clearInterval(wait);
    rmSync(dataParent, { recursive: true, force: true });
    process.exit(0);
  }, 200);
}, 500);
