/**
 * What to undo when flagship is interrupted: temp files of writes in progress,
 * the output lock, the browser and its temp profile. Each holder registers a
 * synchronous cleanup while it holds the resource and removes it when done;
 * `installSignalHandlers` (called by the CLI) runs them all on SIGINT, SIGTERM
 * and SIGHUP, says so on one line and exits 130/143/129. Outputs are written
 * atomically, so an interrupted build leaves the previous PDF and build.json as
 * they were. (kill -9 cannot be caught: then temp files named `.*.tmp-<pid>-*`
 * may stay; the next write into that directory removes those of dead processes.)
 */

/** Is process `pid` still running (it may belong to another user)? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const tasks = new Map<number, () => void>();
let next = 0;

/** Register a cleanup to run if the process is interrupted; returns its removal. */
export function onInterrupt(task: () => void): () => void {
  const id = next++;
  tasks.set(id, task);
  return () => {
    tasks.delete(id);
  };
}

/** Run every registered cleanup now (newest first); errors are ignored. */
export function runCleanups(): void {
  for (const id of [...tasks.keys()].reverse()) {
    const task = tasks.get(id);
    tasks.delete(id);
    try {
      task?.();
    } catch {
      // Best effort: the other cleanups still run.
    }
  }
}

/** Number of cleanups registered now (tests). */
export function pendingCleanups(): number {
  return tasks.size;
}

const SIGNALS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];
let installed = false;

/** On SIGINT/SIGTERM/SIGHUP: clean up, print one line, exit with 128 + the signal number. */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of SIGNALS)
    process.on(signal, () => {
      runCleanups();
      process.stderr.write(
        `flagship: interrupted (${signal}); nothing half-written was left and earlier outputs are unchanged.\n`,
      );
      process.exit(code);
    });
}
