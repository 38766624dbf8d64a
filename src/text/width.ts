// Display width in terminal columns, as string-width measures it (grapheme
// clusters: a ZWJ family or a flag counts two, combining marks none), and the
// grapheme clusters a view may cut or wrap between.
//
// string-width builds an Intl.Segmenter and compiles Unicode property regexes
// when first used (tens of milliseconds), and measures slowly: so it is loaded
// on first need, never at start-up, and sees only the non-ASCII runs of a
// string. Printable ASCII is one column per character, in string-width too
// (a test holds the two to the same answer on random text).

type Measure = (s: string) => number;

let stringWidth: Measure | undefined;
let segmenter: Intl.Segmenter | undefined;

function measureRun(s: string): number {
  // `require`, not `import`: esbuild then bundles string-width behind a lazy
  // initialiser, so a command that never measures non-ASCII text never loads it.
  stringWidth ??= (require('string-width') as { default: Measure }).default;
  return stringWidth(s);
}

/** Widths of the non-ASCII runs seen so far: the same emoji and words recur in every row. */
const runWidths = new Map<string, number>();
const MAX_CACHED_RUN = 64;

function runWidth(run: string): number {
  if (run.length > MAX_CACHED_RUN) return measureRun(run);
  let w = runWidths.get(run);
  if (w === undefined) {
    if (runWidths.size > 50_000) runWidths.clear();
    runWidths.set(run, (w = measureRun(run)));
  }
  return w;
}

const isPrintableAscii = (code: number): boolean => code >= 0x20 && code < 0x7f;

// Grapheme_Cluster_Break=Prepend (Unicode 15): the one kind of character that
// joins the character after it, so an ASCII character after it is measured
// with it (JavaScript has no regex property for it).
const ENDS_WITH_PREPEND =
  /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]$/u;

/** Display width of `s` in terminal columns (ANSI escape codes count nothing). */
export function textWidth(s: string): number {
  if (s.includes('\x1b')) return measureRun(s);
  let width = 0;
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && isPrintableAscii(s.charCodeAt(j))) j++;
    if (j === s.length) return width + j - i;
    // The ASCII character before a non-ASCII run may be the base of its first
    // cluster (`1️⃣`, `é` as e + U+0301): it is measured with the run.
    const start = j > i ? j - 1 : j;
    let k = j;
    for (;;) {
      while (k < s.length && !isPrintableAscii(s.charCodeAt(k))) k++;
      if (k === s.length || !ENDS_WITH_PREPEND.test(s.slice(Math.max(j, k - 2), k))) break;
      k++;
    }
    width += start - i + runWidth(s.slice(start, k));
    i = k;
  }
  return width;
}

/**
 * Bounds of `textWidth(s)` found without measuring: each printable ASCII
 * character is one column, anything else zero to two. For a writer asking
 * whether lines can be equally wide, before it pays for the real measure.
 */
export function widthBounds(s: string): [number, number] {
  let ascii = 0;
  // An escape sequence's characters count nothing (textWidth), printable as they are.
  const escaped = s.includes('\x1b');
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isPrintableAscii(c)) ascii++;
    else if (c < 0xdc00 || c > 0xdfff) other++; // a low surrogate is part of the code point before it
  }
  return [escaped ? 0 : ascii, ascii + 2 * other];
}

/**
 * Whether textWidth may find every line of `lines` equally wide, by their bounds alone:
 * false says they are not (a table not aligned for the eye), without loading string-width.
 */
export function mayBeEquallyWide(lines: readonly string[]): boolean {
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    const [a, b] = widthBounds(line);
    lo = Math.max(lo, a);
    hi = Math.min(hi, b);
    if (lo > hi) return false;
  }
  return true;
}

/** The grapheme clusters of `s` (what a terminal draws as one character). */
export function graphemes(s: string): string[] {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = isPrintableAscii(s.charCodeAt(i));
  if (ascii) return s.split('');
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

/** Length in code points (what `chars_limit` counts). */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}
