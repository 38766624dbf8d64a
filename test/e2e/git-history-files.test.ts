// End-to-end: `plan log` and `plan burndown` on a plan of several files in a real git
// repository (issue 24): each file's history, merged by commit time; the burndown sums the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type Repo } from '../helpers/git.js';

describe('plan log and burndown across the files of a plan', () => {
  let repo: Repo;
  let hash: string[];
  beforeAll(() => {
    repo = makeRepo();
    repo.write('plans/a.md', '- [ ] 1.1 Alpha\n- [ ] A-2 Second\n');
    repo.commit('a', '2026-01-01T10:00:00Z');
    repo.write('plans/b.md', '- [ ] 1.1 Beta\n');
    repo.write('plans/notes.md', '# Notes\n\nNo tasks here.\n');
    repo.commit('b', '2026-01-02T10:00:00Z', 'Bo');
    repo.run(['-f', 'plans', 'set', 'a.md#1.1', 'done']);
    repo.commit('a done', '2026-01-03T10:00:00Z');
    repo.run(['-f', 'plans', 'set', 'b.md#1.1', 'done']);
    repo.run(['-f', 'plans', 'set', 'A-2', 'cancelled']);
    repo.commit('both', '2026-01-04T10:00:00Z', 'Cy');
    hash = repo.git(['log', '--format=%h', '--abbrev=7']).trim().split('\n');
  });
  afterAll(() => repo.cleanup());

  it('log: every file’s changes, newest first, each with its file', () => {
    const r = repo.run(['-f', 'plans', 'log', '--plain']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'date\tcommit\tauthor\tid\ttitle\tchange\tfrom\tto\tfile',
        `2026-01-04T10:00:00+00:00\t${hash[0]}\tCy\tA-2\tSecond\tstatus\tpending\tcancelled\tplans/a.md`,
        `2026-01-04T10:00:00+00:00\t${hash[0]}\tCy\t1.1\tBeta\tstatus\tpending\tdone\tplans/b.md`,
        `2026-01-03T10:00:00+00:00\t${hash[1]}\tAna\t1.1\tAlpha\tstatus\tpending\tdone\tplans/a.md`,
        `2026-01-02T10:00:00+00:00\t${hash[2]}\tBo\t1.1\tBeta\tadded\t\tpending\tplans/b.md`,
        `2026-01-01T10:00:00+00:00\t${hash[3]}\tAna\t1.1\tAlpha\tadded\t\tpending\tplans/a.md`,
        `2026-01-01T10:00:00+00:00\t${hash[3]}\tAna\tA-2\tSecond\tadded\t\tpending\tplans/a.md`,
        '',
      ].join('\n'),
    );
  });

  it('log: a task named with its file narrows to that file; --json gives each commit its file', () => {
    const r = repo.run(['-f', 'plans', 'log', 'b.md#1.1', '--plain']);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t').slice(4, 6).concat(l.split('\t').at(-1)!)),
    ).toEqual([
      ['Beta', 'status', 'plans/b.md'],
      ['Beta', 'added', 'plans/b.md'],
    ]);
    const json = JSON.parse(repo.run(['-f', 'plans', 'log', '--json']).stdout);
    expect(json.file).toBe('plans/');
    expect(json.commits.map((c: { hash: string; file: string }) => `${c.hash.slice(0, 7)} ${c.file}`)).toEqual([
      `${hash[0]} plans/a.md`,
      `${hash[0]} plans/b.md`,
      `${hash[1]} plans/a.md`,
      `${hash[2]} plans/b.md`,
      `${hash[3]} plans/a.md`,
    ]);
  });

  it('burndown: the files summed at each commit of any of them', () => {
    const r = repo.run(['-f', 'plans', 'burndown', '--plain']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'scope\tdate\tcommit\topen\tdone\tcancelled',
        `file\t2026-01-01T10:00:00+00:00\t${hash[3]}\t2\t0\t0`,
        `file\t2026-01-02T10:00:00+00:00\t${hash[2]}\t3\t0\t0`,
        `file\t2026-01-03T10:00:00+00:00\t${hash[1]}\t2\t1\t0`,
        `file\t2026-01-04T10:00:00+00:00\t${hash[0]}\t0\t2\t1`,
        '',
      ].join('\n'),
    );
    // --json: the whole plan is one series, `scope` "file" with no value, as for a plan of one file (docs/git.md).
    const j = JSON.parse(repo.run(['-f', 'plans', 'burndown', '--json']).stdout);
    expect(j.file).toBe('plans/');
    expect(j.series.map((s: { scope: string; value: string | null; points: { open: number }[] }) => [s.scope, s.value, s.points.map((p) => p.open)])).toEqual([
      ['file', null, [2, 3, 2, 0]],
    ]);
  });

  it('a file not committed yet counts from now (uncommitted); one that cannot be read is a line on stderr, exit 1', () => {
    repo.write('plans/new.md', '- [ ] N-1 New\n');
    const r = repo.run(['-f', 'plans', 'burndown', '--plain']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^file\t\S+\tuncommitted\t1\t2\t1$/);
    repo.write('plans/broken.md', Buffer.from([0x2d, 0x20, 0x00, 0x01]));
    for (const command of ['burndown', 'log']) {
      const broken = repo.run(['-f', 'plans', command, '--plain']);
      expect(broken.code, command).toBe(1);
      expect(broken.stderr, command).toBe(
        'plan: plans/broken.md: looks like a binary file (it contains NUL bytes), not a Markdown plan; pass the right file with -f\n',
      );
      expect(broken.stdout, command).toContain(command === 'log' ? 'plans/a.md' : 'uncommitted');
    }
  });
});
