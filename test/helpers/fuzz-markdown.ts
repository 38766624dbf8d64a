// Random planning files for the read fuzzers (test/cli/fuzz-read.test.ts in
// process, test/e2e/fuzz-read.test.ts through the built binary): headings,
// tables, list items, quotes, fences, front matter, hostile text and the
// inputs known to cost parsers dearly, or plain random bytes.
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
export const document = fc.oneof({ arbitrary: markdown, weight: 4 }, { arbitrary: fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)), weight: 1 });

/** What a terminal must never be sent raw: C0 and C1 controls, DEL, and the bidirectional overrides and marks. */
export const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The folder's names, sizes, modes and times, and the file's bytes: what "no write" keeps. */
export function snapshot(dir: string, file: string): unknown {
  const entries = readdirSync(dir)
    .sort()
    .map((n) => {
      const st = statSync(join(dir, n));
      return [n, st.size, st.mode, st.mtimeMs];
    });
  return { entries, bytes: readFileSync(file).toString('base64') };
}

/** The read commands the sample runs as whole command lines (the built binary, runCli). */
export const BIN_COMMANDS = [['list'], ['show', '1'], ['next'], ['summary'], ['board'], ['check'], ['list', '--json'], ['__complete-ids']];

/** The sample's files, each as plan.md in a folder of its own under `parent`, with the folder's snapshot before any read. */
export function sampleFiles(parent: string, prefix: string, runs: number): { i: number; dir: string; file: string; before: unknown }[] {
  return fc.sample(document, { numRuns: runs, seed: 11 }).map((bytes, i) => {
    const dir = join(parent, `${prefix}-${i}`);
    mkdirSync(dir);
    const file = join(dir, 'plan.md');
    writeFileSync(file, bytes);
    return { i, dir, file, before: snapshot(dir, file) };
  });
}
