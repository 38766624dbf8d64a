// Snapshot tests of the terminal views at 60, 80 and 120 columns, on the seed,
// a fixture of wide characters and three corpus files of different shapes. The
// seed and the fixture run as the built binary on a real pseudo-terminal, each
// run also drawn in-process (test/helpers/cli.ts, a terminal of that width) and
// held equal to it; the corpus files, whose checks are about what is drawn,
// run in-process only.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, FIXTURES, type RunResult, SEED } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { HAS_SCRIPT, planOnPty, stripAnsi } from '../helpers/pty.js';
import { textWidth } from '../../src/text/width.js';

interface TaskJson {
  id: string;
  section: string | null;
  group: string | null;
  owner: string | null;
  status: string;
}

const WIDE = join(FIXTURES, 'wide.md');
/** The files drawn on a real terminal; the others in-process. */
const ON_PTY = new Set([SEED, WIDE]);
const FILES: [string, string][] = [
  ['the seed', SEED],
  ['wide characters', WIDE],
  // A weekly log, months and a portfolio table; Arabic text, emoji headings and
  // long ids; phases with long notes.
  ['corpus 08 (weeks, months)', join(CORPUS, '08-utkarsh820-utkarsh-ai-labs-dashboard.md')],
  ['corpus 13 (Arabic, emoji headings)', join(CORPUS, '13-6thd-wardah-process-costing-TEST_COVERAGE_PLAN.md')],
  ['corpus 22 (phases, long notes)', join(CORPUS, '22-cyclopsgd-Deskbridge-ROADMAP.md')],
];
const WIDTHS = [60, 80, 120];

/** A view in-process, on a terminal `columns` wide (the pty's 500 rows: no pager). */
async function viewInProcess(file: string, view: string, columns: number, env: Record<string, string | undefined> = {}): Promise<RunResult> {
  const r = await runCli(['-f', file, view], { isTTY: true, columns, rows: 500, env: { TERM: 'xterm-256color', ...env } });
  // One terminal: stdout and stderr arrive together, as on the pty.
  return { code: r.code, stdout: r.stdout + r.stderr, stderr: '' };
}

/**
 * A view of a file at a width, without colour: run once per test file, and shared by the tests that look at the
 * same run (each test still runs it when alone). On the pty, the in-process drawing must be the same.
 */
const runs = new Map<string, Promise<RunResult>>();
function viewOf(file: string, view: string, columns: number): Promise<RunResult> {
  const key = JSON.stringify([file, view, columns]);
  if (!runs.has(key)) runs.set(key, ON_PTY.has(file) ? ptyAndInProcess(file, view, columns) : viewInProcess(file, view, columns));
  return runs.get(key)!;
}

async function ptyAndInProcess(file: string, view: string, columns: number): Promise<RunResult> {
  const pty = planOnPty(['-f', file, view], { columns });
  const inProcess = await viewInProcess(file, view, columns);
  expect(inProcess, `plan ${view} at ${columns} columns: in-process as on the terminal`).toEqual(pty);
  return pty;
}

const lines = (out: string): string[] => stripAnsi(out).replace(/\n$/, '').split('\n');

function expectFits(out: string, width: number): void {
  for (const line of lines(out)) expect(textWidth(line), `${JSON.stringify(line)} is wider than ${width}`).toBeLessThanOrEqual(width);
}

/** The task id a line or card starts with: the longest id that is followed by a space or ends it. */
function leadingId(text: string, ids: string[]): string | undefined {
  return ids.filter((id) => text === id || text.startsWith(`${id} `)).sort((a, b) => b.length - a.length)[0];
}

/**
 * Every task's line in `plan list`, in file order: lines at the left margin are
 * group headings (after a blank line, or first) or tasks; each task line
 * starts with the id of the next task, and each heading is the group of the
 * task after it (cut with … where it does not fit).
 */
function expectListOrder(out: string, tasks: TaskJson[]): void {
  const [, ...body] = lines(out);
  const ids = [...new Set(tasks.map((t) => t.id))];
  let next = 0;
  let heading: string | null = null;
  body.forEach((line, i) => {
    if (line === '' || line.startsWith(' ')) return;
    const opensGroup = i === 0 || body[i - 1] === '';
    const task = tasks[next];
    if (task && leadingId(line, ids) === task.id && !(opensGroup && heading === null && task.group && sectionHas(task.group, line))) {
      if (heading !== null) expect(sectionHas(task.group ?? '', heading), `heading ${JSON.stringify(heading)} over task ${task.id}`).toBe(true);
      heading = null;
      next++;
      return;
    }
    expect(opensGroup, `line ${JSON.stringify(line)}: neither the next task (${task?.id}) nor a heading`).toBe(true);
    heading = line;
  });
  expect(next, 'tasks listed').toBe(tasks.length);
}

/** Whether a heading line (cleaned, maybe cut with …) names a part of `section`. */
function sectionHas(group: string, heading: string): boolean {
  const words = heading
    .replace(/…$/, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return words.every((w) => group.includes(w));
}

/** The id each card starts with, for side-by-side columns and stacked ones alike. */
function boardCardIds(out: string, ids: string[]): string[] {
  const found: string[] = [];
  for (const line of lines(out)) {
    const cells = line.includes(' │ ') ? line.split(' │ ') : [line.startsWith('  ') && !line.startsWith('   ') ? line.slice(2) : ''];
    for (const cell of cells) {
      if (cell.startsWith(' ')) continue;
      const id = leadingId(cell.trimEnd(), ids);
      if (id !== undefined) found.push(id);
    }
  }
  return found.sort();
}

describe.skipIf(!HAS_SCRIPT)('terminal views on a pty', () => {
  for (const [name, file] of FILES) {
    const present = existsSync(file);
    describe.skipIf(!present)(`${name}${present ? '' : ' (corpus not found: skipped)'}`, () => {
      let json: TaskJson[] = [];
      let ids: string[] = [];
      beforeAll(async () => {
        json = JSON.parse((await runCli(['-f', file, 'list', '--json'])).stdout).tasks as TaskJson[];
        ids = [...new Set(json.map((t) => t.id))];
      });

      for (const width of WIDTHS) {
        it(`list at ${width} columns: fits, every task once in file order under its heading`, async () => {
          const r = await viewOf(file, 'list', width);
          expect(r.code).toBe(0);
          expect(r.stdout).not.toContain('\x1b');
          expectFits(r.stdout, width);
          expectListOrder(r.stdout, json);
        });

        it(`board at ${width} columns: fits, a card for every task`, async () => {
          const r = await viewOf(file, 'board', width);
          expect(r.code).toBe(0);
          expectFits(r.stdout, width);
          expect(boardCardIds(r.stdout, ids)).toEqual(json.map((t) => t.id).sort());
        });

        it(`summary at ${width} columns: fits, the total counts every task list shows`, async () => {
          const r = await viewOf(file, 'summary', width);
          expect(r.code).toBe(0);
          expectFits(r.stdout, width);
          const total = json.filter((t) => t.status !== 'cancelled').length;
          const done = json.filter((t) => t.status === 'done').length;
          expect(lines(r.stdout).find((l) => l.startsWith('All tasks in'))).toMatch(new RegExp(`  ${done}/${total}  `));
        });
      }

      it('colours change nothing but the colour: the same lines with FORCE_COLOR as with NO_COLOR', async () => {
        for (const view of ['list', 'board', 'summary']) {
          const plain = await viewOf(file, view, 80);
          const colour = { NO_COLOR: undefined, FORCE_COLOR: '1' };
          const coloured = ON_PTY.has(file) ? planOnPty(['-f', file, view], { columns: 80, env: colour }) : await viewInProcess(file, view, 80, colour);
          expect(coloured.stdout, view).toContain('\x1b[');
          expect(stripAnsi(coloured.stdout), view).toBe(plain.stdout);
        }
      });
    });
  }

  it('keeps columns aligned past ZWJ emoji, flags and CJK: every owner starts in the same column', async () => {
    const owners = ['田中', 'Ana', '佐藤', 'Bo', 'Cy'];
    for (const width of WIDTHS) {
      const out = lines((await viewOf(WIDE, 'list', width)).stdout);
      const starts = out.flatMap((line) => {
        const at = owners.map((o) => line.indexOf(`  ${o}`)).find((i) => i >= 0);
        return at === undefined ? [] : [textWidth(line.slice(0, at + 2))];
      });
      expect(starts, `width ${width}`).toHaveLength(owners.length);
      expect(new Set(starts).size, `width ${width}: ${starts}`).toBe(1);
    }
  });

  it('show wraps the section path at word boundaries under its own column', () => {
    const out = lines(planOnPty(['-f', SEED, 'show', '1.2'], { columns: 60 }).stdout);
    const at = out.findIndex((l) => l.startsWith('section '));
    expect(out.slice(at, at + 3)).toEqual([
      'section   Planning & Next Steps > Immediate (Sprint 8) -',
      '          Unified Execution Strategy > Week 1:',
      '          VictoriaMetrics Foundation (IN PROGRESS)',
    ]);
  });
});
