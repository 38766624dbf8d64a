// A heading task that writes no status of its own, over a checklist, has the status the boxes add up to
// (read/passes/checklist-status.ts): a person reads `### JOB-2: Fit the kitchen` over two ticked boxes of
// three as in progress. A heading that says its status, or holds work other than boxes, keeps what it says.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

const heads = async (markdown: string) =>
  (await readTasks(markdown)).filter((t) => t.source.type === 'heading').map((t) => [t.id, t.status, t.statusFrom ?? null]);

describe('a heading task over a checklist', () => {
  it('is done when every box is ticked, in progress when some are, pending when none is', async () => {
    const md = doc(
      '# Renovation',
      '',
      '### JOB-1: Strip the wallpaper',
      '- [x] Hall',
      '- [x] Stairs',
      '',
      '### JOB-2: Fit the kitchen',
      '- [x] Order the units',
      '- [x] Move the sink',
      '- [ ] Tile the splashback',
      '',
      '### JOB-3: Paint the porch',
      '- [ ] Sand the rail',
      '- [ ] Prime',
    );
    expect(await heads(md)).toEqual([
      ['JOB-1', 'done', 'checklist'],
      ['JOB-2', 'in-progress', 'checklist'],
      ['JOB-3', 'pending', 'checklist'],
    ]);
  });

  it('counts the boxes under a field lead-in below the heading', async () => {
    const md = doc('## Stage 1', '', '### Step 4: Wire the garage', '- **Ref**: W-4', '- **Checks**:', '  - [x] Cable run', '  - [ ] Sockets fitted');
    const tasks = await readTasks(md);
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Wire the garage', 'in-progress'],
      ['Cable run', 'done'],
      ['Sockets fitted', 'pending'],
    ]);
  });

  it('leaves a struck-out box out of the count, and derives nothing from boxes all struck out', async () => {
    const md = doc('### JOB-5: Clear the loft', '- [x] Boxes', '- [-] Old rug (dropped)', '', '### JOB-6: Build a shed', '- [-] Base', '- [-] Frame');
    const statuses = await heads(md);
    expect(statuses[0]).toEqual(['JOB-5', 'done', 'checklist']);
    expect(statuses[1]![2]).toBeNull();
  });

  it('keeps the status a heading writes itself, in its text, a field or the lane it stands in', async () => {
    const md = doc(
      '## Doing',
      '',
      '### JOB-7: Lay the patio',
      '- [ ] Level the ground',
      '',
      '## Later',
      '',
      '### JOB-8: Fix the gutter ✅',
      '- [ ] Clear the downpipe',
      '',
      '### JOB-9: Replace the boiler',
      '**Status:** Blocked',
      '',
      '- [x] Get quotes',
    );
    expect(await heads(md)).toEqual([
      ['JOB-7', 'in-progress', null],
      ['JOB-8', 'done', null],
      ['JOB-9', 'blocked', null],
    ]);
  });

  it('derives nothing for a heading that holds work other than boxes', async () => {
    const md = doc(
      '### JOB-10: Garden',
      '- [x] Mow',
      '- ✅ Weed the beds',
      '',
      '### JOB-11: Roof',
      '- [x] Survey',
      '',
      '| ID | Task | Status |',
      '| --- | --- | --- |',
      '| R-1 | Replace tiles | todo |',
    );
    expect((await heads(md)).map((h) => h.slice(1))).toEqual([
      ['none', null],
      ['none', null],
    ]);
  });
});
