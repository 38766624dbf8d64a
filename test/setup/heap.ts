// A command run in-process that reads much plan text keeps V8's young generation
// at its starting size for the rest of the process (src/system/heap.ts). Test
// files share a worker, so each starts again with V8's default growth: a file
// that reads little must not run with a heap shaped for the one before it.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=2');
