// Set every task to another status and back (test/write/roundtrip.ts): the seed,
// boards and items of our own (the corpus: test/write/corpus-sweep-*.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED } from '../helpers/run.js';
import { roundTripAll } from './roundtrip.js';

describe('set and set back', () => {
  it('restores the seed byte for byte for every task with a status', async () => {
    const r = await roundTripAll(readFileSync(SEED, 'utf8'));
    expect(r.checked).toBe(7);
  });

  it('restores a board: a task moved to another section and back, last in its section, gives back the bytes', async () => {
    const text = ['# B', '', '## Todo', '', '- [ ] One', '- [ ] Two', '', '## Done', '', '- [x] Three', ''].join('\n');
    const r = await roundTripAll(text);
    expect(r.checked).toBe(3);
  });

  it('restores an item whose words after the title are rewritten with its mark (both remembered)', async () => {
    const text = ['# Milestones', '', '- ✅ **v1.0 Dark Mode** — Phases 1-5 (shipped 2026-03-05)', '- 🚧 v2 app (blocked on step 4)', ''].join('\n');
    const r = await roundTripAll(text);
    expect(r.checked).toBe(2);
  });
});
