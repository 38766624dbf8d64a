// Table-mode drawing of `plan summary` and `plan board` at fixed widths (no colour).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildFromText } from '../../src/load.js';
import { chalk } from '../../src/render/table.js';
import { summarise } from '../../src/query/summary.js';
import { summaryTable } from '../../src/render/summary.js';
import { boardColumns } from '../../src/query/board.js';
import { boardTable } from '../../src/render/board.js';
import { filterTasks } from '../../src/query/filter.js';
import { textWidth } from '../../src/text/width.js';
import type { Plan } from '../../src/model/types.js';
import { SEED } from '../helpers/run.js';

let plan: Plan;
beforeAll(async () => {
  chalk.level = 0;
  plan = await buildFromText('/nonexistent/progress_planning.md', readFileSync(SEED, 'utf8'), false);
});

const widest = (s: string) => Math.max(...s.trimEnd().split('\n').map(textWidth));

describe('summary table', () => {
  it('draws the seed at 100 columns', () => {
    const out = summaryTable(summarise(plan, plan.tasks), 'progress_planning.md', 100);
    expect(out).toBe(SUMMARY_100);
    expect(widest(out)).toBeLessThanOrEqual(100);
  });

  it('fits 60 columns: names cut with …, the heading status kept as its mark', () => {
    const out = summaryTable(summarise(plan, plan.tasks), 'progress_planning.md', 60);
    expect(out).toBe(SUMMARY_60);
    expect(widest(out)).toBeLessThanOrEqual(60);
  });

  it('shortens the bar, then drops the counts, on narrow terminals', () => {
    const out = summaryTable(summarise(plan, plan.tasks), 'progress_planning.md', 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out.split('\n')[1]).toBe('  Week 1: Victor…  ▶  ██░░░░   1/3   33%');
  });
});

describe('board table', () => {
  it('draws week 1 and 2 of the seed at 100 columns', () => {
    const out = boardTable(boardColumns(filterTasks(plan.tasks, { week: '1-2' })), 100);
    expect(out).toBe(BOARD_100);
  });

  it('fits every width, cutting cards with …', () => {
    const columns = boardColumns(plan.tasks);
    for (const w of [120, 80, 60, 45]) {
      const out = boardTable(columns, w);
      expect(widest(out), `width ${w}`).toBeLessThanOrEqual(w);
    }
    expect(boardTable(columns, 60)).toContain('│ 1.3 Red… │');
  });
});

const SUMMARY_100 = [
  "Immediate (Sprint 8) - Unified Execution Strategy    █░░░░░░░░░░░   1/9   11%  ✔1 ▶1 ○4 ·3",
  "  Week 1: VictoriaMetrics Foundation  ▶ in progress  ████░░░░░░░░   1/3   33%  ✔1 ▶1 ○1",
  "  Week 2-6: Planning                                 ░░░░░░░░░░░░   0/3    0%  ○3",
  "    W3 MCP Server                                    ░░░░░░░░░░░░   0/1    0%  ○1",
  "    W4-5 A2A Protocol                                ░░░░░░░░░░░░   0/1    0%  ○1",
  "    W6 Testing & Validation                          ░░░░░░░░░░░░   0/1    0%  ○1",
  "  Other Sprint 8 Tasks                               ░░░░░░░░░░░░   0/3    0%  ·3",
  "Week 2                                               ░░░░░░░░░░░░   0/5    0%  ·5",
  "  ↳ W2 Grafana Dashboards  ○ pending",
  "Month 2                                              ░░░░░░░░░░░░   0/5    0%  ·5",
  "Phase 5 Planning                                     ░░░░░░░░░░░░   0/4    0%  ·4",
  "",
  "All tasks in progress_planning.md                    █░░░░░░░░░░░  1/23    4%  ✔1 ▶1 ○4 ·17",
  "✔ done  ▶ in progress  ○ pending  ✖ blocked  – cancelled (not counted)  · no status",
].join('\n') + '\n';
const SUMMARY_60 = [
  "Immediate (Sprint 8…  █░░░░░░░░░░░   1/9   11%  ✔1 ▶1 ○4 ·3",
  "  Week 1: Victor…  ▶  ████░░░░░░░░   1/3   33%  ✔1 ▶1 ○1",
  "  Week 2-6: Planning  ░░░░░░░░░░░░   0/3    0%  ○3",
  "    W3 MCP Server     ░░░░░░░░░░░░   0/1    0%  ○1",
  "    W4-5 A2A Protoc…  ░░░░░░░░░░░░   0/1    0%  ○1",
  "    W6 Testing & Va…  ░░░░░░░░░░░░   0/1    0%  ○1",
  "  Other Sprint 8 Ta…  ░░░░░░░░░░░░   0/3    0%  ·3",
  "Week 2                ░░░░░░░░░░░░   0/5    0%  ·5",
  "  ↳ W2 Grafana Dashboards  ○ pending",
  "Month 2               ░░░░░░░░░░░░   0/5    0%  ·5",
  "Phase 5 Planning      ░░░░░░░░░░░░   0/4    0%  ·4",
  "",
  "All tasks in progre…  █░░░░░░░░░░░  1/23    4%  ✔1 ▶1 ○4 ·17",
  "✔ done  ▶ in progress  ○ pending  ✖ blocked  – cancelled (n…",
].join('\n') + '\n';
const BOARD_100 = [
  "┌───────────────────┬────────────────────┬───────────────┬────────────────────┬────────────────────┐",
  "│ ○ pending (2)     │ ▶ in progress (1)  │ ✖ blocked (0) │ ✔ done (1)         │ · no status (5)    │",
  "├───────────────────┼────────────────────┼───────────────┼────────────────────┼────────────────────┤",
  "│ 1.3 Redis + VM S… │ 1.2 Memory Tools … │               │ 1.1 VM Service St… │ 5 First benchmark… │",
  "│ W2 Grafana Dashb… │                    │               │                    │   @Any             │",
  "│                   │                    │               │                    │ 6 FREE-AI-PROVIDE… │",
  "│                   │                    │               │                    │   @Any             │",
  "│                   │                    │               │                    │ 7 MkDocs superfen… │",
  "│                   │                    │               │                    │   @Any             │",
  "│                   │                    │               │                    │ 8 MkDocs benchmar… │",
  "│                   │                    │               │                    │   @Any             │",
  "│                   │                    │               │                    │ 9 Enhanced Strate… │",
  "│                   │                    │               │                    │   @Opus            │",
  "└───────────────────┴────────────────────┴───────────────┴────────────────────┴────────────────────┘",
].join('\n') + '\n';
