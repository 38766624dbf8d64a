// plan init: a starter plan where there is none, read back as a plan; never
// over a file; git-setup in a repository unless --no-git.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function folder(name: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  return dir;
}

describe('plan init', () => {
  it('writes PLAN.md that plan reads: two sprint tasks, a checklist, a legend not read as tasks', async () => {
    const dir = folder('plain');
    const r = await runCli(['init'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/PLAN\.md: wrote a starter plan: a sprint table, a checklist and the legend of its statuses/);
    const list = JSON.parse((await runCli(['list', '--json'], { cwd: dir })).stdout);
    expect(list.tasks.map((t: { title: string; status: string }) => [t.title, t.status])).toEqual([
      ['Write the first task', 'in-progress'],
      ['Write the next one', 'pending'],
      ['Something small to do', 'pending'],
      ['Something done', 'done'],
    ]);
    expect(list.tasks[1].dependsOn).toEqual(['1.1']);
    expect((await runCli(['check'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, '.gitattributes'))).toBe(false);
  });

  it('never writes over a file', async () => {
    const dir = folder('taken');
    writeFileSync(join(dir, 'PLAN.md'), '# Mine\n');
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('plan: PLAN.md: already exists; plan init writes a starter plan only where there is none (see plan list)\n');
    expect(readFileSync(join(dir, 'PLAN.md'), 'utf8')).toBe('# Mine\n');
  });

  it('in a git repository: also git-setup; --no-git skips it', async () => {
    const dir = folder('repo');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = await runCli(['init'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('/PLAN.md merge=plan\n');
    const other = folder('repo-no-git');
    execFileSync('git', ['init', '-q'], { cwd: other });
    const n = await runCli(['-f', 'ROADMAP.md', 'init', '--no-git'], { cwd: other });
    expect([n.code, n.stderr]).toEqual([0, '']);
    expect(existsSync(join(other, 'ROADMAP.md'))).toBe(true);
    expect(existsSync(join(other, '.gitattributes'))).toBe(false);
  });
});
