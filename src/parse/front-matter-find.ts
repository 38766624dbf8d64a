// Where the front matter block is, by a strict rule of our own: an opening
// `---` line (with an optional language), and a closing `---` or `...` line.
// Apart from front-matter-yaml.ts (gray-matter), so writers can find the body
// without loading a YAML parser.

export interface FrontMatterBlock {
  /** Offsets of the whole block: opening line through the closing line's end. */
  start: number;
  end: number;
  /** Offsets of the YAML source between the delimiter lines. */
  sourceStart: number;
  sourceEnd: number;
  language: string;
}

const OPEN = /^---([ \t]*[A-Za-z][\w-]*)?[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/** Locates the front matter block at the start of `text` (BOM already blanked). */
export function findFrontMatter(text: string, from = 0): FrontMatterBlock | null {
  const open = OPEN.exec(text.slice(from, from + 200));
  if (!open) return null;
  const sourceStart = from + open[0].length;
  CLOSE.lastIndex = sourceStart;
  // An empty block (`---\n---`) closes on the very next line.
  const close = CLOSE.exec(text);
  if (!close) return null;
  return {
    start: from,
    end: close.index + close[0].length,
    sourceStart,
    sourceEnd: close.index,
    language: (open[1] ?? '').trim().toLowerCase() || 'yaml',
  };
}
