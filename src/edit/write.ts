// The file system side of a write: an exclusive lock on the plan (proper-lockfile,
// a `<plan>.lock` directory whose mtime a live holder keeps fresh, so a killed
// holder's lock goes stale within STALE_MS), and an atomic replace (temporary
// file in the same folder, fsync, rename over the original, fsync the folder).

import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PlanError } from '../errors.js';

/** A lock not refreshed for this long belongs to a dead writer and is taken over. */
export const STALE_MS = 4000;
/** How long a writer waits for the lock before giving up (PLAN_LOCK_TIMEOUT overrides, in ms). */
export const LOCK_TIMEOUT_MS = 8000;

const TEMP_PREFIX = '.plan-tmp-';

export function realTarget(path: string, display: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    throw new PlanError(`${display}: cannot resolve the file (${(e as NodeJS.ErrnoException).code}); check the path`);
  }
}

/** Runs `fn` holding the plan's exclusive lock. */
export async function withLock<T>(target: string, display: string, fn: (isCompromised: () => Error | null) => Promise<T>): Promise<T> {
  const timeout = Number(process.env.PLAN_LOCK_TIMEOUT) || LOCK_TIMEOUT_MS;
  const deadline = Date.now() + timeout;
  let compromised: Error | null = null;
  let release: (() => Promise<void>) | null = null;
  const { default: lockfile } = await import('proper-lockfile');
  for (;;) {
    try {
      release = await lockfile.lock(target, {
        stale: STALE_MS,
        update: 1000,
        realpath: false,
        retries: 0,
        onCompromised: (err) => {
          compromised = err;
        },
      });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ELOCKED') {
        throw new PlanError(`${display}: cannot lock the file for writing (${code ?? (e as Error).message}); check that its folder is writable`);
      }
      if (Date.now() >= deadline) {
        throw new PlanError(
          `${display}: another plan process has held the file's lock for over ${Math.round(timeout / 1000)} s; try again (a lock left by a killed process clears itself within ${STALE_MS / 1000} s)`,
        );
      }
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 25));
    }
  }
  try {
    return await fn(() => compromised);
  } finally {
    await release!().catch(() => undefined);
  }
}

/**
 * Replaces `target` with `bytes` atomically: readers see the old file or the
 * new one, never a mix; a crash leaves the old file (and at worst a stray
 * temporary file, which the next write removes). Mode and owner are kept.
 */
export function atomicWrite(target: string, bytes: Uint8Array, display: string): void {
  const dir = dirname(target);
  const st = statSync(target);
  removeStaleTemps(dir);
  const tmp = join(dir, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}-${basename(target)}`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o7777);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fchmodSync(fd, st.mode & 0o7777);
    try {
      fchownSync(fd, st.uid, st.gid);
    } catch {
      // Only root may give a file away; a user's own file keeps its owner anyway.
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlanError(`${display}: could not write the file (${code ?? (e as Error).message}); it was left unchanged`);
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is done either way.
  }
}

/** Removes temporary files left by plan processes that were killed mid-write. */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^\.plan-tmp-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // someone else removed it
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
