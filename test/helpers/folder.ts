// A temporary folder of files (path → text) for a plan of several files, with the CLI run in it
// in-process; `cleanupFolders` (in afterEach) removes every folder made.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './run.js';
import { runCli } from './cli.js';

const cleanups: (() => void)[] = [];

export function cleanupFolders(): void {
  for (const c of cleanups.splice(0)) c();
}

export function folder(files: Record<string, string | Buffer>) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(t.dir, name)), { recursive: true });
    writeFileSync(join(t.dir, name), text);
  }
  const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: t.dir, env });
  const read = (name: string) => readFileSync(join(t.dir, name));
  return { dir: t.dir, run, read };
}
