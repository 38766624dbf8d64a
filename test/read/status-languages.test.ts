// Status words of languages beyond the first few (issue 20): a plan written in Polish, Swedish, Turkish… has its
// statuses read from the words its writers use, in a status column, and not from the same words starting a title.
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/model/status.js';
import { planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

/** One table per language: its header for the status column, and a cell per status (done, in progress, to do, blocked, cancelled). */
const LANGUAGES: [string, string, string[]][] = [
  ['Polish', 'Status', ['GOTOWE', 'W TRAKCIE', 'DO ZROBIENIA', 'Zablokowane', 'Anulowane']],
  ['Czech', 'Stav', ['Hotovo', 'V řešení', 'Nezahájeno', 'Zablokováno', 'Zrušeno']],
  ['Swedish', 'Status', ['Klar', 'Pågår', 'Att göra', 'Blockerad', 'Avbruten']],
  ['Danish', 'Status', ['Færdig', 'I gang', 'Ikke startet', 'Blokeret', 'Annulleret']],
  ['Norwegian', 'Status', ['Ferdig', 'Under arbeid', 'Planlagt', 'Blokkert', 'Kansellert']],
  ['Finnish', 'Tila', ['Valmis', 'Kesken', 'Tekemättä', 'Estetty', 'Peruttu']],
  ['Dutch', 'Status', ['Afgerond', 'Bezig', 'Te doen', 'Geblokkeerd', 'Geannuleerd']],
  ['Italian', 'Stato', ['Fatto', 'In lavorazione', 'Da fare', 'Bloccato', 'Annullato']],
  ['Turkish', 'Durum', ['TAMAMLANDI', 'Devam ediyor', 'Yapılacak', 'Engellendi', 'İptal edildi']],
  ['Indonesian', 'Status', ['Selesai', 'Sedang dikerjakan', 'Belum dimulai', 'Diblokir', 'Dibatalkan']],
  ['Vietnamese', 'Trạng thái', ['Hoàn thành', 'Đang thực hiện', 'Chưa bắt đầu', 'Bị chặn', 'Đã hủy']],
  ['Ukrainian', 'Статус', ['Зроблено', 'В процесі', 'Заплановано', 'Заблоковано', 'Скасовано']],
  ['Russian', 'Состояние', ['Сделано', 'Выполняется', 'Не начато', 'Отложено', 'Отменено']],
  ['Korean', '상태', ['완료', '진행 중', '예정', '보류', '취소']],
  ['Hindi', 'स्थिति', ['पूर्ण', 'प्रगति में', 'लंबित', 'अवरुद्ध', 'रद्द']],
  ['Hindi romanised', 'Status', ['Ho gaya', 'Chal raha hai', 'Karna hai', 'Blocked', 'Cancelled']],
];

describe('status words of more languages', () => {
  it.each(LANGUAGES)('reads %s status cells', async (_language, header, cells) => {
    const rows = cells.map((cell, i) => `| T-${i + 1} | Step ${i + 1} | ${cell} |`);
    const tasks = await readTasks(['# Plan', '', `| ID | Task | ${header} |`, '|---|---|---|', ...rows, ''].join('\n'));
    expect(tasks.map((t) => t.status)).toEqual(['done', 'in-progress', 'pending', 'blocked', 'cancelled']);
  });

  it('reads them in list items only where a status goes, not as the first word of a title', async () => {
    const tasks = await readTasks(
      ['# Plan', '', '## Etap 1', '', '- Klar plan för taket — klar', '- Gotowe formularze (w trakcie)', '- Valmis: ovet', ''].join('\n'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Klar plan för taket', 'done'],
      ['Gotowe formularze', 'in-progress'],
    ]);
  });

  it('reads each of those words alone', () => {
    const v = Vocabulary.of();
    for (const [, , cells] of LANGUAGES) for (const cell of cells) expect(v.read(cell).status).not.toBe('none');
  });
});

describe('Chinese `待` and a verb (`待修复`, `待开始`): waiting to be fixed, to be begun', () => {
  it('is still to do, and its words win over a colour beside them (`🟡 待修复`)', async () => {
    const rows = ['🟡 待修复', '待开始', '待处理', '待开发', '未実装'].map((cell, i) => `| B-${i + 1} | Step ${i + 1} | ${cell} |`);
    const tasks = await readTasks(['# Bugs', '', '| ID | Task | 状态 |', '|---|---|---|', ...rows, ''].join('\n'));
    expect(tasks.map((t) => t.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
  });
});

describe('French `à` and a verb in the infinitive', () => {
  it('says the work is still to be done, whichever the verb', async () => {
    const rows = ['| Peindre la porte | À confirmer |', '| Monter la clôture | À prendre |', '| Publier le site | À déployer |', '| Ranger | À propos |'];
    const tasks = await readTasks(['# Points', '', '| Point | Statut |', '|---|---|', ...rows, ''].join('\n'));
    expect(tasks.map((t) => t.status)).toEqual(['pending', 'pending', 'pending', 'none']);
  });
});

describe('Chinese words for planned work', () => {
  it('reads 已规划, 规划中 and 尚未开始 as to do, in a cell and as a legend entry’s meaning', async () => {
    const rows = ['已规划', '规划中', '尚未开始'].map((cell, i) => `| T-${i + 1} | 第 ${i + 1} 步 | ${cell} |`);
    const tasks = await readTasks(['# 计划', '', '| ID | 任务 | 状态 |', '|---|---|---|', ...rows, ''].join('\n'));
    expect(tasks.map((t) => t.status)).toEqual(['pending', 'pending', 'pending']);
    const legend = await readTasks(['# 路线图', '', '## 图例', '', '- `□` 已规划，尚未开始', '', '## 工作', '', '- **A.1** `□` 写文档', ''].join('\n'));
    expect(legend.map((t) => [t.id, t.status, t.title])).toEqual([['A.1', 'pending', '写文档']]);
  });
});

describe('on hold and partly done, in more languages', () => {
  const ON_HOLD = ['Angehalten', 'Zurückgestellt', 'En espera', 'Em espera', 'Suspendido', 'In sospeso', 'En pause', 'Suspendu'];
  const MORE_ON_HOLD = ['Приостановлено', 'На паузе', '一時停止', '暂停', '搁置', 'Askıda', 'Ditunda'];
  const PARTLY = ['Teilweise', 'Parcial', 'Parcialmente', 'Parziale', 'Partiel', 'Częściowo', 'Částečně'];
  const MORE_PARTLY = ['Gedeeltelijk', 'Kısmen', '部分完成', '一部完了', '一部', '부분 완료', '일부 완료'];

  it('reads them in a status column', async () => {
    const cells = [...ON_HOLD, ...MORE_ON_HOLD, ...PARTLY, ...MORE_PARTLY];
    const rows = cells.map((cell, i) => `| T-${i + 1} | Step ${i + 1} | ${cell} |`);
    const tasks = await readTasks(['# Plan', '', '| ID | Task | Status |', '|---|---|---|', ...rows, ''].join('\n'));
    const blocked = ON_HOLD.length + MORE_ON_HOLD.length;
    expect(tasks.map((t) => t.status)).toEqual(cells.map((_, i) => (i < blocked ? 'blocked' : 'in-progress')));
  });

  it('reads `一部` (partly) alone, not as the start of a longer Japanese word', () => {
    const v = Vocabulary.of();
    expect(v.read('一部').status).toBe('in-progress');
    expect(v.read('一部完了').status).toBe('in-progress');
    expect(v.read('一部の画面を直す').status).toBe('none');
  });
});

describe('words for implemented, resolved and fixed', () => {
  it('say done in a status column, in the languages that write them', async () => {
    const words = [
      'Implementada',
      'Implementado',
      'Implementato',
      'Implémenté',
      'Umgesetzt',
      'Реализовано',
      '已实现',
      '実装済み',
      'Resuelto',
      'Corrigido',
      'Behoben',
    ];
    const rows = words.map((cell, i) => `| T-${i + 1} | Step ${i + 1} | ${cell} |`);
    const tasks = await readTasks(['# Plan', '', '| ID | Historia de usuario | Resultado |', '|---|---|---|', ...rows, ''].join('\n'));
    expect(tasks.map((t) => t.status)).toEqual(words.map(() => 'done'));
  });
});
