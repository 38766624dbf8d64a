// The plan's exclusive lock: a `<plan>.lock` folder (mkdir is atomic) holding
// an `owner` file that names the holder: process id, its start time, the
// machine, and a token of this lock.
//
// A lock is stale, and may be taken over, only when it has not been refreshed
// for STALE_MS (the holder touches the folder every second) AND its holder is
// not a process still running on this machine. A live holder is never stale,
// however long it has been paused (Ctrl-Z, a frozen VM, a slow disk): taking
// over its lock is how its write and the next one both "succeed" and one is
// lost. Without an owner file (a lock made by an older plan, or a holder on
// another machine) only the age counts, as before.

import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFileText } from '../fs/read.js';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { PlanError } from '../system/errors.js';
import { envNumber } from '../system/env.js';
import { haltAt } from '../system/halt.js';

/** A lock not refreshed for this long, whose holder is gone, is taken over (PLAN_LOCK_STALE overrides, in ms). */
const STALE_MS = 4000;
/** How long a writer waits for the lock before giving up (PLAN_LOCK_TIMEOUT overrides, in ms). */
const LOCK_TIMEOUT_MS = 8000;
const REFRESH_MS = 1000;

interface Owner {
  pid: number;
  /** The process's start time as the system counts it (Linux), to tell a reused pid. */
  started: string | null;
  host: string;
  token: string;
}

/** What a waiter saw of a lock it could not take. */
interface Seen {
  owner: Owner | null;
  mtimeMs: number;
  ino: number;
}

export interface HeldLock {
  /** Whether the lock folder still names this lock (no one took it over). */
  stillOurs(): boolean;
}

/** How long a writer waits for the lock, as set (PLAN_LOCK_TIMEOUT) or the default. */
export function lockTimeoutMs(): number {
  return envNumber('PLAN_LOCK_TIMEOUT', LOCK_TIMEOUT_MS);
}

/** "1 s", "1.5 s": a duration as the user set it. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** A process's state and start time (fields 3 and 22 of /proc/<pid>/stat), or null where there is no /proc. */
function procStat(pid: number | 'self'): { state: string; started: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

function isRunning(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is in use: by the holder, unless it has exited unreaped (a zombie)
  // or the pid was reused since (a reboot, a long time).
  const now = procStat(owner.pid);
  if (!now) return true;
  return now.state !== 'Z' && now.state !== 'X' && (owner.started === null || now.started === owner.started);
}

function readOwner(dir: string): Owner | null {
  try {
    // The lock folder sits beside the plan, in a repository anyone could commit to: never a blocking read.
    const o = JSON.parse(readFileText(join(dir, 'owner'), { max: 64 * 1024 }) ?? 'null') as Owner;
    return typeof o.pid === 'number' && typeof o.token === 'string' && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

function look(dir: string): Seen | null {
  try {
    const st = statSync(dir);
    return { owner: readOwner(dir), mtimeMs: st.mtimeMs, ino: st.ino };
  } catch {
    return null;
  }
}

const heldHere = new Set<string>();

/** Whether the holder seen may still write: a running process on this machine, or a lock refreshed lately. */
function alive(seen: Seen, staleMs: number): boolean {
  const o = seen.owner;
  if (o && o.host === hostname()) {
    if (o.pid === process.pid) return heldHere.has(o.token);
    if (isRunning(o)) return true;
  }
  return Date.now() - seen.mtimeMs < staleMs;
}

/** Removes a stale lock, unless it changed since it was judged stale. */
function takeOver(dir: string, judged: Seen): void {
  const now = look(dir);
  if (!now || now.ino !== judged.ino || now.owner?.token !== judged.owner?.token) return;
  rmSync(dir, { recursive: true, force: true });
}

function newToken(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** mkdir the lock folder and write its owner; false when someone else has it. */
function tryMake(dir: string, owner: Owner, display: string): boolean {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new PlanError(`${display}: cannot lock the file for writing (${code ?? (e as Error).message}); check that its folder is writable`);
  }
  haltAt('lock-made');
  try {
    // Written aside and renamed: a waiter never reads half an owner file.
    const tmp = join(dir, `owner.${owner.token}`);
    writeFileSync(tmp, JSON.stringify(owner));
    renameSync(tmp, join(dir, 'owner'));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new PlanError(
      `${display}: cannot lock the file for writing (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check that its folder is writable`,
    );
  }
  return true;
}

function timeoutError(display: string, timeout: number, seen: Seen | null, staleMs: number): PlanError {
  const o = seen?.owner;
  const who =
    o && o.host === hostname() && isRunning(o)
      ? ` (process ${o.pid} holds it and is still running: if it is stopped, resume it with \`fg\` or end it)`
      : ` (a lock left by a killed process clears itself within ${seconds(staleMs)})`;
  return new PlanError(`${display}: another plan process has held the file's lock for over ${seconds(timeout)}; try again${who}; nothing was written`);
}

/** Runs `fn` holding the plan's exclusive lock. */
export async function withLock<T>(target: string, display: string, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
  const timeout = lockTimeoutMs();
  const staleMs = envNumber('PLAN_LOCK_STALE', STALE_MS);
  const deadline = Date.now() + timeout;
  const dir = `${target}.lock`;
  const owner: Owner = { pid: process.pid, started: procStat('self')?.started ?? null, host: hostname(), token: newToken() };
  let seen: Seen | null = null;
  while (!tryMake(dir, owner, display)) {
    seen = look(dir);
    if (seen && !alive(seen, staleMs)) {
      takeOver(dir, seen);
      continue;
    }
    if (Date.now() >= deadline) throw timeoutError(display, timeout, seen, staleMs);
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 25));
  }
  return holding(dir, owner.token, fn);
}

/**
 * A signal that arrived while the lock was held but whose handler had not run yet (the write was
 * busy) must not be lost when the handler is removed: Node drops a signal that finds no listener.
 * Until the event loop has read pending signals once more, a listener stays that does what the signal would have done
 * (installed before the lock's handlers go, so there is always one; never more than one per signal).
 */
const deferred = new Set<NodeJS.Signals>();
function deferSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (deferred.has(signal)) continue;
    deferred.add(signal);
    const raise = () => process.kill(process.pid, signal);
    process.once(signal, raise);
    // Two turns: the first ends this turn's check phase, the second comes after the next poll phase, which reads
    // a signal already pending. Kept referenced, so a process with nothing else to do still takes that turn.
    setImmediate(() =>
      setImmediate(() => {
        process.off(signal, raise);
        deferred.delete(signal);
      }),
    );
  }
}

async function holding<T>(dir: string, token: string, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
  heldHere.add(token);
  const stillOurs = () => readOwner(dir)?.token === token;
  // Fresh for holders elsewhere, who can only judge the lock by its age.
  const refresh = setInterval(() => {
    try {
      if (stillOurs()) utimesSync(dir, new Date(), new Date());
    } catch {
      // gone: the write checks stillOurs() before replacing the file
    }
  }, REFRESH_MS);
  refresh.unref();
  const release = () => {
    if (stillOurs()) rmSync(dir, { recursive: true, force: true });
  };
  // An interrupted writer leaves no lock behind: the signal then does what it would have done.
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.kill(process.pid, signal);
  };
  process.once('exit', release);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    haltAt('locked');
    return await fn({ stillOurs });
  } finally {
    clearInterval(refresh);
    process.off('exit', release);
    deferSignals();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    heldHere.delete(token);
    try {
      release();
    } catch {
      // a lock folder we cannot remove goes stale once we are gone
    }
    haltAt('unlocked');
  }
}
