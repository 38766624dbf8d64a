// End-to-end: writes on files in the style of the real plans where they went
// wrong — stamps that were not the file's own, rows a tab pads, pipes after a
// backslash, multi-word statuses, statuses behind a link, the file's own
// words, checklist styles, claims that must hold, the status memory, add and
// edit on lists, and filter values that can match nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';
import { ok, replaceAll, replaceOnce, TODAY, withCliCopy, type CliWorkspace, cliWorkspace } from '../e2e/write-helpers.js';

/** A body run on a temporary file holding `text`, named plan.md. */
function onText(text: string, fn: (w: CliWorkspace, text: string) => Promise<void>, extra: Record<string, string> = {}): () => Promise<void> {
  return async () => {
    const t = writeTemp(text);
    const w = cliWorkspace(t.file);
    t.cleanup();
    try {
      for (const [name, content] of Object.entries(extra)) writeFileSync(join(w.dir, name), content);
      await fn(w, text);
    } finally {
      w.cleanup();
    }
  };
}

/** The id or @reference of the task on `line` (a write takes no line reference: lines move). */
async function at(w: CliWorkspace, line: number): Promise<string> {
  return JSON.parse(ok(await w.run(['show', `L${line}`, '--json'])).stdout).task.id;
}

/** The one line of `text` that changed, as [before, after]. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((l, i) => (l === b[i] ? [] : [[l, b[i]!] as [string, string]]));
}

describe("date stamps are the file's own", () => {
  const text = [
    '---',
    'title: Roadmap',
    'modified: 2025-12-01',
    'history:',
    '  - version: "1.0"',
    '    modified: 2025-01-10',
    'meta:',
    '  modified: 2025-02-02',
    'block:',
    '  label: roadmap',
    '  modified: 2025-12-01',
    'notes: |',
    '  modified: 2025-03-03',
    '---',
    '',
    '# Roadmap',
    '',
    '**Last Updated**: 2025-12-01',
    '',
    '## How we stamp',
    '',
    '```markdown',
    '**Last Updated**: 2019-01-01',
    '```',
    '',
    '> Last Updated: 2024-03-03',
    '',
    '    Last Updated: 2018-01-01',
    '',
    '| # | Task | Status | Notes |',
    '|---|------|--------|-------|',
    '| 1 | Parser | ⏳ Pending | |',
    '| 2 | Docs | ✅ Done | last updated 2019-02-02 |',
    '',
  ].join('\n');

  it(
    'a set stamps the top-level and block `modified:` and the Last Updated line, nothing nested, quoted, fenced or in a table',
    onText(text, async (w) => {
      ok(await w.run(['set', '1', 'done']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['\nmodified: 2025-12-01\n', `\nmodified: ${TODAY}\n`],
          ['  label: roadmap\n  modified: 2025-12-01\n', `  label: roadmap\n  modified: ${TODAY}\n`],
          ['\n**Last Updated**: 2025-12-01\n', `\n**Last Updated**: ${TODAY}\n`],
          ['| 1 | Parser | ⏳ Pending | |', '| 1 | Parser | ✅ Done | |'],
        ]),
      );
    }),
  );
});

describe('the one cell splitter', () => {
  const text = '# Plan\n\n| # | Task | Status |\n|---|------|--------|\n| 1 | Alpha\t| ⏳ Pending |\n| 2 | Beta |\t✅ Done\t|\n';

  it(
    'writes rows padded with tabs',
    onText(text, async (w) => {
      ok(await w.run(['set', '1', 'done']));
      ok(await w.run(['set', '2', 'pending']));
      ok(await w.run(['edit', '1', '--title', 'Alphabet']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| 1 | Alpha\t| ⏳ Pending |', '| 1 | Alphabet\t| ✅ Done |'],
          ['| 2 | Beta |\t✅ Done\t|', '| 2 | Beta |\t⏳ Pending\t|'],
        ]),
      );
    }),
  );
});

describe('the one cell escaper', () => {
  it(
    'escapes a pipe after an escaped backslash, and the cache and a fresh read agree on the row',
    withCliCopy(SEED, 'progress_planning.md', async (w) => {
      ok(await w.run(['edit', '1.3', '--notes', 'path C:\\\\|more']));
      expect(w.text()).toContain('| 1.3 | Redis + VM Split | \u201a\u00e8\u2265 Pending | path C:\\\\\\|more |\n');
      const warm = await w.run(['check', '--json']);
      const cold = await w.run(['check', '--json'], { PLAN_NO_CACHE: '1' });
      expect(warm.stdout).toBe(cold.stdout);
      expect(JSON.parse(warm.stdout).problems.filter((p: { code: string }) => p.code === 'ragged-row')).toEqual([]);
      expect(JSON.parse(ok(await w.run(['show', '1.3', '--json'])).stdout).task.notes).toBe('path C:\\|more');
    }),
  );
});

describe('the whole status phrase is replaced', () => {
  // As in plans that track features by implementation state.
  const features = [
    '## Features',
    '',
    '| Feature | Status | Notes |',
    '|---------|--------|-------|',
    '| Login | Implemented | |',
    '| Search | Partially Implemented | backend only |',
    '| Export | Not Implemented | |',
    '| Import | Implemented | |',
    '| Sync | Partially Implemented | |',
    '',
  ].join('\n');

  it(
    "multi-word statuses become the file's own, never half of one",
    onText(features, async (w) => {
      ok(await w.run(['set', await at(w, 6), 'done']));
      ok(await w.run(['set', await at(w, 5), 'in-progress']));
      ok(await w.run(['set', await at(w, 7), 'in-progress']));
      expect(changedLines(features, w.text())).toEqual([
        ['| Login | Implemented | |', '| Login | Partially Implemented | |'],
        ['| Search | Partially Implemented | backend only |', '| Search | Implemented | backend only |'],
        ['| Export | Not Implemented | |', '| Export | Partially Implemented | |'],
      ]);
    }),
  );

  // As in a VelesDB-style roadmap: the status, then a note after a dash.
  const roadmap = [
    '| # | Item | Status |',
    '|---|------|--------|',
    '| 1 | DataFrame I/O | ✅ Shipped — `upsert_from_dataframe(df)` round-trips via the converter |',
    '| 2 | Recall fix | ❌ Not tested |',
    '| 3 | Локалізація | ❌ Не перевірено |',
    '| 4 | Sync | complete - mas |',
    '| 5 | Docs | Done (Phase 3) |',
    '| 6 | Bench | ⏳ Pending |',
    '',
  ].join('\n');

  it(
    "the old status's words go, a note stays, and the dry run says what was kept",
    onText(roadmap, async (w) => {
      const dry = ok(await w.run(['set', '1', 'pending', '--dry-run']));
      expect(dry.stdout.split('\n')[0]).toBe('# plan: task 1: kept "— upsert_from_dataframe(df) round-trips via the converter" after the new status');
      expect(dry.stdout).toContain('+| 1 | DataFrame I/O | ⏳ Pending — `upsert_from_dataframe(df)` round-trips via the converter |\n');
      const json = JSON.parse(ok(await w.run(['set', '5', 'pending', '--json'])).stdout);
      expect(json.remarks).toEqual(['task 5: kept "(Phase 3)" after the new status']);
      for (const id of ['2', '3']) ok(await w.run(['set', id, 'done']));
      ok(await w.run(['set', '4', 'pending']));
      expect(changedLines(roadmap, w.text())).toEqual([
        ['| 2 | Recall fix | ❌ Not tested |', '| 2 | Recall fix | ✅ Shipped |'],
        ['| 3 | Локалізація | ❌ Не перевірено |', '| 3 | Локалізація | ✅ Shipped |'],
        ['| 4 | Sync | complete - mas |', '| 4 | Sync | ⏳ Pending - mas |'],
        ['| 5 | Docs | Done (Phase 3) |', '| 5 | Docs | ⏳ Pending (Phase 3) |'],
      ]);
    }),
  );

  it(
    'a status behind a link or HTML is the status, for writing as for reading',
    onText('| # | Task | Status |\n|---|---|---|\n| 1 | A | [Done](http://x) |\n| 2 | B | <b>Done</b> |\n| 3 | C | ⏳ Pending |\n', async (w, text) => {
      const before = JSON.parse(ok(await w.run(['list', '--json'])).stdout).tasks.map((t: { status: string }) => t.status);
      expect(before).toEqual(['done', 'done', 'pending']);
      ok(await w.run(['set', '1', 'pending']));
      ok(await w.run(['set', '2', 'pending']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| 1 | A | [Done](http://x) |', '| 1 | A | ⏳ Pending |'],
          ['| 2 | B | <b>Done</b> |', '| 2 | B | ⏳ Pending |'],
        ]),
      );
    }),
  );
});

describe("the file's own words", () => {
  const withMap =
    '---\nplan:\n  statuses:\n    Needs QA: in-progress\n---\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Login | ⏳ Pending |\n| 2 | Export | 🧪 Needs QA |\n';

  it(
    'are statuses for `set`, written as the file writes them',
    onText(withMap, async (w, text) => {
      const r = JSON.parse(ok(await w.run(['set', '1', 'Needs QA', '--json', '--no-touch'])).stdout);
      expect(r).toMatchObject({ from: 'pending', to: 'in-progress', task: { status: 'in-progress', statusText: '🧪 Needs QA' } });
      expect(w.text()).toBe(replaceOnce(text, '| 1 | Login | ⏳ Pending |', '| 1 | Login | 🧪 Needs QA |'));
    }),
  );

  it(
    'from .planrc.json too, as the map spells them where the file has no such cell',
    onText(
      '| # | Task | Status |\n|---|---|---|\n| 1 | Login | ⏳ Pending |\n',
      async (w, text) => {
        ok(await w.run(['set', '1', 'in qa', '--no-touch']));
        expect(w.text()).toBe(replaceOnce(text, '⏳ Pending', 'In QA'));
        expect(JSON.parse(ok(await w.run(['show', '1', '--json'])).stdout).task.status).toBe('in-progress');
      },
      { '.planrc.json': '{"statuses": {"In QA": "in-progress"}}' },
    ),
  );
});

describe('checklists in their own style', () => {
  // As in a docker-containers TODO: done items `[x] ✅`, deferred ones `[-] ⏭️`.
  const todo = [
    '# Project Backlog',
    '',
    '## Backlog',
    '',
    '- [ ] 🔧 [terraform] Make cloud CLI version validation conditional on FLAVOR — Priority: M',
    '- [ ] 🔧 [Runner] Remove double deregistration — Priority: L',
    '- [ ] 🐛 [Dashboard] Capture OCI subject digest — Priority: L',
    '',
    '## Completed',
    '',
    '- [x] ✅ [CI] Cache runner agent tarball in GH Actions cache (2026-03-16)',
    '- [x] ✅ [Runner] Orphan runner cleanup script (2026-03-16)',
    '',
    '## Blocked / Deferred',
    '',
    '- [-] ⏭️ [Infra] apk/apt BuildKit cache mounts — marginal benefit vs complexity — Priority: L',
    '',
  ].join('\n');

  it(
    'done is `[x] ✅`, cancelled `[-] ⏭️`, and `[-]` reads as cancelled',
    onText(todo, async (w) => {
      expect(JSON.parse(ok(await w.run(['show', 'L16', '--json'])).stdout).task).toMatchObject({ status: 'cancelled', statusText: '[-] ⏭️' });
      // A board (Backlog / Completed / Blocked): done moves the item to Completed in the file's `[x] ✅`;
      // cancelled has no section, so `[-] ⏭️` is written in place and stderr says so; pending moves `[-]` back.
      ok(await w.run(['set', await at(w, 5), 'done']));
      // Line 6 is now the Dashboard item: the terraform one left the Backlog.
      const cancelled = await w.run(['set', await at(w, 6), 'cancelled']);
      expect(cancelled.code).toBe(0);
      expect(cancelled.stderr).toMatch(/the board has no section for cancelled; wrote the status in task @\w+'s line instead of moving it\n$/);
      ok(await w.run(['set', await at(w, 16), 'pending']));
      expect(w.text()).toBe(
        [
          '# Project Backlog',
          '',
          '## Backlog',
          '',
          '- [ ] 🔧 [Runner] Remove double deregistration — Priority: L',
          '- [-] ⏭️ 🐛 [Dashboard] Capture OCI subject digest — Priority: L',
          '- [ ] [Infra] apk/apt BuildKit cache mounts — marginal benefit vs complexity — Priority: L',
          '',
          '## Completed',
          '',
          '- [x] ✅ [CI] Cache runner agent tarball in GH Actions cache (2026-03-16)',
          '- [x] ✅ [Runner] Orphan runner cleanup script (2026-03-16)',
          '- [x] ✅ 🔧 [terraform] Make cloud CLI version validation conditional on FLAVOR — Priority: M',
          '',
          '## Blocked / Deferred',
          '',
        ].join('\n'),
      );
      const statuses = JSON.parse(ok(await w.run(['list', '--json'])).stdout).tasks.map((t: { status: string }) => t.status);
      expect(statuses).toEqual(['pending', 'cancelled', 'pending', 'done', 'done', 'done']);
    }),
  );

  it(
    'a claim records its owner as an @mark on the item, finds it again, and shows it in `next --owner` first',
    onText(todo, async (w) => {
      const preview = JSON.parse(ok(await w.run(['next', '--owner', 'bot', '--json'])).stdout).task;
      const claim = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'bot', '--json'])).stdout).task;
      expect(claim).toMatchObject({ id: preview.id, status: 'in-progress', owner: 'bot' });
      expect(changedLines(todo, w.text())).toEqual([
        [
          '- [ ] 🔧 [terraform] Make cloud CLI version validation conditional on FLAVOR — Priority: M',
          '- [ ] 🔄 🔧 [terraform] Make cloud CLI version validation conditional on FLAVOR — Priority: M @bot',
        ],
      ]);
      const again = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'bot', '--json'])).stdout);
      expect(again.task.id).toBe(claim.id);
      expect(again.task.line).toBe(5);
      expect(again.reason).toMatch(/already yours/);
      const other = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'ana', '--json'])).stdout).task;
      expect(other).toMatchObject({ line: 6, owner: 'ana' });
      // Done keeps the owner mark (a note), and reads back done (moved to the Completed section).
      const done = JSON.parse(ok(await w.run(['set', await at(w, 5), 'done', '--json'])).stdout).task;
      expect(JSON.parse(ok(await w.run(['show', done.id, '--json'])).stdout).task).toMatchObject({
        status: 'done',
        owner: 'bot',
        statusText: '[x] ✅',
        line: 12,
      });
    }),
  );
});

describe('the status memory is visible', () => {
  it(
    "the dry run says when it restores, --json has it in remarks, and --no-memory writes the file's style",
    withCliCopy(SEED, 'progress_planning.md', async (w) => {
      ok(await w.run(['set', '1.2', 'done', '--no-touch']));
      const dry = ok(await w.run(['set', '1.2', 'in-progress', '--dry-run']));
      expect(dry.stdout.split('\n')[0]).toBe(
        '# plan: task 1.2: restored "\uf8ff\u00fc\u00ee\u00d1 Next", the text plan replaced before (from its memory; --no-memory writes the file\'s style)',
      );
      expect(dry.stdout).toContain('+| 1.2 | Memory Tools Integration | \uf8ff\u00fc\u00ee\u00d1 Next | Connect metrics_collector.py |\n');
      const forgetful = ok(await w.run(['set', '1.2', 'in-progress', '--dry-run', '--no-memory']));
      expect(forgetful.stdout).not.toMatch(/^# plan/);
      expect(forgetful.stdout).toContain('+| 1.2 | Memory Tools Integration | 🔄 In Progress | Connect metrics_collector.py |\n');
      const json = JSON.parse(ok(await w.run(['set', '1.2', 'in-progress', '--json', '--no-touch'])).stdout);
      expect(json.remarks).toEqual([dry.stdout.split('\n')[0]!.replace('# plan: ', '')]);
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
    }),
  );
});

describe('add and edit on lists', () => {
  it(
    "add appends an id item to the seed's bold-id list; edit changes its parts in place",
    withCliCopy(SEED, 'progress_planning.md', async (w) => {
      const seed = readFileSync(SEED, 'utf8');
      const r = JSON.parse(ok(await w.run(['add', 'Report', '--phase', '5', '--notes', 'write it up', '--json', '--no-touch'])).stdout);
      expect(r.task).toMatchObject({ id: '5.E', title: 'Report', notes: 'write it up', phase: '5' });
      const added = replaceOnce(
        seed,
        '- **5.D Analysis**: Metrics interpretation and recommendations\n',
        '- **5.D Analysis**: Metrics interpretation and recommendations\n- **5.E Report**: write it up\n',
      );
      expect(w.text()).toBe(added);
      ok(await w.run(['edit', '5.A', '--title', 'Baseline Runs', '--notes', '', '--no-touch']));
      ok(await w.run(['edit', '5.B', '--notes', 'swappiness and zRAM', '--owner', 'ana', '--no-touch']));
      expect(w.text()).toBe(
        replaceAll(added, [
          ['- **5.A Baseline Collection**: Terminal session, clean system\n', '- **5.A Baseline Runs**\n'],
          ['- **5.B Kernel Tuning**: vm.swappiness optimization\n', '- **5.B Kernel Tuning**: swappiness and zRAM @ana\n'],
        ]),
      );
      expect(JSON.parse(ok(await w.run(['show', '5.B', '--json'])).stdout).task).toMatchObject({
        title: 'Kernel Tuning',
        notes: 'swappiness and zRAM',
        owner: 'ana',
      });
      expect(JSON.parse(ok(await w.run(['show', '5.A', '--json'])).stdout).task).toMatchObject({ title: 'Baseline Runs', notes: null });
    }),
  );

  it(
    'add appends a checklist item after the last item and its sub-items, with the next number of an ordered list',
    onText('# List\n\n## Sprint 2\n\n1. [ ] one\n2. [x] two\n   - a sub note\n   - [ ] a sub task\n\nProse.\n', async (w, text) => {
      const r = JSON.parse(ok(await w.run(['add', 'three', '--sprint', '2', '--owner', 'bo', '--json'])).stdout);
      expect(r.task).toMatchObject({ title: 'three', status: 'pending', owner: 'bo', line: 9 });
      expect(w.text()).toBe(replaceOnce(text, '   - [ ] a sub task\n', '   - [ ] a sub task\n3. [ ] three @bo\n'));
    }),
  );
});

describe('filter values that match nothing are usage errors', () => {
  it(
    'a scope that is not a number or range, a line that is not a line number',
    withCliCopy(SEED, 'progress_planning.md', async (w) => {
      for (const [args, message] of [
        [['list', '--week', 'abc'], '--week takes a number or a range like 2-6, not "abc"'],
        [['list', '--line', 'abc'], '--line takes a line number (1 or more), not "abc"'],
        [['list', '--line', '0'], '--line takes a line number (1 or more), not "0"'],
        [['set', '1.2', 'done', '--sprint', 'eight'], '--sprint takes a number or a range like 2-6, not "eight"'],
      ] as const) {
        const r = await w.run([...args]);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toBe(`plan: ${message}\n`);
        expect(r.stdout).toBe('');
      }
      // Week 0 and half weeks exist in real plans (`Week 0.5: Foundation`).
      expect(ok(await w.run(['list', '--week', '0'])).stdout).toBe('id\tkind\tstatus\ttitle\towner\tnotes\tsprint\tweek\tmonth\tphase\tline\tdue\tpriority\n');
    }),
  );
});

describe('scopes as real headings write them stay valid filters', () => {
  it('--week 0.5 lists the tasks of `Week 0.5: Foundation`', async () => {
    const t = writeTemp('## Week 0.5: Foundation\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Setup | ⏳ Pending |\n');
    try {
      const r = await cli(['-f', t.file, 'list', '--week', '0.5', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).tasks.map((x: { id: string }) => x.id)).toEqual(['1']);
    } finally {
      t.cleanup();
    }
  });
});
