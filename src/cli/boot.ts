// The process's first module (bundled as dist/boot.cjs, loaded by bin/plan.js):
// loads the main bundle (dist/cli.cjs) with V8's code cache, so a run after
// the first skips most of parsing and compiling plan's own code (about half
// of what plan adds to a bare Node start). Node 20 has no
// module.enableCompileCache: vm.Script's cachedData does the same. The cache
// is one file in plan's cache folder (code/cli.bin: the build's digest, then
// V8's data), read and written like the other cache files (files.ts). Anything
// wrong with it (none, another build's, another Node's, damaged, an unsafe
// folder) costs only speed: V8 refuses data it did not make for this source
// and these flags, the bundle is compiled as usual, and the file is replaced
// when the command ends.

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir } from '../cache/dir.js';
import { readCacheBytes, writeCacheFile } from '../cache/files.js';
import { BUILD } from '../cache/plan-cache.js';
import { HEAP_FLAG_RESTORE } from '../system/heap.js';

/** Runs the CommonJS bundle `file` as require() would, through the code cache when there is one. */
export function boot(file: string): void {
  const dir = cacheDir();
  const store = dir && BUILD !== null ? join(dir, 'code', 'cli.bin') : null;
  const stored = store ? readCacheBytes(store) : null;
  const head = Buffer.from(`${BUILD}\n`, 'latin1');
  const cached = stored && stored.length > head.length && stored.subarray(0, head.length).equals(head) ? stored.subarray(head.length) : undefined;
  // Module.wrap's parameters, and `__load`: the bundle's import() of its lazy bundles (see scripts/build.mjs).
  const source = `(function (exports, require, module, __filename, __dirname, __load) { ${readFileSync(file, 'utf8')}\n});`;
  const script = new Script(source, { filename: file, ...(cached ? { cachedData: cached } : {}) });
  if (store && (!cached || script.cachedDataRejected)) {
    // Made at the end, so the functions this run compiled are in it.
    process.once('exit', () => {
      try {
        // V8 refuses code data made under other flags: put back what a heavy run changed (system/heap.ts).
        const restore = (globalThis as unknown as Record<symbol, string | undefined>)[HEAP_FLAG_RESTORE];
        if (restore) (createRequire(file)('node:v8') as typeof import('node:v8')).setFlagsFromString(restore);
        writeCacheFile(store, Buffer.concat([head, script.createCachedData()]), true);
      } catch {
        // only speed is lost
      }
    });
  }
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const load = (specifier: string) => import(pathToFileURL(resolve(dirname(file), specifier)).href);
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), load);
}
