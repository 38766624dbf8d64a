// Reading and writing plan's cache files (models, status memory, undo journal,
// history store) so that nothing found in the cache folder can stop or hang a
// command, or turn a write into a write elsewhere:
// - a cache folder not owned by the user, or writable by others, is not used
//   at all (as ssh refuses a loose ~/.ssh): another user could plant links or
//   files there. Writable by its group is allowed only when the group is the
//   user's own primary group (one group per user, umask 002), as Debian's ssh
//   allows. plan makes its folders private (0700);
// - a cache file is read only when it is the user's own;
// - a cache file is created afresh (O_EXCL | O_NOFOLLOW, mode 0600) under a
//   temporary name and renamed over the old one, so a link planted at either
//   name is never followed, and a reader never sees half a file;
// - a cache file is read only when it is a regular file and not a link, never
//   blocking on a FIFO (see fs/read.ts);
// - folders are made one level at a time (Node's recursive mkdir loops forever
//   under /proc).
// A cache folder that cannot be used is skipped with one warning.

import { closeSync, constants, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writevSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { warn } from '../system/errors.js';
import { readFileBytes } from '../fs/read.js';
import { runtime, type Runtime } from '../system/runtime.js';

/** The largest cache file read (a model of a 16 MB plan is several times its size). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** Makes `dir` and the parents it lacks, one level at a time, private to the user; throws what mkdir or stat throws. */
function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      if (statSync(d).isDirectory()) break;
      throw Object.assign(new Error(`${d} is not a folder`), { code: 'ENOTDIR' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, 0o700);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/**
 * Why the cache folder `dir` must not be used, or null when it may (or does
 * not exist yet: plan makes it private). `top`: the cache folder itself, which
 * may be a link the user made (to another disk); folders below it may not.
 */
export function folderProblem(dir: string, top: boolean, uid = process.getuid?.(), gid = process.getgid?.()): string | null {
  if (uid === undefined) return null; // no owners to check (Windows)
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(dir);
    if (st.isSymbolicLink()) {
      if (!top) return 'it is a symbolic link';
      if (st.uid !== uid && st.uid !== 0) return 'it is a symbolic link made by another user';
      st = statSync(dir);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : (code ?? (e as Error).message);
  }
  if (!st.isDirectory()) return 'ENOTDIR';
  if (st.uid !== uid) return `it belongs to another user, uid ${st.uid}`;
  // Group-writable is refused too, unless the group is the user's own (a umask of 002 with one group per user).
  if (st.mode & 0o002 || (st.mode & 0o020 && st.gid !== gid)) return `others can write to it, mode ${(st.mode & 0o777).toString(8)}: chmod go-w it`;
  return null;
}

const verdicts = new Map<string, string | null>();
// Said once per run: an in-process run (tests) is a run of its own.
const warned = new WeakSet<Runtime>();

/** Says once per run that the cache folder `dir` is not used, and why. */
function unusable(dir: string, why: string): void {
  if (warned.has(runtime())) return;
  warned.add(runtime());
  warn(`cannot use the cache folder ${dir} (${why}); plan goes on without it (set PLAN_CACHE_DIR to a writable folder of your own, or PLAN_NO_CACHE=1)`);
}

/** Whether the folders holding `file` (the cache folder and its sub-folder) may be used; warns once when not (unless `quiet`). */
function safeFolders(file: string, quiet = false): boolean {
  const sub = dirname(file);
  const top = dirname(sub);
  for (const [dir, isTop] of [
    [top, true],
    [sub, false],
  ] as const) {
    if (!verdicts.has(dir)) verdicts.set(dir, folderProblem(dir, isTop));
    const problem = verdicts.get(dir);
    if (problem) {
      if (!quiet) unusable(dir, problem);
      return false;
    }
  }
  return true;
}

/** The text of the cache file `file`, or null (none, not a regular file, a link, or an unsafe folder). */
export function readCacheFile(file: string): string | null {
  return readCacheBytes(file, false)?.toString('utf8') ?? null;
}

/**
 * The bytes of the cache file `file`, or null, on the same terms as readCacheFile.
 * `quiet` (the default) for the code cache (src/cli/boot.ts), whose loader runs apart
 * from the main bundle, which says the warning itself.
 */
export function readCacheBytes(file: string, quiet = true): Buffer | null {
  if (!safeFolders(file, quiet)) return null;
  const r = readFileBytes(file, { max: MAX_CACHE_BYTES, noFollow: true, owner: process.getuid?.() });
  return 'bytes' in r ? r.bytes : null;
}

/** What a cache file is written from: text, bytes, or pieces of bytes written one after the other. */
type CacheContent = string | Uint8Array | readonly Uint8Array[];

/**
 * Replaces the cache file `file` with `text` (a new file renamed over it).
 * A failure costs only speed (or an undo): it is said once per run (unless `quiet`: see readCacheBytes), and the command goes on.
 */
export function writeCacheFile(file: string, text: CacheContent, quiet = false): void {
  if (!safeFolders(file, quiet)) return;
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    makeDir(dirname(file));
    // makeDir may have made the folders, or found them made meanwhile by someone else: look again.
    verdicts.delete(dirname(file));
    verdicts.delete(dirname(dirname(file)));
    if (!safeFolders(file, quiet)) return;
    createExclusive(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never made
    }
    if (!quiet) unusable(dirname(dirname(file)), (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}

/** Writes a new file at `path`; fails if anything (a file, a link) is already there. */
function createExclusive(path: string, text: CacheContent): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    writeAll(fd, typeof text === 'string' ? [Buffer.from(text, 'utf8')] : text instanceof Uint8Array ? [text] : text);
  } finally {
    closeSync(fd);
  }
}

/** The most pieces one writev takes (IOV_MAX on Linux and macOS). */
const MAX_PIECES = 1024;

/**
 * Writes `pieces` in order, picking up after a short write. Pieces rather than one joined
 * buffer: a model entry is megabytes, and joining it first doubled it in memory.
 * `writev`: the system call (tests give one that writes less than asked).
 */
export function writeAll(fd: number, pieces: readonly Uint8Array[], writev: (fd: number, b: Uint8Array[]) => number = writevSync): void {
  let i = 0;
  let at = 0; // bytes of pieces[i] already written
  while (i < pieces.length) {
    const batch = pieces.slice(i, i + MAX_PIECES);
    batch[0] = batch[0]!.subarray(at);
    let n = writev(fd, batch);
    for (; i < pieces.length && n >= pieces[i]!.length - at; i++) {
      n -= pieces[i]!.length - at;
      at = 0;
    }
    at += n;
  }
}

/** Forgets the verdicts on folders (tests change permissions within one process). */
export function forgetFolderVerdicts(): void {
  verdicts.clear();
  warned.delete(runtime());
}
