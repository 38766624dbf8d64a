// The file system side of a write: an atomic replace (temporary file in the
// same folder, fsync, rename over the original, fsync the folder) that honours
// the file's own permissions and owner, and checks, just before the rename, that
// the lock is still ours and the file is still the one that was read. The lock
// itself is in lock.ts.

import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PlanError, asPlanError } from '../system/errors.js';
import { haltAt } from '../system/halt.js';

const TEMP_PREFIX = '.plan-tmp-';

export function realTarget(path: string, display: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    throw new PlanError(`${display}: cannot resolve the file (${(e as NodeJS.ErrnoException).code}); check the path`);
  }
}

/** What identifies one version of a file: which file it is and when it last changed. */
export type FileIdentity = Pick<BigIntStats, 'dev' | 'ino' | 'size' | 'mtimeNs' | 'ctimeNs'>;

export function fileIdentity(path: string): FileIdentity | null {
  try {
    const { dev, ino, size, mtimeNs, ctimeNs } = statSync(path, { bigint: true });
    return { dev, ino, size, mtimeNs, ctimeNs };
  } catch {
    return null;
  }
}

/** The file changed between the read and the write: the write starts over from a fresh read. */
export class FileChanged extends Error {
  constructor() {
    super('the file changed while plan was writing it');
    this.name = 'FileChanged';
  }
}

/**
 * Compare-and-swap, the compare half: `target` is still the file that was read
 * (`before`, taken before the read; `bytes`, what the read got). Throws
 * FileChanged when another editor wrote it meanwhile, PlanError when it is gone.
 */
export function checkUnchanged(target: string, before: FileIdentity | null, bytes: Uint8Array, display: string): void {
  const now = fileIdentity(target);
  if (!now) throw gone(display);
  const same = before && (['dev', 'ino', 'size', 'mtimeNs', 'ctimeNs'] as const).every((k) => now[k] === before[k]);
  if (!same || !readFileSync(target).equals(bytes)) throw new FileChanged();
}

function gone(display: string): PlanError {
  return new PlanError(`${display}: the file was deleted or moved while plan was writing it; nothing was written`);
}

/** Refuses, as an in-place write would, a file the user may not write; else its mode and owner. */
function checkWritable(target: string, display: string): Stats {
  let fd: number;
  try {
    fd = openSync(target, 'r+');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      const mode = (statSync(target).mode & 0o777).toString(8).padStart(4, '0');
      throw new PlanError(
        `${display}: permission denied: you may not write this file (mode ${mode}); nothing was written (make it writable, e.g. chmod u+w, or ask its owner)`,
      );
    }
    if (code === 'ENOENT') throw gone(display);
    if (code === 'EROFS') throw new PlanError(`${display}: the file is on a read-only file system; nothing was written`);
    throw new PlanError(`${display}: cannot open the file for writing (${code ?? (e as Error).message}); nothing was written`);
  }
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Gives the new file the old one's owner and group, or refuses: replacing it must not give it away. */
function keepOwner(fd: number, st: { uid: number; gid: number }, display: string): void {
  try {
    fchownSync(fd, st.uid, st.gid);
    return;
  } catch {
    // Only root may give a file away; a user's own file needs nothing.
  }
  const made = fstatSync(fd);
  if (made.uid !== st.uid) {
    throw new PlanError(
      `${display}: the file belongs to another user (uid ${st.uid}); writing it would make it yours; nothing was written (run plan as its owner)`,
    );
  }
  if (made.gid !== st.gid) {
    throw new PlanError(
      `${display}: the file's group (gid ${st.gid}) is not one of yours; writing it would change its group; nothing was written (run plan as a member of that group)`,
    );
  }
}

/**
 * Replaces `target` with `bytes` atomically: readers see the old file or the
 * new one, never a mix; a crash leaves the old file (and at worst a stray
 * temporary file, which the next write removes). Mode, owner and group are
 * kept, or the write is refused. `beforeReplace` runs just before the rename
 * and may throw to leave the file as it is.
 */
export function atomicWrite(target: string, bytes: Uint8Array, display: string, beforeReplace: () => void = () => undefined): void {
  const dir = dirname(target);
  const st = checkWritable(target, display);
  removeStaleTemps(dir);
  const tmp = join(dir, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}-${basename(target)}`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o7777);
    keepOwner(fd, st, display);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    haltAt('temp-written');
    fchmodSync(fd, st.mode & 0o7777);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    haltAt('temp-synced');
    beforeReplace();
    renameSync(tmp, target);
    haltAt('replaced');
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    if (asPlanError(e) || e instanceof FileChanged) throw e;
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
