// Dependencies end to end: every notation the model reads, `ready`, `next`,
// `next --claim` (real processes claiming at once), the list filters, `show`,
// `check` and `plan deps`, on the fixtures in test/fixtures/deps.

import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { FIXTURES, planAsync, ROOT, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';
import { cliWorkspace, leftovers, ok } from './write-helpers.js';

const DEPS = join(FIXTURES, 'deps');
const fixture = (name: string) => join(DEPS, name);

interface TaskOut {
  id: string;
  title: string;
  status: string;
  line: number;
  dependsOn: string[];
}

async function tasks(file: string, args: string[] = ['list']): Promise<TaskOut[]> {
  const r = ok(await cli(['-f', file, '--json', ...args]));
  return JSON.parse(r.stdout).tasks;
}

/** id → dependsOn, for the tasks that have dependencies. */
async function dependsOf(file: string): Promise<Record<string, string[]>> {
  return Object.fromEntries((await tasks(file)).filter((t) => t.dependsOn.length).map((t) => [`${t.id}@${t.line}`, t.dependsOn]));
}

describe('reading dependencies', () => {
  it('from a Depends On column: ids, lists, `-`', async () => {
    expect(await dependsOf(fixture('column.md'))).toEqual({
      'FEAT-001.2@8': ['FEAT-001.1'],
      'FEAT-001.3@9': ['FEAT-001.2'],
      'FEAT-001.4@10': ['FEAT-001.1', 'FEAT-001.2'],
      'FEAT-001.6@12': ['FEAT-001.3'],
    });
  });

  it("from **Depends on** field lines under headings: the section's tasks, the checklist items (3 at line 7 is a place of the heading task 3)", async () => {
    expect(await dependsOf(fixture('fields.md'))).toEqual({
      '2@6': ['Phase 1'],
      '@b64e0@20': ['Phase 1'],
      '@a20de@21': ['Phase 1'],
      '3@23': ['Phase 2'],
      '@47a8c@26': ['Phase 2'],
    });
  });

  it('from inline marks: (after 1.1, 1.2), blocked by #12, in items and table titles, which lose the marks', async () => {
    const all = await tasks(fixture('inline.md'));
    expect(all.map((t) => [t.id, t.title, t.dependsOn])).toEqual([
      ['1.1', 'Schema', []],
      ['1.2', 'Migrations', ['1.1']],
      ['1.3', 'Seed data', ['1.1', '1.2']],
      ['1.4', 'Fix login', ['12']],
      ['12', 'Session cookie', []],
      ['13', 'Logout button', ['12']],
    ]);
  });

  it("from Obsidian Tasks' ⛔ and 🆔: the 🆔 is the task's id", async () => {
    expect((await tasks(fixture('obsidian.md'))).map((t) => [t.id, t.title, t.dependsOn])).toEqual([
      ['abc123', 'Design the schema', []],
      ['def456', 'Write migrations', ['abc123']],
      [expect.stringMatching(/^@[0-9a-f]{5}$/), 'Seed the database', ['def456']],
      [expect.stringMatching(/^@[0-9a-f]{5}$/), 'Write the README', []],
    ]);
  });

  it('ids repeated across sprints resolve within the sprint, named by line', async () => {
    expect(await dependsOf(fixture('sprints.md'))).toEqual({ '3.2@8': ['L7'], '3.2@15': ['L14'] });
    const r = ok(await cli(['-f', fixture('sprints.md'), '--plain', 'show', '3.2', '--sprint', '9']));
    expect(r.stdout).toContain('depends on\t3.1 Collect traces (in-progress, line 14)\n');
  });

  it('a field item nested under a task item belongs to that task; notes that name a library are no dependency', async () => {
    const f = writeTemp(
      ['# Plan', '', '- [ ] 2.1 Deploy', '  - **Depends on**: 2.2', '- [x] 2.2 Build (needs Socket.io)', '- [ ] 2.3 Retry (after 3 attempts)', ''].join('\n'),
    );
    try {
      expect((await tasks(f.file)).map((t) => [t.id, t.title, t.dependsOn])).toEqual([
        ['2.1', 'Deploy', ['2.2']],
        ['2.2', 'Build (needs Socket.io)', []],
        ['2.3', 'Retry (after 3 attempts)', []],
      ]);
    } finally {
      f.cleanup();
    }
  });
});

describe('what can start: ready, next, claim', () => {
  it("ready lists open tasks whose dependencies are done, in next's order (in progress first)", async () => {
    expect((await tasks(fixture('column.md'), ['ready'])).map((t) => t.id)).toEqual(['FEAT-001.2', 'FEAT-001.5']);
    expect((await tasks(fixture('fields.md'), ['ready'])).map((t) => t.title)).toEqual(['Shell', '02-01 Window chrome', '02-02 Tab bar']);
    const r = ok(await cli(['-f', fixture('column.md'), '--json', 'ready']));
    expect(JSON.parse(r.stdout).waiting).toBe(2);
  });

  it('next skips waiting tasks, and says what every candidate waits on when none is ready', async () => {
    const f = writeTemp(
      ['| ID | Task | Status | Depends On |', '|----|------|--------|------------|', '| 1 | Base | 🚫 Cancelled | |', '| 2 | Top | ⏳ Pending | 1 |', ''].join(
        '\n',
      ),
    );
    try {
      const none = await cli(['-f', f.file, 'next']);
      expect(none.code).toBe(0);
      expect(none.stderr).toBe(`plan: ${f.file}: nothing ready: 2 waits on 1 (cancelled)\n`);
      const json = JSON.parse(ok(await cli(['-f', f.file, '--json', 'next'])).stdout);
      expect(json).toMatchObject({ task: null, reason: 'waiting on dependencies', waiting: [{ id: '2', waitingOn: [{ id: '1', status: 'cancelled' }] }] });
      // A cancelled dependency counts only when allowed.
      expect(JSON.parse(ok(await cli(['-f', f.file, '--json', 'next', '--allow-cancelled'])).stdout).task.id).toBe('2');
      expect((await tasks(f.file, ['ready', '--allow-cancelled'])).map((t) => t.id)).toEqual(['2']);
    } finally {
      f.cleanup();
    }
  });

  it('agents claiming at once never take a waiting task', async () => {
    const rows = [
      '| ID | Task | Status | Owner | Depends On |',
      '|----|------|--------|-------|------------|',
      '| T1 | Gate | 🔄 In Progress | Ana | |',
      ...[2, 3, 4, 5, 6, 7].map((n) => `| T${n} | Task ${n} | ⏳ Pending | | ${n % 2 === 0 ? 'T1' : ''} |`),
      '',
    ];
    const w = writeTemp(rows.join('\n'));
    try {
      const runs = await Promise.all([1, 2, 3, 4, 5].map((n) => planAsync(['-f', w.file, '--json', 'next', '--claim', '--owner', `agent-${n}`])));
      const claimed = runs
        .filter((r) => r.code === 0)
        .map((r) => JSON.parse(r.stdout).task.id)
        .sort();
      expect(claimed).toEqual(['T3', 'T5', 'T7']);
      expect(runs.filter((r) => r.code === 3)).toHaveLength(2);
      const after = await tasks(w.file);
      expect(after.filter((t) => ['T2', 'T4', 'T6'].includes(t.id)).map((t) => t.status)).toEqual(['pending', 'pending', 'pending']);
      expect(leftovers(w.dir)).toEqual([]);
    } finally {
      w.cleanup();
    }
  });
});

describe('list filters and lean output', () => {
  it('--waiting and --blocked-by (through other open tasks)', async () => {
    expect((await tasks(fixture('column.md'), ['list', '--waiting'])).map((t) => t.id)).toEqual(['FEAT-001.3', 'FEAT-001.4']);
    expect((await tasks(fixture('column.md'), ['list', '--blocked-by', 'FEAT-001.2'])).map((t) => t.id)).toEqual(['FEAT-001.3', 'FEAT-001.4']);
    expect(await tasks(fixture('column.md'), ['list', '--blocked-by', 'FEAT-001.1'])).toEqual([]);
    // A shared id is picked with the list's own scope flags.
    expect((await tasks(fixture('sprints.md'), ['list', '--blocked-by', '3.1', '--sprint', '9'])).map((t) => t.line)).toEqual([15]);
    expect((await cli(['-f', fixture('sprints.md'), 'list', '--blocked-by', '3.1'])).stderr).toMatch(/matches 2 tasks/);
  });

  it('--fields keeps only those fields (id first) in JSON, TSV and on a terminal; --limit the first n', async () => {
    const json = JSON.parse(ok(await cli(['-f', fixture('column.md'), '--json', 'list', '--fields', 'title,dependsOn', '--limit', '2'])).stdout);
    expect(json.tasks).toEqual([
      { id: 'FEAT-001.1', title: 'Schema', dependsOn: [] },
      { id: 'FEAT-001.2', title: 'API', dependsOn: ['FEAT-001.1'] },
    ]);
    const tsv = ok(await cli(['-f', fixture('column.md'), '--plain', 'ready', '--fields', 'status,title']));
    expect(tsv.stdout).toBe('id\tstatus\ttitle\nFEAT-001.2\tin-progress\tAPI\nFEAT-001.5\tpending\tLint rules\n');
  });

  it('an unknown field or a bad limit is a usage error', async () => {
    const bad = await cli(['-f', fixture('column.md'), 'list', '--fields', 'id,colour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown field "colour"; use any of id, idFromFile, kind, title/);
    for (const n of ['0', '-1', 'x', '1.5']) expect((await cli(['-f', fixture('column.md'), 'ready', '--limit', n])).code, n).toBe(2);
  });
});

describe('show, check and deps', () => {
  it('show lists dependencies and dependents with their statuses', async () => {
    const r = ok(await cli(['-f', fixture('column.md'), '--plain', 'show', 'FEAT-001.2']));
    expect(r.stdout).toContain('depends on\tFEAT-001.1 Schema (done)\nneeded by\tFEAT-001.3 Client (pending); FEAT-001.4 Docs (pending)\n');
    const scope = ok(await cli(['-f', fixture('fields.md'), '--json', 'show', '3', '--line', '7']));
    expect(JSON.parse(scope.stdout).dependencies).toEqual([
      {
        ref: 'Phase 2',
        resolved: true,
        tasks: [
          { id: '2', title: 'Shell', status: 'pending', line: 6 },
          { id: '@b64e0', title: '02-01 Window chrome', status: 'pending', line: 20 },
          { id: '@a20de', title: '02-02 Tab bar', status: 'pending', line: 21 },
        ],
      },
    ]);
  });

  it('check reports cycles, missing ids and done tasks with open dependencies at file:line:col', async () => {
    const r = await cli(['-f', fixture('cycle.md'), '--plain', 'check']);
    expect(r.code).toBe(1);
    const f = relative(ROOT, fixture('cycle.md'));
    expect(r.stdout).toBe(
      [
        `${f}:5:28 error dependency cycle: A1 → A3 → A2 → A1; no task of it can ever start: remove one of these dependencies`,
        `${f}:8:28 warning task A4 depends on "A9", which is no task's id; write an id that \`plan list\` shows, or remove it`,
        `${f}:9:18 warning task A5 is done but depends on A4 (pending); finish those, or correct the status or the dependency`,
        `${f}:10:27 warning task A6 depends on "Auth service live", which names no task; write an id that \`plan list\` shows, or remove it`,
        '',
      ].join('\n'),
    );
    // A cycle is never ready, nor picked.
    expect((await tasks(fixture('cycle.md'), ['ready'])).map((t) => t.id)).toEqual(['A4', 'A6']);
  });

  it('deps draws the tree, marks a cycle and a repeated subtree, and prints TSV, JSON and Mermaid', async () => {
    const tsv = ok(await cli(['-f', fixture('column.md'), '--plain', 'deps']));
    expect(tsv.stdout).toBe(
      [
        'depth\tkey\tkind\tid\ttitle\tstatus\tline\tmark',
        '0\tFEAT-001.4\ttask\tFEAT-001.4\tDocs\tpending\t10\t',
        '1\tFEAT-001.1\ttask\tFEAT-001.1\tSchema\tdone\t7\t',
        '1\tFEAT-001.2\ttask\tFEAT-001.2\tAPI\tin-progress\t8\t',
        '2\tFEAT-001.1\ttask\tFEAT-001.1\tSchema\tdone\t7\t',
        '0\tFEAT-001.6\ttask\tFEAT-001.6\tRelease notes\tdone\t12\t',
        '1\tFEAT-001.3\ttask\tFEAT-001.3\tClient\tpending\t9\t',
        '2\tFEAT-001.2\ttask\tFEAT-001.2\tAPI\tin-progress\t8\tseen',
        '',
      ].join('\n'),
    );
    const cycle = ok(await cli(['-f', fixture('cycle.md'), '--plain', 'deps', 'A1']))
      .stdout.trim()
      .split('\n')
      .pop();
    expect(cycle).toBe('3\tA1\ttask\tA1\tAlpha\tpending\t5\tcycle');
    const json = JSON.parse(ok(await cli(['-f', fixture('inline.md'), '--json', 'deps', '1.3'])).stdout);
    expect(json.roots).toEqual(['1.3']);
    expect(json.edges).toEqual([
      { from: '1.3', to: '1.1' },
      { from: '1.3', to: '1.2' },
      { from: '1.2', to: '1.1' },
    ]);
    const mermaid = ok(await cli(['-f', fixture('inline.md'), 'deps', '1.3', '--mermaid'])).stdout;
    expect(mermaid).toBe(
      [
        '```mermaid',
        'graph TD',
        '  n0["1.3 Seed data (pending)"]',
        '  n1["1.1 Schema (done)"]',
        '  n2["1.2 Migrations (pending)"]',
        '  n1 --> n0',
        '  n2 --> n0',
        '  n1 --> n2',
        '  classDef pending fill:#e7f5ff,stroke:#1971c2',
        '  class n0,n2 pending',
        '  classDef done fill:#d3f9d8,stroke:#2b8a3e',
        '  class n1 done',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('a Mermaid label cannot break out of its quotes', async () => {
    const f = writeTemp(
      ['| ID | Task | Status | Depends On |', '|---|---|---|---|', '| 1 | a"] --> x["<b>pwn</b> | ⏳ | |', '| 2 | b | ⏳ | 1 |', ''].join('\n'),
    );
    try {
      const out = ok(await cli(['-f', f.file, 'deps', '--mermaid'])).stdout;
      // (The <b> tags are gone already: titles are plain text.)
      expect(out).toContain('  n1["1 a#34;] --#62; x[#34;pwn (pending)"]\n');
    } finally {
      f.cleanup();
    }
  });
});

describe("the cache after plan's own writes", () => {
  it('a status change on a row with an inline mark keeps its title and dependencies; a new mark in a title is read', async () => {
    const w = cliWorkspace(fixture('inline.md'));
    try {
      ok(await w.run(['set', '13', 'done']));
      expect((await tasks(w.file)).find((t) => t.id === '13')).toMatchObject({ title: 'Logout button', status: 'done', dependsOn: ['12'] });
      ok(await w.run(['edit', '13', '--title', 'Logout button (after 1.1)']));
      expect((await tasks(w.file)).find((t) => t.id === '13')).toMatchObject({ title: 'Logout button', dependsOn: ['1.1'] });
    } finally {
      w.cleanup();
    }
  });
});
