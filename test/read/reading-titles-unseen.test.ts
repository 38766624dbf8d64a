// Titles and ids of plans the reader was not tuned on (issue 20, items 1 and 4): each rule here
// states something true of planning files in general, found where files of different
// repositories wrote their tasks the same way; each failed before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planOf } from '../helpers/inproc.js';
import { doc, planFiles } from '../helpers/read-plan.js';
import { runCli } from '../helpers/cli.js';

const { planFile } = planFiles();

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, notes: t.notes }));
}

describe('a later line of an item that opens with an arrow', () => {
  it('says what the work leads to: notes, not the title (unless the first line chains steps with arrows)', async () => {
    const tasks = await tasksOf(
      doc(
        '# Plan',
        '',
        '- [x] **T1.1** Create the project: bundle name, SDK version',
        '      → builds and installs on the emulator',
        '- [ ] **T1.2** Parse the upload → draft records',
        '      -> each draft points back to its source',
        '- [ ] **T1.3** Routing service',
        '- [ ] Trace a series: card → panel → season → episode',
        '  → next episode',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.status, t.notes])).toEqual([
      ['T1.1', 'Create the project: bundle name, SDK version', 'done', '→ builds and installs on the emulator'],
      ['T1.2', 'Parse the upload → draft records', 'pending', '-> each draft points back to its source'],
      ['T1.3', 'Routing service', 'pending', null],
      [expect.any(String), 'Trace a series: card → panel → season → episode → next episode', 'pending', null],
    ]);
  });
});

describe('a bold lead closed by a full stop, then sentences', () => {
  it('is titled without the stop, in Western and East Asian script alike', async () => {
    const tasks = await tasksOf(
      doc(
        '# P2',
        '',
        '- [ ] **P2-01 — プロジェクトの完全な往復保存。** 斜面設定をすべて保存・復元する。',
        '- [ ] **P2-02 — 未保存作業の保護．** 終了の前に表示する。',
        '- [ ] **P2-03 — Undo and redo.** Every edit can be taken back.',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['P2-01', 'プロジェクトの完全な往復保存'],
      ['P2-02', '未保存作業の保護'],
      ['P2-03', 'Undo and redo'],
    ]);
  });
});

describe('an item whose parts are set apart by middle dots', () => {
  it('is a record: the first part with words is the title, the parts after it its notes', async () => {
    const tasks = await tasksOf(
      doc(
        '# Milestone 0',
        '',
        '- [x] T-01 🔓 · Create the shared repository · Ana · depends on: —',
        '- [ ] T-02 · Set up the backend · Bo · depends on: T-01',
        '- [ ] Tidy the docs · once the API settles',
      ),
    );
    expect(tasks.map((t) => [t.id.startsWith('@') ? null : t.id, t.title, t.notes])).toEqual([
      ['T-01', 'Create the shared repository', 'Ana · depends on: —'],
      ['T-02', 'Set up the backend', 'Bo · depends on: T-01'],
      [null, 'Tidy the docs · once the API settles', null],
    ]);
  });
});

describe('tags in brackets before the words of a title', () => {
  it('file the task (area, priority), however many there are: the title is the words after them', async () => {
    const tasks = await tasksOf(
      doc(
        '# Kanban',
        '',
        '## Done',
        '',
        '### [Infra] [Essential] Repository layout',
        '- Branch: `chore/layout`, merged',
        '',
        '### [Docs] [Essential] Data contract',
        '- File: `docs/contract.md`',
        '',
        '## To do',
        '',
        '- [ ] [API] [Advanced] Report endpoint',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Repository layout', 'Data contract', 'Report endpoint']);
  });
});

describe('a heading that opens with a short code closed by a colon', () => {
  it('is a task with that id, as `### BUG-12:` is; a code before a dash numbers a section', async () => {
    const tasks = await tasksOf(
      doc(
        '# Progress',
        '',
        '### T1: Set up the backend',
        '- **Status:** ✅ Completed',
        '',
        '### T2: Set up the mobile app',
        '- **Status:** 🔄 In progress',
        '',
        '## S1 — Foundation',
        '',
        '- [ ] Pour the slab',
      ),
    );
    expect(tasks.map((t) => [t.id.startsWith('@') ? null : t.id, t.title, t.status])).toEqual([
      ['T1', 'Set up the backend', 'done'],
      ['T2', 'Set up the mobile app', 'in-progress'],
      [null, 'Pour the slab', 'pending'],
    ]);
  });

  it('keeps a dot that opens the title’s first word (`.gitignore`): it is a name, not a separator after the id', async () => {
    const tasks = await tasksOf(
      doc(
        '# Tasks',
        '',
        '- [x] TASK-16 — .gitignore + cleanup',
        '- [ ] T2. Set up CI',
        '- [ ] T3: .env template',
        '- [ ] T4.Add login',
        '- [ ] T5 ...and more',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['TASK-16', '.gitignore + cleanup'],
      ['T2', 'Set up CI'],
      ['T3', '.env template'],
      ['T4', 'Add login'],
      ['T5', 'and more'],
    ]);
  });
});

describe('an issue or pull-request reference closing a title', () => {
  it('points at where the work is filed, and is not its name; a reference inside the words stays', async () => {
    const tasks = await tasksOf(
      doc(
        '# Roadmap',
        '',
        '## Next',
        '',
        '- [ ] Haystack integration (#349)',
        '- [x] Two fixes (#1, #2)',
        '- [ ] Port (#12) to the new API',
        '',
        '| ID | Item | Status |',
        '|---|---|---|',
        '| R-1 | Polars support (#429) | ⏳ Todo |',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Haystack integration', 'Two fixes', 'Port (#12) to the new API', 'Polars support']);
  });
});

describe('an HTML comment in a task’s words (`Remove tub <!-- quick -->`)', () => {
  const PLAN = doc('# Bath', '', '## Demo', '', '- ✅ Remove tub <!-- quick -->', '- ⏳ Install <!-- size: S --> blinds');

  it('is no part of the title: a reader of the page never sees it', async () => {
    expect((await tasksOf(PLAN)).map((t) => t.title)).toEqual(['Remove tub', 'Install blinds']);
  });

  it('stays in the file when the title is edited or the status set', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'edit', 'Remove tub', '--title', 'Remove the tub'])).code).toBe(0);
    expect((await runCli(['-f', path, 'set', 'Install blinds', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('Remove tub', 'Remove the tub').replace('- ⏳ Install', '- ✅ Install'));
  });
});

describe('a comment closing a title, with `<!--` in its own text', () => {
  it('is found from its start, as the reader finds it, and kept whole by edit --title; a title holding a comment is refused', async () => {
    const plan = doc('- [ ] Fix the parser <!-- handles "<!--" in input -->', '- [ ] Build it <!-- c -->');
    const path = planFile(plan);
    expect((await runCli(['-f', path, 'edit', 'Fix the parser', '--title', 'New words'])).code).toBe(0);
    const refused = await runCli(['-f', path, 'edit', 'Build it', '--title', 'Fix <!-- x']);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/a title cannot hold an HTML comment.*nothing was written\n$/)]);
    expect(readFileSync(path, 'utf8')).toBe(plan.replace('Fix the parser', 'New words'));
  });
});

describe('a bold label and a full-width colon', () => {
  it('keeps the colon as written when the label and its words make the title (`**数据共享**：通过…`)', async () => {
    const tasks = await tasksOf(
      doc('# 开发计划', '', '- [x] **数据共享**：通过现有API获取数据', '- [ ] **Search speed**: under 2 s', '- [ ] **検索**: 2 秒以内'),
    );
    expect(tasks.map((t) => t.title)).toEqual(['数据共享：通过现有API获取数据', 'Search speed: under 2 s', '検索: 2 秒以内']);
  });
});

describe('an item that ends by citing its issue', () => {
  it('is called by the issue when it has no id of its own, and the release it shipped in with it is not its name', async () => {
    const tasks = await tasksOf(
      doc(
        '# Roadmap',
        '',
        '- [x] Cloudflare DNS provider (#24)',
        '- [x] Bundled tool icon ([#6](https://example.com/issues/6), v0.2.1)',
        '- [ ] Bump esbuild (v0.8.0)',
        '- [ ] IP change detection (#43, #44)',
        '- [ ] T-9 Fix the parser (#50)',
        '- [ ] Migrate to the v2 API (v2)',
        '- [x] Chat sidebar (#28) ✅',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['#24', 'Cloudflare DNS provider'],
      ['#6', 'Bundled tool icon'],
      [expect.stringMatching(/^@/), 'Bump esbuild (v0.8.0)'],
      [expect.stringMatching(/^@/), 'IP change detection'],
      ['T-9', 'Fix the parser'],
      [expect.stringMatching(/^@/), 'Migrate to the v2 API (v2)'],
      ['#28', 'Chat sidebar'],
    ]);
  });

  it('is not called by an issue the file cites elsewhere too, or that is another task id written without its #', async () => {
    const tasks = await tasksOf(
      doc(
        '# Plan',
        '',
        '| # | Task | Status |',
        '|---|---|---|',
        '| 24 | DNS providers | Todo |',
        '| 25 | Webhooks (#31) | Todo |',
        '',
        '- [ ] Cloudflare DNS provider (#24)',
        '- [ ] Webhook retries (#31)',
      ),
    );
    expect(tasks.map((t) => t.id)).toEqual(['24', '25', expect.stringMatching(/^@/), expect.stringMatching(/^@/)]);
  });
});

describe('a number opening a bold lead', () => {
  it('numbers the item as `1. …` does: the id where the numbers never repeat, the title without it; set writes the box', async () => {
    const text = doc(
      '# Findings',
      '',
      '## Critical',
      '',
      '- [x] **1. Victory ends the fight**',
      '  Details.',
      '- [ ] **2. Dead character vanishes**',
      '',
      '## Minor',
      '',
      '- [ ] **3. No error boundary**',
    );
    expect((await tasksOf(text)).map((t) => [t.id, t.title])).toEqual([
      ['1', 'Victory ends the fight'],
      ['2', 'Dead character vanishes'],
      ['3', 'No error boundary'],
    ]);
    const again = await tasksOf(text.replace('**3. No error', '**1. No error'));
    expect(again.map((t) => t.id).every((id) => id.startsWith('@'))).toBe(true);
    const path = planFile(text);
    const r = await runCli(['-f', path, 'set', '2', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('- [ ] **2.', '- [x] **2.'));
  });
});

describe('a bold lead after an id, and one closed by a full stop', () => {
  it('names the task whole (a dash inside it stays), and words after a stop that closes it are notes', async () => {
    const tasks = await tasksOf(
      doc(
        '# Work tree',
        '',
        '- [x] P1.1 **Item 4 (highest priority) — changed-line legibility.** `App.css`: bg raised',
        '- [x] **Les deux boutons ne font rien.** sauverPeriode appelait du code disparu',
        '- [ ] **Call the venue** about the dates',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.notes])).toEqual([
      ['P1.1', 'Item 4 (highest priority) — changed-line legibility', 'App.css: bg raised'],
      [expect.stringMatching(/^@/), 'Les deux boutons ne font rien', 'sauverPeriode appelait du code disparu'],
      [expect.stringMatching(/^@/), 'Call the venue about the dates', null],
    ]);
  });
});

describe('quotes around a whole title', () => {
  it('set the name apart and are no part of it; quotations inside a title stay, and an edit keeps the quotes', async () => {
    const text = doc(
      '# Roadmap',
      '',
      '## Milestone 1 — “Connect & test” ✅',
      '',
      '## Milestone 2 — «Project config»',
      '',
      '- [ ] "Save" and "Save as" buttons',
      '- [ ] 「設定画面」',
      '- [x] "Export"',
    );
    const tasks = await tasksOf(text);
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['1', 'Connect & test'],
      [expect.stringMatching(/^@/), '"Save" and "Save as" buttons'],
      [expect.stringMatching(/^@/), '設定画面'],
      [expect.stringMatching(/^@/), 'Export'],
    ]);
    const path = planFile(text);
    const r = await runCli(['-f', path, 'edit', tasks[3]!.id, '--title', 'Export all']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('"Export"', '"Export all"'));
  });

  it('in a table’s title cell are kept by an edit too', async () => {
    const text = doc('| ID | Title | Status |', '|---|---|---|', '| A-1 | «Quoted row» | todo |');
    expect((await tasksOf(text)).map((t) => t.title)).toEqual(['Quoted row']);
    const path = planFile(text);
    const r = await runCli(['-f', path, 'edit', 'A-1', '--title', 'New row']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('«Quoted row»', '«New row»'));
    // New words with quotes of their own are written as given.
    const again = await runCli(['-f', path, 'edit', 'A-1', '--title', 'Say «hi» now']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('«Quoted row»', 'Say «hi» now'));
  });
});

describe('a Name column whose few names repeat, beside a column describing each task', () => {
  it('names who does the work; the description names the work (names that differ row by row stay titles)', async () => {
    const tasks = await planOf(
      doc(
        '# Allocation',
        '',
        '| Name | Task ID | Task Description |',
        '|:--:|:--:|:--:|',
        '| All | 111 | Team formation |',
        '| All | 112 | Task allocation |',
        '| Casper | 113 | Repo setup on GitHub |',
        '| Ana | 121 | Class diagram |',
        '| Casper | 122 | Use case diagram |',
        '| All | 123 | Demo |',
        '',
        '## Features',
        '',
        '| Name | Description | Status |',
        '|---|---|---|',
        '| Login | Sign in with a link | done |',
        '| Export | CSV of the month | todo |',
        '| Search | Full text | todo |',
        '| Sync | Two devices | todo |',
        '',
        '## Areas',
        '',
        '| Name | Description | Status |',
        '|---|---|---|',
        '| Auth | Login form | done |',
        '| Auth | Password reset | todo |',
        '| API | Rate limiting | todo |',
        '| API | Pagination | todo |',
        '| Auth | Two-factor login | todo |',
      ),
    );
    expect(tasks.tasks.map((t) => [t.id, t.title, t.owner])).toEqual([
      ['111', 'Team formation', 'All'],
      ['112', 'Task allocation', 'All'],
      ['113', 'Repo setup on GitHub', 'Casper'],
      ['121', 'Class diagram', 'Ana'],
      ['122', 'Use case diagram', 'Casper'],
      ['123', 'Demo', 'All'],
      [expect.stringMatching(/^@/), 'Login', null],
      [expect.stringMatching(/^@/), 'Export', null],
      [expect.stringMatching(/^@/), 'Search', null],
      [expect.stringMatching(/^@/), 'Sync', null],
      // `Description` describes any thing: the areas stay the titles, and name no one.
      ...['Auth', 'Auth', 'API', 'API', 'Auth'].map((name) => [expect.stringMatching(/^@/), name, null]),
    ]);
  });
});

describe('a bold lead that is the whole first line of an item', () => {
  it('names the item; the lines below describe it, whatever letter they start with; an edit of the title keeps them', async () => {
    const text = doc(
      '# Findings',
      '',
      '- [x] **Das Relay ist komplett offen**',
      '  `server.js` und der Worker haben keine Authentifizierung.',
      '- [ ] **Call the venue** about the dates',
    );
    const tasks = await tasksOf(text);
    expect(tasks.map((t) => [t.title, t.notes])).toEqual([
      ['Das Relay ist komplett offen', 'server.js und der Worker haben keine Authentifizierung.'],
      ['Call the venue about the dates', null],
    ]);
    const path = planFile(text);
    const r = await runCli(['-f', path, 'edit', tasks[0]!.id, '--title', 'Relay offen']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('**Das Relay ist komplett offen**', '**Relay offen**'));
  });
});

describe('an estimate in story points closing a title', () => {
  it('sizes the work and is no part of its name; an edit keeps it after the new words', async () => {
    const text = doc(
      '# Backlog',
      '',
      '- [x] As a user, I can log in. _(2 pts)_ - Completed: OAuth',
      '- [ ] Checkout [5 SP]',
      '- [ ] Reports (3 points)',
      '- [ ] Release 2 (v2)',
    );
    const tasks = await tasksOf(text);
    expect(tasks.map((t) => t.title)).toEqual(['As a user, I can log in.', 'Checkout', 'Reports', 'Release 2 (v2)']);
    const path = planFile(text);
    const r = await runCli(['-f', path, 'edit', tasks[1]!.id, '--title', 'Pay by card']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('Checkout [5 SP]', 'Pay by card [5 SP]'));
  });

  it('stays in a table’s title cell when the title is edited', async () => {
    const text = doc('| ID | Title | Status |', '|---|---|---|', '| A-1 | Search page (3 points) | Todo |');
    expect((await tasksOf(text)).map((t) => t.title)).toEqual(['Search page']);
    const path = planFile(text);
    const r = await runCli(['-f', path, 'edit', 'A-1', '--title', 'Search box']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('Search page (3 points)', 'Search box (3 points)'));
  });
});
