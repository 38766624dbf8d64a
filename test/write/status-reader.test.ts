// One status reader for reading and writing: the writer finds the status of a
// cell exactly where `list` reads it, on every status cell of the seed and the
// corpus, and on generated cells (links, HTML, emphasis, shortcodes, damaged
// emoji, notes). What the writer replaces, written with another status, reads
// as that status, and the note it keeps reads the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateStatus } from '../../src/write/status-text.js';
import { displayText } from '../../src/read/build.js';
import { Vocabulary } from '../../src/model/status.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { mayHaveMojibake } from '../../src/text/mojibake-check.js';
import { CORPUS, SEED } from '../helpers/run.js';
import { planOf } from '../helpers/inproc.js';

async function statusCells(text: string): Promise<{ raw: string; status: string; vocab: Vocabulary }[]> {
  const plan = await planOf(text);
  const vocab = Vocabulary.of(plan.statusExtension);
  return plan.tasks.flatMap((t) => {
    const src = t.source;
    const cell = src.type === 'row' && src.columns.status !== undefined ? src.cells[src.columns.status] : undefined;
    return cell ? [{ raw: text.slice(cell.start, cell.end), status: t.status, vocab }] : [];
  });
}

describe('the writer reads a cell as the reader does', () => {
  const files = [
    SEED,
    ...(existsSync(CORPUS)
      ? readdirSync(CORPUS)
          .filter((f) => f.endsWith('.md'))
          .map((f) => join(CORPUS, f))
      : []),
  ];
  it(`on every status cell of the seed and the corpus (${files.length} files)`, async () => {
    let cells = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const repair = mayHaveMojibake(text) ? repairMojibake : (s: string) => s;
      for (const { raw, status, vocab } of await statusCells(text)) {
        const p = locateStatus(raw, vocab, repair);
        expect(p.status, `${file}: ${JSON.stringify(raw)}`).toBe(status);
        if (p.status !== 'none') {
          // The note kept after the phrase reads the same once a new status stands before it.
          const rebuilt = `⏳ Pending${p.suffix}${raw.slice(p.end)}`;
          expect(vocab.read(displayText(rebuilt, repair)).status, `${file}: ${JSON.stringify(rebuilt)}`).toBe('pending');
          if (p.kept) expect(displayText(rebuilt, repair).endsWith(p.kept), `${file}: ${JSON.stringify(rebuilt)}`).toBe(true);
        }
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(existsSync(CORPUS) ? 700 : 5);
  });

  const STATUS = [
    'Done',
    '✅ Done',
    '✅',
    '🔄 In Progress',
    'Partially Implemented',
    '❌ Not tested',
    '⏳',
    'WIP',
    'blocked',
    ':white_check_mark: Done',
    '✅️ Complete',
    '🟡 mostly done',
    'not started',
  ];
  const WRAP = [(s: string) => s, (s: string) => `**${s}**`, (s: string) => `[${s}](http://x)`, (s: string) => `<b>${s}</b>`, (s: string) => `_${s}_`];
  const NOTE = ['', ' (Phase 3)', ' — see [#12](http://x/12)', ' - mas', ' 2025-01-20', ' @ana', ': details here', ' — `code` after'];
  it('on generated cells', () => {
    const vocab = Vocabulary.of();
    fc.assert(
      fc.property(fc.constantFrom(...STATUS), fc.constantFrom(...WRAP), fc.constantFrom(...NOTE), (status, wrap, note) => {
        const raw = wrap(status) + note;
        const read = vocab.read(displayText(raw, (s) => s)).status;
        const p = locateStatus(raw, vocab);
        expect(p.status).toBe(read);
        const rebuilt = `⛔ Blocked${p.suffix}${raw.slice(p.end)}`;
        expect(vocab.read(displayText(rebuilt, (s) => s)).status).toBe('blocked');
        if (note.trim()) expect(displayText(rebuilt, (s) => s)).toBe(`⛔ Blocked${note.startsWith(' ') ? ' ' : ''}${displayText(note, (s) => s)}`);
      }),
      { numRuns: 400 },
    );
  });
});
