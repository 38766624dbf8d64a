// The parsed model of a plan, cached by the file's content hash (never by time):
// an unchanged file is not parsed again. The entry lives in the cache folder
// (see dir.ts), one per plan path, and is rewritten when the content changes.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

export function cacheKey(realPath: string, bytes: Uint8Array, extra: string): CacheKey | null {
  const dir = cacheDir();
  if (!dir) return null;
  const digest = fingerprint([bytes, BUILD, extra]);
  return { file: join(dir, 'plans', `${keyOf(realPath)}.json`), digest };
}

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
    const c = JSON.parse(raw.slice(nl + 1)) as CompactPlan;
    return { plan: expand(c), compact: c };
  } catch {
    return null;
  }
}

export function writeCached(key: CacheKey, plan: Plan | CompactPlan): void {
  try {
    mkdirSync(join(key.file, '..'), { recursive: true });
    const tmp = `${key.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${key.digest}\n${JSON.stringify('sections' in plan ? plan : compact(plan))}`);
    renameSync(tmp, key.file);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
