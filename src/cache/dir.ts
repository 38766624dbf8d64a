// Where plan keeps its caches: $PLAN_CACHE_DIR, else $XDG_CACHE_HOME/plan, else
// the platform's cache folder — never the user's repository. PLAN_NO_CACHE=1
// turns caching off.

import { renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from './hash.js';
import { makeDir } from './files.js';
import { envFlag, envText } from '../env.js';
import { runtime } from '../runtime.js';

export function cacheDir(env = runtime().env): string | null {
  if (envFlag('PLAN_NO_CACHE', env)) return null;
  const dir = envText('PLAN_CACHE_DIR', env);
  if (dir) return dir;
  const xdg = envText('XDG_CACHE_HOME', env);
  if (xdg) return join(xdg, 'plan');
  const home = envText('HOME', env) ?? homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'plan');
  if (process.platform === 'win32') return join(envText('LOCALAPPDATA', env) ?? join(home, 'AppData', 'Local'), 'plan', 'Cache');
  return join(home, '.cache', 'plan');
}

/** A short stable name for a file path, for the cache's file names. */
export function keyOf(s: string): string {
  return fingerprint([s]).slice(0, 16);
}

/**
 * Replaces a cache file with `text` (a temporary file renamed over it, so a
 * reader never sees half of it). Failing only costs the cache: never thrown.
 */
export function writeCacheFile(file: string, text: string): void {
  try {
    // One level at a time: a recursive mkdir under /proc never returns.
    makeDir(join(file, '..'));
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs speed (or an undo).
  }
}
