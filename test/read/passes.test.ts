// The builder's passes after reading (src/read/passes/), one at a time, on small
// plans: each case is what its pass decides, read through the whole builder.
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../../src/load/load.js';

async function read(markdown: string) {
  return buildFromText('plan.md', markdown, false);
}
const brief = (p: Awaited<ReturnType<typeof read>>) => p.tasks.map((t) => `${t.idFromFile ? t.id : ''}|${t.title}|${t.status}`);

describe('the passes after reading', () => {
  it('fielded-headings: headings that each state a status field are a backlog when there are several', async () => {
    const two = await read('# Backlog\n\n### iCal export\n\n**Status:** Done\n\n### Dark mode\n\n**Status:** Pending\n');
    expect(brief(two)).toEqual(['|iCal export|done', '|Dark mode|pending']);
    const one = await read('# Design\n\n### Overview\n\n**Status:** Done\n\nSome text.\n');
    expect(brief(one)).toEqual([]);
  });

  it('sibling-headings: a heading numbered like its sibling heading tasks is one too', async () => {
    const p = await read('# Plan\n\n## 1. Site survey ✅\n\nDone last week.\n\n## 2. Foundations\n\nNext.\n');
    expect(brief(p)).toEqual(['1|Site survey|done', '2|Foundations|none']);
  });

  it('ledgers: a ledger row gives a heading task with no status its status, and is no task itself', async () => {
    const p = await read('# Plan\n\n| ID | Status |\n|----|--------|\n| BUG-001 | ✅ Done |\n\n## BUG-001 Fix login\n\nThe form.\n');
    expect(brief(p)).toEqual(['BUG-001|Fix login|done']);
  });

  it('ledgers: a ledger row’s status wins over the lane a heading task stands in (a stale `Bugs to fix`)', async () => {
    const p = await read('# Bugs\n\n## To do\n\n| ID | Status |\n|----|--------|\n| BUG-039 | ✅ Fixed |\n\n### BUG-039: Stop resets the UI\n\nThe form.\n');
    expect(brief(p)).toEqual(['BUG-039|Stop resets the UI|done']);
  });

  it('section-summaries: a table with a row per section is a summary, not tasks', async () => {
    const p = await read(
      '# Plan\n\n| Id | Name | Status |\n|----|------|--------|\n| S0 | Foundation | ✅ Done |\n| S1 | Build | 🔄 In progress |\n\n' +
        '## S0 — Foundation\n\n- [x] Pour the slab\n\n## S1 — Build\n\n- [ ] Raise the walls\n',
    );
    expect(brief(p)).toEqual(['|Pour the slab|done', '|Raise the walls|pending']);
    expect(p.tables[0]!.reason).toBe('summary');
  });

  it('ordinals: numbers of ordered items are ids when they run on across the file', async () => {
    const on = await read('# Plan\n\n## A\n\n1. [x] One\n2. [ ] Two\n\n## B\n\n3. [ ] Three\n');
    expect(on.tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    const restart = await read('# Plan\n\n## A\n\n1. [x] One\n2. [ ] Two\n\n## B\n\n1. [ ] Three\n');
    expect(restart.tasks.map((t) => t.idFromFile)).toEqual([false, false, false]);
  });

  it("table-counts: each table knows where its tasks sit in the plan's list", async () => {
    const p = await read(
      '# Plan\n\n- [ ] Loose\n\n| ID | Task | Status |\n|----|------|--------|\n| 1 | A | Done |\n| 2 | B | Pending |\n\n| ID | Task | Status |\n|----|------|--------|\n| 3 | C | Done |\n',
    );
    expect(p.tables.map((t) => [t.firstTask, t.taskCount])).toEqual([
      [1, 2],
      [3, 1],
    ]);
  });
});
