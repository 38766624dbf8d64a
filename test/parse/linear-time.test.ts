// Reading is linear in the size of the text, whatever the text holds: one hostile line
// (a long run of spaces, of `✅ `, of backticks, `(blocked by` + spaces …) must not make
// a reader backtrack quadratically and hang `list`, `mcp`, `watch` or the merge driver.
//
// Each reader runs on each hostile shape at two sizes, N = 8 KB and 8N, and the times
// are compared: a linear reader takes about 8 times as long at 8N, a quadratic one about
// 64 times (the bound, 32×, lies between and leaves room for what is not asymptotic:
// a regular expression compiled on first use, a collection of a bigger heap, measured
// up to some 24× in a linear reader). What is compared is the CPU time of this process
// (process.cpuUsage), never the wall clock: waiting for a core on a loaded machine adds
// nothing to it (the test compared wall times before, and failed under load). Each time
// is the least of up to three runs, the two sizes in turn, each run repeated until some
// milliseconds add up (a single read of 8 KB is too short to measure), after an untimed
// read; a shape whose first run already grows no more than half the bound (16×; a quadratic
// reader's 64×) is not run again. A reader that spends c per pair of characters besides
// its linear b per character takes (8 + 64x) / (1 + x) times as long at 8N, x = (c/b)·N:
// the bound catches a quadratic term down to c/b ≈ 1/11,000 (a backtracking expression,
// whose steps cost about what a linear pass's do, misses it some 10,000-fold; one put into
// the fast parser for a try read 62–65× at half these sizes). Small sizes keep the test
// cheap; the quadratic term shows at them as it would at 1 MB, only the linear time it is
// compared with is smaller.
//
// The larger size, 64 KB, is also where a recursion as deep as the line (no more than
// some 10,000 frames fit Node's stack) throws as it would at 1 MB.

import { describe, expect, it } from 'vitest';
import { splitLines, parseHunks } from '../../src/merge/merge-file.js';
import { segmentsOf } from '../../src/merge/segments.js';
import { stampLines } from '../../src/merge/dates.js';
import { buildPlan } from '../../src/read/build.js';
import { dependsField, inlineDependencies, parseReferences } from '../../src/read/depends.js';
import { parseFast } from '../../src/parse/fast.js';
import { maskFrontMatter } from '../../src/parse/index.js';
import { parseWithRemark } from '../../src/parse/remark.js';
import { Vocabulary } from '../../src/model/status.js';
import { findMojibake } from '../../src/text/mojibake.js';

/** The smaller size, how many times larger the other is (64 KB: a recursion as deep as the line throws there), the bound on how much longer it may take (linear 8×, quadratic 64×), runs of each at most. */
const N = 8 * 1024;
const GROWTH = 8;
const RATIO = 32;
const RUNS = 3;
/**
 * A read of the large text faster than this is no quadratic (64 K chars squared is seconds of work), whatever its ratio:
 * below it the small read's tenth of a millisecond is within a pause of the collector, and the ratio measures noise.
 */
const NOISE_MS = 25;
/** A growth past RATIO is checked again from the large text to one twice its size: more than this (linear 2×, quadratic 4×) is slow. */
const CONFIRM_RATIO = 3;

/** A line made of `head`, then `unit` repeated to about `size` characters, then `tail`. */
const run = (head: string, unit: string, tail: string) => (size: number) => head + unit.repeat(Math.ceil(size / unit.length)) + tail;

// The shapes that hung a reader, and their neighbours: runs of what the expressions
// skip (spaces, marks, brackets, punctuation) in items, cells, headings and fields.
const SHAPES: Record<string, (size: number) => string> = {
  'item, spaces then a letter': run('- [ ] a', ' ', 'x'),
  'item, spaces at the end': run('- [ ] a', ' ', ''),
  'item, tabs then a letter': run('- [ ] a', '\t', 'x'),
  'item, spaces before a dash': run('- [ ] a', ' ', '—x'),
  'item, repeated done marks': run('- [ ] a ', '✅ ', 'x'),
  'item, repeated marks in brackets': run('- [ ] a (', '✅ ', 'x'),
  'item, blocked by then spaces': run('- [ ] a (blocked by', ' ', 'x'),
  'item, blocked by then ids': run('- [ ] a blocked by a1', ', a1', ' x'),
  'item, runs of backticks': run('- [ ] a ', '`', 'x'),
  'item, backtick pairs': run('- [ ] a ', '`` ', 'x'),
  'item, open brackets': run('- [ ] a ', '([', 'x'),
  'item, link texts opening inside each other': run('- [ ] a ', '[a', ']'),
  'item, bracket pairs in unclosed link texts': run('- [ ] a ', '[[a] b ', ']'),
  'item, dashes and colons': run('- [ ] a', ' —:', 'x'),
  'bold item under a phase, spaces before the dash': run('## Phase 1\n\n- **a**', ' ', 'x'),
  'bold item under a phase, an unclosed bold name': run('## Phase 1\n\n- **a', ' b', ' — x'),
  'item, bold marks': run('- [ ] **a', '*', 'x'),
  'item, one long word': run('- [ ] a', 'a', ''),
  'item, a run of mojibake': run('- [ ] a ', 'Ã©â€œ', 'x'),
  'item, trailing tags then a word': run('- [ ] a', ' #a', ' x.'),
  'item, trailing +projects then a word': run('- [ ] a', ' +a', ' x.'),
  'item, cited codes in brackets': run('- [ ] A-1 (B-1', ', B-1', ' x'),
  'item, bold lead then spaces': run('- [ ] **a**', ' ', 'x'),
  'item, spaced hyphens before words': run('- [ ] a', ' - b', ' - Low'),
  'item, spaced hyphens in brackets': run('- [ ] a (', ' - b', ' - Done'),
  'owner line, stops then spaces': run('## A\n\nTeam: **a** and b', '. ', 'x'),
  'owner line, a stop then spaces': run('## A\n\nTeam: a.', ' ', 'x'),
  'heading, dashed date part then spaces': run('## A-1 — a — 2026-01-01', ' ', 'x'),
  'heading, spaces then a letter': run('## Phase 1: a', ' ', 'x'),
  'heading, a state then spaces before a dash': run('## Pending', ' ', '- x'),
  'heading, repeated done marks': run('## Phase 1 ', '✅ ', 'x'),
  'heading, closing hashes': run('## a', ' #', 'x'),
  'heading, owner then bracket pairs': run('## Part 1: a (Owner', ' ()', 'x'),
  'heading, Korean stage numbers': run('## 1단계 ', '1 ~ 1 ', '단x'),
  'heading, a lane with open brackets': run('## Done (Phase 1 ', '( ', 'x'),
  'heading, outline number parts': run('### 1', '.1', ' x'),
  'heading, outline number then spaces': run('### 1.1.', ' ', 'x - Done'),
  'line, a short name then spaces': run('Shipped', ' ', ':x'),
  'item, open brackets between dashes': run('- [ ] a', ' ( —', 'x'),
  'cell, spaces then a letter': (size) => table(`a${' '.repeat(size)}x`, '⏳ Pending', ''),
  'cell, repeated done marks': (size) => table('a', '✅ '.repeat(size / 2), ''),
  'cell, one long word': (size) => table('a', 'a'.repeat(size), ''),
  'cell, Phase then spaces in Depends': (size) => table('a', '⏳ Pending', `Phase${' '.repeat(size)}x`),
  'cell, many ids in Depends': (size) => table('a', '⏳ Pending', '1, '.repeat(size / 3)),
  'cell, a long drawn tree before the title': (size) => table(`└${'─ '.repeat(size / 2)}x`, '⏳ Pending', ''),
  'state cell, a mark then spaces': (size) => markTable(`X${' '.repeat(size)}(a)`),
  'state cell, a mark and open brackets': (size) => markTable(`X (${'('.repeat(size)}`),
  'lane cell, open comments': (size) => laneTable(`a ${'<!--'.repeat(size / 4)}`),
  'lane cell, pictures with open brackets': (size) => laneTable(`${'![]('.repeat(size / 4)}a`),
  'lane cell, many pictures': (size) => laneTable(`${'![](a)'.repeat(size / 6)} a`),
  'lane cell, a long count': (size) => laneTable(`${'1.'.repeat(size / 4)}1 x${' '.repeat(size / 2)}y!`, '12'),
  'lane cell, a long date': (size) => laneTable(`January${'.'.repeat(size / 2)} 3${'1'.repeat(size / 2)}`, 'Jan 3'),
  'lane cell, many shortcodes': (size) => laneTable(`${':a_b: '.repeat(size / 6)}:c`, ':x:'),
  'field, Last Updated then spaces': run('**Last Updated**:', ' ', 'x'),
  'field, Status then spaces': run('- [ ] a\n  **Status**:', ' ', 'x'),
  'field item, empty label then spaces': run('- **Status**: a\n- **Steps**:', ' ', ''),
  'field item, bold label then spaces': run('- **Status**: a\n- **Steps', ' ', ':'),
};

/** A table with a column per state (`| Task | Todo | Done |`), its Done cell `cell`. */
function markTable(cell: string): string {
  return ['| Task | Todo | Done |', '|---|---|---|', '| a |  | X |', `| b |  | ${cell} |`].join('\n');
}

/** A board whose columns are its lanes (`| Todo | Doing | Done |`), its first card `first` and a Doing cell `cell`. */
function laneTable(cell: string, first = 'a'): string {
  return ['| Todo | Doing | Done |', '|---|---|---|', `| ${first} |  |  |`, `| ${first} | ${cell} |  |`].join('\n');
}

function table(title: string, status: string, depends: string): string {
  return ['| # | Task | Status | Depends |', '|---|---|---|---|', `| 1 | ${title} | ${status} | ${depends} |`].join('\n');
}

/** A plan around the hostile line, so each reader meets it where it would in a file. */
const fileAround = (line: string) => `# Plan\n\n## Phase 1\n\n- [ ] first task\n\n${line}\n\n- [ ] last task\n`;

// Every reader of file text, each given a whole file.
const vocab = Vocabulary.of();
const READERS: Record<string, (text: string) => unknown> = {
  'fast parser': (text) => parseFast(maskFrontMatter(text).masked),
  'remark parser': (text) => parseWithRemark(maskFrontMatter(text).masked),
  'model builder': (text) => build(text),
  'status reader': (text) => eachLine(text, (l) => vocab.read(l)),
  'mojibake finder': (text) => findMojibake(text),
  'dependency reader': (text) =>
    eachLine(text, (l) => {
      inlineDependencies(l);
      parseReferences(l);
      dependsField(l, 0, l.length);
    }),
  'merge readers': (text) => {
    const plan = build(text);
    const segments = segmentsOf(text, plan) ?? [];
    stampLines(text, plan, segments);
    const labels = { ours: 'ours', base: 'base', theirs: 'theirs' };
    parseHunks(`<<<<<<< ours\n${text}||||||| base\n${text}=======\n${text}>>>>>>> theirs\n`, labels, 7);
    return splitLines(text);
  },
};

function build(text: string) {
  const { masked, frontMatter } = maskFrontMatter(text);
  const blocks = parseFast(masked);
  return buildPlan({
    file: 'PLAN.md',
    text,
    frontMatter,
    blocks: blocks ?? parseWithRemark(masked),
    parser: blocks ? 'fast' : 'remark',
    invalidUtf8: false,
    repair: (s) => s,
  });
}

function eachLine(text: string, read: (line: string) => unknown): void {
  for (const line of text.split('\n')) read(line);
}

/** The CPU time `f` takes, in milliseconds: of this process only (user + system), so waiting for a core on a loaded machine adds nothing to it. A fast call is repeated until some milliseconds add up (one call is too short to measure). */
function cpuTime(f: () => unknown): number {
  const t0 = process.cpuUsage();
  let calls = 0;
  let spent = 0;
  do {
    f();
    calls++;
    const d = process.cpuUsage(t0);
    spent = (d.user + d.system) / 1000;
  } while (spent < 5);
  return spent / calls;
}

/**
 * How much longer `read` takes on `large` than on `small`: the least of a few runs of each, the two sizes in turn (so a
 * change in the machine meets both); one run where it grows no more than half the bound (far from quadratic).
 */
function growth(read: (text: string) => unknown, small: string, large: string, bound = RATIO): { ratio: number; small: number; large: number } {
  const s: number[] = [];
  const l: number[] = [];
  // Untimed: a first read compiles what the reader meets first (expressions, code), which a single run would count.
  read(small);
  for (let i = 0; i < RUNS; i++) {
    s.push(cpuTime(() => read(small)));
    l.push(cpuTime(() => read(large)));
    if (Math.min(...l) / Math.min(...s) <= bound / 2) break;
  }
  return { ratio: Math.min(...l) / Math.min(...s), small: Math.min(...s), large: Math.min(...l) };
}

describe('every reader reads hostile text in CPU time linear in its size', () => {
  for (const [name, read] of Object.entries(READERS)) {
    it(name, () => {
      const slow: string[] = [];
      for (const [shape, make] of Object.entries(SHAPES)) {
        const small = fileAround(make(N));
        const large = fileAround(make(GROWTH * N));
        const g = growth(read, small, large);
        if (g.ratio <= RATIO || g.large < NOISE_MS) continue;
        // Confirmed one doubling further, where the collector and the compiler no longer favour the small text: a
        // quadratic read takes 4× as long on twice the text, a linear one 2×.
        const larger = fileAround(make(2 * GROWTH * N));
        const again = growth(read, large, larger, CONFIRM_RATIO);
        if (again.ratio > CONFIRM_RATIO)
          slow.push(
            `${shape}: ${g.small.toFixed(1)} ms at ${small.length} chars, ${g.large.toFixed(1)} ms at ${large.length} (${g.ratio.toFixed(0)}×), ${again.large.toFixed(1)} ms at ${larger.length} (${again.ratio.toFixed(1)}×)`,
          );
      }
      expect(slow).toEqual([]);
    }, 600_000);
  }
});
