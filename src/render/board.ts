// `plan board` on a terminal: one boxed column per status, cards of id, title
// and owner, fitted to the terminal width (cards' text cut with `…`).

import type { BoardColumn } from '../query/board.js';
import type { Status } from '../status.js';
import { chalk, fitColumns } from './table.js';
import { textWidth } from '../text/width.js';
import { cut } from './fit.js';
import { MARK, paint } from './summary.js';

const HEAD: Record<Status, string> = {
  pending: 'pending',
  'in-progress': 'in progress',
  blocked: 'blocked',
  done: 'done',
  cancelled: 'cancelled',
  none: 'no status',
};

/** A cell's plain text and how to colour it. */
interface Cell {
  text: string;
  paint: (s: string) => string;
}

function cardLines(id: string, title: string, owner: string | null, inner: number): Cell[] {
  const first = cut(title ? `${id} ${title}` : id, inner);
  const idLen = Math.min(id.length, first.length);
  const lines: Cell[] = [{ text: first, paint: (s) => chalk.bold(s.slice(0, idLen)) + s.slice(idLen) }];
  if (owner) lines.push({ text: cut(`  @${owner}`, inner), paint: (s) => chalk.dim(s) });
  return lines;
}

/** A column head cut to `width`, keeping the count whole when it can: `○ pend… (12)`. */
function head(status: Status, count: number, width: number): string {
  const tail = ` (${count})`;
  const room = width - 2 - tail.length;
  return room >= 3 ? `${MARK[status]} ${cut(HEAD[status], room)}${tail}` : cut(`${MARK[status]} ${HEAD[status]}${tail}`, width);
}

export function boardTable(columns: BoardColumn[], width: number): string {
  // Each column takes "│ " + content + " ", and the last "│" closes the row;
  // columns shrink (widest first) until the board fits.
  const headText = columns.map((c) => `${MARK[c.status]} ${HEAD[c.status]} (${c.tasks.length})`);
  const natural = columns.map((c, i) =>
    Math.max(textWidth(headText[i]!), ...c.tasks.map((t) => Math.max(textWidth(`${t.id} ${t.title}`), t.owner ? textWidth(`  @${t.owner}`) : 0))),
  );
  const widths = fitColumns(natural, natural.map(() => true), width, Math.max(3, Math.min(8, Math.floor((width - 1) / columns.length) - 3)));
  const heads: Cell[] = columns.map((c, i) => ({
    text: headText[i]!.length <= widths[i]! ? headText[i]! : head(c.status, c.tasks.length, widths[i]!),
    paint: (s) => paint(c.status, chalk.bold(s)),
  }));
  const cards: Cell[][] = columns.map((c, i) => c.tasks.flatMap((t) => cardLines(t.id, t.title, t.owner, widths[i]!)));
  const cell = (c: Cell | undefined, i: number): string =>
    c ? c.paint(c.text) + ' '.repeat(Math.max(0, widths[i]! - textWidth(c.text))) : ' '.repeat(widths[i]!);
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (parts: string[]): string => `│ ${parts.join(' │ ')} │`;

  const out: string[] = [rule('┌', '┬', '┐'), row(heads.map(cell)), rule('├', '┼', '┤')];
  const height = Math.max(1, ...cards.map((c) => c.length));
  for (let i = 0; i < height; i++) out.push(row(cards.map((c, k) => cell(c[i], k))));
  out.push(rule('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}
