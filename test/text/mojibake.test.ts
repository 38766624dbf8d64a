import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findMojibake, mayHaveMojibake, repairMojibake, type MojibakeFix } from '../../src/text/mojibake.js';
import { mayHaveMojibake as checkOnly, mayHaveMojibakeAfter } from '../../src/text/mojibake-check.js';

type CodePage = MojibakeFix['codePage'];
const CODE_PAGES: CodePage[] = ['macintosh', 'windows1252', 'latin1'];

/** Bytes iconv-lite decodes to U+FFFD, as real damaged files show them. */
const SUPPLEMENT: Record<CodePage, Record<number, string>> = {
  macintosh: { 0xf0: '\uF8FF' },
  windows1252: { 0x81: '\u0081', 0x8d: '\u008D', 0x8f: '\u008F', 0x90: '\u0090', 0x9d: '\u009D' },
  latin1: {},
};

/** UTF-8 bytes of `s` read through `cp`: the damage being repaired. */
function damage(s: string, cp: CodePage): string {
  const bytes = Buffer.from(s, 'utf8');
  const decoded = iconv.decode(bytes, cp);
  expect(decoded.length).toBe(bytes.length); // one character per byte
  return Array.from(decoded, (ch, k) => (ch === '\uFFFD' ? (SUPPLEMENT[cp][bytes[k]!] ?? ch) : ch)).join('');
}

/** The character `cp` shows for byte `b`. */
function charOf(b: number, cp: CodePage): string {
  return SUPPLEMENT[cp][b] ?? iconv.decode(Buffer.of(b), cp);
}

const CLEAN = [
  'Café',
  'naïve',
  'Zoë',
  'Ærøskøbing',
  'SÃO PAULO',
  'Ñandú',
  'déjà vu',
  '“quoted”',
  '—',
  '…',
  '½',
  '©',
  '™',
  '°C',
  '完了',
  '未完了',
  'مكتمل',
  'Не перевірено',
  '✅',
  '⏸️',
  '🔲',
  'CAFÉ–BAR',
];

const ORIGINALS = [
  ...CLEAN,
  '✅ Complete',
  '🔄 Next',
  '⏳ Pending',
  '🔲 Planned',
  '🎯 Next',
  '❌ failed',
  '⚠️ PARTIAL',
  '🟡 In Progress',
  '–',
  '→',
  '←',
  'Σ',
  'θ ε δ',
  '├── README.md',
  '│',
  '████',
  'CE-001–CE-006',
  'Week 1 — Feb 24 – Mar 1',
  '🐍 snake (F0 9F 90 8D: two undefined Windows-1252 bytes)',
  '🏁',
  '👩‍💻',
  '🇫🇷',
  '✍️',
  'Việt Nam',
  'Nguyễn',
  'İstanbul',
  'Łódź',
  'Ελληνικά',
  'עברית',
  '状态: 进行中',
  '진행 중',
  'x² ± 3°',
  'ﬁnal',
  '€ 10',
  '| 1 | Foundation | ✅ Complete |\n| 2 | Engine | 🔄 In Progress — see “Notes” → below |\n- [ ] naïve café ⏳',
  'Paragraph: the café’s “menu” — déjà vu… 完了 ✅; Не перевірено ⏸️ (مكتمل) Σ→∞',
];

describe('round trip: repairMojibake(damage(original)) === original', () => {
  for (const cp of CODE_PAGES) {
    it(`single damage through ${cp}`, () => {
      for (const original of ORIGINALS) {
        const damaged = damage(original, cp);
        expect(repairMojibake(damaged), JSON.stringify(damaged)).toBe(original);
      }
    });
    it(`double damage through ${cp}`, () => {
      for (const original of ORIGINALS) {
        const damaged = damage(damage(original, cp), cp);
        expect(repairMojibake(damaged), JSON.stringify(damaged)).toBe(original);
      }
    });
  }

  it('the examples from the reference files', () => {
    expect(repairMojibake('‚úÖ Complete')).toBe('✅ Complete');
    expect(repairMojibake('‚è≥ Pending')).toBe('⏳ Pending');
    expect(repairMojibake('\uF8FFüîÑ Next')).toBe('🔄 Next');
    expect(repairMojibake('CE-001‚ÄìCE-006')).toBe('CE-001–CE-006');
    expect(repairMojibake('âœ… Complete, ðŸ”² Planned â€” Î£ â†’ x')).toBe('✅ Complete, 🔲 Planned — Σ → x');
  });

  it('a doubly damaged run is reported once, fully repaired', () => {
    const text = `Status: ${damage(damage('✅', 'windows1252'), 'windows1252')} done`;
    const fixes = findMojibake(text);
    expect(fixes).toHaveLength(1);
    const [fix] = fixes;
    expect(fix).toMatchObject({ repaired: '✅', codePage: 'windows1252', damaged: 'Ã¢Å“â€¦' });
    expect(text.slice(fix!.start, fix!.end)).toBe(fix!.damaged);
  });

  it('reports runs in order, with offsets into the input', () => {
    const text = 'a âœ… b ‚úÖ c ðŸ”² d Café';
    const fixes = findMojibake(text);
    expect(fixes.map((f) => [f.damaged, f.repaired, f.codePage])).toEqual([
      ['âœ…', '✅', 'windows1252'],
      ['‚úÖ', '✅', 'macintosh'],
      ['ðŸ”²', '🔲', 'windows1252'],
    ]);
    for (const f of fixes) expect(text.slice(f.start, f.end)).toBe(f.damaged);
    expect(fixes.every((f, k) => k === 0 || fixes[k - 1]!.end <= f.start)).toBe(true);
  });

  it('reads Latin-1 damage (C1 controls) too', () => {
    expect(findMojibake('â\u009c\u0085 ok')).toEqual([{ start: 0, end: 3, damaged: 'â\u009c\u0085', repaired: '✅', codePage: 'latin1' }]);
  });
});

describe('correct text is never changed', () => {
  const tricky = [
    ...CLEAN,
    'CAFÉ…',
    'JOSÉ”',
    'the author—Émile Zola',
    '—été',
    '«été»',
    '“École”',
    'Ø±0.1 mm',
    'Ǎ',
    'ǎ',
    'ș',
    'voilà\u00A0»',
    '« café\u00A0»',
    'il a dit « déjà…” »',
    'Ÿ',
    'Â',
    'Ã',
    'Ð',
    '¬é',
    'Åse',
    '⏸️ BLOCKED',
    '✅ 完了 / ⬜ 未完了',
    '✅ مكتمل',
    '❌ Не перевірено',
    '🔲 保留 (将来実装)',
  ];
  it.each(tricky)('%s', (text) => {
    expect(findMojibake(text)).toEqual([]);
    expect(repairMojibake(text)).toBe(text);
  });

  it('leaves lone surrogates (carriers of invalid bytes) alone and out of runs', () => {
    const text = 'a\uDCC3\uDCA9b \u00C3\uDCA9 \uDC80\uDCFF Ã\uDCA9©';
    expect(findMojibake(text)).toEqual([]);
    expect(repairMojibake(text)).toBe(text);
    expect(repairMojibake('âœ…\uDC80')).toBe('✅\uDC80');
    expect(repairMojibake('\uDCE2âœ…')).toBe('\uDCE2✅');
  });
});

// Clean text cannot be told from damage when it contains a UTF-8 lead byte's
// character next to a continuation byte's. The clean alphabet therefore drops
// the characters of Windows-1252/Latin-1 bytes 0x80–0xBF (continuation bytes:
// symbols such as © « ° — “ and Š œ ž Ÿ ª º µ), so capital accented letters
// (their lead bytes) may stay, and the characters of Mac Roman bytes 0xC2–0xF4
// (lead bytes: ¬ √ « » … – — “ ” ‘ ’ À Ã Õ Œ œ Â Ê Á Ë È Í Î Ï Ì Ó Ô Ò Ú Û Ù, …),
// so small accented letters (its continuation bytes) may stay.
const excluded = new Set<string>();
for (let b = 0x80; b <= 0xbf; b++) {
  excluded.add(charOf(b, 'windows1252'));
  excluded.add(charOf(b, 'latin1'));
}
for (let b = 0xc2; b <= 0xf4; b++) excluded.add(charOf(b, 'macintosh'));

// Random text. CJK and Hangul code points whose 2nd and 3rd UTF-8 bytes are, in
// Windows-1252, a typographic closer pair (NBSP/…/’/” then »/’/”) are left out:
// glued to a preceding letter they read like `café »` or `déjà…”`, which the
// module deliberately leaves alone (1 code point in ~340).
const CLOSER_1 = [0xa0, 0x85, 0x92, 0x94];
const CLOSER_2 = [0xbb, 0x92, 0x94];
const closerPair = (c: number) => CLOSER_1.includes(0x80 | ((c >> 6) & 0x3f)) && CLOSER_2.includes(0x80 | (c & 0x3f));
const codePoint = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));
const ascii = codePoint(0x20, 0x7e);
// Originals must themselves be text that repair leaves alone: `ÀÜ` is Mac Roman
// damage of ˆ and `ÃŸ` Windows-1252 damage of ß, so a doubly repaired original
// containing them would (rightly) lose them too. Hence the same exclusions.
const accented = fc.oneof(
  codePoint(0xc0, 0x17f).filter((ch) => ch !== '×' && ch !== '÷' && !excluded.has(ch)),
  codePoint(0x1ea0, 0x1ef9), // Vietnamese
);
const cjk = fc
  .oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.integer({ min: 0xac00, max: 0xd7a3 }))
  .filter((c) => !closerPair(c))
  .map((c) => String.fromCodePoint(c));
const emoji = fc.oneof(fc.constantFrom('✅', '⏳', '⏸️', '🔲', '🔄', '👩‍💻', '🇫🇷', '❌', '⚠️', '🐍'), codePoint(0x1f300, 0x1f64f));
const text = (unit: fc.Arbitrary<string>) => fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));
const mixed = text(fc.oneof(ascii, ascii, accented, cjk, emoji));

describe('properties', () => {
  for (const cp of CODE_PAGES) {
    it(`repair(damage(s)) === s through ${cp}`, () => {
      fc.assert(
        fc.property(mixed, (s) => repairMojibake(damage(s, cp)) === s),
        { numRuns: 300 },
      );
    });
  }
  for (const cp of ['windows1252', 'macintosh'] as const) {
    it(`repair(damage(damage(s))) === s through ${cp}`, () => {
      fc.assert(
        fc.property(mixed, (s) => repairMojibake(damage(damage(s, cp), cp)) === s),
        { numRuns: 200 },
      );
    });
  }

  // Clean text: beyond the round-trip alphabet, also symbols and Latin
  // Extended-B, Greek and Cyrillic (none of which can pair up either).
  const safeLatin = codePoint(0xa0, 0x24f).filter((ch) => !excluded.has(ch));
  const greekCyrillic = codePoint(0x391, 0x44f).filter((ch) => !excluded.has(ch) && /\p{L}/u.test(ch));
  const clean = text(fc.oneof(ascii, ascii, accented, safeLatin, greekCyrillic, cjk, emoji));

  it('clean text is left alone', () => {
    expect(excluded.has('é')).toBe(false);
    expect(excluded.has('É')).toBe(false);
    fc.assert(
      fc.property(clean, (s) => findMojibake(s).length === 0 && repairMojibake(s) === s),
      { numRuns: 500 },
    );
  });
});

describe('mayHaveMojibake', () => {
  it('is the import-free check, re-exported', () => {
    expect(mayHaveMojibake).toBe(checkOnly);
  });

  it('is true for every lead-byte character followed by a continuation-byte character', () => {
    for (const cp of CODE_PAGES) {
      for (let lead = 0xc2; lead <= 0xf4; lead++) {
        for (let cont = 0x80; cont <= 0xbf; cont++) {
          const pair = charOf(lead, cp) + charOf(cont, cp);
          if (!mayHaveMojibake(pair)) throw new Error(`${cp} ${lead.toString(16)} ${cont.toString(16)}`);
        }
      }
    }
  });

  it('is false for plain text', () => {
    for (const s of ['plain ASCII', 'Café', '完了 未完了', '✅ Complete', '⏸️ 🔲', 'Не перевірено', 'مكتمل']) {
      expect(mayHaveMojibake(s), s).toBe(false);
    }
  });

  it('after edits, says what a scan of the whole new text says (texts long enough to be remembered too)', () => {
    // A lead character, a continuation one, and one that is neither: pairs form inside edits and across their ends.
    const piece = fc.constantFrom('Ã', '©', 'a', '\n');
    const text = fc.tuple(fc.array(piece, { maxLength: 40 }), fc.boolean()).map(([p, long]) => (long ? 'x'.repeat(5000) : '') + p.join(''));
    const edit = fc.record({ back: fc.nat({ max: 45 }), len: fc.nat({ max: 3 }), text: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
    // A whole scan, never answered from what was remembered: no text here holds U+0001.
    const whole = (s: string) => checkOnly(`\u0001${s}`);
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 3 }), (t, raw) => {
        // Non-overlapping edits near the end, as a write makes them (they may touch).
        const edits: { start: number; end: number; text: string }[] = [];
        for (const e of raw) {
          const start = Math.max(0, t.length - e.back);
          const end = Math.min(t.length, start + e.len);
          if (edits.some((x) => (start < x.end && x.start < end) || (x.start === start && start === end && x.end === end))) continue;
          edits.push({ start, end, text: e.text });
        }
        let next = t;
        for (const e of [...edits].sort((a, b) => b.start - a.start)) next = next.slice(0, e.start) + e.text + next.slice(e.end);
        expect(mayHaveMojibakeAfter(t, edits, next)).toBe(whole(next));
        expect(checkOnly(next)).toBe(whole(next));
        expect(checkOnly(t)).toBe(whole(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with findMojibake on random damaged text', () => {
    fc.assert(
      fc.property(mixed, fc.constantFrom(...CODE_PAGES), (s, cp) => {
        const d = damage(s, cp);
        return mayHaveMojibake(d) || findMojibake(d).length === 0;
      }),
    );
  });

  // How fast it is on long text is test/parse/linear-time's (a growth ratio, not a time limit); here, what it finds.
  it('finds nothing in 1 MB of clean text, ASCII or mixed', () => {
    expect(findMojibake('- [ ] task number one, two, three | done |\n'.repeat(25_000))).toEqual([]);
    expect(findMojibake('Café déjà vu — “quoted” 完了 ✅ Ærøskøbing Не перевірено éè\n'.repeat(17_000))).toEqual([]);
  });
});

describe('seed file', () => {
  const seed = readFileSync(fileURLToPath(new URL('../../seeds/progress_planning.md', import.meta.url)), 'utf8');
  it('is repaired', () => {
    const repaired = repairMojibake(seed);
    for (const s of ['✅ Complete', '🔄 Next', '⏳ Pending', 'CE-001–CE-006']) expect(repaired).toContain(s);
    expect(repaired).not.toContain('‚');
    expect(findMojibake(seed).every((f) => f.codePage === 'macintosh')).toBe(true);
    expect(findMojibake(repaired)).toEqual([]);
  });
});

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const haveCorpus = existsSync(corpusDir);
if (!haveCorpus) console.warn(`mojibake tests: ${corpusDir} not found, real-corpus checks skipped`);

describe.skipIf(!haveCorpus)('real corpus', () => {
  const files = haveCorpus
    ? readdirSync(corpusDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  const notes = new Map<string, string>();
  if (haveCorpus && existsSync(corpusDir + 'SOURCES.tsv')) {
    for (const line of readFileSync(corpusDir + 'SOURCES.tsv', 'utf8')
      .split('\n')
      .slice(1)) {
      const cols = line.split('\t');
      if (cols[0]) notes.set(cols[0], cols[cols.length - 1] ?? '');
    }
  }
  const damaged = (f: string) => /mojibake/i.test(notes.get(f) ?? '');

  it('has files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const f of files.filter((f) => !damaged(f))) {
    it(`${f}: nothing to repair`, () => {
      const text = readFileSync(corpusDir + f, 'utf8');
      expect(findMojibake(text)).toEqual([]);
      expect(repairMojibake(text)).toBe(text);
    });
  }

  for (const f of files.filter(damaged)) {
    it(`${f}: Windows-1252 mojibake is repaired`, () => {
      const text = readFileSync(corpusDir + f, 'utf8');
      const fixes = findMojibake(text);
      expect(fixes.some((x) => x.damaged === 'âœ…' && x.repaired === '✅')).toBe(true);
      expect(fixes.every((x) => x.codePage === 'windows1252')).toBe(true);
      const repaired = repairMojibake(text);
      expect(repaired).toContain('✅ Complete');
      expect(repaired).not.toMatch(/â€|âœ|ðŸ|Î£/);
      expect(findMojibake(repaired)).toEqual([]);
    });
  }

  it('02 has 🔲 Planned, 03 has Σ', () => {
    const read = (prefix: string) => {
      const f = files.find((x) => x.startsWith(prefix));
      return f ? repairMojibake(readFileSync(corpusDir + f, 'utf8')) : undefined;
    };
    const f02 = read('02-');
    const f03 = read('03-');
    if (f02 !== undefined) expect(f02).toContain('🔲 Planned');
    if (f03 !== undefined) expect(f03).toContain('Σ');
  });
});
