// How to read a file where plan's own reading gets it wrong, without changing the
// file: `read` settings in `.planrc.json` or the front matter's `plan:` block.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { idPatternProblem } from '../../src/read/read-config.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** The plan read from `markdown`, with `.planrc.json` beside it when `rc` is given. */
async function read(markdown: string, rc?: unknown) {
  const dir = join(tmp.dir, `p${n++}`);
  mkdirSync(dir);
  if (rc !== undefined) writeFileSync(join(dir, '.planrc.json'), JSON.stringify(rc));
  writeFileSync(join(dir, 'plan.md'), markdown);
  return (await loadPlan(join(dir, 'plan.md'), false, false)).plan;
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

// No header word names a role: plan takes the first column of words for the title.
const areas = doc(
  '# Plan',
  '',
  '| Area | **Detail** | State |',
  '|---|---|---|',
  '| Billing | Fix the refunds page | ✅ Done |',
  '| Search | Index the archive | ⏳ Pending |',
);

describe('read.columns: the role of a column by its header text', () => {
  it('decides the title where the cells would have decided another column', async () => {
    expect((await read(areas)).tasks.map((t) => t.title)).toEqual(['Billing', 'Search']);
    const plan = await read(areas, { read: { columns: { ' detail ': 'title', AREA: 'ignore' } } });
    expect(plan.tasks.map((t) => [t.title, t.status])).toEqual([
      ['Fix the refunds page', 'done'],
      ['Index the archive', 'pending'],
    ]);
    // An ignored column is read as no role: its cells stay a field of the row.
    expect(plan.tasks[0]!.fields).toEqual({ Area: 'Billing' });
    expect(plan.tables[0]!.configured).toEqual([0, 1]);
  });

  it('overrules a header word: a column named like notes read as the owner', async () => {
    const md = doc('| # | Task | Notes |', '|---|---|---|', '| 1 | Paint | Ana |', '| 2 | Sand | Ben |');
    expect((await read(md)).tasks.map((t) => t.owner)).toEqual([null, null]);
    const plan = await read(md, { read: { columns: { notes: 'owner' } } });
    expect(plan.tasks.map((t) => [t.owner, t.notes])).toEqual([
      ['Ana', null],
      ['Ben', null],
    ]);
  });

  it('comes from the front matter too, which wins over .planrc.json header by header', async () => {
    const front = doc('---', 'plan:', '  read:', '    columns:', '      Detail: title', '---', areas);
    const plan = await read(front, { read: { columns: { Detail: 'notes', Area: 'ignore' } } });
    expect(plan.tasks.map((t) => [t.title, t.notes])).toEqual([
      ['Fix the refunds page', null],
      ['Index the archive', null],
    ]);
    expect(plan.read?.columns.detail).toEqual({ role: 'title', header: 'Detail', from: 'front matter' });
    expect(plan.read?.columns.area?.from).toBe('.planrc.json');
  });
});

describe('read.skip: a section that holds no tasks', () => {
  const md = doc(
    '# Plan',
    '',
    '## Work',
    '- [ ] Build the form',
    '',
    '## Impediments',
    '- [ ] Waiting on legal',
    '### Vendor',
    '| # | Task | Status |',
    '|---|---|---|',
    '| 1 | Get a quote | ⏳ |',
    '',
    '## Later',
    '- [ ] Ship it',
  );

  it('leaves out the section and the sections inside it, by heading text with or without its #s', async () => {
    expect((await read(md)).tasks.map((t) => t.title)).toEqual(['Build the form', 'Waiting on legal', 'Get a quote', 'Ship it']);
    for (const skip of [['## Impediments'], ['impediments'], ['**Impediments**']]) {
      const plan = await read(md, { read: { skip } });
      expect(plan.tasks.map((t) => t.title)).toEqual(['Build the form', 'Ship it']);
      expect(plan.tables[0]!.reason).toBe('skipped');
    }
  });

  it('matches a heading by its name too, without its decoration', async () => {
    const decorated = md.replace('## Impediments', '## 🚧 Impediments');
    expect((await read(decorated, { read: { skip: ['Impediments'] } })).tasks.map((t) => t.title)).toEqual(['Build the form', 'Ship it']);
  });
});

describe('read.ids: a pattern for the file ids', () => {
  const md = doc('| Task | Tracker | Status |', '|---|---|---|', '| Fix the refunds page | PAY-12 | ✅ |', '| Index the archive | SRCH-3 | ⏳ |');

  it('makes the column whose cells match it the id column', async () => {
    expect((await read(md)).tasks.map((t) => t.idFromFile)).toEqual([false, false]);
    const plan = await read(md, { read: { ids: '^[A-Z]+-\\d+$' } });
    expect(plan.tasks.map((t) => [t.id, t.title])).toEqual([
      ['PAY-12', 'Fix the refunds page'],
      ['SRCH-3', 'Index the archive'],
    ]);
    expect(plan.tables[0]!.idsByPattern).toBe(true);
  });

  it('is refused when invalid or at risk of super-linear backtracking', () => {
    expect(idPatternProblem('^[A-Z]+-\\d+$')).toBeNull();
    expect(idPatternProblem('^(?:[A-Z]{2,4})-\\d+(?:\\.\\d+)?$')).toBeNull();
    expect(idPatternProblem('^([A-Z')).toMatch(/^is not a valid regular expression/);
    expect(idPatternProblem('^(a+)+$')).toMatch(/^repeats a group/);
    expect(idPatternProblem('^(?:a|ab)*$')).toMatch(/^repeats a group/);
    expect(idPatternProblem('^((?:x\\d)+y)+$')).toMatch(/^repeats a group/);
    expect(idPatternProblem('^(a)\\1$')).toMatch(/back-reference/);
    expect(idPatternProblem('[(+)]+')).toBeNull();
    expect(idPatternProblem('x'.repeat(201))).toMatch(/longer than 200/);
  });
});

describe('bad read settings', () => {
  it('stop the read with a one-line usage error naming the file and the key', async () => {
    await expect(read(areas, { read: { columns: { Area: 'identifier' } } })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/\.planrc\.json: read\.columns\."Area": "identifier" is not a role; use one of id, title, .*; fix or remove it$/),
    });
    await expect(read(doc('---', 'plan:', '  read:', '    ids: "(a+)+"', '---', areas))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/plan\.md: front matter plan\.read\.ids "\(a\+\)\+" repeats a group/),
    });
    await expect(read(areas, { read: { skipped: [] } })).rejects.toMatchObject({ message: expect.stringContaining('read.skipped is not a setting') });
  });
});
