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

export function plainText(raw: string): string {
  if (!/[\\`*_~[\]<&!]/.test(raw)) return raw.trim();
  // Code spans first: nothing inside them is markup (escapes included).
  const codes: string[] = [];
  let s = raw.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, body: string) => {
    let b = body.replace(/\\\|/g, '|'); // GFM: `\|` in a table cell is a pipe even inside code
    if (/^ [\s\S]*[^ ][\s\S]* $/.test(b)) b = b.slice(1, -1);
    codes.push(b);
    return `\u0000${codes.length - 1}\u0000`;
  });
  // Escaped punctuation is protected from the emphasis rules below.
  const escapes: string[] = [];
  s = s.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => {
    escapes.push(c);
    return `\u0001${escapes.length - 1}\u0001`;
  });
  s = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // inline links → text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links → text
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1') // autolinks
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '') // inline HTML tags
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m);
  s = s.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => escapes[Number(i)]!);
  s = s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)]!);
  return s.trim();
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
