// End-to-end: `plan log` and `plan burndown` on real git histories made in
// temporary folders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { plan, tempDir, writeTemp } from '../helpers/run.js';
import { importHistory, makeRepo, type Repo } from '../helpers/git.js';

const TABLE = '| # | Task | Status | Owner |\n|---|---|---|---|\n';
const V1 = `# Plan\n\n## Sprint 1\n\n${TABLE}| 1 | Alpha | ⏳ Pending | |\n| 2 | Beta | ⏳ Pending | |\n\n## Sprint 2\n\n${TABLE}| 3 | Gamma | ⏳ Pending | |\n`;

describe('plan log and burndown on a small history', () => {
  let repo: Repo;
  let hash: string[];
  beforeAll(() => {
    repo = makeRepo();
    repo.write('plan.md', V1);
    repo.commit('create', '2026-01-01T10:00:00Z');
    repo.run(['-f', 'plan.md', 'set', '1', 'wip']);
    repo.commit('start 1', '2026-01-02T10:00:00Z', 'Bo');
    repo.run(['-f', 'plan.md', 'set', '1', 'done']);
    repo.run(['-f', 'plan.md', 'edit', '2', '--owner', 'Cy']);
    repo.commit('1 done', '2026-01-03T10:00:00Z');
    repo.git(['mv', 'plan.md', 'ROADMAP.md']);
    repo.commit('rename', '2026-01-04T10:00:00Z');
    repo.run(['-f', 'ROADMAP.md', 'edit', '2', '--title', 'Beta two']);
    repo.run(['-f', 'ROADMAP.md', 'add', 'Delta', '--sprint', '2']);
    repo.run(['-f', 'ROADMAP.md', 'set', '3', 'cancelled']);
    repo.commit('more', '2026-01-05T10:00:00Z', 'Bo');
    hash = repo.git(['log', '--format=%h', '--abbrev=7']).trim().split('\n');
  });
  afterAll(() => repo.cleanup());

  it('lists each task change with date, hash and author, newest first, through the rename', () => {
    const r = repo.run(['-f', 'ROADMAP.md', 'log', '--plain']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'date\tcommit\tauthor\tid\ttitle\tchange\tfrom\tto',
        `2026-01-05T10:00:00+00:00\t${hash[0]}\tBo\t2\tBeta two\ttitle\tBeta\tBeta two`,
        `2026-01-05T10:00:00+00:00\t${hash[0]}\tBo\t3\tGamma\tstatus\tpending\tcancelled`,
        `2026-01-05T10:00:00+00:00\t${hash[0]}\tBo\t4\tDelta\tadded\t\tpending`,
        `2026-01-03T10:00:00+00:00\t${hash[2]}\tAna\t1\tAlpha\tstatus\tin-progress\tdone`,
        `2026-01-03T10:00:00+00:00\t${hash[2]}\tAna\t2\tBeta\towner\t\tCy`,
        `2026-01-02T10:00:00+00:00\t${hash[3]}\tBo\t1\tAlpha\tstatus\tpending\tin-progress`,
        `2026-01-01T10:00:00+00:00\t${hash[4]}\tAna\t1\tAlpha\tadded\t\tpending`,
        `2026-01-01T10:00:00+00:00\t${hash[4]}\tAna\t2\tBeta\tadded\t\tpending`,
        `2026-01-01T10:00:00+00:00\t${hash[4]}\tAna\t3\tGamma\tadded\t\tpending`,
        '',
      ].join('\n'),
    );
  });

  it('[id] and --since narrow the changes; --json has every commit with its changes', () => {
    expect(
      repo
        .run(['-f', 'ROADMAP.md', 'log', '1', '--plain'])
        .stdout.split('\n')
        .slice(1, -1)
        .map((l) => l.split('\t')[5]),
    ).toEqual(['status', 'status', 'added']);
    const since = repo.run(['-f', 'ROADMAP.md', 'log', '--since', '2026-01-03T00:00:00Z', '--json']);
    const j = JSON.parse(since.stdout);
    expect(j.schemaVersion).toBe(3);
    expect(j.file).toBe('ROADMAP.md');
    expect(j.commits.map((c: { path: string; changes: unknown[] }) => [c.path, c.changes.length])).toEqual([
      ['ROADMAP.md', 3],
      ['ROADMAP.md', 0],
      ['plan.md', 2],
    ]);
    expect(j.commits[2].changes[0]).toEqual({
      id: '1',
      title: 'Alpha',
      section: 'Plan > Sprint 1',
      line: 7,
      change: 'status',
      from: 'in-progress',
      to: 'done',
    });
    expect(j.commits[0].author).toBe('Bo');
    expect(j.commits[0].hash).toMatch(new RegExp(`^${hash[0]}[0-9a-f]{33}$`));
  });

  it('a filter with no match says so on stderr and exits 0', () => {
    const r = repo.run(['-f', 'ROADMAP.md', 'log', '42', '--plain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('date\tcommit\tauthor\tid\ttitle\tchange\tfrom\tto\n');
    expect(r.stderr).toBe('plan: ROADMAP.md: no task changes match\n');
  });

  it('burndown: open and done at each commit, for the file and per sprint', () => {
    const r = repo.run(['-f', 'ROADMAP.md', 'burndown', '--by', 'sprint', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const counts = (s: { points: { open: number; done: number; cancelled: number }[] }) => s.points.map((p) => [p.open, p.done, p.cancelled]);
    expect(j.series.map((s: { scope: string; value: string | null }) => [s.scope, s.value])).toEqual([
      ['file', null],
      ['sprint', '1'],
      ['sprint', '2'],
    ]);
    expect(counts(j.series[0])).toEqual([
      [3, 0, 0],
      [3, 0, 0],
      [2, 1, 0],
      [2, 1, 0],
      [2, 1, 1],
    ]);
    expect(counts(j.series[1])).toEqual([
      [2, 0, 0],
      [2, 0, 0],
      [1, 1, 0],
      [1, 1, 0],
      [1, 1, 0],
    ]);
    expect(counts(j.series[2])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 1],
    ]);
    expect(j.series[0].points[4]).toMatchObject({ date: '2026-01-05T10:00:00+00:00', hash: expect.stringMatching(new RegExp(`^${hash[0]}`)) });
    const plain = repo.run(['-f', 'ROADMAP.md', 'burndown', '--sprint', '1', '--plain']);
    expect(plain.stdout.split('\n')[1]).toBe(`file\t2026-01-01T10:00:00+00:00\t${hash[4]}\t2\t0\t0`);
  });

  it('burndown adds the uncommitted working file as a last point', () => {
    repo.run(['-f', 'ROADMAP.md', 'set', '2', 'done']);
    try {
      const j = JSON.parse(repo.run(['-f', 'ROADMAP.md', 'burndown', '--json']).stdout);
      expect(j.series[0].points).toHaveLength(6);
      expect(j.series[0].points[5]).toMatchObject({ hash: null, open: 1, done: 2, cancelled: 1 });
    } finally {
      repo.git(['checkout', '--', 'ROADMAP.md']);
    }
  });

  it('--by takes a scope kind only', () => {
    const r = repo.run(['-f', 'ROADMAP.md', 'burndown', '--by', 'team']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: --by takes sprint, week, month, phase, milestone; got "team"\n');
  });

  it('a damaged history store (its salt right) is rebuilt: the same answers, a valid store again', () => {
    const cache = tempDir();
    try {
      const env = { XDG_CACHE_HOME: cache.dir };
      const log = repo.run(['-f', 'ROADMAP.md', 'log', '--plain'], env);
      const chart = repo.run(['-f', 'ROADMAP.md', 'burndown', '--plain'], env);
      const history = join(cache.dir, 'plan', 'history');
      const file = join(history, readdirSync(history)[0]!);
      const good = JSON.parse(readFileSync(file, 'utf8'));
      const oid = Object.keys(good.blobs)[0]!;
      for (const damage of [
        { ...good, tasks: good.tasks.slice(0, 1) }, // task numbers past the end
        { ...good, blobs: { ...good.blobs, [oid]: 'x' } },
        { ...good, tasks: good.tasks.map((r: unknown[]) => r.map(() => 7)) },
        { ...good, tasks: good.tasks.map((r: unknown[]) => [...r.slice(0, 4), 'constructor', ...r.slice(5)]) }, // an unknown status
      ]) {
        writeFileSync(file, JSON.stringify(damage));
        for (const [args, want] of [
          [['log', '--plain'], log],
          [['burndown', '--plain'], chart],
        ] as const) {
          const r = repo.run(['-f', 'ROADMAP.md', ...args], env);
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);
          expect(r.stdout).toBe(want.stdout);
        }
        expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(good);
      }
    } finally {
      cache.cleanup();
    }
  });

  for (const [what, make] of [
    ['a folder', (f: string) => mkdirSync(f)],
    ['a FIFO', (f: string) => spawnSync('mkfifo', [f])],
  ] as const) {
    it(`.planrc.json is ${what}: log and burndown go on without it`, () => {
      const file = join(repo.dir, '.planrc.json');
      make(file);
      try {
        for (const cmd of ['log', 'burndown']) {
          const r = repo.run(['-f', 'ROADMAP.md', cmd, '--plain']);
          expect(r.code).toBe(0);
          expect(r.stdout.split('\n').length).toBeGreaterThan(3);
        }
      } finally {
        rmSync(file, { recursive: true });
      }
    });
  }
});

describe('the history commands outside a repository', () => {
  for (const cmd of [['log'], ['burndown'], ['git-setup']]) {
    it(`plan ${cmd[0]} says so and exits 1`, () => {
      const t = writeTemp(V1);
      try {
        const r = runIn(t.dir, ['-f', 'plan.md', ...cmd]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(
          `plan: plan.md: not in a git repository; plan ${cmd[0]} works on a plan committed to git (run it inside the repository that holds the plan)\n`,
        );
      } finally {
        t.cleanup();
      }
    });
  }
});

/** plan in a folder outside any repository (git told not to look above it). */
function runIn(dir: string, args: string[]) {
  return plan(args, { cwd: dir, env: { GIT_CEILING_DIRECTORIES: join(dir, '..') } });
}

describe('a scripted history of 200 commits', () => {
  let repo: Repo;
  const cache = tempDir();
  const N = 40;
  const texts: string[] = [];
  beforeAll(() => {
    repo = makeRepo();
    // 40 tasks; commit k marks task k % 40 done (or, after a full round, back to pending).
    const status = Array.from({ length: N }, () => false);
    for (let k = 0; k < 200; k++) {
      status[k % N] = !status[k % N];
      const rows = status.map((done, i) => `| ${i + 1} | Task ${i + 1} | ${done ? '✅ Done' : '⏳ Pending'} |`);
      texts.push(`# Plan\n\n| # | Task | Status |\n|---|---|---|\n${rows.join('\n')}\n`);
    }
    importHistory(repo, 'plan.md', texts);
  });
  afterAll(() => {
    repo.cleanup();
    cache.cleanup();
  });

  it('log shows one status change per commit after the first', () => {
    const j = JSON.parse(repo.run(['-f', 'plan.md', 'log', '--json'], { XDG_CACHE_HOME: cache.dir }).stdout);
    expect(j.commits).toHaveLength(200);
    expect(j.commits[199].changes).toHaveLength(N);
    for (let k = 1; k < 200; k++) {
      const c = j.commits[199 - k];
      const done = Math.floor(k / N) % 2 === 0;
      expect(c.changes, `commit ${k + 1}`).toEqual([
        expect.objectContaining({ id: String((k % N) + 1), change: 'status', from: done ? 'pending' : 'done', to: done ? 'done' : 'pending' }),
      ]);
    }
  });

  it('burndown follows the counts, parsing each distinct blob once (cached by blob id)', () => {
    const history = join(cache.dir, 'plan', 'history');
    const j = JSON.parse(repo.run(['-f', 'plan.md', 'burndown', '--json'], { XDG_CACHE_HOME: cache.dir }).stdout);
    const done = j.series[0].points.map((p: { done: number }) => p.done);
    expect(done).toHaveLength(200);
    expect(done.slice(0, 3)).toEqual([1, 2, 3]);
    expect(done[39]).toBe(40);
    expect(done[79]).toBe(0);
    // The log above stored every version: one entry per distinct blob (the states repeat every
    // 80 commits), and each distinct task row once (40 tasks, each pending or done).
    expect(new Set(texts).size).toBe(80);
    const [store] = readdirSync(history);
    const stored = JSON.parse(readFileSync(join(history, store!), 'utf8'));
    expect(Object.keys(stored.blobs)).toHaveLength(80);
    expect(stored.tasks).toHaveLength(80);
    // What the second run read from the store is what a fresh parse gives.
    rmSync(history, { recursive: true });
    expect(JSON.parse(repo.run(['-f', 'plan.md', 'burndown', '--json'], { XDG_CACHE_HOME: cache.dir }).stdout)).toEqual(j);
    expect(existsSync(history)).toBe(true);
  });
});

describe('plan log follows tasks without ids and merges', () => {
  it('a checklist item without an id is followed by its title, whatever its line', () => {
    const repo = makeRepo();
    try {
      repo.write('TODO.md', '# Todo\n\n- [ ] Write docs\n- [ ] Ship\n');
      repo.commit('create', '2026-01-01T10:00:00Z');
      repo.write('TODO.md', '# Todo\n\nIntro line.\n\n- [x] Write docs\n- [ ] Ship\n');
      repo.commit('docs done', '2026-01-02T10:00:00Z');
      const r = repo.run(['log', '--plain']);
      expect(r.stdout.split('\n')[1]).toMatch(/^2026-01-02T10:00:00\+00:00\t[0-9a-f]{7}\tAna\t@[0-9a-f]{5}\tWrite docs\tstatus\tpending\tdone$/);
      expect(r.stdout.split('\n')).toHaveLength(5);
    } finally {
      repo.cleanup();
    }
  });

  it('a merge that resolved a conflict by hand shows what it chose; its branches show their own changes', () => {
    const repo = makeRepo();
    try {
      repo.write('plan.md', `${TABLE}| 1 | Alpha | ⏳ Pending | |\n`);
      repo.commit('create', '2026-01-01T10:00:00Z');
      repo.git(['checkout', '-q', '-b', 'b']);
      repo.run(['-f', 'plan.md', 'set', '1', 'blocked']);
      repo.commit('blocked', '2026-01-02T10:00:00Z', 'Bo');
      repo.git(['checkout', '-q', 'main']);
      repo.run(['-f', 'plan.md', 'set', '1', 'done']);
      repo.commit('done', '2026-01-03T10:00:00Z');
      expect(repo.tryGit(['merge', 'b']).code).toBe(1);
      repo.write('plan.md', `${TABLE}| 1 | Alpha | 🚫 Cancelled | |\n`);
      repo.commit('merge', '2026-01-04T10:00:00Z');
      const j = JSON.parse(repo.run(['-f', 'plan.md', 'log', '--json']).stdout);
      const summary = j.commits.map((c: { merge: boolean; author: string; changes: { from: string; to: string }[] }) => [
        c.merge,
        c.author,
        c.changes.map((x) => `${x.from}→${x.to}`),
      ]);
      expect(summary).toEqual([
        [true, 'Ana', ['done→cancelled']],
        [false, 'Ana', ['pending→done']],
        [false, 'Bo', ['pending→blocked']],
        [false, 'Ana', ['null→pending']],
      ]);
      // Burndown walks the first-parent line: create, done, merge.
      const points = JSON.parse(repo.run(['-f', 'plan.md', 'burndown', '--json']).stdout).series[0].points;
      expect(points.map((p: { open: number; done: number; cancelled: number }) => [p.open, p.done, p.cancelled])).toEqual([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a plan not committed yet', () => {
  it('log prints nothing and says so; burndown shows the current state and says so', () => {
    const repo = makeRepo();
    try {
      repo.write('PLAN.md', V1);
      const log = repo.run(['log']);
      expect(log).toEqual({ code: 0, stdout: 'date\tcommit\tauthor\tid\ttitle\tchange\tfrom\tto\n', stderr: 'plan: PLAN.md: no commit touched this file\n' });
      const burn = repo.run(['burndown']);
      expect(burn.code).toBe(0);
      expect(burn.stdout).toMatch(/^scope\tdate\tcommit\topen\tdone\tcancelled\nfile\t[^\t]+\tuncommitted\t3\t0\t0\n$/);
      expect(burn.stderr).toBe('plan: PLAN.md: no commit touched this file; only its current state is shown\n');
    } finally {
      repo.cleanup();
    }
  });
});
