// The process entry point (bundled as dist/cli.cjs, loaded by bin/plan.js):
// runs the command line and hands its exit code to the process. Kept apart
// from cli.ts so that importing cli.ts runs nothing.

import { main } from './command-table.js';

// Flush stdout before exiting: a pipe closed early (`plan list | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
