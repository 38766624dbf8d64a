// The undo journal: reverse edits, bounds, and the command line it records.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, type Edit } from '../../src/write/splice.js';
import { commandLine, digest, Journal, MAX_ENTRIES, reverse } from '../../src/write/journal.js';

describe('reverse edits', () => {
  it('turn the text a write produced back into the text before, whatever the order of the edits', () => {
    const before = 'alpha beta gamma delta';
    const edits: Edit[] = [
      { start: 17, end: 22, expect: 'delta', text: 'DELTA!!' },
      { start: 0, end: 5, expect: 'alpha', text: 'a' },
      { start: 6, end: 10, expect: 'beta', text: '' },
    ];
    const after = applyEdits(before, edits, 'f');
    expect(after).toBe('a  gamma DELTA!!');
    const back = reverse(edits).map((u) => ({ ...u, expect: after.slice(u.start, u.end) }));
    expect(applyEdits(after, back, 'f')).toBe(before);
  });
});

describe('the journal file', () => {
  it(`keeps the last ${MAX_ENTRIES} writes, oldest dropped first`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-journal-'));
    try {
      const env = { PLAN_CACHE_DIR: dir };
      for (let k = 0; k < MAX_ENTRIES + 5; k++) {
        Journal.forPlan('/p/PLAN.md', env).record([{ start: 0, end: 1, expect: 'x', text: `${k}` }], Buffer.from('x'), Buffer.from(`${k}`), `set ${k}`);
      }
      const j = Journal.forPlan('/p/PLAN.md', env);
      expect(j.entries()).toHaveLength(MAX_ENTRIES);
      expect(j.entries()[0]!.command).toBe('set 5');
      expect(j.last()).toMatchObject({ command: `set ${MAX_ENTRIES + 4}`, after: digest(Buffer.from(`${MAX_ENTRIES + 4}`)) });
      j.dropLast();
      expect(Journal.forPlan('/p/PLAN.md', env).last()!.command).toBe(`set ${MAX_ENTRIES + 3}`);
      // Another plan file has its own journal.
      expect(Journal.forPlan('/q/PLAN.md', env).entries()).toEqual([]);
      expect(readFileSync(join(dir, 'undo', readdirNames(dir)[0]!), 'utf8')).toMatch(/^\[/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records the command without the flags that pick the file or the output', () => {
    expect(commandLine(['-f', 'x.md', '--json', 'set', '1.2', 'done', '--no-touch'])).toBe('set 1.2 done --no-touch');
    expect(commandLine(['--file=x.md', 'edit', '3', '--notes', 'two words'])).toBe('edit 3 --notes "two words"');
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(join(dir, 'undo'));
}
