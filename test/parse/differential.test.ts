// The fast scanner must agree with remark block for block wherever it answers.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseFast } from '../../src/parse/fast.js';
import { parseWithRemark } from '../../src/parse/remark.js';
import { maskFrontMatter, parseDocument } from '../../src/parse/index.js';
import { genPlan } from '../helpers/gen.js';
import { CORPUS, SEED } from '../helpers/run.js';

function compare(text: string): 'fast' | 'bailed' {
  const { masked } = maskFrontMatter(text);
  const fast = parseFast(masked);
  if (fast === null) return 'bailed';
  expect(fast).toEqual(parseWithRemark(masked));
  return 'fast';
}

describe('fast parser vs remark', () => {
  it('agrees on the seed (and does not bail on it)', () => {
    expect(compare(readFileSync(SEED, 'utf8'))).toBe('fast');
  });

  it('agrees on lists whose markers step deeper one space at a time (or bails to remark)', () => {
    const staircase = Array.from({ length: 5 }, (_, i) => `${' '.repeat(i)}- [ ] ${'abcde'[i]}`).join('\n');
    const ordered = '1. [ ] a\n\n  2. [ ] b\n\n    3. [ ] c\n';
    const mixed = '- [ ] a\n - [ ] b\n- [ ] c\n';
    for (const text of [staircase, ordered, mixed, `# Plan\n\n${staircase}\n\n## More\n\n${ordered}`]) compare(text);
    expect([compare(staircase), compare(ordered)]).toEqual(['bailed', 'bailed']);
  });

  it('reads plain one-line link reference definitions (no block), and leaves their other forms to remark', () => {
    const plain = [
      '- [ ] a [link][x]\n\n[x]: https://example.com/a\n[y]: <https://example.com/b> "B"\n  [z]: /c (C)\n\n## Next\n\n- [x] b\n',
      "# Plan\n[x]: /a 'A'\n- [ ] a\n".replace('\n- [ ] a', '\n\n- [ ] a'),
      '[x]: <>\n',
    ];
    for (const text of plain) expect(compare(text), text).toBe('fast');
    const other = [
      'text\n[x]: /a\n', // no paragraph interruption: text
      '[x]: /a\n"title on the next line"\n',
      '[x]: /a\ntext joined to it\n',
      '[x]:\n/a\n',
      '[^1]: a footnote\n',
      '[ ]: /a\n',
      '[x]: /a(b)\n',
      '[x]: /a "open title\n',
      '[x]: /a "t" junk\n',
      '[a\\]b]: /a\n', // an escaped bracket in the label
      '[a label\ngoing on]: /a\n',
      '    code\n[x]: /a\n',
      '[x]: /a\n    [y]: /b\n',
    ];
    for (const text of other) expect(compare(text), text).toBe('bailed');
  });

  it('agrees on generated plans of 1,000 tasks', () => {
    expect(compare(genPlan(1000, 7))).toBe('fast');
  });

  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];
  it.skipIf(corpus.length === 0)(`agrees on every corpus file it reads (${corpus.length} files in ${CORPUS})`, () => {
    const used: string[] = [];
    for (const f of corpus) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      if (compare(text) === 'fast') used.push(f);
    }
    // Every corpus file is plain enough for the fast path: a bail here is a regression in speed.
    expect(used, `fast path used for ${used.length}/${corpus.length} corpus files`).toHaveLength(corpus.length);
  });

  it('agrees on random plans built from real-world line shapes', () => {
    const seen = { fast: 0, bailed: 0 };
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (ls, eol) => {
        seen[compare(ls.join(eol))]++;
      }),
      { numRuns: 4000 },
    );
    // The comparison only means something where the fast path answers.
    expect(seen.fast).toBeGreaterThan(400);
    console.log(`random plans: fast path answered ${seen.fast}, bailed ${seen.bailed}`);
  });

  it('agrees on random plans mid-merge: the conflict markers are left out by both, at the same offsets', async () => {
    const chunk = fc.array(lines, { maxLength: 8 });
    const conflict = fc
      .tuple(chunk, chunk, fc.option(chunk), chunk, chunk, fc.constantFrom('', ' HEAD', ' ours'))
      .map(([before, ours, base, theirs, after, label]) => [
        ...before,
        `<<<<<<<${label}`,
        ...ours,
        ...(base ? ['||||||| base', ...base] : []),
        '=======',
        ...theirs,
        '>>>>>>> theirs',
        ...after,
      ]);
    await fc.assert(
      fc.asyncProperty(fc.array(conflict, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), async (parts, eol) => {
        const text = parts.flat().join(eol);
        const fast = await parseDocument(text);
        process.env.PLAN_PARSER = 'remark';
        try {
          const full = await parseDocument(text);
          expect(full.conflicts).toHaveLength(parts.length);
          if (fast.parser === 'fast') expect(fast.blocks).toEqual(full.blocks);
          // No block starts on a marker line.
          for (const b of full.blocks) expect(text.slice(b.start, b.start + 7)).not.toMatch(/^(<{7}|={7}|>{7}|\|{7})/);
        } finally {
          delete process.env.PLAN_PARSER;
        }
      }),
      { numRuns: 150 },
    );
  });
});

const lines = fc.constantFrom(
  '',
  '',
  '',
  '# Sprint 1',
  '## Week 2: Focus',
  '### Phase 3 ##',
  '#No heading',
  '####### seven',
  '| # | Task | Status |',
  '|---|------|--------|',
  '| :-- | :-: | --: |',
  '| 1.1 | Do it | ✅ Done |',
  '| 2 | `a\\|b` | ⏳ |',
  '| x | y |',
  'a | b',
  '--|--',
  '| only |',
  '|  | empty |  |',
  '| 1 | two | three | four |',
  '|',
  '\\| not a row |',
  '- [ ] open item',
  '- [x] done item',
  '- [X] **1.2 Bold id**: notes',
  '* plain bullet',
  '+ plus',
  '1. first',
  '2. second',
  '3) paren',
  '  - nested',
  '    - deeper',
  '  continuation',
  '      indented more',
  '- **5.A Title**: notes',
  '-',
  '- [ ]',
  '- [x] ',
  '    code',
  '```',
  '```js',
  '~~~',
  '---',
  '***',
  '___',
  '- - -',
  '===',
  'Paragraph text',
  'more text with | pipe',
  '> quote',
  '<!-- comment -->',
  '<!-- open',
  'close -->',
  '<details>',
  '</details>',
  '<summary>Done</summary>',
  '<span>x</span>',
  '[ref]: http://x',
  'Text  ',
  '  indented text',
  '1.2 not a list',
  '10. ten',
  '- | cell | like |',
  '  | a | b |',
  '  |---|---|',
  '> quoted text',
  '>',
  '> - quoted item',
  '> | a | b |',
  '>> nested',
  '  ```',
  '  ~~~',
  '     deep text',
  '  | 1 | 2 |',
  '  - [ ] nested box',
  '1. [x] ordered box',
  '- [ ] | pipe | in item |',
  '## Week 1 (IN PROGRESS)',
  'foo | bar',
  '===',
  '**Status**: ✅ Complete',
  '**Plans:** 3/3 plans complete',
  '- **Status**: [x] FIXED',
  '<details><summary>v1.0 (Phases 1-7)</summary>',
  '<summary>✅ v1.1 Shipped</summary>',
  '</details>',
  '<!-- <details> -->',
  'Task 1 | completed | notes',
  '   **Goal**: x',
);
