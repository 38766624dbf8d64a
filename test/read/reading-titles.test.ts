// Titles as people name their tasks (issue 20, item 1): rules found by reading the
// misreadings of the corpus and the hold-out set that recur across files of
// different repositories. Small plans written the way real files write them;
// each rule here failed before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ title: t.title, status: t.status, notes: t.notes }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('an item that names a thing in code, then a dash and what to do with it', () => {
  it('is titled by both: the code names the thing, the words say the work', async () => {
    const tasks = await tasksOf(
      doc(
        '# Mail',
        '',
        '- [x] `src/mail/client.ts` — retrying client',
        '- [x] `src/mail/token.ts` — HMAC token utility',
        '- [ ] Webhook endpoint: `POST /hooks/cal` — parse the booking, update the customer',
        '- [x] Fix `src/dispatch.ts` — pass the model, log the exit — DONE 2026-03-06',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['src/mail/client.ts — retrying client', 'done'],
      ['src/mail/token.ts — HMAC token utility', 'done'],
      ['Webhook endpoint: POST /hooks/cal — parse the booking, update the customer', 'pending'],
      ['Fix src/dispatch.ts — pass the model, log the exit', 'done'],
    ]);
  });

  it('while words before the dash are still the title and the rest its notes', async () => {
    const tasks = await tasksOf(
      doc('# Build', '', '- [ ] Rationalize build inputs — rebuild and scope inputs', '- [ ] `compute_digest` runs after expansion — reads the config'),
    );
    expect(tasks.map((t) => [t.title, t.notes])).toEqual([
      ['Rationalize build inputs', 'rebuild and scope inputs'],
      ['compute_digest runs after expansion', 'reads the config'],
    ]);
  });
});

describe('a title cell that opens with a name in bold, then a dash or a colon', () => {
  it('is titled by the bold name, the words after it are its notes (as in a list item)', async () => {
    const tasks = await tasksOf(
      doc(
        '# Sprint 22',
        '',
        '| ID | Item | Who | Status |',
        '|---|---|---|---|',
        '| S22-1 | **Trader NPC** — charming trader, last unlock, 5 quests | Engineer | ✅ Done |',
        '| S22-2 | **Bugfixes**: blinking frame, grid mismatch | Engineer | ✅ Done |',
        '| S22-3 | **CI/CD for ML** (train/test/deploy) | Engineer | ⏳ Todo |',
        '| S22-4 | **Chat sidebar** (#28) — a sidebar, not an overlay | Engineer | ⏳ Todo |',
      ),
    );
    expect(tasks.map((t) => [t.title, t.notes])).toEqual([
      ['Trader NPC', 'charming trader, last unlock, 5 quests'],
      ['Bugfixes', 'blinking frame, grid mismatch'],
      ['CI/CD for ML (train/test/deploy)', null],
      ['Chat sidebar', 'a sidebar, not an overlay'],
    ]);
  });
});

describe('an owner column named in Spanish, Portuguese or Italian', () => {
  it('gives the owner: `Agente`, `Asignado a`, `Encargado`, `Responsabile`', async () => {
    for (const head of ['Agente', 'Asignado a', 'Encargado', 'Responsabile', 'Atribuído a']) {
      const plan = await planOf(
        doc(
          '# Backend',
          '',
          `| Id | ${head} | Tarea | Estado |`,
          '|---|---|---|---|',
          '| B-01 | back-base | Proyecto base | ✅ |',
          '| B-02 | back-api | Endpoints REST | ⬜ |',
        ),
      );
      expect(
        plan.tasks.map((t) => [t.id, t.title, t.owner]),
        head,
      ).toEqual([
        ['B-01', 'Proyecto base', 'back-base'],
        ['B-02', 'Endpoints REST', 'back-api'],
      ]);
    }
  });
});

describe('scopes named in Slavic languages, Chinese and Japanese', () => {
  it('a heading `Фаза 1`, `Этап 2`, `Спринт 3` names a phase or a sprint, and groups the sections under it', async () => {
    const plan = await planOf(
      doc('# Дорожная карта', '', '## Фаза 1 — GUI', '', '### 1.1 Инфраструктура', '', '- [x] Каркас проекта', '', '## Спринт 3', '', '- [ ] Тесты'),
    );
    expect(plan.tasks.map((t) => [t.title, t.group, t.phase, t.sprint])).toEqual([
      ['Каркас проекта', 'Фаза 1 — GUI', '1', null],
      ['Тесты', 'Спринт 3', null, '3'],
    ]);
  });

  it('`第一阶段` and `阶段2` name phases, `第1-2周` weeks, `フェーズ3` a phase, with Chinese numerals read as numbers', async () => {
    const plan = await planOf(
      doc(
        '# 开发进度',
        '',
        '## 第一阶段：基础设施 (第1-2周)',
        '',
        '### 任务清单',
        '',
        '- [x] 创建项目仓库',
        '',
        '## 第十二阶段：发布',
        '',
        '- [ ] 正式发布',
        '',
        '## フェーズ3 リリース',
        '',
        '- [ ] 公開',
      ),
    );
    expect(plan.tasks.map((t) => [t.title, t.group, t.phase, t.week])).toEqual([
      ['创建项目仓库', '第一阶段：基础设施 (第1-2周)', '1', '1-2'],
      ['正式发布', '第十二阶段：发布', '12', null],
      ['公開', 'フェーズ3 リリース', '3', null],
    ]);
  });
});
