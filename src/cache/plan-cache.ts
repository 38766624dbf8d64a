// The parsed model of a plan, cached by the file's content hash (never by time):
// an unchanged file is not parsed again. The entry lives in the cache folder
// (see dir.ts), one per plan path, and is rewritten when the content changes.

import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Plan } from '../model/types.js';
import { cacheDir, keyOf } from './dir.js';
import { readCacheBytes, writeCacheFile } from './files.js';
import { fingerprint } from './hash.js';
import { compact, expand, expandLazily, type CompactPlan } from './compact.js';
import { packScopes, unpackScopes } from './task-index.js';

declare const __PLAN_BUILD__: string;
/**
 * A digest of the built bundles (see scripts/build.mjs): a new version, or the
 * same sources built with upgraded dependencies, never reads an old model.
 * Unbundled (the sources run directly) there is no such digest: no cache.
 */
export const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : null;

export interface CacheKey {
  file: string;
  /** Fingerprint of the bytes, the build, and anything else the model depends on. */
  digest: string;
}

// node:crypto costs a few milliseconds to load: only big files are worth it.
const nodeRequire = typeof require === 'function' ? require : createRequire(import.meta.url);

/** Above this size a file is hashed natively: loading node:crypto pays off. */
const NATIVE_HASH_BYTES = 128 * 1024;

/** `build`: the build the model was made by (tests of the cache itself give one). */
export function cacheKey(realPath: string, bytes: Uint8Array, extra: string, build: string | null = BUILD): CacheKey | null {
  const dir = cacheDir();
  if (!dir || build === null) return null;
  return { file: join(dir, 'plans', `${keyOf(realPath)}.json`), digest: contentDigest(bytes, build, extra) };
}

/** A digest of a file's bytes (and strings after them): native SHA-1 for big files, the JS fingerprint otherwise. */
export function contentDigest(bytes: Uint8Array, ...extra: string[]): string {
  if (bytes.length <= NATIVE_HASH_BYTES) return fingerprint([bytes, ...extra]);
  const hash = nodeRequire('node:crypto').createHash('sha1').update(bytes);
  for (const e of extra) hash.update('\0').update(e);
  return `s${hash.digest('hex')}`;
}

// The entry is line-based: the digest, then the plan's tables, headings,
// string table, ids, scopes (in runs) and chunk bases as one JSON line, then the tasks in JSON
// lines of CHUNK tasks each. A writer reads only the chunks it needs, and
// rewrites only the chunks its edit touched, copying the others' bytes (a
// model of 10,000 tasks is 2 MB: decoding and encoding it whole cost more
// than the rest of a one-task write).

const rawOf = new WeakMap<CompactPlan, Buffer[]>();
const NEWLINE = Buffer.from('\n');

/** The lines of `bytes` from offset `from`, as String.split('\n') cuts them. */
function lines(bytes: Buffer, from: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = from; ; ) {
    const nl = bytes.indexOf(10, at);
    out.push(bytes.subarray(at, nl === -1 ? bytes.length : nl));
    if (nl === -1) return out;
    at = nl + 1;
  }
}

/**
 * The cached model and its compact form (to update in place after a write).
 * `lazy`: read the task chunks only when a task in them is first used.
 */
export function readCached(key: CacheKey, lazy = false): { plan: Plan; compact: CompactPlan } | null {
  const raw = readCacheBytes(key.file, false);
  if (raw === null) return null;
  // The digest leads the file, so a stale entry is rejected before parsing it.
  const nl = raw.indexOf(10);
  if (nl !== key.digest.length || raw.toString('latin1', 0, nl) !== key.digest) return null;
  try {
    const [head, ...chunks] = lines(raw, nl + 1);
    const { scopeRuns, ...rest } = JSON.parse(head!.toString('utf8')) as Omit<CompactPlan, 'scopes'> & { scopeRuns: unknown };
    const scopes = unpackScopes(scopeRuns, rest.ids.length);
    if (chunks.length !== rest.bases.length || !scopes) return null;
    const c = { ...rest, scopes } as CompactPlan;
    rawOf.set(c, chunks);
    if (lazy) {
      c.chunks = chunks.map(() => null);
      const read = (k: number) => (c.chunks[k] = JSON.parse(chunks[k]!.toString('utf8')) as CompactPlan['chunks'][number]);
      return { plan: expandLazily(c, read), compact: c };
    }
    c.chunks = chunks.length ? (JSON.parse(`[${chunks.map((b) => b.toString('utf8')).join(',')}]`) as CompactPlan['chunks']) : [];
    return { plan: expand(c), compact: c };
  } catch {
    return null;
  }
}

/** Fills chunk k of a compact form read lazily. */
export function readChunk(c: CompactPlan, k: number): void {
  const raw = rawOf.get(c)?.[k];
  if (!c.chunks[k] && raw !== undefined) c.chunks[k] = JSON.parse(raw.toString('utf8')) as CompactPlan['chunks'][number];
}

/**
 * Writes the model. A compact form read from the cache and updated in place
 * (`dirty` = the chunks updateCompact changed) copies its other chunks' lines.
 */
export function writeCached(key: CacheKey, plan: Plan | CompactPlan, dirty?: Set<number>): void {
  try {
    const c = 'strings' in plan ? plan : compact(plan);
    const raw = rawOf.get(c);
    const { chunks: _omit, scopes, ...rest } = c;
    void _omit;
    const head = { ...rest, scopeRuns: packScopes(scopes) };
    const out: Buffer[] = [Buffer.from(`${key.digest}\n${JSON.stringify(head)}`, 'utf8')];
    c.chunks.forEach((rows, k) => {
      const kept = raw && dirty && !dirty.has(k) ? raw[k] : undefined;
      if (kept === undefined && !rows) throw new Error(`chunk ${k} was never read`);
      out.push(NEWLINE, kept ?? Buffer.from(JSON.stringify(rows), 'utf8'));
    });
    writeCacheFile(key.file, out);
  } catch {
    // A model that cannot be cached (a chunk never read) only costs speed.
  }
}
