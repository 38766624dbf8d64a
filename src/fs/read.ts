// The one way plan reads a file: the plan, `.planrc.json`, `.gitattributes`,
// and its own cache files. Every file is untrusted, so nothing found at a path
// may stop or hang a command: the file is opened non-blocking (opening a FIFO
// to read would wait for a writer forever, and a read from one would block the
// whole process, signals included), then only a regular file is read, and at
// most `max` bytes of it (a file that grows while read is refused too).

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Why a file was not read. */
type ReadFailure = 'missing' | 'directory' | 'special' | 'link' | 'owner' | 'too-large' | 'denied' | 'error';

/**
 * What the file's status said when it was opened: `id` its device, inode, size and
 * modification and change times (any write changes its change time, which no user
 * can set back), `changedMs` the later of those times. A cache may trust an unchanged
 * `id` only when the file had not changed for a while when it was read (src/cache/stamps.ts).
 */
export interface FileStamp {
  id: string;
  changedMs: number;
}

export type ReadResult = { bytes: Buffer; stamp: FileStamp } | { failure: ReadFailure /** errno code or message */; detail: string; size?: number };

/** The stamp of a file's status `st` (see FileStamp). */
export function stampOf(st: Stats): FileStamp {
  return { id: `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`, changedMs: Math.max(st.mtimeMs, st.ctimeMs) };
}

export interface ReadOptions {
  /** The most bytes read; a larger file is refused ('too-large'). */
  max: number;
  /** Refuse a symbolic link at the path itself ('link'): for files plan made, which are never links. */
  noFollow?: boolean;
  /** Refuse a file another user owns ('owner'): for files plan made, in a folder others may reach. */
  owner?: number;
}

const FAILURE_OF_CODE: Record<string, ReadFailure> = {
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EACCES: 'denied',
  EPERM: 'denied',
  EISDIR: 'directory',
  ELOOP: 'link',
};

function failure(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  return { failure: (code ? FAILURE_OF_CODE[code] : undefined) ?? 'error', detail: code ?? (e as Error).message };
}

/** The bytes of `path` if it is a regular file of at most `max` bytes; else why not. */
export function readFileBytes(path: string, opts: ReadOptions): ReadResult {
  let fd: number;
  try {
    const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (opts.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
    fd = openSync(path, flags);
  } catch (e) {
    return failure(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { failure: 'directory', detail: 'EISDIR' };
    if (!st.isFile()) return { failure: 'special', detail: 'not a regular file' };
    if (opts.owner !== undefined && st.uid !== opts.owner) return { failure: 'owner', detail: `uid ${st.uid}` };
    if (st.size > opts.max) return { failure: 'too-large', detail: 'EFBIG', size: st.size };
    const r = readBounded(fd, st.size, opts.max);
    return 'bytes' in r ? { bytes: r.bytes, stamp: stampOf(st) } : r;
  } catch (e) {
    return failure(e);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, never more than max bytes (a file's size can be 0, as in /proc, or grow meanwhile). */
function readBounded(fd: number, size: number, max: number): { bytes: Buffer } | Exclude<ReadResult, { bytes: Buffer }> {
  let buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(size + 1, 4096)));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (buf.length > max) return { failure: 'too-large', detail: 'EFBIG', size: length };
      const bigger = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > max) return { failure: 'too-large', detail: 'EFBIG', size: length };
  return { bytes: buf.subarray(0, length) };
}

/** The UTF-8 text of `path` when readFileBytes reads it, else null. */
export function readFileText(path: string, opts: ReadOptions): string | null {
  const r = readFileBytes(path, opts);
  return 'bytes' in r ? r.bytes.toString('utf8') : null;
}

/** What a failure means to the user, as a short clause: `is a directory`, `not a regular file (a FIFO or device)`. */
export function failureText(r: Exclude<ReadResult, { bytes: Buffer }>): string {
  switch (r.failure) {
    case 'missing':
      return 'no such file';
    case 'directory':
      return 'is a directory';
    case 'special':
      return 'not a regular file (a FIFO, socket or device)';
    case 'link':
      return 'is a symbolic link';
    case 'owner':
      return `belongs to another user (${r.detail})`;
    case 'too-large':
      return `too large (${((r.size ?? 0) / 1048576).toFixed(1)} MB)`;
    case 'denied':
      return 'permission denied';
    default:
      return `cannot read (${r.detail})`;
  }
}
