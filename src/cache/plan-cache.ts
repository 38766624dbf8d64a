// The parsed model of a plan, cached by the file's content hash (never by time):
// an unchanged file is not parsed again. The entry lives in the cache folder
// (see dir.ts), one per plan path, and is rewritten when the content changes.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Plan } from '../model/types.js';
import { cacheDir, keyOf } from './dir.js';
import { fingerprint } from './hash.js';
import { compact, expand, type CompactPlan } from './compact.js';

declare const __PLAN_BUILD__: string;
/** Changes with every build, so a new version never reads an old model. */
const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : 'dev';

export interface CacheKey {
  file: string;
  /** Fingerprint of the bytes, the build, and anything else the model depends on. */
  digest: string;
}

// node:crypto costs a few milliseconds to load: only big files are worth it.
const nodeRequire = createRequire(import.meta.url);

/** Above this size a file is hashed natively: loading node:crypto pays off. */
const NATIVE_HASH_BYTES = 128 * 1024;

export function cacheKey(realPath: string, bytes: Uint8Array, extra: string): CacheKey | null {
  const dir = cacheDir();
  if (!dir) return null;
  const digest =
    bytes.length > NATIVE_HASH_BYTES
      ? `s${nodeRequire('node:crypto').createHash('sha1').update(bytes).update('\0').update(BUILD).update('\0').update(extra).digest('hex')}`
      : fingerprint([bytes, BUILD, extra]);
  return { file: join(dir, 'plans', `${keyOf(realPath)}.json`), digest };
}

// The entry is line-based: the digest, then the plan's tables and headings as
// one JSON line, then the tasks in JSON lines of CHUNK tasks each. A write by
// plan re-encodes only the chunks its edit touched and copies the others.
const CHUNK = 256;

interface RawChunks {
  lines: string[];
}
const rawOf = new WeakMap<CompactPlan, RawChunks>();

/** The cached model and its compact form (to update in place after a write). */
export function readCached(key: CacheKey): { plan: Plan; compact: CompactPlan } | null {
  let raw: string;
  try {
    raw = readFileSync(key.file, 'utf8');
  } catch {
    return null;
  }
  // The digest leads the file, so a stale entry is rejected before parsing it.
  const nl = raw.indexOf('\n');
  if (nl !== key.digest.length || !raw.startsWith(key.digest)) return null;
  try {
    const lines = raw.slice(nl + 1).split('\n');
    const head = JSON.parse(lines[0]!) as Omit<CompactPlan, 'tasks'>;
    const chunks = lines.slice(1);
    const tasks = chunks.length ? (JSON.parse(`[${chunks.join(',')}]`) as CompactPlan['tasks'][]).flat() : [];
    const c: CompactPlan = { ...head, tasks };
    rawOf.set(c, { lines: chunks });
    return { plan: expand(c), compact: c };
  } catch {
    return null;
  }
}

/**
 * Writes the model. A compact form read from the cache and updated in place
 * (`dirty` = the task indices updateCompact changed) reuses its other lines.
 */
export function writeCached(key: CacheKey, plan: Plan | CompactPlan, dirty?: Set<number>): void {
  try {
    const c = 'strings' in plan ? plan : compact(plan);
    const raw = rawOf.get(c);
    const dirtyChunks = new Set([...(dirty ?? [])].map((i) => Math.floor(i / CHUNK)));
    const lines: string[] = [];
    for (let i = 0; i * CHUNK < c.tasks.length; i++) {
      const kept = raw && dirty && !dirtyChunks.has(i) ? raw.lines[i] : undefined;
      lines.push(kept ?? JSON.stringify(c.tasks.slice(i * CHUNK, (i + 1) * CHUNK)));
    }
    const { tasks: _omit, ...head } = c;
    void _omit;
    mkdirSync(join(key.file, '..'), { recursive: true });
    const tmp = `${key.file}.${process.pid}.tmp`;
    writeFileSync(tmp, [key.digest, JSON.stringify(head), ...lines].join('\n'));
    renameSync(tmp, key.file);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
