// Terminal views drawn at fixed widths (no colour): list, board, summary, fields.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFromText } from '../../src/load/load.js';
import { chalk } from '../../src/render/colour.js';
import { summarise } from '../../src/query/summary.js';
import { summaryView } from '../../src/render/summary.js';
import { boardColumns } from '../../src/query/board.js';
import { boardView } from '../../src/render/board.js';
import { listView } from '../../src/render/list.js';
import { fieldView, statusField } from '../../src/render/fields.js';
import { filterTasks } from '../../src/query/filter.js';
import { graphemes, textWidth } from '../../src/text/width.js';
import type { Plan } from '../../src/model/types.js';
import { FIXTURES, SEED } from '../helpers/run.js';

let plan: Plan;
let wide: Plan;
beforeAll(async () => {
  chalk.level = 0;
  plan = await buildFromText('/nonexistent/progress_planning.md', readFileSync(SEED, 'utf8'), false);
  wide = await buildFromText('/nonexistent/wide.md', readFileSync(join(FIXTURES, 'wide.md'), 'utf8'), false);
});

const widest = (s: string) => Math.max(...s.trimEnd().split('\n').map(textWidth));
const WIDTHS = [30, 40, 50, 60, 70, 80, 100, 120, 160];

describe('list view', () => {
  it('groups the seed under its headings at 80 columns, notes under the title', () => {
    expect(listView(filterTasks(plan.tasks, { week: '1-2' }), { width: 80 })).toBe(LIST_80);
  });

  it('shows the status as a mark when the title needs the room (60 columns)', () => {
    expect(listView(filterTasks(plan.tasks, { month: '2' }), { width: 60 })).toBe(LIST_60);
  });

  it('--wide --group none: one flat list, every column whole', () => {
    expect(listView(filterTasks(plan.tasks, { week: '1' }), { width: 40, wide: true, grouped: false })).toBe(LIST_FLAT_WIDE);
  });

  it('fits every width: no line wider than the terminal', () => {
    for (const p of [plan, wide]) {
      for (const w of WIDTHS) expect(widest(listView(p.tasks, { width: w })), `width ${w}`).toBeLessThanOrEqual(w);
    }
  });

  it('wraps titles rather than cutting them: the TITLE column holds each whole title', () => {
    for (const p of [plan, wide]) {
      // Without notes, so that only the title and owner columns are drawn.
      const tasks = p.tasks.map((t) => ({ ...t, notes: null, statusText: '' }));
      for (const w of [30, 50, 60, 80, 120]) {
        expect(titleColumn(listView(tasks, { width: w, grouped: false })), `width ${w}`).toEqual(tasks.map((t) => t.title.replace(/ /g, '')));
      }
    }
  });

  it('keeps columns aligned past ZWJ emoji, flags and CJK: each owner starts in one column', () => {
    for (const w of [60, 120]) {
      const out = listView(wide.tasks, { width: w });
      const starts = out.split('\n').flatMap((line) => {
        const at = ['田中', 'Ana', '佐藤', 'Bo', 'Cy'].map((o) => line.indexOf(`  ${o}`)).find((i) => i >= 0);
        return at === undefined ? [] : [textWidth(line.slice(0, at + 2))];
      });
      expect(starts, `width ${w}`).toHaveLength(5);
      expect(new Set(starts).size, `width ${w}`).toBe(1);
    }
  });
});

/** The text under the TITLE header (up to OWNER), joined per task, spaces dropped (wrapping moves them). */
function titleColumn(out: string): string[] {
  const [header, ...lines] = out.trimEnd().split('\n');
  const from = textWidth(header!.slice(0, header!.indexOf('TITLE')));
  const to = header!.includes('OWNER') ? textWidth(header!.slice(0, header!.indexOf('OWNER'))) : Infinity;
  const titles: string[] = [];
  for (const line of lines) {
    const text = columns(line, from, to).replace(/ /g, '');
    if (!line.startsWith(' ')) titles.push(text);
    else if (text) titles[titles.length - 1] += text;
  }
  return titles;
}

/** The characters of `line` drawn from display column `from` up to `to`. */
function columns(line: string, from: number, to: number): string {
  let at = 0;
  let out = '';
  for (const ch of graphemes(line)) {
    if (at >= from && at < to) out += ch;
    at += textWidth(ch);
  }
  return out;
}

describe('board view', () => {
  it('draws a column per status that has tasks, cards wrapped to two lines, empty ones named below', () => {
    expect(boardView(boardColumns(filterTasks(plan.tasks, { week: '1-2' })), 80)).toBe(BOARD_80);
  });

  it('stacks the statuses on a narrow terminal rather than drawing slivers', () => {
    expect(boardView(boardColumns(filterTasks(plan.tasks, { week: '1-2' })), 60)).toBe(BOARD_60);
  });

  it('fits every width', () => {
    for (const p of [plan, wide]) {
      for (const w of WIDTHS) expect(widest(boardView(boardColumns(p.tasks), w)), `width ${w}`).toBeLessThanOrEqual(w);
    }
  });
});

describe('summary view', () => {
  it('draws the seed at 100 columns', () => {
    const out = summaryView(summarise(plan, plan.tasks), 'progress_planning.md', 100);
    expect(out).toBe(SUMMARY_100);
  });

  it('fits 60 columns: names cut with …, the heading status kept as its mark, the legend wrapped', () => {
    expect(summaryView(summarise(plan, plan.tasks), 'progress_planning.md', 60)).toBe(SUMMARY_60);
  });

  it('shortens the bar, then drops the counts, on narrow terminals', () => {
    const out = summaryView(summarise(plan, plan.tasks), 'progress_planning.md', 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out.split('\n')[1]).toBe('  Week 1: Victor…  ▶  ██░░░░   1/3   33%');
  });
});

describe('field view', () => {
  it('wraps values at word boundaries under their own column', () => {
    const t = plan.tasks.find((x) => x.id === '1.2')!;
    const fields = [{ key: 'id', value: t.id }, statusField(t.status, t.statusText), { key: 'owner', value: null }, { key: 'section', value: t.section }];
    expect(fieldView(fields, 60)).toBe(FIELDS_60);
  });
});

const LIST_80 =
  [
    'ID   STATUS         TITLE                                OWNER',
    'Week 1: VictoriaMetrics Foundation (IN PROGRESS)',
    '1.1  ✔ done         VM Service Startup',
    '                    Health OK, port 8428',
    '1.2  ▶ in progress  Memory Tools Integration',
    '                    Connect metrics_collector.py',
    '1.3  ○ pending      Redis + VM Split',
    '                    Real-time + historical',
    '',
    'Week 2-6: Planning',
    'W2   ○ pending      Grafana Dashboards',
    '',
    'Week 2',
    '5    ·              First benchmark run                  Any',
    '                    ./scripts/run-benchmark.sh --integrate -m gemini-3-pro',
    '6    ·              FREE-AI-PROVIDERS-COMPLETE-GUIDE.md  Any',
    '                    Tutorial for provider selection',
    '7    ·              MkDocs superfences Mermaid config    Any',
    '                    Verify rendering',
    '8    ·              MkDocs benchmark section             Any',
    '                    Add benchmarks/ to docs nav',
    '9    ·              Enhanced Strategy Package Review     Opus',
    '                    Review and approve for implementation',
  ].join('\n') + '\n';
const LIST_60 =
  [
    'ID     TITLE                          OWNER',
    'Month 2',
    '10  ·  Multi-model benchmark results  Any',
    '       Run full 10-model battery',
    '11  ·  Benchmark v1.1.0               Any',
    '       Implement CE-001 through CE-006',
    '12  ·  OpenCode fork                  Architect',
    '       Begin arcana-novai/opencode-xnai',
    '13  ·  Phase 8 planning               Any',
    '       Redis Streams, Qdrant, fine-tuning',
    '14  ·  Strategy Implementation        Any',
    '       Begin Tier 1 blockers (P-001 to P-004)',
  ].join('\n') + '\n';
const LIST_FLAT_WIDE =
  [
    'ID   STATUS         TITLE                     NOTES',
    '1.1  ✔ done         VM Service Startup        Health OK, port 8428',
    '1.2  ▶ in progress  Memory Tools Integration  Connect metrics_collector.py',
    '1.3  ○ pending      Redis + VM Split          Real-time + historical',
  ].join('\n') + '\n';
const FIELDS_60 =
  [
    'id       1.2',
    'status   ▶ in progress (🔄 Next)',
    'section  Planning & Next Steps > Immediate (Sprint 8) -',
    '         Unified Execution Strategy > Week 1:',
    '         VictoriaMetrics Foundation (IN PROGRESS)',
  ].join('\n') + '\n';
const BOARD_80 =
  [
    '○ pending (2)     │ ▶ in progress (1)  │ ✔ done (1)         │ · no status (5)',
    '──────────────────┼────────────────────┼────────────────────┼───────────────────',
    '1.3 Redis + VM    │ 1.2 Memory Tools   │ 1.1 VM Service     │ 5 First benchmark',
    '  Split           │   Integration      │   Startup          │   run',
    'W2 Grafana        │                    │                    │   @Any',
    '  Dashboards      │                    │                    │ 6 FREE-AI-PROVIDER',
    '                  │                    │                    │   S-COMPLETE-GUID…',
    '                  │                    │                    │   @Any',
    '                  │                    │                    │ 7 MkDocs',
    '                  │                    │                    │   superfences Mer…',
    '                  │                    │                    │   @Any',
    '                  │                    │                    │ 8 MkDocs benchmark',
    '                  │                    │                    │   section',
    '                  │                    │                    │   @Any',
    '                  │                    │                    │ 9 Enhanced',
    '                  │                    │                    │   Strategy Packag…',
    '                  │                    │                    │   @Opus',
    '',
    'empty: ✖ blocked (0)',
  ].join('\n') + '\n';
const BOARD_60 =
  [
    '○ pending (2)',
    '  1.3  Redis + VM Split',
    '  W2   Grafana Dashboards',
    '',
    '▶ in progress (1)',
    '  1.2  Memory Tools Integration',
    '',
    '✔ done (1)',
    '  1.1  VM Service Startup',
    '',
    '· no status (5)',
    '  5  First benchmark run                  @Any',
    '  6  FREE-AI-PROVIDERS-COMPLETE-GUIDE.md  @Any',
    '  7  MkDocs superfences Mermaid config    @Any',
    '  8  MkDocs benchmark section             @Any',
    '  9  Enhanced Strategy Package Review     @Opus',
    '',
    'empty: ✖ blocked (0)',
  ].join('\n') + '\n';
const SUMMARY_100 =
  [
    'Immediate (Sprint 8) - Unified Execution Strategy    █░░░░░░░░░░░  1/10   10%  ✔1 ▶1 ○5 ·3',
    '  Week 1: VictoriaMetrics Foundation  ▶ in progress  ████░░░░░░░░   1/3   33%  ✔1 ▶1 ○1',
    '  Week 2-6: Planning                                 ░░░░░░░░░░░░   0/4    0%  ○4',
    '  Other Sprint 8 Tasks                               ░░░░░░░░░░░░   0/3    0%  ·3',
    'Week 2                                               ░░░░░░░░░░░░   0/5    0%  ·5',
    'Month 2                                              ░░░░░░░░░░░░   0/5    0%  ·5',
    'Phase 5 Planning                                     ░░░░░░░░░░░░   0/4    0%  ·4',
    '  Execution Schedule                                 ░░░░░░░░░░░░   0/4    0%  ·4',
    '',
    'All tasks in progress_planning.md                    █░░░░░░░░░░░  1/24    4%  ✔1 ▶1 ○5 ·17',
    '✔ done  ▶ in progress  ○ pending  ✖ blocked  – cancelled (not counted)  · no status',
  ].join('\n') + '\n';
const SUMMARY_60 =
  [
    'Immediate (Sprint 8…  █░░░░░░░░░░░  1/10   10%  ✔1 ▶1 ○5 ·3',
    '  Week 1: Victor…  ▶  ████░░░░░░░░   1/3   33%  ✔1 ▶1 ○1',
    '  Week 2-6: Planning  ░░░░░░░░░░░░   0/4    0%  ○4',
    '  Other Sprint 8 Ta…  ░░░░░░░░░░░░   0/3    0%  ·3',
    'Week 2                ░░░░░░░░░░░░   0/5    0%  ·5',
    'Month 2               ░░░░░░░░░░░░   0/5    0%  ·5',
    'Phase 5 Planning      ░░░░░░░░░░░░   0/4    0%  ·4',
    '  Execution Schedule  ░░░░░░░░░░░░   0/4    0%  ·4',
    '',
    'All tasks in progre…  █░░░░░░░░░░░  1/24    4%  ✔1 ▶1 ○5 ·17',
    '✔ done  ▶ in progress  ○ pending  ✖ blocked',
    '– cancelled (not counted)  · no status',
  ].join('\n') + '\n';
