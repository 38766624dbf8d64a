// `plan git-setup` reads `.gitattributes` through the one safe reader: a folder
// or a FIFO there is refused with one line, never read or waited on.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../helpers/run.js';
import { makeRepo } from '../helpers/git.js';

describe('plan git-setup on a .gitattributes that is not a file', () => {
  for (const [what, make, why] of [
    ['a folder', (f: string) => mkdirSync(f), 'is a folder'],
    ['a FIFO', (f: string) => spawnSync('mkfifo', [f]), 'is not a regular file'],
  ] as const) {
    it(`${what}: refused with one line, exit 1, nothing configured`, () => {
      const repo = makeRepo();
      try {
        repo.write('PLAN.md', readFileSync(SEED));
        make(join(repo.dir, '.gitattributes'));
        const r = repo.run(['-f', 'PLAN.md', 'git-setup']);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`plan: .gitattributes: ${why}; git reads attributes from a regular file: move it away, then run plan git-setup again\n`);
        expect(r.code).toBe(1);
        expect(repo.tryGit(['config', '--local', 'merge.plan.driver']).code).toBe(1);
      } finally {
        repo.cleanup();
      }
    });
  }
});
