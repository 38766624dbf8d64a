// End-to-end: `plan git-setup` registers the driver, and git then uses it.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { BIN, SEED, tempDir } from '../helpers/run.js';
import { makeRepo } from '../helpers/git.js';
import { mergeBranches } from '../helpers/merge.js';

const DRIVER = `${process.execPath} ${realpathSync(BIN)} merge-driver --marker-size %L -- %O %A %B %P`;
// No `plan` on PATH: only the folders of git and node.
const NO_PLAN = { PATH: [dirname(which('git')), dirname(process.execPath)].join(delimiter) };

function which(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`${name} not on PATH`);
}

describe('plan git-setup', () => {
  it('writes the .gitattributes line and the repository config, says what it did, and is idempotent', () => {
    const repo = makeRepo();
    try {
      repo.write('docs/ROADMAP.md', readFileSync(SEED));
      repo.write('.gitattributes', '*.png binary');
      repo.commit('base');
      const first = repo.run(['-f', 'docs/ROADMAP.md', 'git-setup'], NO_PLAN);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toBe(
        [
          '.gitattributes: added /docs/ROADMAP.md merge=plan',
          '.git/config: set merge.plan.name = plan: merges Markdown plans task by task',
          `.git/config: set merge.plan.driver = ${DRIVER}`,
          'git runs this copy of plan by its absolute path (no `plan` on PATH); if you move or reinstall it, run plan git-setup again, or pass --command plan',
          'Commit .gitattributes so every clone merges the plan task by task; each clone runs `plan git-setup` once for its own git config.',
          '',
        ].join('\n'),
      );
      expect(repo.text('.gitattributes')).toBe('*.png binary\n/docs/ROADMAP.md merge=plan\n');
      expect(repo.git(['config', '--local', 'merge.plan.driver']).trim()).toBe(DRIVER);
      expect(repo.git(['check-attr', 'merge', 'docs/ROADMAP.md']).trim()).toBe('docs/ROADMAP.md: merge: plan');
      const again = repo.run(['-f', 'docs/ROADMAP.md', 'git-setup'], NO_PLAN);
      expect(again.stdout.split('\n')[0]).toBe('.gitattributes: /docs/ROADMAP.md merge=plan (already there)');
      const json = repo.run(['-f', 'docs/ROADMAP.md', 'git-setup', '--json'], NO_PLAN);
      expect(JSON.parse(json.stdout).steps.map((s: { changed: boolean }) => s.changed)).toEqual([false, false, false]);
      expect(repo.text('.gitattributes')).toBe('*.png binary\n/docs/ROADMAP.md merge=plan\n');
      // Nothing outside the repository's own files changed.
      expect(existsSync(join(repo.dir, '..', `${repo.dir.split('/').pop()}-gitconfig`))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  it('on a plan of several files: a folder named is one pattern for the Markdown below it, any other file its own', () => {
    const repo = makeRepo();
    try {
      repo.write('plans/a.md', '- [ ] A-1 Alpha\n');
      repo.write('plans/sub/b.markdown', '- [ ] B-1 Beta\n');
      repo.write('TODO.md', '- [ ] T-1 Todo\n');
      repo.write('docs/s1.md', '- [ ] S-1 Sprint\n');
      const r = repo.run(['-f', 'plans', '-f', 'TODO.md', '-f', 'docs/*.md', 'git-setup', '--command', 'plan']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const lines = ['/plans/**/*.md merge=plan', '/plans/**/*.markdown merge=plan', '/TODO.md merge=plan', '/docs/s1.md merge=plan'];
      expect(r.stdout.split('\n').slice(0, 4)).toEqual(lines.map((l) => `.gitattributes: added ${l}`));
      expect(repo.text('.gitattributes')).toBe(`${lines.join('\n')}\n`);
      const attr = repo.git(['check-attr', 'merge', 'plans/a.md', 'plans/sub/b.markdown', 'plans/later/new.md', 'TODO.md', 'docs/s1.md', 'docs/other.md']);
      expect(
        attr
          .trim()
          .split('\n')
          .map((l) => l.split(': ').at(-1)),
      ).toEqual(['plan', 'plan', 'plan', 'plan', 'plan', 'unspecified']);
      const again = repo.run(['-f', 'plans', '-f', 'TODO.md', '-f', 'docs/*.md', 'git-setup', '--command', 'plan', '--json']);
      expect(JSON.parse(again.stdout).steps.map((s: { changed: boolean }) => s.changed)).toEqual([false, false, false, false, false, false]);
    } finally {
      repo.cleanup();
    }
  });

  it('on files a glob found: one pattern for their folder when they are all its Markdown files, else one each', () => {
    const repo = makeRepo();
    const tasks = { 'docs/s1.md': 'S-1', 'docs/s2.md': 'S-2', 'notes/sprint3.md': 'S-3', 'notes/sprint4.md': 'S-4', 's5.md': 'S-5', 's6.md': 'S-6' };
    try {
      for (const [file, id] of Object.entries(tasks)) repo.write(file, `- [ ] ${id} Sprint task\n`);
      repo.write('notes/other.md', '# Not part of the glob\n');
      const r = repo.run(['-f', 'docs/*.md', '-f', 'notes/sprint*.md', '-f', 's*.md', 'git-setup', '--command', 'plan']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const lines = ['/docs/*.md', '/notes/sprint3.md', '/notes/sprint4.md', '/*.md'].map((p) => `${p} merge=plan\n`);
      expect(repo.text('.gitattributes')).toBe(lines.join(''));
      const files = ['docs/s1.md', 'docs/s2.md', 'notes/sprint3.md', 'notes/other.md', 's5.md', 'docs/later.md', 'docs/sub/x.md'];
      const merge = repo.git(['check-attr', 'merge', ...files]).match(/: \S+$/gm);
      expect(merge).toEqual(['plan', 'plan', 'plan', 'unspecified', 'plan', 'plan', 'unspecified'].map((v) => `: ${v}`));
    } finally {
      repo.cleanup();
    }
  });

  it('after it, git merges neighbouring rows cleanly', async () => {
    const repo = makeRepo();
    try {
      repo.write('PLAN.md', readFileSync(SEED));
      expect(repo.run(['git-setup']).code).toBe(0);
      repo.commit('base');
      const m = await mergeBranches(repo, 'PLAN.md', [['set', '1.3', 'done', '--no-touch']], [['set', '1.2', 'done', '--no-touch']]);
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
      expect(repo.git(['config', '--global', 'merge.plan.driver']).trim()).toBe('plan merge-driver --marker-size %L -- %O %A %B %P');
      expect(r.stdout.trim().split('\n').at(-1)).toBe('git runs `plan` (--command)');
      expect(repo.tryGit(['config', '--local', 'merge.plan.driver']).code).toBe(1);
      expect(existsSync(join(repo.dir, '.gitattributes'))).toBe(false);
    } finally {
      repo.cleanup();
      home.cleanup();
    }
  });

  it('writes `plan merge-driver …` when the plan on PATH is this copy, and says which it chose', () => {
    const repo = makeRepo();
    const bin = tempDir();
    try {
      repo.write('PLAN.md', readFileSync(SEED));
      repo.commit('base');
      symlinkSync(BIN, join(bin.dir, 'plan'));
      const path = `${bin.dir}${delimiter}${NO_PLAN.PATH}`;
      const r = repo.run(['git-setup'], { PATH: path });
      expect(r.code, r.stderr).toBe(0);
      expect(repo.git(['config', 'merge.plan.driver']).trim()).toMatch(/^plan merge-driver --marker-size %L .*-- %O %A %B %P$/);
      expect(r.stdout.trim().split('\n').at(-2)).toBe(`git runs \`plan\` from PATH (${join(bin.dir, 'plan')})`);
      const json = JSON.parse(repo.run(['git-setup', '--json'], { PATH: path }).stdout);
      expect(json.command).toMatchObject({ source: 'path', run: 'plan' });
      // Another program named plan on PATH is not this copy: the absolute path, and why.
      const other = tempDir();
      try {
        writeFileSync(join(other.dir, 'plan'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
        const r2 = repo.run(['git-setup'], { PATH: `${other.dir}${delimiter}${NO_PLAN.PATH}` });
        expect(r2.code, r2.stderr).toBe(0);
        expect(repo.git(['config', 'merge.plan.driver']).trim()).toMatch(new RegExp(`^${process.execPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
        expect(r2.stdout).toContain(`the \`plan\` on PATH (${join(other.dir, 'plan')}) is another copy`);
        // A project's node_modules/.bin is on PATH only under npx or an npm script: not what git will find later.
        const npx = join(other.dir, 'node_modules', '.bin');
        mkdirSync(npx, { recursive: true });
        symlinkSync(BIN, join(npx, 'plan'));
        const r3 = repo.run(['git-setup', '--json'], { PATH: `${npx}${delimiter}${NO_PLAN.PATH}` });
        expect(JSON.parse(r3.stdout).command.source).toBe('absolute');
      } finally {
        other.cleanup();
      }
    } finally {
      repo.cleanup();
      bin.cleanup();
    }
  });

  it('refuses a .gitattributes that is a symbolic link (git does not read one) and leaves its target alone', () => {
    const repo = makeRepo();
    const outside = tempDir();
    try {
      const target = join(outside.dir, 'victim');
      writeFileSync(target, 'precious\n');
      repo.write('PLAN.md', readFileSync(SEED));
      symlinkSync(target, join(repo.dir, '.gitattributes'));
      const r = repo.run(['git-setup']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'plan: .gitattributes: is a symbolic link, which git does not read as .gitattributes; replace it with a regular file, then run plan git-setup again\n',
      );
      expect(readFileSync(target, 'utf8')).toBe('precious\n');
      expect(repo.tryGit(['config', '--local', 'merge.plan.driver']).code).toBe(1);
    } finally {
      repo.cleanup();
      outside.cleanup();
    }
  });

  it('refuses a .gitattributes that is a folder or a FIFO with one line (no EISDIR, no hang)', () => {
    const repo = makeRepo();
    try {
      repo.write('PLAN.md', readFileSync(SEED));
      mkdirSync(join(repo.dir, '.gitattributes'));
      const dir = repo.run(['git-setup']);
      expect(dir.code).toBe(1);
      expect(dir.stderr).toBe('plan: .gitattributes: is a folder; git reads attributes from a regular file: move it away, then run plan git-setup again\n');
      rmdirSync(join(repo.dir, '.gitattributes'));
      expect(spawnSync('mkfifo', [join(repo.dir, '.gitattributes')]).status).toBe(0);
      const fifo = repo.run(['git-setup']);
      expect(fifo.code).toBe(1);
      expect(fifo.stderr).toBe(
        'plan: .gitattributes: is not a regular file; git reads attributes from a regular file: move it away, then run plan git-setup again\n',
      );
    } finally {
      repo.cleanup();
    }
  });
});
