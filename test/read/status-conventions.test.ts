// A file's own shape says what its marks mean (issue 20). Kiro's spec task lists (numbered checkbox items with
// `_Requirements:_` detail lines) write `[-]` for a started task and `[ ]*` for an optional one; elsewhere `[-]`
// is a dropped task. Read in process; `set` through the CLI entry, exact bytes on disk.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { doc, planFiles } from '../helpers/read-plan.js';

const { planFile, readTasks } = planFiles();

const SPEC = doc(
  '# Implementation Plan',
  '',
  '- [x] 1. Set up the project',
  '  - Create the folders',
  '  - _Requirements: 1.1_',
  '',
  '- [-] 2. Build the parser',
  '  - _Requirements: 2.1, 2.2_',
  '',
  '- [x] 2.1 Read the header',
  '  - _Requirements: 2.1_',
  '',
  '- [ ]* 2.2 Write property tests',
  '  - _Requirements: 2.2_',
  '',
  '- [ ]\\* 2.3 Write unit tests',
  '',
  '- [ ] 3. Ship it',
);

describe('a spec task list (numbered boxes with requirement lines)', () => {
  it('reads `[-]` as started and `[ ]*` (or `[ ]\\*`, the star escaped) as an optional task, the star not in its title', async () => {
    const tasks = await readTasks(SPEC);
    expect(tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['1', 'Set up the project', 'done'],
      ['2', 'Build the parser', 'in-progress'],
      ['2.1', 'Read the header', 'done'],
      ['2.2', 'Write property tests', 'pending'],
      ['2.3', 'Write unit tests', 'pending'],
      ['3', 'Ship it', 'pending'],
    ]);
  });

  it('keeps `[-]` a dropped task in a file of another shape', async () => {
    const tasks = await readTasks(doc('# Plan', '', '- [x] 1. Set up the project', '- [-] 2. Build the parser', '- [ ] 3. Ship it'));
    expect(tasks.map((t) => t.status)).toEqual(['done', 'cancelled', 'pending']);
  });

  it('`set` writes `[-]` for a started task there, and ticks an optional one keeping its star', async () => {
    const path = planFile(SPEC);
    expect((await runCli(['-f', path, 'set', '3', 'in-progress'])).code).toBe(0);
    expect((await runCli(['-f', path, 'set', '2.2', 'done'])).code).toBe(0);
    expect((await runCli(['-f', path, 'set', '2.3', 'done'])).code).toBe(0);
    expect((await runCli(['-f', path, 'set', '2', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      SPEC.replace('- [ ] 3. Ship it', '- [-] 3. Ship it')
        .replace('- [ ]* 2.2', '- [x]* 2.2')
        .replace('- [ ]\\* 2.3', '- [x]\\* 2.3')
        .replace('- [-] 2. Build', '- [x] 2. Build'),
    );
  });
});

/** A legend whose words say more than a status, and give ❌ a meaning of their own. */
const LEGEND = ['', '## Legend', '', '- ✅ **Done**', '- 🟢 **Progressing as planned**', '- ❌ **Not delivered**'];

describe('a legend under a Legend heading', () => {
  it('gives each mark the meaning its words say, though they say more (`🟢 Progressing as planned`) or the mark alone means otherwise', async () => {
    const tasks = await readTasks(doc('# Roadmap', '', '## Sprint 1', '', '- ✅ Wireframes', '- 🟢 Login screen', '- ❌ Data flow diagram', ...LEGEND));
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Wireframes', 'done'],
      ['Login screen', 'in-progress'],
      ['Data flow diagram', 'pending'],
    ]);
  });

  it("`set` writes a status in the legend's words where they say it, and the usual mark where they do not", async () => {
    const before = doc('# Roadmap', '', '| Task | Status |', '|---|---|', '| Wireframes | ✅ Done |', '| Login screen | 🟢 |', ...LEGEND);
    const path = planFile(before);
    const list = await runCli(['-f', path, '--json', 'list']);
    const ids = (JSON.parse(list.stdout) as { tasks: { id: string }[] }).tasks.map((t) => t.id);
    expect((await runCli(['-f', path, 'set', ids[0]!, 'blocked'])).code).toBe(0);
    expect((await runCli(['-f', path, 'set', ids[1]!, 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before.replace('| ✅ Done |', '| ⛔ Blocked |').replace('| 🟢 |', '| ❌ Not delivered |'));
  });
});

describe('a legend table whose meanings are sentences', () => {
  const TEXT = doc(
    '### Icon Status Attribution',
    '',
    '| Icon | Status |',
    '| :-: | :-: |',
    '| :question: | Investigation is currently in progress. |',
    '| :white_check_mark: | Test automation is complete. |',
    '| :o: | Work in Progress (WIP) |',
    '| :stop_sign: | Test has not started. |',
    '| :construction: | Work is not complete. |',
    '| 🟡 | Should be done by Friday |',
    "| :hourglass: | Work hasn't started. |",
    '',
    '### Protocol v0.5',
    '',
    '| feature | Testing |',
    '| :-: | :-: |',
    '| consensus update | :stop_sign: |',
    '| metadata | :o: |',
    '| hashlock | :question: |',
    '| aliases | :white_check_mark: |',
    '| rollback | :construction: |',
    '| escrow | 🟡 |',
    '| fees | :hourglass: |',
  );

  it('gives its marks the status the sentence states (a shortcode plan draws no emoji for too); a `not` denies one', async () => {
    expect((await readTasks(TEXT)).map((t) => [t.title, t.status])).toEqual([
      ['consensus update', 'pending'],
      ['metadata', 'in-progress'],
      ['hashlock', 'in-progress'],
      ['aliases', 'done'],
      // 🚧 keeps its own meaning: "not complete" names no status the legend could give it.
      ['rollback', 'in-progress'],
      // A sentence about when (`Should be done by Friday`) states no state: 🟡 keeps its own.
      ['escrow', 'in-progress'],
      // `hasn't started` denies the status: ⌛ keeps its own.
      ['fees', 'pending'],
    ]);
  });
});
