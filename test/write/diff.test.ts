// The windowed diff is a correct patch of the whole file: applied to the old
// text it gives the new one. (Where an edit leaves equal lines side by side,
// it may align them differently from a whole-file diff; both are right.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyPatch, createTwoFilesPatch } from 'diff';
import { unifiedDiff } from '../../src/write/diff.js';
import { applyEdits, type Edit } from '../../src/write/splice.js';
import { SEED } from '../helpers/run.js';

const seed = readFileSync(SEED, 'utf8');
const crlf = seed.replace(/\n/g, '\r\n');

describe('unifiedDiff', () => {
  it('is the whole-file diff for a status change', async () => {
    const after = seed.replace('üîÑ Next', '✅ Complete').replace('modified: 2026-02-20', 'modified: 2026-11-25');
    const a = seed.indexOf('üîÑ Next');
    const m = seed.indexOf('2026-02-20', seed.indexOf('modified:'));
    const edits: Edit[] = [
      { start: m, end: m + 10, expect: '2026-02-20', text: '2026-11-25' },
      { start: a, end: a + 'üîÑ Next'.length, expect: 'üîÑ Next', text: '✅ Complete' },
    ];
    expect(applyEdits(seed, edits, 'plan.md')).toBe(after);
    expect(await unifiedDiff('plan.md', seed, after, edits)).toBe(
      createTwoFilesPatch('a/plan.md', 'b/plan.md', seed, after, undefined, undefined, { context: 3 }),
    );
  });

  it('is a correct patch for random non-overlapping edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(seed, crlf),
        fc.uniqueArray(fc.nat({ max: seed.length - 1 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom('', 'x', '✅ Done', '2026-11-25', '\n| 1.4 | new | ⏳ Pending |'), { minLength: 5, maxLength: 5 }),
        fc.array(fc.nat({ max: 6 }), { minLength: 5, maxLength: 5 }),
        async (text, points, texts, lengths) => {
          const sorted = [...points].map((p) => Math.min(p, text.length - 1)).sort((a, b) => a - b);
          const edits: Edit[] = [];
          let last = -1;
          sorted.forEach((p, i) => {
            // Edits as plan makes them: replacements within a line, or a new
            // line inserted at the end of one (plan add). Never a no-op.
            if (p <= last || /[\uDC00-\uDFFF]/.test(text[p]!)) return;
            const inserted = texts[i]!;
            if (inserted.includes('\n')) {
              const eol = text.indexOf(text.includes('\r\n') ? '\r\n' : '\n', p);
              if (eol === -1 || eol <= last) return;
              edits.push({ start: eol, end: eol, expect: '', text: inserted.replace(/\n/g, text.includes('\r\n') ? '\r\n' : '\n') });
              last = eol;
              return;
            }
            let end = Math.min(text.length, p + lengths[i]!);
            const lineEnd = text.slice(p).search(/\r?\n/);
            if (lineEnd !== -1) end = Math.min(end, p + lineEnd);
            while (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
            if (end === p && inserted === '') return;
            if (text.slice(p, end) === inserted) return;
            edits.push({ start: p, end, expect: text.slice(p, end), text: inserted });
            last = end;
          });
          if (edits.length === 0) return;
          const after = applyEdits(text, edits, 'plan.md');
          const patch = await unifiedDiff('plan.md', text, after, edits);
          expect(applyPatch(text, patch)).toBe(after);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
