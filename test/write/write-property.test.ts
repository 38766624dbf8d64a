// Property tests of the write path over generated planning files: front matter
// with or without `modified:`, headings, tables (plain or aligned) with
// statuses from a wide pool, checklists, CRLF or LF, BOM or not.
//   1. Setting a task to another status and back gives the file byte for byte.
//   2. A set changes only the task's status span and the date stamps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StatusMemory } from '../../src/write/memory.js';
import { applyEdits, type Edit } from '../../src/write/splice.js';
import { stampEdits } from '../../src/write/stamps.js';
import { makeEditContext, setStatusEdits } from '../../src/write/task-edits.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { mayHaveMojibake } from '../../src/text/mojibake-check.js';
import type { SettableStatus } from '../../src/model/status.js';
import { placesAgree, planOf, setInProcess } from '../helpers/inproc.js';

const SETTABLE: SettableStatus[] = ['done', 'in-progress', 'pending', 'blocked', 'cancelled'];
const ENV = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01

// ---------------------------------------------------------------- generator

/** What the generator knows about each line it wrote. */
type LineInfo =
  | { kind: 'row'; statusCol: number }
  | { kind: 'item'; prefix: string; rest: string }
  | { kind: 'stamp'; date: string; today: string }
  | { kind: 'other' };

interface Generated {
  text: string;
  lines: LineInfo[];
}

const STATUS_POOL = [
  '✅ Done',
  '✅ Complete',
  '🔄 In Progress',
  '🔄 Next',
  '⏳ Pending',
  '❌ Blocked',
  '⛔ Blocked',
  '🚫 Cancelled',
  '✅',
  '🔄',
  '⏳',
  '⛔',
  '🚫',
  'Done',
  'In progress',
  'Todo',
  'Pending',
  'Blocked',
  'Cancelled',
  'DONE',
  'TODO',
  'WIP',
  '**Done**',
  '✅ **COMPLETE**',
  'Done (phase 3)',
  '✅️ Done',
  'Complete ✅',
  '[x]',
  '[ ]',
  ':white_check_mark: Done',
  '\u201a\u00fa\u00d6 Complete', // ‚✅ Complete, damaged
  '',
  'From analysis',
  'see notes',
];
const WORDS = ['alpha', 'beta', 'parser', 'schema', 'Grafana', 'docs', 'Café', 'naïve', 'v1.2', 'cache', 'a \\| b', '`code`'];
const OWNERS = ['Ana', 'Any', '', 'Bo', 'Any Agent'];
const MARKS = ['🔄', '🚧', '⛔', '⏳', '✅', '🚫'];

const width = (s: string) => [...s].reduce((n, ch) => n + (/\p{Emoji_Presentation}/u.test(ch) ? 2 : ch === '\uFE0F' ? 0 : 1), 0);

const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const trailing = fc.constantFrom('', '', '', ' ', '  ');

const HEADERS = [
  { cells: ['#', 'Task', 'Status'], status: 2 },
  { cells: ['ID', 'Task', 'Owner', 'Status', 'Notes'], status: 3 },
  { cells: ['Task', 'Status'], status: 1 },
  { cells: ['#', 'Task', 'Status', 'Owner'], status: 2 },
];

interface Block {
  lines: string[];
  info: LineInfo[];
}

const tableBlock = fc
  .record({
    header: fc.constantFrom(...HEADERS),
    rows: fc.array(
      fc.record({ title, owner: fc.constantFrom(...OWNERS), status: fc.constantFrom(...STATUS_POOL), notes: fc.constantFrom('', 'n1', 'see PR') }),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
    aligned: fc.constantFrom('no', 'no', 'width', 'codepoints'),
    trail: fc.array(trailing, { minLength: 8, maxLength: 8 }),
    idBase: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ header, rows, aligned, trail, idBase }): Block => {
    const body = rows.map((r, i) =>
      header.cells.map((h) =>
        h === '#' || h === 'ID' ? `${idBase}.${i + 1}` : h === 'Task' ? r.title : h === 'Owner' ? r.owner : h === 'Status' ? r.status : r.notes,
      ),
    );
    const all = [header.cells, ...body];
    const measure = aligned === 'codepoints' ? (s: string) => [...s].length : width;
    const widths = header.cells.map((_, c) => Math.max(3, ...all.map((r) => measure(r[c]!))));
    const pad = (s: string, c: number) => (aligned !== 'no' ? s + ' '.repeat(widths[c]! - measure(s)) : s);
    const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
    const delim = aligned !== 'no' ? `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |` : `|${header.cells.map(() => '---').join('|')}|`;
    const lines = [line(header.cells), delim, ...body.map((r, i) => line(r) + (aligned !== 'no' ? '' : trail[i % trail.length]))];
    return { lines, info: lines.map((_, i) => (i < 2 ? { kind: 'other' } : { kind: 'row', statusCol: header.status })) };
  });

const itemLine = fc.record({
  nested: fc.boolean(),
  bullet: fc.constantFrom('-', '*'),
  box: fc.constantFrom('[ ]', '[x]', '[X]', null),
  mark: fc.option(fc.constantFrom(...MARKS), { freq: 3 }),
  id: fc.option(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`)),
  bold: fc.boolean(),
  text: title,
  trail: trailing,
});

const listBlock = fc.array(itemLine, { minLength: 1, maxLength: 5 }).map((items): Block => {
  const lines: string[] = [];
  const info: LineInfo[] = [];
  items.forEach((it, i) => {
    const id = it.id ?? (it.box ? null : `7.${i + 1}`); // an item without a checkbox needs an id to be a task
    const text = id ? (it.bold ? `**${id} ${it.text}**: notes` : `${id} ${it.text}`) : it.text;
    const prefix = `${it.nested && i > 0 ? '  ' : ''}${it.bullet} `;
    const rest = text + it.trail;
    lines.push(prefix + (it.box ? `${it.box} ` : '') + (it.mark ? `${it.mark} ` : '') + rest);
    info.push({ kind: 'item', prefix, rest });
  });
  return { lines, info };
});

const proseBlock = fc.array(title, { minLength: 1, maxLength: 2 }).map(
  (ws): Block => ({
    lines: ws.map((w) => `Some prose about ${w}, with [x] and a ‚úÖ in it.`),
    info: ws.map(() => ({ kind: 'other' })),
  }),
);

const stampBlock = fc
  .constantFrom(
    { line: '**Last Updated**: 2026-02-20', date: '2026-02-20', today: '2026-01-01' },
    { line: '_Last updated: 2026/02/20_', date: '2026/02/20', today: '2026/01/01' },
  )
  .map((s): Block => ({ lines: [s.line], info: [{ kind: 'stamp', date: s.date, today: s.today }] }));

const heading = fc.constantFrom('## Sprint 3', '### Week 2: Focus', '## Notes', '# Plan', '## Month 2', '### Phase 5');

const frontMatter = fc.option(
  fc.shuffledSubarray(
    [
      { lines: ['title: "A plan"'], stamp: null },
      { lines: ["version: '1.0'"], stamp: null },
      { lines: ['modified: 2026-02-20'], stamp: { date: '2026-02-20', today: '2026-01-01' } },
      { lines: ['modified: "2026-02-20"'], stamp: { date: '2026-02-20', today: '2026-01-01' } },
      { lines: ['block:', '  label: x', "  modified: '2026/02/20'"], stamp: { date: '2026/02/20', today: '2026/01/01' } },
      { lines: ['created: 2026-01-05'], stamp: null },
    ],
    { minLength: 1 },
  ),
);

const planFile = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    fm: frontMatter,
    blocks: fc.array(
      fc.tuple(fc.option(heading), fc.oneof({ arbitrary: tableBlock, weight: 3 }, { arbitrary: listBlock, weight: 2 }, proseBlock, stampBlock)),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  })
  .map(({ eol, bom, fm, blocks }): Generated => {
    const lines: string[] = [];
    const info: LineInfo[] = [];
    if (fm) {
      // Two `modified:` keys at the top level would be invalid YAML: keep the first.
      let top = false;
      lines.push('---');
      info.push({ kind: 'other' });
      for (const entry of fm) {
        if (entry.lines[0]!.startsWith('modified:')) {
          if (top) continue;
          top = true;
        }
        for (const l of entry.lines) {
          lines.push(l);
          info.push(entry.stamp && l.includes('modified') ? { kind: 'stamp', ...entry.stamp } : { kind: 'other' });
        }
      }
      lines.push('---');
      info.push({ kind: 'other' });
    }
    for (const [h, b] of blocks) {
      if (lines.length) {
        lines.push('');
        info.push({ kind: 'other' });
      }
      if (h) {
        lines.push(h, '');
        info.push({ kind: 'other' }, { kind: 'other' });
      }
      lines.push(...b.lines);
      info.push(...b.info);
    }
    return { text: (bom ? '\uFEFF' : '') + lines.join(eol) + eol, lines: info };
  });

// ---------------------------------------------------------------- helpers

/** The write path of one `plan set`, in process: status edits, then the stamps (as transact does). */
async function setWithStamps(text: string, index: number, to: SettableStatus): Promise<string> {
  const plan = await planOf(text);
  const damaged = mayHaveMojibake(text);
  const ec = makeEditContext('plan.md', text, plan, new StatusMemory(null), damaged ? repairMojibake : (s) => s);
  const { edits } = setStatusEdits(ec, plan.tasks[index]!, to);
  if (edits.length === 0) return text;
  const all: Edit[] = [...edits];
  for (const st of stampEdits(text, plan.frontMatter.span, plan.bodyStart, ENV)) {
    if (!edits.some((e) => e.start < st.end && st.start < e.end)) all.push(st);
  }
  return applyEdits(text, all, 'plan.md');
}

/** Splits a table row on its unescaped pipes. */
const cellsOf = (line: string) => line.split(/(?<!\\)\|/);

function checkOnlyStatusAndStamps(g: Generated, before: string, after: string, line: number): void {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  // A BOM stays, in front of the first line.
  expect(b[0]!.startsWith('\uFEFF')).toBe(a[0]!.startsWith('\uFEFF'));
  a[0] = a[0]!.replace(/^\uFEFF/, '');
  b[0] = b[0]!.replace(/^\uFEFF/, '');
  a.forEach((old, k) => {
    const now = b[k]!;
    const info = g.lines[k] ?? { kind: 'other' };
    const label = `line ${k + 1}`;
    if (k + 1 === line) {
      if (info.kind === 'row') {
        const [x, y] = [cellsOf(old), cellsOf(now)];
        expect(y.length, label).toBe(x.length);
        x.forEach((c, i) => {
          if (i !== info.statusCol + 1) expect(y[i], `${label} cell ${i}`).toBe(c);
        });
      } else if (info.kind === 'item') {
        // Only the checkbox and the status mark between the bullet and the text change.
        const crlf = old.endsWith('\r') ? '\r' : '';
        expect(now.startsWith(info.prefix), label).toBe(true);
        expect(now.endsWith(info.rest + crlf), label).toBe(true);
        const middle = now.slice(info.prefix.length, now.length - info.rest.length - crlf.length);
        expect(middle, label).toMatch(/^(?:\[[ xX]\] )?(?:\S+ )?$/u);
      } else {
        throw new Error(`${label}: a task the generator did not write`);
      }
    } else if (info.kind === 'stamp' && old !== now) {
      expect(now, label).toBe(old.replace(info.date, info.today));
    } else {
      expect(now, label).toBe(old);
    }
  });
}

// ---------------------------------------------------------------- properties

describe('generated plans', () => {
  it('parse into the tasks the generator wrote', async () => {
    await fc.assert(
      fc.asyncProperty(planFile, async (g) => {
        const plan = await planOf(g.text);
        // A task written in several places (the same id and title in two sections) is one task with its places.
        const places = plan.tasks.flatMap((t) => [t, ...(t.mentions ?? [])]);
        for (const t of places) {
          const info = g.lines[t.line - 1];
          expect(['row', 'item'], `line ${t.line}: ${JSON.stringify(g.text.split('\n')[t.line - 1])}`).toContain(info?.kind);
        }
        const written = g.lines.filter((l) => l.kind === 'row').length;
        expect(places.filter((t) => t.source.type === 'row')).toHaveLength(written);
      }),
      { numRuns: 150 },
    );
  });

  it('set to another status and back gives the file byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(planFile, fc.nat(), fc.nat(), async (g, pick, other) => {
        const plan = await planOf(g.text);
        const candidates = plan.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.status !== 'none' && placesAgree(t));
        fc.pre(candidates.length > 0);
        const { t, i } = candidates[pick % candidates.length]!;
        const from = t.status as SettableStatus;
        const choices = SETTABLE.filter((s) => s !== from);
        const to = choices[other % choices.length]!;
        const memory = new StatusMemory(null);
        const changed = await setInProcess(g.text, i, to, memory);
        expect(changed).not.toBe(g.text);
        expect((await planOf(changed)).tasks[i]!.status).toBe(to);
        const back = await setInProcess(changed, i, from, memory);
        expect(back).toBe(g.text);
      }),
      { numRuns: 300 },
    );
  });

  it('set through two other statuses and back gives the file byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(planFile, fc.nat(), fc.nat(), fc.nat(), async (g, pick, a, b) => {
        const plan = await planOf(g.text);
        const candidates = plan.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.status !== 'none' && placesAgree(t));
        fc.pre(candidates.length > 0);
        const { t, i } = candidates[pick % candidates.length]!;
        const from = t.status as SettableStatus;
        const first = SETTABLE.filter((s) => s !== from)[a % 4]!;
        const second = SETTABLE.filter((s) => s !== from && s !== first)[b % 3]!;
        const memory = new StatusMemory(null);
        let text = await setInProcess(g.text, i, first, memory);
        text = await setInProcess(text, i, second, memory);
        expect((await planOf(text)).tasks[i]!.status).toBe(second);
        expect(await setInProcess(text, i, from, memory)).toBe(g.text);
      }),
      { numRuns: 200 },
    );
  });

  it('a set changes only the status span and the date stamps', async () => {
    await fc.assert(
      fc.asyncProperty(planFile, fc.nat(), fc.constantFrom(...SETTABLE), async (g, pick, to) => {
        const plan = await planOf(g.text);
        fc.pre(plan.tasks.length > 0);
        const i = pick % plan.tasks.length;
        const t = plan.tasks[i]!;
        const after = await setWithStamps(g.text, i, to);
        if (t.status === to) {
          expect(after).toBe(g.text);
          return;
        }
        checkOnlyStatusAndStamps(g, g.text, after, t.line);
        const reread = await planOf(after);
        expect(reread.tasks).toHaveLength(plan.tasks.length);
        expect(reread.tasks[i]!.status).toBe(to);
        // Every other task reads as before.
        reread.tasks.forEach((u, k) => {
          if (k !== i) expect([u.id, u.status, u.title]).toEqual([plan.tasks[k]!.id, plan.tasks[k]!.status, plan.tasks[k]!.title]);
        });
        // The stamps that changed are exactly today's, and a BOM stays.
        expect(after.charCodeAt(0) === 0xfeff).toBe(g.text.charCodeAt(0) === 0xfeff);
      }),
      { numRuns: 300 },
    );
  });
});
