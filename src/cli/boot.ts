// The process's first module (bundled as dist/boot.cjs, loaded by bin/plan.js):
// loads the main bundle (dist/cli.cjs), and the lazy bundles it asks for
// (dist/lazy/*.cjs), with V8's code cache, so a run after the first skips most
// of parsing and compiling plan's own code (about half of what plan adds to a
// bare Node start; for the Markdown parser's bundles, a cold read's first 60 ms
// of Node's ES-module loader). Node 20 has no module.enableCompileCache:
// vm.Script's cachedData does the same. The cache is one file a bundle in
// plan's cache folder (code/cli.list.bin, code/read-build.bin, …: the build's
// digest, then V8's data), read and written like the other cache files
// (files.ts). Anything wrong with it (none, another build's, another Node's,
// damaged, an unsafe folder) costs only speed: V8 refuses data it did not make
// for this source and these flags, the bundle is compiled as usual, and the
// file is replaced when the command ends.

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { cacheDir } from '../cache/dir.js';
import { readCacheBytes, writeCacheFile } from '../cache/files.js';
import { BUILD } from '../cache/plan-cache.js';
import { HEAP_FLAG_RESTORE, underDefaultFlags } from '../system/heap.js';

/** Runs the CommonJS bundle `file` as require() would, through the code cache when there is one. */
export function boot(file: string): void {
  run(file, commandOf(process.argv));
}

/** What a command's name looks like (an option's value rarely does: a path has a dot or a slash). */
const COMMAND_NAME = /^[a-z][a-z-]{0,23}$/;

/**
 * The command `argv` runs, as far as the main bundle's code data is concerned: its first argument that
 * looks like a command's name ('' when none does). V8's code data holds the functions the run that made
 * it compiled, and is made once: one file for every command would hold only the first command's (a `set`
 * after a `list` compiled its own functions afresh every run), so the main bundle keeps one a command.
 * A word that is no command (an option's value) costs only a file of its own.
 */
function commandOf(argv: readonly string[]): string {
  return argv.slice(2).find((a) => COMMAND_NAME.test(a)) ?? '';
}

/** The lazy bundles loaded so far (absolute path → their exports), each run once, as import() keeps its modules. */
const loaded = new Map<string, Promise<unknown>>();

/** `__load` for the bundle `file`: what its `import('./x.cjs')` became (see scripts/build.mjs). */
function loaderOf(file: string): (specifier: string) => Promise<unknown> {
  return (specifier) => {
    const target = resolve(dirname(file), specifier);
    let done = loaded.get(target);
    if (!done) {
      // A throw while it runs rejects the promise, as import() would.
      done = new Promise((settle) => settle(run(target)));
      loaded.set(target, done);
    }
    return done;
  };
}

/** Runs one bundle, its code data kept in code/<its name>[.<command>].bin; gives its exports. */
function run(file: string, command = ''): unknown {
  const dir = cacheDir();
  // A dot cannot be in a bundle's name (scripts/build.mjs), so no command's file is another bundle's.
  const name = `${basename(file, extname(file))}${command ? `.${command}` : ''}.bin`;
  const store = dir && BUILD !== null ? join(dir, 'code', name) : null;
  const stored = store ? readCacheBytes(store) : null;
  const head = Buffer.from(`${BUILD}\n`, 'latin1');
  const cached = stored && stored.length > head.length && stored.subarray(0, head.length).equals(head) ? stored.subarray(head.length) : undefined;
  // Module.wrap's parameters, and `__load`: the bundle's import() of its lazy bundles (see scripts/build.mjs).
  const source = `(function (exports, require, module, __filename, __dirname, __load) { ${readFileSync(file, 'utf8')}\n});`;
  const v8 = () => createRequire(file)('node:v8') as typeof import('node:v8');
  // A lazy bundle may load after a heavy read changed a V8 flag (system/heap.ts): V8 would refuse the data.
  const script = underDefaultFlags(() => new Script(source, { filename: file, ...(cached ? { cachedData: cached } : {}) }), v8);
  if (store && (!cached || script.cachedDataRejected)) process.once('exit', () => keep(store, head, script, file));
  const module = new Module(file);
  module.filename = file;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), loaderOf(file));
  return module.exports;
}

/** Writes the code data of `script` (made at the end, so the functions this run compiled are in it). */
function keep(store: string, head: Buffer, script: Script, file: string): void {
  try {
    // V8 refuses code data made under other flags: put back what a heavy run changed (system/heap.ts).
    const restore = (globalThis as unknown as Record<symbol, string | undefined>)[HEAP_FLAG_RESTORE];
    if (restore) (createRequire(file)('node:v8') as typeof import('node:v8')).setFlagsFromString(restore);
    writeCacheFile(store, [head, script.createCachedData()], true);
  } catch {
    // only speed is lost
  }
}
