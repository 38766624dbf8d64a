// `plan board` on a terminal: a column per status that has tasks, each as wide
// as its content needs, cards of id and title wrapped to two lines and the
// owner under them. Where the columns would be too narrow to read, the
// statuses are stacked one under another instead.

import type { BoardColumn } from '../query/board.js';
import type { Task } from '../model/types.js';
import { chalk, MARK, paint, STATUS_WORD, trimEndPainted } from './colour.js';
import { cut, wrapLines } from './fit.js';
import { rowLines, type Cell } from './columns.js';
import { textWidth } from '../text/width.js';

/** Narrower columns than this are stacked instead. */
const MIN_COLUMN = 16;
const SEPARATOR = ' │ ';
const CARD_LINES = 2;
/** Continuation lines of a card hang under its title. */
const HANG = '  ';

const headText = (c: BoardColumn): string => `${MARK[c.status]} ${STATUS_WORD[c.status]} (${c.tasks.length})`;
const cardText = (t: Task): string => (t.title ? `${t.id} ${t.title}` : t.id);

/** `! due 2025-03-10` under an overdue card's title. */
const overdueText = (t: Task): string => `${HANG}! due ${t.due}`;

/** The lines of a card at `width`: id and title on up to two lines, `! due …` if it is overdue, then `@owner`. The id is never broken. */
function cardLines(t: Task, width: number, late: ReadonlySet<Task>): Cell[] {
  const idWidth = textWidth(t.id);
  const room = width - idWidth - 1;
  const title = t.title && room >= 4 ? wrapLines(t.title, room, CARD_LINES, width - HANG.length) : [];
  const out: Cell[] = [
    { text: title.length ? `${t.id} ${title[0]}` : cut(t.id, width), paint: (s) => chalk.bold(s.slice(0, t.id.length)) + s.slice(t.id.length) },
    ...title.slice(1).map((l) => ({ text: HANG + l })),
  ];
  if (t.title && !title.length) out.push({ text: HANG + wrapLines(t.title, width - HANG.length, 1)[0]! });
  if (late.has(t)) out.push({ text: cut(overdueText(t), width), paint: chalk.red });
  if (t.owner) out.push({ text: cut(`${HANG}@${t.owner}`, width), paint: chalk.dim });
  return out;
}

/** Column widths that fit `room`: the widest gives way first, none below its minimum. */
function fitWidths(natural: number[], room: number, mins: number[]): number[] {
  const out = [...natural];
  let excess = out.reduce((a, b) => a + b, 0) - room;
  while (excess > 0) {
    const shrinkable = out.map((w, i) => (w > mins[i]! ? w : -1));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if (shrinkable[widest]! < 0) break;
    const second = Math.max(mins[widest]!, ...out.filter((_, i) => i !== widest));
    const by = Math.min(excess, Math.max(1, out[widest]! - second));
    out[widest]! -= by;
    excess -= by;
  }
  return out;
}

/** The narrowest a column may be: readable cards, and room for its longest id and a word. */
const minWidth = (c: BoardColumn): number => Math.max(MIN_COLUMN, ...c.tasks.map((t) => textWidth(t.id) + 5));

function sideBySide(columns: BoardColumn[], width: number, late: ReadonlySet<Task>): string[] {
  const natural = columns.map((c) =>
    Math.max(
      minWidth(c),
      textWidth(headText(c)),
      ...c.tasks.map((t) => Math.max(textWidth(cardText(t)), t.owner ? textWidth(`${HANG}@${t.owner}`) : 0, late.has(t) ? textWidth(overdueText(t)) : 0)),
    ),
  );
  const widths = fitWidths(natural, width - (columns.length - 1) * SEPARATOR.length, columns.map(minWidth));
  const heads = columns.map((c, i) => {
    const head = cut(headText(c), widths[i]!);
    return paint(c.status, chalk.bold(head)) + ' '.repeat(widths[i]! - textWidth(head));
  });
  const bodies = columns.map((c, i) => c.tasks.flatMap((t) => cardLines(t, widths[i]!, late)));
  const height = Math.max(...bodies.map((b) => b.length));
  const separator = chalk.dim(SEPARATOR);
  const out = [trimEndPainted(heads.join(separator)), chalk.dim(widths.map((w) => '─'.repeat(w)).join('─┼─'))];
  for (let k = 0; k < height; k++) {
    const cells = bodies.map((b, i) => {
      const line = b[k] ?? { text: '' };
      return (line.paint ? line.paint(line.text) : line.text) + ' '.repeat(Math.max(0, widths[i]! - textWidth(line.text)));
    });
    out.push(trimEndPainted(cells.join(separator)));
  }
  return out;
}

function stacked(columns: BoardColumn[], width: number, late: ReadonlySet<Task>): string[] {
  const out: string[] = [];
  for (const c of columns) {
    if (out.length) out.push('');
    out.push(paint(c.status, chalk.bold(cut(headText(c), width))));
    // Ids whole, as in `plan list`, unless absurdly long.
    const idWidth = Math.min(Math.max(...c.tasks.map((t) => textWidth(t.id) + (late.has(t) ? 1 : 0))), Math.max(6, Math.floor(width / 3)));
    const ownerWidth = Math.min(Math.max(0, ...c.tasks.map((t) => textWidth(t.owner ? `@${t.owner}` : ''))), Math.floor(width / 5));
    const titleRoom = Math.max(1, width - HANG.length - idWidth - ownerWidth - (ownerWidth ? 4 : 2));
    const titleWidth = Math.min(titleRoom, Math.max(...c.tasks.map((t) => textWidth(t.title))));
    for (const t of c.tasks) {
      const cells: Cell[] = [
        { text: t.id, paint: chalk.bold },
        { text: t.title, maxLines: CARD_LINES },
      ];
      // An overdue card: `!` before its id, as the side-by-side card's `! due` line says it.
      if (late.has(t)) cells[0] = { text: `!${t.id}`, paint: chalk.red };
      if (ownerWidth) cells.push({ text: t.owner ? `@${t.owner}` : '', paint: chalk.dim, maxLines: CARD_LINES });
      out.push(...rowLines(cells, ownerWidth ? [idWidth, titleWidth, ownerWidth] : [idWidth, titleWidth]).map((l) => HANG + l));
    }
  }
  return out;
}

/** The board; `late` are the overdue tasks (src/query/filter.ts isOverdue), marked on their cards. */
export function boardView(columns: BoardColumn[], width: number, late: ReadonlySet<Task> = new Set()): string {
  const full = columns.filter((c) => c.tasks.length > 0);
  const empty = columns.filter((c) => c.tasks.length === 0);
  const fits = full.reduce((sum, c) => sum + minWidth(c), 0) + (full.length - 1) * SEPARATOR.length <= width;
  const out = full.length === 0 ? [] : fits ? sideBySide(full, width, late) : stacked(full, width, late);
  if (empty.length) {
    if (out.length) out.push('');
    out.push(chalk.dim(cut(`empty: ${empty.map(headText).join(', ')}`, width)));
  }
  return `${out.join('\n')}\n`;
}
