// Table headers in Korean, Japanese, Chinese, Vietnamese and Turkish name the task, its status, owner and priority as
// the English words do; a second id-named column of prose (`Issue` beside `#`) names each row.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { doc, planFiles } from '../helpers/read-plan.js';
import { runCli } from '../helpers/cli.js';

const { planFile, readTasks } = planFiles();

const rowsOf = async (...lines: string[]) => (await readTasks(doc('# Plan', '', ...lines))).map((t) => [t.line, t.id, t.title, t.status, t.owner, t.priority]);

describe('table headers in more languages', () => {
  it('reads a Korean table: task, status, owner and priority', async () => {
    expect(await rowsOf('| 번호 | 작업 | 상태 | 담당자 | 우선순위 |', '|---|---|---|---|---|', '| 1 | 로그 정리 | 완료 | 민수 | 높음 |')).toEqual([
      [5, '1', '로그 정리', 'done', '민수', '높음'],
    ]);
  });
  it('reads a Vietnamese table and a Turkish one', async () => {
    expect(await rowsOf('| # | Công việc | Trạng thái | Ưu tiên |', '|---|---|---|---|', '| 1 | Viết tài liệu | Done | Cao |')).toEqual([
      [5, '1', 'Viết tài liệu', 'done', null, 'Cao'],
    ]);
    expect(await rowsOf('| # | Görev | Durum | Öncelik |', '|---|---|---|---|', '| 1 | Testleri yaz | Done | Yüksek |')).toEqual([
      [5, '1', 'Testleri yaz', 'done', null, 'Yüksek'],
    ]);
  });
  it('reads a Vietnamese feature table (`Chức năng` the title, `Mô tả` its notes) and a Czech owner column (`Vlastník`)', async () => {
    expect(
      await rowsOf(
        '| STT | Chức năng | Mô tả | Trạng thái |',
        '|---|---|---|---|',
        '| 1 | Heading 1 | CHỮ IN HOA, đậm | Đã hoàn thành |',
        '| 2 | Page setup | Khổ A4 | Chưa bắt đầu |',
      ),
    ).toEqual([
      [5, '1', 'Heading 1', 'done', null, null],
      [6, '2', 'Page setup', 'pending', null, null],
    ]);
    expect(await rowsOf('| # | Úkol | Vlastník | Popis | Stav |', '|---|---|---|---|---|', '| S1 | Poslat žádost | Dan | do pátku | ⬜ |')).toEqual([
      [5, 'S1', 'Poslat žádost', 'pending', 'Dan', null],
    ]);
  });
  it('reads a head noun a participle qualifies, as Romance languages write it (`Responsable sugerido`)', async () => {
    expect(await rowsOf('| # | Tarea | Responsable sugerido | Estado |', '|---|---|---|---|', '| T-05 | Ajustar el modelo | Daniel | 📋 Por hacer |')).toEqual([
      [5, 'T-05', 'Ajustar el modelo', 'pending', 'Daniel', null],
    ]);
  });

  it('reads a Polish assignee column (`Przypisany`)', async () => {
    expect(await rowsOf('| ID | Tytuł Zadania | Status | Przypisany |', '|---|---|---|---|', '| I-1 | Edytować Readme | Done | maksym456 |')).toEqual([
      [5, 'I-1', 'Edytować Readme', 'done', 'maksym456', null],
    ]);
  });
  it('reads Vietnamese phase headings (`Giai đoạn 2: …`) as phases', async () => {
    const tasks = await readTasks(
      doc(
        '# Kế hoạch',
        '',
        '### Giai đoạn 1: Nền tảng (Đã hoàn thành)',
        '- [x] Tạo manifest',
        '',
        '### Giai đoạn 2: AI Agent (Đang thực hiện)',
        '- [ ] Cấu hình',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.status, t.phase])).toEqual([
      ['1', 'Nền tảng', 'done', '1'],
      [expect.stringMatching(/^@/), 'Tạo manifest', 'done', '1'],
      ['2', 'AI Agent', 'in-progress', '2'],
      [expect.stringMatching(/^@/), 'Cấu hình', 'pending', '2'],
    ]);
  });
  it('reads traditional Chinese headers', async () => {
    expect(await rowsOf('| # | 任務 | 狀態 | 負責人 |', '|---|---|---|---|', '| 1 | 整理文件 | Done | 小明 |')).toEqual([
      [5, '1', '整理文件', 'done', '小明', null],
    ]);
  });
  it('takes an issue column of prose beside the ids as the title, the column named for the work as its notes', async () => {
    const tasks = await readTasks(
      doc('# Plan', '', '| # | Issue | Task | Priority |', '|---|---|---|---|', '| #2 | **Define the API** | Review the schemas with the team | High |'),
    );
    expect(tasks.map((t) => [t.id, t.title, t.notes])).toEqual([['#2', 'Define the API', 'Review the schemas with the team']]);
  });
});

describe('a table under a heading that names its owner', () => {
  it('gives its rows that owner when it has no owner column of its own', async () => {
    const tasks = await readTasks(
      doc(
        '# Plan',
        '',
        '## Team',
        '',
        '| Name | Role |',
        '|---|---|',
        '| Ana | Backend |',
        '',
        '### Ana (Backend)',
        '',
        '| # | Task | Priority |',
        '|---|---|---|',
        '| T1 | Write the migrations | High |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.owner])).toEqual([['T1', 'Ana']]);
  });
});

describe('a table whose task column holds ids', () => {
  it('takes the column of phrases as the title, not a column of sizes before it', async () => {
    const tasks = await readTasks(
      doc(
        '# Plan',
        '',
        '| Task | Owner | Size | Description | Status |',
        '|---|---|---|---|---|',
        '| AB-01 | Ana | M | Rewrite the parser | Done |',
        '| AB-02 | Bo | S | Cache the index | Todo |',
        '| AB-03 | Ana | XS | Trim the logs | Todo |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['AB-01', 'Rewrite the parser'],
      ['AB-02', 'Cache the index'],
      ['AB-03', 'Trim the logs'],
    ]);
  });
});

describe('a Toegewezen aan column (Dutch: assigned to)', () => {
  it('names the owner', async () => {
    const tasks = await readTasks(doc('| ID | Taak | Toegewezen aan | Status |', '|---|---|---|---|', '| SB1 | Database opzetten | Manesh | To Do |'));
    expect(tasks.map((t) => [t.id, t.owner])).toEqual([['SB1', 'Manesh']]);
  });
});

describe('a PIC column (the person in charge)', () => {
  it('names the owner; `Menunggu` (Indonesian: waiting) reads as waiting does, blocked', async () => {
    const tasks = await readTasks(
      doc('# Rencana', '', '| Fase | PIC | Status |', '|---|---|---|', '| O - Obtain | Nicholas | SELESAI |', '| N - iNterpret | Aziz + Adam | MENUNGGU |'),
    );
    expect(tasks.map((t) => [t.title, t.owner, t.status])).toEqual([
      ['O - Obtain', 'Nicholas', 'done'],
      ['N - iNterpret', 'Aziz + Adam', 'blocked'],
    ]);
  });
});

describe('a column of pictures named Pic', () => {
  it('a badge before names is no picture column: the names own the work', async () => {
    const tasks = await readTasks(
      doc('| Task | Owner(s) or team(s) | Notes |', '|---|---|---|', '| Author RFC | @ana | |', '| RFC decision | ![Team][] [lang], [types] | |'),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Author RFC', 'RFC decision']);
  });

  it('names no owner: a picture is no person in charge', async () => {
    const tasks = await readTasks(
      doc(
        '# Backlog',
        '',
        '| ID | Task | Pic | Status |',
        '|---|---|---|---|',
        '| T-1 | Login page | ![login](img/login.png) | Done |',
        '| T-2 | Signup page | ![signup](img/signup.png) | Todo |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.owner])).toEqual([
      ['T-1', 'Login page', null],
      ['T-2', 'Signup page', null],
    ]);
  });
});

describe('Italian status words in a status column', () => {
  it('reads `MANCANTE` (missing, not there yet) as pending beside `FATTO` and `PARZIALE`', async () => {
    const tasks = await readTasks(
      doc('| Blocco | Stato | Note |', '|---|---|---|', '| Traffico | FATTO | ok |', '| Rampe | PARZIALE | metà |', '| Interni | MANCANTE | nessuno |'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Traffico', 'done'],
      ['Rampe', 'in-progress'],
      ['Interni', 'pending'],
    ]);
  });
});

describe('a cross under a header naming the finished state', () => {
  const TEXT = doc(
    '## Sprint Backlog',
    'Issues | Pontuação | Concluído',
    '--- | --- | :---:',
    '[Ver detalhes](https://x/53) | 8 | :x:',
    'Atualizar o analytics | 0 | ❌',
    '[[hotfix] Sigla da caixa](https://x/145) | 0 | :white_check_mark:',
    '',
    '| Task | Status |',
    '|---|---|',
    '| Renew the certificate | ❌ |',
  );

  it('answers no (not done yet: pending), where a cross under Status says blocked; a link’s text in brackets is read', async () => {
    expect((await readTasks(TEXT)).map((t) => [t.title, t.status])).toEqual([
      ['Ver detalhes', 'pending'],
      ['Atualizar o analytics', 'pending'],
      ['Sigla da caixa', 'done'],
      ['Renew the certificate', 'blocked'],
    ]);
  });

  it('is what plan writes back for pending there', async () => {
    const text = TEXT.replace('| 0 | ❌', '| 0 | :x:');
    const path = planFile(text);
    for (const to of ['done', 'pending']) {
      const r = await runCli(['-f', path, 'set', 'Atualizar o analytics', to]);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('a Slug column of a claim board', () => {
  it('names each row (its id), and `unclaimed` work is still to do', async () => {
    expect(
      await rowsOf(
        '| Slug | Feature | Owner | Status |',
        '|---|---|---|---|',
        '| `web-skeleton` | Next.js app | Jeremy | done |',
        '| `web-split` | Split the page | | unclaimed |',
      ),
    ).toEqual([
      [5, 'web-skeleton', 'Next.js app', 'done', 'Jeremy', null],
      [6, 'web-split', 'Split the page', 'pending', null, null],
    ]);
  });
});
