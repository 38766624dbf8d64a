// Reading is linear in the size of the text, whatever the text holds: one hostile line
// (a long run of spaces, of `✅ `, of backticks, `(blocked by` + spaces …) must not make
// a reader backtrack quadratically and hang `list`, `mcp`, `watch` or the merge driver.
//
// Each reader runs on each hostile shape and its time is compared with the time of
// reading a plain plan of the same size (never an absolute time, so a loaded machine
// slows both alike). The bound is generous (20×): a quadratic pattern misses it by
// orders of magnitude. The shapes run first at 32 KB, where a quadratic reader
// fails in seconds, then at 256 KB. A reader that spends c per pair of characters
// besides its linear b per character takes (c/b)·N times the plain file's time at
// size N: 256 KB catches a quadratic term down to 1/13,000 of the linear cost per
// step (a backtracking expression, whose steps cost about what a linear pass's do,
// misses the bound some 13,000-fold), and a recursion as deep as the line (no
// more than some 10,000 frames fit Node's stack) throws there as it would at 1 MB.
// (It read 1 MB before: three quarters of the test's time.)

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
import { genPlan } from '../helpers/gen.js';

const RATIO = 20;
const SIZES = [32 * 1024, 256 * 1024];

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
  'item, dashes and colons': run('- [ ] a', ' —:', 'x'),
  'item, bold marks': run('- [ ] **a', '*', 'x'),
  'item, one long word': run('- [ ] a', 'a', ''),
  'heading, spaces then a letter': run('## Phase 1: a', ' ', 'x'),
  'heading, repeated done marks': run('## Phase 1 ', '✅ ', 'x'),
  'heading, closing hashes': run('## a', ' #', 'x'),
  'cell, spaces then a letter': (size) => table(`a${' '.repeat(size)}x`, '⏳ Pending', ''),
  'cell, repeated done marks': (size) => table('a', '✅ '.repeat(size / 2), ''),
  'cell, one long word': (size) => table('a', 'a'.repeat(size), ''),
  'cell, Phase then spaces in Depends': (size) => table('a', '⏳ Pending', `Phase${' '.repeat(size)}x`),
  'cell, many ids in Depends': (size) => table('a', '⏳ Pending', '1, '.repeat(size / 3)),
  'field, Last Updated then spaces': run('**Last Updated**:', ' ', 'x'),
  'field, Status then spaces': run('- [ ] a\n  **Status**:', ' ', 'x'),
};

function table(title: string, status: string, depends: string): string {
  return ['| # | Task | Status | Depends |', '|---|---|---|---|', `| 1 | ${title} | ${status} | ${depends} |`].join('\n');
}

/** A plan around the hostile line, so each reader meets it where it would in a file. */
const fileAround = (line: string) => `# Plan\n\n## Phase 1\n\n- [ ] first task\n\n${line}\n\n- [ ] last task\n`;

const PLAIN = (size: number) => {
  let tasks = Math.max(1, Math.floor(size / 80));
  let text = genPlan(tasks);
  while (text.length > size && tasks > 1) text = genPlan((tasks = Math.floor((tasks * size) / text.length)));
  return text;
};

// Every reader of file text, each given a whole file.
const vocab = Vocabulary.of();
const READERS: Record<string, (text: string) => unknown> = {
  'fast parser': (text) => parseFast(maskFrontMatter(text).masked),
  'remark parser': (text) => parseWithRemark(maskFrontMatter(text).masked),
  'model builder': (text) => build(text),
  'status reader': (text) => eachLine(text, (l) => vocab.read(l)),
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

/** The best of a few runs, in milliseconds (the best is the least disturbed by the machine). */
function time(f: () => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('every reader reads hostile text in time linear in its size', () => {
  for (const [name, read] of Object.entries(READERS)) {
    it(name, () => {
      const slow: string[] = [];
      for (const size of SIZES) {
        const plain = PLAIN(size);
        const base = time(() => read(plain));
        for (const [shape, make] of Object.entries(SHAPES)) {
          const text = fileAround(make(size - 60));
          const took = time(() => read(text), size > 100_000 ? 1 : 3);
          if (took > RATIO * base)
            slow.push(`${shape} at ${size} chars: ${took.toFixed(0)} ms, ${(took / base).toFixed(0)}× the plain file's ${base.toFixed(1)} ms`);
        }
        if (slow.length) break;
      }
      expect(slow).toEqual([]);
    }, 600_000);
  }
});
