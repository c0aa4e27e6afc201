// Child processes of the server benchmark: the servers under test, each pinned to one core when
// `taskset` exists, and their resident memory read from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Whether `taskset` (util-linux) can pin processes to a core. */
export const CAN_PIN = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The command line that runs `args` (node and its arguments) on `core`, when pinning works. */
export function onCore(core, args) {
  return CAN_PIN ? ['taskset', ['-c', String(core), ...args]] : [args[0], args.slice(1)];
}

/**
 * Starts a server that prints `listening on URL` and resolves with `{ child, url, pid, stop }` once it
 * does. `stop()` sends SIGTERM and waits for the exit. Its stderr is kept for error messages; its
 * later standard output goes line by line to `onLine`, when given (and is dropped otherwise).
 */
export function startServer(args, { core, cwd, env = process.env, onLine } = {}) {
  const [command, commandArgs] = core === undefined ? [args[0], args.slice(1)] : onCore(core, args);
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk.toString();
  });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening on" within 30 s: ${err}`)),
      30_000,
    );
    let listening = false;
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      if (listening) {
        const lines = out.split('\n');
        out = lines.pop() ?? '';
        for (const line of lines) onLine?.(line);
        return;
      }
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match !== null) {
        listening = true;
        out = '';
        clearTimeout(timer);
        resolve({
          child,
          url: match[1],
          pid: child.pid,
          stderr: () => err,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before listening: ${err}`));
    });
  });
}

/** Resident set size of `pid` in bytes (VmRSS), or undefined once the process is gone. */
export function residentBytes(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ: /proc counts CPU time in 1/100 s on Linux

/** CPU time (user + system) `pid` has used so far, in milliseconds; NaN once it is gone. */
export function cpuMilliseconds(pid) {
  try {
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Runs a node script to completion on `core` and resolves with its stdout (rejects on failure). */
export function runNode(script, scriptArgs, { core, env = process.env } = {}) {
  const args = [process.execPath, script, ...scriptArgs];
  const [command, commandArgs] = core === undefined ? [args[0], args.slice(1)] : onCore(core, args);
  const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${script} failed (${code ?? signal})`));
    });
  });
}
