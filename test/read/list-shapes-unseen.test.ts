// List items, headings and owners of plans never seen (issue 20, lists and headings): each rule states
// something true of planning files in general, in made-up plans of several languages; each failed before
// the reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, notes: t.notes, owner: t.owner }));
}

describe('a hyphen before a status or a priority', () => {
  it('stamps the item: the words before it are the title, the stamp goes to the notes', async () => {
    const tasks = await tasksOf(
      doc(
        '# Backlog',
        '',
        '## Done',
        '',
        '- [PAY-1] Accept card payments - Completed on 2025-04-02 (gateway, refunds, tests)',
        '- [PAY-2] Receipts by mail - DONE (2025-04-03) - URGENT, needs PAY-1',
        '',
        '## Next',
        '',
        '- [OPS-1] Nightly backups - LOW, ops module',
        '- [OPS-2] Сжатие журналов - Medium priority, общий модуль',
        '- [OPS-3] Rotate keys - URGENT',
        '- [OPS-4] Login - fix the redirect after sign-in',
        '- [OPS-5] Low - level audio mixer - High',
        '- [OPS-6] Parser - low-level rewrite',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['PAY-1', 'Accept card payments'],
      ['PAY-2', 'Receipts by mail'],
      ['OPS-1', 'Nightly backups'],
      ['OPS-2', 'Сжатие журналов'],
      ['OPS-3', 'Rotate keys'],
      ['OPS-4', 'Login - fix the redirect after sign-in'],
      ['OPS-5', 'Low - level audio mixer'],
      ['OPS-6', 'Parser - low-level rewrite'],
    ]);
    expect(tasks[0]!.notes).toContain('Completed on 2025-04-02');
    expect(tasks[2]!.notes).toBe('LOW, ops module');
  });

  it('leaves the title whole when other words follow the status: they are the title’s second half', async () => {
    const titles = ['Fix X - Done right', 'Auth - pending review flow', 'Search - In progress bar redesign', 'Export - Blocked users list'];
    const tasks = await tasksOf(doc('# Backlog', '', ...titles.map((t, i) => `- [ ] T-${i + 1} ${t}`), '- [ ] T-9 Cut the logs - Done 3/4'));
    expect(tasks.map((t) => t.title)).toEqual([...titles, 'Cut the logs']);
    expect(tasks.map((t) => t.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
  });
});

describe('a `Team:` line that names the people', () => {
  it('owns the work up to the end of its sentence, and a part heading naming one of them is that person’s', async () => {
    const tasks = await tasksOf(
      doc(
        '# Garden plan',
        '',
        'Team: **Mara** and **Tomek**. The split below follows last year’s',
        'shape; swap freely.',
        '',
        '## Shared groundwork',
        '',
        '- [ ] Measure the beds',
        '',
        '## Track A — Planting (Mara)',
        '',
        '- [ ] Order the seeds',
        '',
        '## Track B — Watering (Tomek)',
        '',
        '- [ ] Lay the drip line',
      ),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Measure the beds', 'Mara and Tomek'],
      ['Order the seeds', 'Mara'],
      ['Lay the drip line', 'Tomek'],
    ]);
  });
});
