// Tables whose columns are a board's lanes (`| To do | Doing | Done |`), each cell a card: the text of the card
// in the column of its state. Where the state columns hold marks beside a title column instead, mark-columns.ts
// reads them; `plan set` moves a card's text to its new lane on the same row (write/card-move.ts).

import type { Vocabulary } from '../model/status.js';
import { hasLetter, hasLetterOrDigit } from '../text/char-tests.js';
import { plainText } from '../text/plain.js';
import { headerStatus, isMark, type StateColumn } from './mark-columns.js';

/** A picture at the start of a cell (`![](a.png)`, `![Sketch](b.png)`): shown, not read. Anchored, one pass. */
const LEADING_IMAGE = /^\s*!\[[^\]]{0,200}\]\([^)]*\)/u;

/** A cell's Markdown without its HTML comments (an unclosed one runs to the cell's end, as in HTML). */
function withoutComments(raw: string): string {
  let out = '';
  let at = 0;
  for (let open = raw.indexOf('<!--'); open >= 0; open = raw.indexOf('<!--', at)) {
    out += raw.slice(at, open);
    const close = raw.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
  return out + raw.slice(at);
}

/**
 * The words of a card in a cell's Markdown, or '' when the cell holds none: a comment (`<!-- waiting on Ana -->`),
 * a picture alone, a space (`&nbsp;`) or a break (`<br>`) shows nothing a person would call a card.
 */
export function cardWords(raw: string): string {
  let s = withoutComments(raw);
  for (let m = LEADING_IMAGE.exec(s); m; m = LEADING_IMAGE.exec(s)) s = s.slice(m[0].length);
  const words = plainText(s).trim();
  return hasLetterOrDigit(words) ? words : '';
}

/**
 * The lanes of a table every column of which is headed by a status, two statuses at least, whose cells are cards
 * (words, not marks): each column with its status, left to right. Null when the table is not of that shape: a
 * table of counts under `| Open | Closed |` has no words, and one of marks has no column left for the title.
 * `rows` are the cells' display texts, `raw` their Markdown.
 */
export function laneColumns(headers: string[], rows: string[][], raw: string[][], vocab: Vocabulary): StateColumn[] | null {
  if (headers.length < 2) return null;
  const lanes: StateColumn[] = [];
  for (const [column, h] of headers.entries()) {
    const status = headerStatus(h, vocab);
    if (!status) return null;
    lanes.push({ column, status });
  }
  if (new Set(lanes.map((l) => l.status)).size < 2) return null;
  const cells = rows.flatMap((r) => r.map((c) => c.trim()).filter((c) => c !== ''));
  if (!cells.some(hasLetter) || cells.some(isMark)) return null;
  const cards = raw.map((r) => r.map(cardWords));
  return placesWork(cards, headers.length) ? lanes : null;
}

/** A count and at most two words of what it counts (`12 bugs`, `40%`, `1,200 open issues`); not `1. Write the spec`. */
const COUNT = /^\p{N}+(?:[.,]\p{N}+)*%?(?: +\p{L}+){0,2}$/u;

/** A cell held for a value not known yet: `n/a`, `TBD`, `none`. */
const PLACEHOLDER = /^(?:n\/?a|tb[acd]|none|nil|null|unknown)\.?$/iu;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/** A date (`2024-03-01`, `3/1`, `Jan 3`, `3 March 2024`): when something happened, not work. */
const DATE = new RegExp(
  `^(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?|${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}(?: \\d{4})?)$`,
  'iu',
);

/** Symbols named by shortcodes (`:white_circle:`, `:x: :x:`): a mark drawn, not words. */
const SYMBOLS = /^(?::[\w+-]{1,40}: *)+$/u;

/** A card that names no work: a count, a date, a placeholder or symbols. */
const namesNoWork = (c: string) => COUNT.test(c) || DATE.test(c) || PLACEHOLDER.test(c) || SYMBOLS.test(c);

/**
 * Whether the cards stand as work on a board does. A board's cards are named by words, and the work spreads
 * unevenly. Cards that are all counts, dates, placeholders or symbols say when or how much (`12 bugs | 40 bugs`,
 * `Jan 3`, `n/a`), and rows that each fill every lane say what each lane means or holds (a legend:
 * `Waiting for review | Being worked on | Merged`, with a row of its symbols; totals); a board has a lane still empty
 * on some row.
 */
function placesWork(cards: string[][], lanes: number): boolean {
  const rows = cards.map((r) => r.filter((c) => c !== '')).filter((r) => r.length > 0);
  if (rows.length === 0 || rows.flat().every(namesNoWork)) return false;
  return rows.some((r) => r.length < lanes);
}
