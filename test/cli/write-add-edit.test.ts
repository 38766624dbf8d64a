// End-to-end: plan add, plan edit and plan next --claim on copies of the seed,
// checking the exact bytes on disk and what is printed.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED, tempDir } from '../helpers/run.js';
import { ok, replaceAll, replaceOnce, TODAY, withCliCopy } from '../e2e/write-helpers.js';

const seed = readFileSync(SEED, 'utf8');
const NAME = 'progress_planning.md';
const DAMAGED_PENDING = '\u201a\u00e8\u2265 Pending';
const DAMAGED_NEXT = '\uf8ff\u00fc\u00ee\u00d1 Next';

const stamped = (text: string) =>
  replaceAll(text, [
    ['\nmodified: 2026-02-20\n', `\nmodified: ${TODAY}\n`],
    ['**Last Updated**: 2026-02-20', `**Last Updated**: ${TODAY}`],
  ]);

describe('plan add', () => {
  it(
    "appends 1.4 to the Week 1 table, in the file's style, and prints the task",
    withCliCopy(SEED, NAME, async (w) => {
      const r = ok(await w.run(['add', 'Grafana alerts', '--week', '1']));
      expect(r.stdout.split('\n').slice(0, 6)).toEqual([
        'field\tvalue',
        'id\t1.4',
        'kind\ttask',
        'title\tGrafana alerts',
        'status\tpending',
        'statusText\t⏳ Pending',
      ]);
      expect(r.stdout).toContain(`\nlocation\t${NAME}:27\n`);
      const row13 = `| 1.3 | Redis + VM Split | ${DAMAGED_PENDING} | Real-time + historical |\n`;
      expect(w.text()).toBe(stamped(replaceOnce(seed, row13, `${row13}| 1.4 | Grafana alerts | ⏳ Pending |  |\n`)));
    }),
  );

  it(
    'appends 15 to Month 2 with owner and status; --json',
    withCliCopy(SEED, NAME, async (w) => {
      const j = JSON.parse(ok(await w.run(['add', 'Benchmark v1.2', '--month', '2', '--owner', 'Opus', '--status', 'wip', '--json'])).stdout);
      expect(j).toMatchObject({ schemaVersion: 3, file: NAME });
      expect(j.task).toMatchObject({
        id: '15',
        title: 'Benchmark v1.2',
        owner: 'Opus',
        status: 'in-progress',
        statusText: '🔄 In Progress',
        month: '2',
        line: 64,
      });
      // Month 2's table has Owner and Status columns (its status cells hold notes in the seed).
      const row14 = '| 14 | Strategy Implementation | Any | Begin Tier 1 blockers (P-001 to P-004) |\n';
      const after = w.text();
      expect(after).toBe(stamped(replaceOnce(seed, row14, `${row14}| 15 | Benchmark v1.2 | Opus | 🔄 In Progress |\n`)));
    }),
  );

  it(
    'refuses --notes where the table has no notes column, and an ambiguous scope, writing nothing',
    withCliCopy(SEED, NAME, async (w) => {
      const r = await w.run(['add', 'X', '--month', '2', '--notes', 'n']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/the table has no notes column; leave out --notes/);
      const s = await w.run(['add', 'Y', '--sprint', '8']);
      expect(s.code).toBe(1);
      expect(s.stderr).toMatch(
        /^plan: progress_planning\.md: 2 task tables match; pick one with --week, --sprint or --section:\n {2}line 22: .*\n {2}line 39: .*Other Sprint 8 Tasks\n$/,
      );
      expect(w.text()).toBe(seed);
      ok(await w.run(['add', 'Y', '--section', 'Other Sprint 8', '--no-touch']));
      expect(w.text()).toBe(
        replaceOnce(
          seed,
          '| 4 | README.md update | Any | Project overview refresh |\n',
          '| 4 | README.md update | Any | Project overview refresh |\n| 15 | Y |  | ⏳ Pending |\n',
        ),
      ); // 5 is taken by Week 2: never an ambiguous id
    }),
  );

  it(
    '--dry-run prints the diff and writes nothing',
    withCliCopy(SEED, NAME, async (w) => {
      const r = ok(await w.run(['add', 'Grafana alerts', '--week', '1', '--dry-run']));
      expect(r.stdout).toContain('\n+| 1.4 | Grafana alerts | ⏳ Pending |  |\n');
      expect(w.text()).toBe(seed);
    }),
  );
});

describe('plan add --owner where the table has no Owner column', () => {
  it(
    'writes the owner as an @mark closing the status cell, read back as the owner',
    withCliCopy(SEED, NAME, async (w) => {
      const r = JSON.parse(ok(await w.run(['add', 'Grafana alerts', '--week', '1', '--owner', 'Ana', '--json'])).stdout);
      expect(r.task).toMatchObject({ id: '1.4', owner: 'Ana', status: 'pending', statusText: '⏳ Pending @Ana' });
      const row13 = `| 1.3 | Redis + VM Split | ${DAMAGED_PENDING} | Real-time + historical |\n`;
      expect(w.text()).toBe(stamped(replaceOnce(seed, row13, `${row13}| 1.4 | Grafana alerts | ⏳ Pending @Ana |  |\n`)));
      const two = await w.run(['add', 'More', '--week', '1', '--owner', 'Ana Maria']);
      expect(two.code).toBe(2);
      expect(two.stderr).toMatch(
        /the table has no Owner column, so the owner is written as an @name mark, which is one word; use an owner name without spaces \(not "Ana Maria"\)/,
      );
    }),
  );
});

describe('plan edit', () => {
  it(
    'changes the owner cell, escaping the pipe',
    withCliCopy(SEED, NAME, async (w) => {
      const r = ok(await w.run(['edit', '9', '--owner', 'A | B']));
      expect(r.stdout).toBe(`id\tchange\tfile\tline\n9\towner changed\t${NAME}\t53\n`);
      expect(w.text()).toBe(
        stamped(replaceOnce(seed, '| 9 | Enhanced Strategy Package Review | Opus |', '| 9 | Enhanced Strategy Package Review | A \\| B |')),
      );
      expect(JSON.parse(ok(await w.run(['show', '9', '--json'])).stdout).task.owner).toBe('A | B');
    }),
  );

  it(
    'changes title and notes together, leaving the damaged status as it is',
    withCliCopy(SEED, NAME, async (w) => {
      ok(await w.run(['edit', '1.2', '--title', 'Memory tools', '--notes', 'Wire up metrics', '--no-touch']));
      expect(w.text()).toBe(
        replaceOnce(
          seed,
          `| 1.2 | Memory Tools Integration | ${DAMAGED_NEXT} | Connect metrics_collector.py |`,
          `| 1.2 | Memory tools | ${DAMAGED_NEXT} | Wire up metrics |`,
        ),
      );
    }),
  );

  it(
    'refuses a column the table does not have, an owner of two words as an @mark, and no change at all',
    withCliCopy(SEED, NAME, async (w) => {
      const b = await w.run(['edit', '2', '--notes', 'x']);
      expect(b.code).toBe(1);
      expect(b.stderr).toMatch(/task 2's table has no notes column; nothing was written/);
      const owner = await w.run(['edit', '1.1', '--owner', 'Ana Maria']);
      expect(owner.code).toBe(2);
      expect(owner.stderr).toMatch(/no Owner column, so the owner is written as an @name mark, which is one word/);
      const c = await w.run(['edit', '9']);
      expect(c.code).toBe(2);
      expect(c.stderr).toMatch(/nothing to change/);
      const d = await w.run(['edit', '9', '--owner', 'Opus']);
      expect(d.code).toBe(0);
      expect(d.stderr).toMatch(/already like that; nothing to change/);
      expect(w.text()).toBe(seed);
    }),
  );

  it(
    'writes an owner as an @mark closing the status cell where the table has no Owner column, and reads it back',
    withCliCopy(SEED, NAME, async (w) => {
      const r = JSON.parse(ok(await w.run(['edit', '1.2', '--owner', 'Ana', '--json'])).stdout);
      expect(r.task).toMatchObject({ id: '1.2', owner: 'Ana', statusText: '🔄 Next @Ana' });
      const row = `| 1.2 | Memory Tools Integration | ${DAMAGED_NEXT} | Connect metrics_collector.py |`;
      const marked = stamped(replaceOnce(seed, row, `| 1.2 | Memory Tools Integration | ${DAMAGED_NEXT} @Ana | Connect metrics_collector.py |`));
      expect(w.text()).toBe(marked);
      expect(JSON.parse(ok(await w.run(['show', '1.2', '--json'])).stdout).task).toMatchObject({ owner: 'Ana', status: 'in-progress' });
      // Another owner replaces the mark; an empty owner removes it.
      ok(await w.run(['edit', '1.2', '--owner', 'Bo']));
      expect(w.text()).toBe(marked.replace('@Ana', '@Bo'));
      ok(await w.run(['edit', '1.2', '--owner', '']));
      expect(w.text()).toBe(stamped(seed));
    }),
  );
});

describe('plan next --claim', () => {
  it(
    'marks the pick in progress and records the owner: in the Owner cell, or as an @mark where there is none',
    withCliCopy(SEED, NAME, async (w) => {
      // Week 1 has no Owner column: the owner closes the status cell as `@agent-1`.
      const preview = JSON.parse(ok(await w.run(['next', '--owner', 'agent-1', '--json'])).stdout);
      const a = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'agent-1', '--json'])).stdout);
      expect(preview.task.id).toBe(a.task.id);
      expect(a).toMatchObject({ claimed: true, task: { id: '1.3', status: 'in-progress', statusText: '🔄 In Progress @agent-1', owner: 'agent-1' } });
      expect(a.reason).toMatch(/pending/);
      // Week rows (W2 …) are never claimed: in Week 2 the claim takes task 5, owner in its Owner cell.
      const b = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'agent-2', '--week', '2', '--json'])).stdout);
      expect(b.task).toMatchObject({ id: '5', kind: 'task', status: 'in-progress', owner: 'agent-2' });
      const c = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'agent-3', '--section', 'Month 2', '--json'])).stdout);
      expect(c.task).toMatchObject({ id: '10', status: 'in-progress', owner: 'agent-3', statusText: '🔄 In Progress — Run full 10-model battery' });
      expect(w.text()).toBe(
        stamped(
          replaceAll(seed, [
            [`| 1.3 | Redis + VM Split | ${DAMAGED_PENDING} |`, '| 1.3 | Redis + VM Split | 🔄 In Progress @agent-1 |'],
            [
              '| 5 | First benchmark run | Any | `./scripts/run-benchmark.sh --integrate -m gemini-3-pro` |',
              '| 5 | First benchmark run | agent-2 | 🔄 In Progress — `./scripts/run-benchmark.sh --integrate -m gemini-3-pro` |',
            ],
            [
              '| 10 | Multi-model benchmark results | Any | Run full 10-model battery |',
              '| 10 | Multi-model benchmark results | agent-3 | 🔄 In Progress — Run full 10-model battery |',
            ],
          ]),
        ),
      );
      // Claiming again resumes the claimer's own task, with or without an Owner column, and writes nothing.
      const before = w.text();
      for (const [owner, id, flags] of [
        ['agent-3', '10', ['--section', 'Month 2']],
        ['agent-1', '1.3', []],
      ] as const) {
        expect(JSON.parse(ok(await w.run(['next', '--owner', owner, ...flags, '--json'])).stdout).task.id).toBe(id);
        const again = JSON.parse(ok(await w.run(['next', '--claim', '--owner', owner, ...flags, '--json'])).stdout);
        expect(again.task.id).toBe(id);
        expect(again.reason).toMatch(/already yours/);
      }
      expect(w.text()).toBe(before);
      // Another owner never takes a claimed task.
      const other = await w.run(['next', '--claim', '--owner', 'agent-4', '--week', '1', '--json']);
      expect(other.code).toBe(3);
      expect(JSON.parse(other.stdout).task).toBeNull();
      expect(w.text()).toBe(before);
    }),
  );

  it(
    'prints the claimed task as text too, and exits 3 with nothing to claim',
    withCliCopy(SEED, NAME, async (w) => {
      const r = ok(await w.run(['next', '--claim', '--owner', 'Opus', '--section', 'Next Steps > Week 2']));
      expect(r.stdout).toContain('id\t5\n');
      expect(r.stdout).toContain('owner\tOpus\n');
      const none = await w.run(['next', '--claim', '--owner', 'Ana', '--status', 'done']);
      expect(none.code).toBe(3);
      expect(none.stderr).toMatch(/nothing to claim for Ana/);
      const j = await w.run(['next', '--claim', '--owner', 'Ana', '--status', 'done', '--json']);
      expect(j.code).toBe(3);
      expect(JSON.parse(j.stdout)).toMatchObject({ task: null, claimed: false });
    }),
  );

  it('replaces label and words of a `**Label**: words` checklist item, read as one title, with the new title', async () => {
    const tmp = tempDir();
    try {
      const src = join(tmp.dir, 'src.md');
      writeFileSync(src, '# Release\n\n- [ ] **Search speed**: under 2 s @ana\n- [ ] Other\n');
      await withCliCopy(src, 'PLAN.md', async (w) => {
        const id = JSON.parse(ok(await w.run(['list', '--json'])).stdout).tasks[0].id as string;
        ok(await w.run(['edit', id, '--title', 'Index speed: under 1 s']));
        expect(w.text()).toBe('# Release\n\n- [ ] Index speed: under 1 s @ana\n- [ ] Other\n');
        const task = JSON.parse(ok(await w.run(['list', '--json'])).stdout).tasks[0];
        expect([task.title, task.notes, task.owner]).toEqual(['Index speed: under 1 s', null, 'ana']);
      })();
    } finally {
      tmp.cleanup();
    }
  });
});
