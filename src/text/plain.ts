// Inline Markdown → the plain text a person reads: `**x**` → `x`, code ticks
// dropped, `\|` → `|`, links → their text. Both parsers hand the model raw
// source spans, and this one function turns them into display text, so the
// fast and the full parser cannot disagree about what a cell says.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rarr: '→',
  larr: '←',
  check: '✓',
  times: '×',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** `s` without its closed HTML comments and the blanks before each, in one pass; an unclosed one stays as written. */
function dropComments(s: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = s.indexOf('<!--', at);
    const close = open < 0 ? -1 : s.indexOf('-->', open + 4);
    if (close < 0) break;
    let cut = open;
    while (cut > at && (s[cut - 1] === ' ' || s[cut - 1] === '\t')) cut--;
    out += s.slice(at, cut);
    at = close + 3;
  }
  return out + s.slice(at);
}

/**
 * Struck text between single tildes, as GitHub strikes it (`~Fix the gate~`): a tilde opens before a word, closes after
 * one, and stands apart from letters and digits outside; `~5 min` and a home path (`~/.bashrc`) open nothing.
 */
const STRIKE = String.raw`~(?=[^\s~/])([^~]*?[^\s~])~(?![\p{L}\p{N}~])`;
const SINGLE_STRIKE = new RegExp(String.raw`(^|[^\p{L}\p{N}~])${STRIKE}`, 'gu');
const STRUCK_START = new RegExp(String.raw`^(?:~~[^~]+~~|${STRIKE})`, 'u');

/** Whether text opens with struck words (`~~Fix the gate~~`, `~Fix the gate~`): a done item, as a reader sees it. */
export function startsStruck(text: string): boolean {
  return text.startsWith('~') && STRUCK_START.test(text);
}

export function plainText(raw: string): string {
  if (!/[\\`*_~[\]<&!]/.test(raw)) return raw.trim();
  // Each step runs only where its mark is in the text (this runs for every cell and title read).
  // Code spans first: nothing inside them is markup (escapes included).
  const codes: string[] = [];
  let s = !raw.includes('`')
    ? raw
    : replaceCodeSpans(raw, (body: string) => {
        let b = body.replace(/\\\|/g, '|'); // GFM: `\|` in a table cell is a pipe even inside code
        if (b.length > 2 && b[0] === ' ' && b[b.length - 1] === ' ' && /[^ ]/.test(b)) b = b.slice(1, -1);
        codes.push(b);
        return `\u0000${codes.length - 1}\u0000`;
      });
  // Escaped punctuation is protected from the emphasis rules below.
  const escapes: string[] = [];
  if (s.includes('\\'))
    s = s.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => {
      escapes.push(c);
      return `\u0001${escapes.length - 1}\u0001`;
    });
  if (s.includes('[')) {
    s = unwrapLinks(s, '![', '(', ')', 0); // images → alt text
    s = unwrapLinks(s, '![', '[', ']', 0); // reference images (`![Complete][]`, a badge) → alt text
    s = unwrapLinks(s, '[', '(', ')', 0); // inline links → text
    s = unwrapLinks(s, '[', '[', ']', 1); // reference links → text
  }
  // Comments: a reader never sees them (`Remove tub <!-- quick -->`).
  if (s.includes('<!--')) s = dropComments(s);
  if (s.includes('<'))
    s = s
      .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1') // autolinks
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, ''); // inline HTML tags
  s = unwrapPairs(unwrapPairs(s, ['**', '__']), ['~~']);
  if (s.includes('~')) s = s.replace(SINGLE_STRIKE, '$1$2');
  if (s.includes('*')) s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, '$1$2');
  if (s.includes('_')) s = s.replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2');
  if (s.includes('&')) s = s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m);
  if (escapes.length) s = s.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => escapes[Number(i)]!);
  if (codes.length) s = s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)]!);
  return s.trim();
}

// The scanners below find what a one-line expression would (named in each), in linear time:
// the expressions themselves rescan the rest of the text from every opening mark that finds
// no closing one, so a line of 100,000 backticks or `[` took minutes.

/** `s` with each code span replaced by `span(body)`: the matches of /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g. */
function replaceCodeSpans(s: string, span: (body: string) => string): string {
  const runs: { start: number; length: number }[] = [];
  for (let i = s.indexOf('`'); i >= 0; i = s.indexOf('`', i)) {
    const start = i;
    while (s[i] === '`') i++;
    runs.push({ start, length: i - start });
  }
  const byLength = new Map<number, number[]>(); // run length → the runs of that length, in order
  runs.forEach((r, n) => {
    const list = byLength.get(r.length);
    if (list) list.push(n);
    else byLength.set(r.length, [n]);
  });
  let out = '';
  let done = 0;
  for (let n = 0; n < runs.length; n++) {
    const { start, length } = runs[n]!;
    if (start < done) continue;
    // The expression tries the whole run first, then each shorter tail of it: a span closes at the next run of exactly that length.
    for (let k = length; k > 0; k--) {
      const close = firstAfter(byLength.get(k), n);
      if (close === undefined) continue;
      const end = runs[close]!.start;
      out += s.slice(done, start + length - k) + span(s.slice(start + length, end));
      done = end + k;
      break;
    }
  }
  return out + s.slice(done);
}

/** The first number in the ascending `list` greater than `n`. */
function firstAfter(list: number[] | undefined, n: number): number | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > n) hi = mid;
    else lo = mid + 1;
  }
  return list[lo];
}

/**
 * `lead` + `[text]` + `open` … `close` → `text`: the matches of /!\[([^\]]*)\]\([^)]*\)/g (lead `![`),
 * /!\[([^\]]*)\]\[[^\]]*\]/g, /\[([^\]]*)\]\([^)]*\)/g and /\[([^\]]+)\]\[[^\]]*\]/g (`minText` 1), where the text
 * may also hold pairs of brackets (`[[hotfix] Fix it](…)`): see the reference in test/text/plain-scanners.test.ts.
 */
function unwrapLinks(s: string, lead: '[' | '![', open: '(' | '[', close: ')' | ']', minText: 0 | 1): string {
  let out = '';
  let done = 0;
  let from = 0;
  for (let p = s.indexOf(lead, from); p >= 0; p = s.indexOf(lead, from)) {
    const textStart = p + lead.length;
    let q = s.indexOf(']', textStart);
    if (q < 0) break; // no later opening finds a `]` either
    // Every opening before q ends its text at q too, so they all match or fail alike: the first one is the match.
    from = q + 1;
    // `[[hotfix] Fix the form](…)`: brackets in pairs inside a link's text are its text (as CommonMark reads them).
    // Only where the first `]` is near: each opening then looks at most LINK_TEXT_MAX characters on, and the scan
    // stays linear however many openings fail (`[a[a[a…`).
    const inner = q - textStart <= LINK_TEXT_MAX && s[q + 1] !== open ? s.indexOf('[', textStart) : -1;
    if (inner >= 0 && inner < q) {
      const end = pairedClose(s, textStart);
      if (end < 0 || s[end + 1] !== open) {
        from = inner; // the inner bracket may open a link of its own
        continue;
      }
      q = end;
    }
    if (q - textStart < minText || s[q + 1] !== open) continue;
    const r = s.indexOf(close, q + 2);
    if (r < 0) break;
    out += s.slice(done, p) + s.slice(textStart, q);
    done = from = r + 1;
  }
  return out + s.slice(done);
}

/** How far pairedClose looks for a link text's closing bracket: link texts are short, and the scan stays linear. */
const LINK_TEXT_MAX = 200;

/**
 * Where the `]` closing a link text that starts at `start` stands, the brackets inside it in pairs that hold no
 * brackets (`[hotfix]`); -1 when there is none near, or a bracket inside a pair.
 */
function pairedClose(s: string, start: number): number {
  let open = false;
  for (let i = start; i < s.length && i < start + LINK_TEXT_MAX; i++) {
    if (s[i] === '[') {
      if (open) return -1;
      open = true;
    } else if (s[i] === ']') {
      if (!open) return i;
      open = false;
    }
  }
  return -1;
}

/** `**x**`, `__x__`, `~~x~~` → `x`: the matches of /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g for the marks given. */
function unwrapPairs(s: string, marks: string[]): string {
  // Most text holds none of the marks: it is returned as it is, unscanned (this runs for every cell and title read).
  if (!marks.some((m) => s.includes(m))) return s;
  // A mark closes a pair where it follows a non-space; an opening takes the first such mark after its text starts.
  const closers = new Map(marks.map((m) => [m, [] as number[]]));
  for (const m of marks) for (let i = s.indexOf(m, 1); i >= 0; i = s.indexOf(m, i + 1)) if (/\S/.test(s[i - 1]!)) closers.get(m)!.push(i);
  let out = '';
  let done = 0;
  // From one mark to the next (the first of `marks` written at a place is the one read there).
  for (let p = nextMark(s, marks, 0); p >= 0 && p < s.length - 2; p = nextMark(s, marks, p + 1)) {
    const m = marks.find((x) => s.startsWith(x, p))!;
    if (!/\S/.test(s[p + 2]!)) continue;
    const close = firstAfter(closers.get(m), p + 2);
    if (close === undefined) continue;
    out += s.slice(done, p) + s.slice(p + 2, close);
    done = close + 2;
    p = done - 1;
  }
  return out + s.slice(done);
}

/** Where the first of `marks` after `from` starts, or -1. */
function nextMark(s: string, marks: string[], from: number): number {
  let next = -1;
  for (const m of marks) {
    const i = s.indexOf(m, from);
    if (i >= 0 && (next < 0 || i < next)) next = i;
  }
  return next;
}

function decodeEntity(e: string): string | undefined {
  if (e[0] === '#') {
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[e.toLowerCase()];
}

/**
 * Escapes Markdown for a GFM table cell: a pipe not already escaped becomes
 * `\|`. A backslash escapes only the character right after it, so in `C:\\|`
 * the backslash is escaped and the pipe is not (it becomes `C:\\\|`).
 */
export function escapeCell(text: string): string {
  return text.replace(/\\[\s\S]|\|/g, (m) => (m === '|' ? '\\|' : m));
}
