// A setup file of every project: cli-table3 run from source measures with our
// textWidth, as it does in the bundle (scripts/build.mjs hands it
// src/render/table-width.cjs for `require('string-width')`). Its own
// string-width 4 counts some text otherwise than ours and builds its emoji
// RegExp anew on each call (milliseconds a row): the in-process tests that
// draw tables (the fuzzing of every read command) spent minutes in it. The
// entry put in Node's module cache is what its `require('string-width')`
// then gets; cli-table3 is loaded by Node, outside vitest's module graph.
import { createRequire } from 'node:module';
import { textWidth } from '../../src/text/width.js';

const require = createRequire(import.meta.url);
const fromTable = createRequire(require.resolve('cli-table3/src/utils.js'));
const path = fromTable.resolve('string-width');
// Once per process: a worker that runs several files keeps the first one's.
if (!require.cache[path]) {
  // A bare module record: the fields Node's loader reads from a cached entry.
  require.cache[path] = { id: path, filename: path, loaded: true, exports: textWidth, children: [], paths: [] } as unknown as NodeJS.Module;
}
