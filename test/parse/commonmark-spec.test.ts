// The fast scanner answers only where it reads a file as remark does: every
// example of the CommonMark spec (commonmark-spec on npm) it answers gives the
// blocks remark gives, so which parser ran never changes the tasks a file has
// (a tab added anywhere sends the file to remark).
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { parseFast } from '../../src/parse/fast.js';
import { parseWithRemark } from '../../src/parse/remark.js';

interface SpecExample {
  markdown: string;
  section: string;
}
const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] };

describe('fast parser vs remark on the CommonMark spec examples', () => {
  it('agrees on every example it answers, and answers most of them', () => {
    const disagree: string[] = [];
    let answered = 0;
    tests.forEach((t, i) => {
      const fast = parseFast(t.markdown);
      if (fast === null) return;
      answered++;
      const full = parseWithRemark(t.markdown);
      if (JSON.stringify(fast) !== JSON.stringify(full)) disagree.push(`example ${i + 1} (${t.section}): ${JSON.stringify(t.markdown)}`);
    });
    expect(disagree).toEqual([]);
    // The scanner is the fast path for plain files: it must not get there by bailing on everything.
    expect(answered).toBeGreaterThan(tests.length * 0.7);
  });

  it('leaves an item whose content is indented code to remark, wherever it stands', () => {
    for (const text of ['1.     code\n\n   paragraph\n', 'Text\n-      code\n', '> -     code\n']) expect(parseFast(text), text).toBeNull();
    expect(parseFast('- [ ] a task\n  - [x] done\n')).not.toBeNull();
  });
});
