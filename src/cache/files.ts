// Reading and writing plan's side files (the cache, the status memory,
// `.planrc.json`) so that nothing found on the way can stop or hang a command:
// a FIFO where a file should be is never opened for a blocking read or write,
// folders are made one level at a time (Node's recursive mkdir loops forever
// under /proc), and a cache folder that cannot be used is skipped with one
// warning.

import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { warn } from '../errors.js';
import { runtime, type Runtime } from '../runtime.js';

/** The text of `path` if it is a regular file, else null (missing, a folder, a FIFO, a device, unreadable). */
export function readRegular(path: string): string | null {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO to read would wait for a writer forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Makes `dir` and the parents it lacks, one level at a time; throws what mkdir or stat throws. */
export function makeDir(dir: string): void {
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
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

// Said once per run: an in-process run (tests) is a run of its own.
const warned = new WeakSet<Runtime>();

/**
 * Replaces the side file `file` with `text` (a temporary file renamed over it).
 * A failure costs only speed: it is said once per run, and the command goes on.
 */
export function writeSideFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    makeDir(dirname(file));
    try {
      unlinkSync(tmp);
    } catch {
      // none left over
    }
    // Exclusive create: whatever appears at that name meanwhile is never opened.
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    if (warned.has(runtime())) return;
    warned.add(runtime());
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    warn(
      `cannot use the cache folder ${dirname(dirname(file))} (${why}); plan goes on without it (set PLAN_CACHE_DIR to a writable folder, or PLAN_NO_CACHE=1)`,
    );
  }
}
