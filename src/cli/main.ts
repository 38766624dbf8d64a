// The process entry point (bundled as dist/cli.cjs, loaded by bin/plan.js):
// runs the command line and hands its exit code to the process. Kept apart
// from cli.ts so that importing cli.ts runs nothing.

import { main } from './command-table.js';

// process.stdout is made (and guarded against a pipe closed early) only when something is printed (system/runtime.ts).
main(process.argv).then((code) => {
  process.exitCode = code;
});
