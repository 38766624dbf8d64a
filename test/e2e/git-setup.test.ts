// End-to-end: `plan git-setup` registers the driver, and git then uses it.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, SEED, tempDir } from '../helpers/run.js';
import { makeRepo } from '../helpers/git.js';
import { mergeBranches } from '../helpers/merge.js';

const DRIVER = `${process.execPath} ${realpathSync(BIN)} merge-driver %O %A %B %P --marker-size %L`;

describe('plan git-setup', () => {
  it('writes the .gitattributes line and the repository config, says what it did, and is idempotent', () => {
    const repo = makeRepo();
    try {
      repo.write('docs/ROADMAP.md', readFileSync(SEED));
      repo.write('.gitattributes', '*.png binary');
      repo.commit('base');
      const first = repo.run(['-f', 'docs/ROADMAP.md', 'git-setup']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toBe(
        [
          '.gitattributes: added /docs/ROADMAP.md merge=plan',
          '.git/config: set merge.plan.name = plan: merges Markdown plans task by task',
          `.git/config: set merge.plan.driver = ${DRIVER}`,
          'Commit .gitattributes so every clone merges the plan task by task; each clone runs `plan git-setup` once for its own git config.',
          '',
        ].join('\n'),
      );
      expect(repo.text('.gitattributes')).toBe('*.png binary\n/docs/ROADMAP.md merge=plan\n');
      expect(repo.git(['config', '--local', 'merge.plan.driver']).trim()).toBe(DRIVER);
      expect(repo.git(['check-attr', 'merge', 'docs/ROADMAP.md']).trim()).toBe('docs/ROADMAP.md: merge: plan');
      const again = repo.run(['-f', 'docs/ROADMAP.md', 'git-setup']);
      expect(again.stdout.split('\n')[0]).toBe('.gitattributes: /docs/ROADMAP.md merge=plan (already there)');
      const json = repo.run(['-f', 'docs/ROADMAP.md', 'git-setup', '--json']);
      expect(JSON.parse(json.stdout).steps.map((s: { changed: boolean }) => s.changed)).toEqual([false, false, false]);
      expect(repo.text('.gitattributes')).toBe('*.png binary\n/docs/ROADMAP.md merge=plan\n');
      // Nothing outside the repository's own files changed.
      expect(existsSync(join(repo.dir, '..', `${repo.dir.split('/').pop()}-gitconfig`))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  it('after it, git merges neighbouring rows cleanly', () => {
    const repo = makeRepo();
    try {
      repo.write('PLAN.md', readFileSync(SEED));
      expect(repo.run(['git-setup']).code).toBe(0);
      repo.commit('base');
      const m = mergeBranches(repo, 'PLAN.md', [['set', '1.3', 'done', '--no-touch']], [['set', '1.2', 'done', '--no-touch']]);
      expect(m.merge.code, m.merge.stderr).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it('--global writes the global attributes file (every usual plan name) and the global config, --command sets the command', () => {
    const repo = makeRepo();
    const home = tempDir();
    try {
      repo.write('PLAN.md', readFileSync(SEED));
      repo.commit('base');
      const r = repo.run(['git-setup', '--global', '--command', 'plan'], { XDG_CONFIG_HOME: home.dir });
      expect(r.code, r.stderr).toBe(0);
      const attributes = readFileSync(join(home.dir, 'git', 'attributes'), 'utf8');
      expect(attributes.split('\n')).toContain('PLAN.md merge=plan');
      expect(attributes.split('\n')).toContain('TODO.md merge=plan');
      expect(repo.git(['config', '--global', 'merge.plan.driver']).trim()).toBe('plan merge-driver %O %A %B %P --marker-size %L');
      expect(repo.tryGit(['config', '--local', 'merge.plan.driver']).code).toBe(1);
      expect(existsSync(join(repo.dir, '.gitattributes'))).toBe(false);
    } finally {
      repo.cleanup();
      home.cleanup();
    }
  });
});
