// Fuzzing every read command (list, show, next, summary, board, check, the
// completion ids) with random bytes and random Markdown shapes: headings,
// tables, list items, quotes, fences, front matter, hostile text and the
// inputs known to cost parsers dearly. Whatever the file: no crash (only the
// one-line PlanError a user is meant to see), no hang, and no write: the file
// and its folder are left byte for byte as they were.
//
// In process for volume (fast-check shrinks a failure to its smallest file),
// then a sample through the built binary, where a hang is a timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CACHE, tempDir } from '../helpers/run.js';
import type { Context } from '../../src/commands/context.js';
import type { OutputMode } from '../../src/render/mode.js';
import { asPlanError } from '../../src/system/errors.js';
import { list } from '../../src/commands/list.js';
import { show } from '../../src/commands/show.js';
import { next } from '../../src/commands/next.js';
import { summary } from '../../src/commands/summary.js';
import { board } from '../../src/commands/board.js';
import { check } from '../../src/commands/check.js';
import { completeIds } from '../../src/commands/completion.js';

// --- Markdown shapes -------------------------------------------------------

const HOSTILE = ['\x1b]0;t\x07', '\x1b[2J', '\u009b', '\u202e', '\x07', '\x00', '\r', '\uDC80', '\uFEFF'];
const word = fc.oneof(
  fc.constantFrom(
    'Done',
    '✅ Complete',
    '⏳ Pending',
    '🔄 Next',
    '❌ Blocked',
    '🚫',
    'wip',
    'todo',
    '‚úÖ',
    'Ã©',
    '**x**',
    '`a|b`',
    '\\|',
    '[l](u)',
    '<br>',
    'W2',
    '1.2',
    'CE-001',
    'Any',
    ...HOSTILE,
  ),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(word, { maxLength: 5 }).map((ws) => ws.join(' '));
const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 7 }),
    fc.constantFrom('Sprint 8', 'Week 2-6', 'Week 1: x (IN PROGRESS)', 'Month 2', 'Phase 5', 'Milestone 3', '✅ Done', 'Notes', ''),
    text,
  )
  .map(([d, s, t]) => `${'#'.repeat(d)} ${s} ${t}`);
const headerRow = fc
  .subarray(['#', 'ID', 'Task', 'Title', 'Status', 'State', 'Owner', 'Notes', 'Priority', 'Week', 'Sprint', 'Other'], { minLength: 1 })
  .map((hs) => `| ${hs.join(' | ')} |`);
const delimiter = fc.integer({ min: 1, max: 6 }).map((n) => `|${'---|'.repeat(n)}`);
const row = fc.array(text, { maxLength: 7 }).map((cells) => `| ${cells.join(' | ')} |`);
const table = fc.tuple(headerRow, delimiter, fc.array(row, { maxLength: 8 })).map(([h, d, rows]) => [h, d, ...rows].join('\n'));
const item = fc
  .tuple(
    fc.integer({ min: 0, max: 12 }),
    fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '),
    fc.constantFrom('', '[ ] ', '[x] ', '[X] '),
    fc.constantFrom('', '5.A ', '**3.1** ', 'CE-001: '),
    text,
  )
  .map(([indent, marker, box, id, t]) => `${' '.repeat(indent)}${marker}${box}${id}${t}`);
const quote = fc.tuple(fc.integer({ min: 1, max: 140 }), fc.oneof(text, row, item)).map(([n, t]) => `${'> '.repeat(n)}${t}`);
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.array(fc.oneof(text, row), { maxLength: 3 })).map(([f, body]) => [f, ...body, f].join('\n'));
const costly = fc.constantFrom(
  `${'*'.repeat(3000)}a${'*'.repeat(3000)}`,
  '['.repeat(4000),
  `${'- '.repeat(3000)}x`,
  '>'.repeat(3000),
  '`'.repeat(2000),
  `${'\t'.repeat(200)}- x`,
  `${'[^a]: '.repeat(1000)}x`,
  `${'<div>'.repeat(2000)}`,
  `${'_a '.repeat(2000)}`,
  '<!--',
);
const line = fc.oneof(
  { arbitrary: heading, weight: 3 },
  { arbitrary: table, weight: 4 },
  { arbitrary: item, weight: 4 },
  { arbitrary: quote, weight: 1 },
  { arbitrary: fence, weight: 1 },
  { arbitrary: text, weight: 2 },
  { arbitrary: fc.constantFrom('', '---', '***', '===', '<!-- x -->', '<div>', '</div>', '    indented code'), weight: 2 },
  { arbitrary: costly, weight: 1 },
);
const frontMatter = fc.constantFrom(
  '',
  '---\nmodified: 2026-02-20\nblock:\n  read_only: true\n  chars_limit: 10\n---\n',
  '---\nplan:\n  statuses:\n    Shipped: done\n    🧪: in-progress\n    bogus: nowhere\n---\n',
  '---js\n{ evil: require("fs") }\n---\n',
  '---\n: bad: yaml: [\n---\n',
  `---\nx: ${'['.repeat(3000)}\n---\n`,
  '---\na: &a [*a, *a]\nb: &b [*a, *a, *a, *a]\n---\n',
  '---\n',
);
const markdown = fc
  .tuple(frontMatter, fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([fm, lines, eol, bom]) => Buffer.from(`${bom ? '\uFEFF' : ''}${fm}${lines.join('\n')}\n`.replace(/\n/g, eol)));
const document = fc.oneof({ arbitrary: markdown, weight: 4 }, { arbitrary: fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)), weight: 1 });

// --- Running the read commands ----------------------------------------------

type Command = (ctx: Context) => Promise<number>;

const COMMANDS: [string, Command][] = [
  ['list', (c) => list(c, {})],
  ['list --status open --grep a', (c) => list(c, { status: 'open', grep: 'a' })],
  ['show 1', (c) => show(c, '1', {})],
  ['show L3', (c) => show(c, 'L3', {})],
  ['next', (c) => next(c, undefined, {})],
  ['next --owner Any', (c) => next(c, 'Any', {})],
  ['summary', (c) => summary(c, {})],
  ['board', (c) => board(c, {})],
  ['check', (c) => check(c)],
  ['__complete-ids', (c) => completeIds(c)],
];
const MODES: OutputMode[] = ['table', 'plain', 'json'];

/** Every read command in every output mode, in process; a thrown error other than a PlanError is a crash. */
async function readEverything(file: string, width: number): Promise<void> {
  for (const [name, command] of COMMANDS) {
    for (const mode of MODES) {
      const ctx: Context = { opts: { file }, mode, width, out: () => undefined, err: () => undefined };
      try {
        const code = await command(ctx);
        expect([0, 1], `${name} (${mode})`).toContain(code);
      } catch (e) {
        if (!asPlanError(e)) throw new Error(`plan ${name} (${mode}) crashed: ${(e as Error)?.stack ?? String(e)}`);
      }
    }
  }
}

/** The folder's names, sizes, modes and times, and the file's bytes: what "no write" keeps. */
function snapshot(dir: string, file: string): unknown {
  const entries = readdirSync(dir)
    .sort()
    .map((n) => {
      const st = statSync(join(dir, n));
      return [n, st.size, st.mode, st.mtimeMs];
    });
  return { entries, bytes: readFileSync(file).toString('base64') };
}

const t = tempDir();
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const k of ['XDG_CACHE_HOME', 'PLAN_CACHE_DIR', 'PLAN_NO_CACHE', 'PLAN_PARSER', 'NO_COLOR']) saved[k] = process.env[k];
  process.env.XDG_CACHE_HOME = CACHE;
  delete process.env.PLAN_CACHE_DIR;
  delete process.env.PLAN_NO_CACHE;
  process.env.NO_COLOR = '1';
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  t.cleanup();
});

describe('every read command on random files', () => {
  it('never crashes and never writes (in process, both parsers, every output mode and widths from 1)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(document, fc.integer({ min: 1, max: 200 }), fc.boolean(), async (bytes, width, remark) => {
        const dir = join(t.dir, `in-${n++}`);
        mkdirSync(dir);
        const file = join(dir, 'plan.md');
        writeFileSync(file, bytes);
        const before = snapshot(dir, file);
        if (remark) process.env.PLAN_PARSER = 'remark';
        else delete process.env.PLAN_PARSER;
        // Twice: the second run reads the model the first one cached.
        await readEverything(file, width);
        await readEverything(file, width);
        expect(snapshot(dir, file)).toEqual(before);
      }),
      { numRuns: 100, endOnFailure: true },
    );
  }, 600_000);

  it('never crashes, hangs or writes through the built binary, and prints no raw control character', () => {
    const samples = fc.sample(document, { numRuns: 5, seed: 11 });
    const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    samples.forEach((bytes, i) => {
      const dir = join(t.dir, `bin-${i}`);
      mkdirSync(dir);
      const file = join(dir, 'plan.md');
      writeFileSync(file, bytes);
      const before = snapshot(dir, file);
      for (const args of [['list'], ['show', '1'], ['next'], ['summary'], ['board'], ['check'], ['list', '--json'], ['__complete-ids']]) {
        const r = spawnSync(process.execPath, [BIN, '-f', file, ...args], {
          env: { PATH: process.env.PATH, NO_COLOR: '1', XDG_CACHE_HOME: CACHE },
          encoding: 'utf8',
          timeout: 60_000, // a hang, not a speed limit: the slowest of these takes about a second
        });
        const what = `sample ${i}: plan ${args.join(' ')}`;
        expect(r.error, what).toBeUndefined();
        expect([0, 1], `${what}: ${r.stderr}`).toContain(r.status);
        expect(r.stderr, what).not.toMatch(/unexpected error|RangeError|Maximum call stack/);
        expect(r.stderr, what).not.toMatch(RAW);
        expect(r.stdout, what).not.toMatch(RAW);
      }
      expect(snapshot(dir, file)).toEqual(before);
    });
  }, 600_000);
});
