// Detects and repairs mojibake: UTF-8 bytes that were decoded through a
// single-byte code page (Mac Roman, Windows-1252 or Latin-1), e.g. `âœ…` for ✅,
// `‚úÖ` (Mac Roman) for ✅, `â€”` for —; also the same damage applied twice.
//
// Method: take each maximal run of non-ASCII BMP characters that the code page
// can encode, turn it back into that code page's bytes and replace every
// complete, valid UTF-8 multi-byte sequence whose character is plausible by
// that character; every other byte stays the original character.
import iconv from 'iconv-lite';
import { mayHaveMojibake } from './mojibake-check.js';

export { mayHaveMojibake };

export type CodePage = 'macintosh' | 'windows1252' | 'latin1';

export interface MojibakeFix {
  /** UTF-16 offset of the damaged run in the input. */
  start: number;
  /** UTF-16 offset just past the damaged run. */
  end: number;
  damaged: string;
  /** Fully repaired text (double damage undone too). */
  repaired: string;
  /** Code page of the outermost layer of damage. */
  codePage: CodePage;
}

/** Tried for each run; see findIn for how one is chosen. */
const CODE_PAGES: readonly CodePage[] = ['macintosh', 'windows1252', 'latin1'];

/**
 * Bytes iconv-lite leaves undefined (U+FFFD) that real damaged files contain:
 * Mac Roman 0xF0 is Apple's logo, a private-use character; Windows-1252 bytes
 * 0x81 0x8D 0x8F 0x90 0x9D decode to the C1 controls of the same value (WHATWG).
 */
const SUPPLEMENTS: Record<CodePage, ReadonlyArray<readonly [byte: number, char: number]>> = {
  macintosh: [[0xf0, 0xf8ff]],
  windows1252: [
    [0x81, 0x81],
    [0x8d, 0x8d],
    [0x8f, 0x8f],
    [0x90, 0x90],
    [0x9d, 0x9d],
  ],
  latin1: [],
};

const charToByte = new Map<CodePage, Map<number, number>>();

/**
 * char code → byte for bytes 0x80–0xFF of a code page, built on first use.
 * (ASCII maps to itself, but runs never contain ASCII, so it is left out.)
 */
function encoder(cp: CodePage): Map<number, number> {
  let map = charToByte.get(cp);
  if (!map) {
    map = new Map();
    const high = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, k) => 0x80 + k)), cp);
    for (let k = 0; k < 128; k++) {
      const c = high.charCodeAt(k);
      if (c !== 0xfffd) map.set(c, 0x80 + k);
    }
    for (const [byte, c] of SUPPLEMENTS[cp]) map.set(c, byte);
    charToByte.set(cp, map);
  }
  return map;
}

/** Runs of at least two non-ASCII BMP characters; lone surrogates never join. */
const RUN = /[\u0080-\uD7FF\uE000-\uFFFF]{2,}/g;
/**
 * Characters that only appear as the intermediate layer of double damage: C1
 * controls (Latin-1/Windows-1252) and Apple's logo (Mac Roman byte 0xF0). A
 * result still containing one of them after all rounds is rejected.
 */
const INTERMEDIATE = /[\u0080-\u009F\uF8FF]/;
/** Not text: private use and unassigned characters. */
const NOT_TEXT = /[\p{Co}\p{Cn}]/u;
const LETTER = /\p{L}/u;

/**
 * How a 2-byte sequence (U+0080–U+07FF) is judged. Lead bytes 0xC2–0xDF are
 * capital letters in Windows-1252 and mostly punctuation in Mac Roman, and
 * continuation bytes are symbols resp. accented small letters, so correct text
 * such as `CAFÉ–BAR` (C9 96) or `—é` (Mac Roman D1 8E) can look like a sequence.
 * Only characters that real text is likely to contain count:
 *  - 'any': Latin-1 Supplement and Latin Extended-A, always.
 *  - 'letter': if the lead character is a letter in the code page (`Î£` → Σ,
 *    `Ñ€` → р), or the sequence touches another repaired one (`–ù–µ` → Не);
 *    so Mac Roman dashes and guillemets before accented letters stay as they are.
 *  - 'touch': only when touching another repaired sequence (Hebrew, Arabic:
 *    their words are several letters long).
 * Everything else (IPA, combining marks, historic Cyrillic, Armenian, …) is
 * rejected; C1 controls are accepted only as an intermediate layer.
 */
const TWO_BYTE: ReadonlyArray<readonly [lo: number, hi: number, rule: 'any' | 'letter' | 'touch']> = [
  [0x00a0, 0x017f, 'any'],
  [0x0180, 0x01ff, 'letter'], // Latin Extended-B: ƒ, Vietnamese ơ ư, Pinyin ǎ ǐ ǒ ǔ
  [0x0218, 0x021b, 'letter'], // Romanian ș ț
  [0x02c6, 0x02c7, 'letter'], // ˆ ˇ and ˘ ˙ ˚ ˛ ˜ ˝: in Windows-1252/Mac Roman,
  [0x02d8, 0x02dd, 'letter'], // so they occur in once-damaged text
  [0x0386, 0x03ce, 'letter'], // Greek
  [0x0400, 0x045f, 'letter'], // Cyrillic
  [0x0490, 0x04ff, 'letter'], // Cyrillic extensions (Ukrainian ґ, Kazakh, …)
  [0x05d0, 0x05ea, 'touch'], // Hebrew letters
  [0x0620, 0x064a, 'touch'], // Arabic letters
  [0x0660, 0x0669, 'touch'], // Arabic-Indic digits
  [0x0671, 0x06d3, 'touch'], // Persian/Urdu letters
];

/**
 * Typographic closers that follow a word: `café »` (with NBSP), `déjà…”`. In
 * Windows-1252 an accented small letter plus two of these is a valid 3-byte
 * sequence (E9 A0 BB = 頻), so such a sequence glued to a preceding letter needs
 * a repaired neighbour.
 */
const CLOSER_1 = /[\u00A0\u2026\u2019\u201D]/;
const CLOSER_2 = /[\u00BB\u2019\u201D]/;

interface Candidate {
  start: number;
  end: number;
  text: string;
  needsNeighbour: boolean;
}

type Verdict = 'reject' | 'accept' | 'neighbour';

function judge(s: string, i: number, n: number, c: number, lenient: boolean): Verdict {
  if (c < 0xa0 || c === 0xf8ff) return lenient ? 'accept' : 'reject';
  if (n === 2) {
    const range = TWO_BYTE.find(([lo, hi]) => c >= lo && c <= hi);
    if (!range) return 'reject';
    const rule = range[2];
    return rule === 'any' || (rule === 'letter' && LETTER.test(s[i]!)) ? 'accept' : 'neighbour';
  }
  // U+1F000–U+1FAFF is exempt: emoji newer than the runtime's Unicode tables.
  if (NOT_TEXT.test(String.fromCodePoint(c)) && !(c >= 0x1f000 && c <= 0x1faff)) return 'reject';
  if (n === 3 && i > 0 && LETTER.test(s[i - 1]!) && LETTER.test(s[i]!) && CLOSER_1.test(s[i + 1]!) && CLOSER_2.test(s[i + 2]!)) {
    return 'neighbour';
  }
  return 'accept';
}

/** Valid UTF-8 sequences in s[start, end) read through `cp`, judged but not yet grouped. */
function candidates(s: string, start: number, end: number, cp: CodePage, lenient: boolean): Candidate[] {
  const enc = encoder(cp);
  const out: Candidate[] = [];
  let i = start;
  while (i < end) {
    const b0 = enc.get(s.charCodeAt(i));
    const n = b0 === undefined || b0 < 0xc2 || b0 > 0xf4 ? 0 : b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
    if (n === 0 || i + n > end) {
      i++;
      continue;
    }
    let c = b0! & (0xff >> (n + 1));
    let k = 1;
    for (; k < n; k++) {
      const b = enc.get(s.charCodeAt(i + k));
      if (b === undefined || (b & 0xc0) !== 0x80) break;
      c = (c << 6) | (b & 0x3f);
    }
    // Incomplete, overlong (C0/C1 are excluded above), surrogate or beyond U+10FFFF.
    const valid = k === n && !(n === 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) && !(n === 4 && (c < 0x10000 || c > 0x10ffff));
    const verdict = valid ? judge(s, i, n, c, lenient) : 'reject';
    if (verdict === 'reject') {
      i++;
      continue;
    }
    out.push({ start: i, end: i + n, text: String.fromCodePoint(c), needsNeighbour: verdict === 'neighbour' });
    i += n;
  }
  return out;
}

interface Group {
  start: number;
  end: number;
  repaired: string;
}

/** Accepted sequences of s[start, end), adjacent ones merged into one group. */
function groups(s: string, start: number, end: number, cp: CodePage, lenient: boolean): Group[] {
  const cands = candidates(s, start, end, cp, lenient);
  const out: Group[] = [];
  cands.forEach((c, k) => {
    const touches = cands[k - 1]?.end === c.start || cands[k + 1]?.start === c.end;
    if (c.needsNeighbour && !touches) return;
    const last = out[out.length - 1];
    if (last && last.end === c.start) {
      last.end = c.end;
      last.repaired += c.text;
    } else {
      out.push({ start: c.start, end: c.end, repaired: c.text });
    }
  });
  return out;
}

function applyFixes(text: string, fixes: readonly MojibakeFix[]): string {
  let out = '';
  let pos = 0;
  for (const f of fixes) {
    out += text.slice(pos, f.start) + f.repaired;
    pos = f.end;
  }
  return out + text.slice(pos);
}

/** Repairs a group further (double damage); null if an intermediate character survives. */
function finish(s: string, g: Group, cp: CodePage, rounds: number): MojibakeFix | null {
  const repaired = rounds > 1 ? applyFixes(g.repaired, findIn(g.repaired, rounds - 1)) : g.repaired;
  if (INTERMEDIATE.test(repaired)) return null;
  return { start: g.start, end: g.end, damaged: s.slice(g.start, g.end), repaired, codePage: cp };
}

function repairRun(s: string, start: number, end: number, cp: CodePage, rounds: number): MojibakeFix[] {
  const out: MojibakeFix[] = [];
  for (const g of groups(s, start, end, cp, true)) {
    const fix = finish(s, g, cp, rounds);
    if (fix) {
      out.push(fix);
      continue;
    }
    // The lenient reading left a C1 control or Apple logo behind: read the
    // group again without them (their results never contain one, so finish
    // cannot fail).
    for (const g2 of groups(s, g.start, g.end, cp, false)) out.push(finish(s, g2, cp, rounds)!);
  }
  return out;
}

function findIn(s: string, rounds: number): MojibakeFix[] {
  const fixes: MojibakeFix[] = [];
  for (const m of s.matchAll(RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    // The code page whose repairs cover most of the run wins, the earlier one on
    // a tie. (Taking the first that repairs anything would let Mac Roman read
    // `œâ` inside Windows-1252 `â”œâ”€â”€` (├──) as ω.)
    let best: MojibakeFix[] = [];
    let bestCover = 0;
    for (const cp of CODE_PAGES) {
      const found = repairRun(s, start, end, cp, rounds);
      const cover = found.reduce((sum, f) => sum + f.end - f.start, 0);
      if (cover > bestCover) {
        best = found;
        bestCover = cover;
      }
    }
    fixes.push(...best);
  }
  return fixes;
}

/** Every damaged run of `text`, in order and non-overlapping, with its full repair (up to 3 layers). */
export function findMojibake(text: string): MojibakeFix[] {
  return mayHaveMojibake(text) ? findIn(text, 3) : [];
}

/** `text` with every damaged run repaired; correct text is returned unchanged. */
export function repairMojibake(text: string): string {
  return applyFixes(text, findMojibake(text));
}
