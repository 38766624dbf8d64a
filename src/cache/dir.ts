// Where plan keeps its caches: $PLAN_CACHE_DIR, else $XDG_CACHE_HOME/plan, else
// the platform's cache folder — never the user's repository. PLAN_NO_CACHE=1
// turns caching off.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from './hash.js';
import { envFlag, envText } from '../system/env.js';
import { runtime } from '../system/runtime.js';

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
