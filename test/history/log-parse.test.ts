// Reading `git log --follow --raw -z` records.
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/git/log.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const Z = '0'.repeat(40);
// The format's fields, its closing NUL, and the NUL git ends a -z header with.
const head = (hash: string, author: string) => `${hash}\0${author}\x002026-01-02T10:00:00+01:00\x002026-01-02T11:00:00+01:00\0\0`;

describe('parseLog', () => {
  it('reads modifications, renames, creations and combined (merge) records', () => {
    const out = [
      `${head('1'.repeat(40), 'Ana')}\n:100644 100644 ${A} ${B} M\0plan.md\0`,
      `${head('2'.repeat(40), 'Bo Ng')}\n:100644 100644 ${A} ${A} R100\0old.md\0plan.md\0`,
      `${head('3'.repeat(40), 'Cy')}\0::100644 100644 100644 ${A} ${B} ${C} MM\0plan.md\0`,
      `${head('4'.repeat(40), 'Di')}\n:000000 100644 ${Z} ${A} A\0old.md\0`,
      `${head('5'.repeat(40), 'Ed')}`,
    ].join('');
    const commits = parseLog(out);
    expect(commits.map((c) => [c.author, c.before, c.after, c.path])).toEqual([
      ['Ana', [A], B, 'plan.md'],
      ['Bo Ng', [A], A, 'plan.md'],
      ['Cy', [A, B], C, 'plan.md'],
      ['Di', [null], A, 'old.md'],
    ]);
    expect(commits[0]).toMatchObject({ authorDate: '2026-01-02T10:00:00+01:00', commitDate: '2026-01-02T11:00:00+01:00' });
  });

  it('takes an author name holding U+001E, or what looks like a commit, as the name (NUL alone separates fields)', () => {
    const forged = `Eve\x1e${'9'.repeat(40)}`;
    const out = [
      `${head('1'.repeat(40), forged)}\n:100644 100644 ${A} ${B} M\0plan.md\0`,
      `${head('2'.repeat(40), 'Bo')}\n:100644 100644 ${C} ${A} M\0plan.md\0`,
    ].join('');
    const commits = parseLog(out);
    expect(commits.map((c) => [c.hash, c.author, c.before, c.after])).toEqual([
      ['1'.repeat(40), forged, [A], B],
      ['2'.repeat(40), 'Bo', [C], A],
    ]);
  });
});
