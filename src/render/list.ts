// `plan list` on a terminal: tasks under a dim heading line per group,
// borderless aligned columns, wrapped (not cut) titles and notes.
//
// The width goes to the title first. Where everything does not fit on one
// line, the first of these layouts that leaves the title and the notes enough
// room wins: status as a word, then as a mark alone; notes in a column, then
// on a line of their own under the title. Owner and notes are the columns
// that wrap first.

import type { Task } from '../model/types.js';
import type { Status } from '../model/status.js';
import { groupRuns, taskGroup } from '../query/group.js';
import { noteText } from './plain.js';
import { chalk, MARK, paint, statusText } from './colour.js';
import { cut } from './fit.js';
import { GAP, rowLines, share, type Cell } from './columns.js';
import { textWidth } from '../text/width.js';

export interface ListOptions {
  /** Terminal width in columns. */
  width: number;
  /** Every column at its natural width, nothing wrapped (lines may pass the width). */
  wide?: boolean;
  /** Group under headings (the default), or one flat list. */
  grouped?: boolean;
}

/** How the status is shown and where the notes go. */
interface Layout {
  status: 'word' | 'mark';
  notes: 'column' | 'below' | 'none';
  id: number;
  statusWidth: number;
  title: number;
  owner: number;
  notesWidth: number;
  /** The DUE and PRI columns' widths: 0 where no task listed has a due date or a priority level. */
  due: number;
  pri: number;
}

interface Natural {
  id: number;
  status: number;
  title: number;
  owner: number;
  notes: number;
  due: number;
  pri: number;
}

/** A title narrower than this (or than the longest title) means a poorer layout is better. */
const TITLE_ROOM = 30;
const NOTES_ROOM = 30;
const OWNER_MAX = 16;

function listStatus(s: Status, how: Layout['status']): string {
  // A task without a status shows its status cell's text as notes; a dot says enough.
  return how === 'mark' || s === 'none' ? MARK[s] : statusText(s);
}

function naturalWidths(tasks: Task[]): Natural {
  const max = (f: (t: Task) => string) => Math.max(0, ...tasks.map((t) => textWidth(f(t))));
  // At least as wide as the header's names, so they need not be cut.
  return {
    id: Math.max(
      2,
      max((t) => t.id),
    ),
    status: max((t) => listStatus(t.status, 'word')),
    title: Math.max(
      5,
      max((t) => t.title),
    ),
    owner: orNone(
      max((t) => t.owner ?? ''),
      5,
    ),
    notes: orNone(
      max((t) => noteText(t) ?? ''),
      5,
    ),
    due: orNone(
      max((t) => t.due ?? ''),
      3,
    ),
    pri: orNone(
      max((t) => t.priorityLevel ?? ''),
      3,
    ),
  };
}

/** 0 for a column no task fills, else at least `min`. */
const orNone = (w: number, min: number): number => (w === 0 ? 0 : Math.max(w, min));

function layoutFor(n: Natural, width: number, status: Layout['status'], notes: Layout['notes']): Layout {
  // Ids are how tasks are addressed: whole on one line unless absurdly long.
  const id = Math.min(n.id, Math.max(6, Math.floor(width / 3)));
  const statusWidth = status === 'word' ? n.status : 1;
  const columns = 3 + (n.owner ? 1 : 0) + (notes === 'column' ? 1 : 0) + (n.due ? 1 : 0) + (n.pri ? 1 : 0);
  let room = width - id - statusWidth - n.due - n.pri - (columns - 1) * GAP.length;
  let owner = Math.min(n.owner, OWNER_MAX);
  // On a very narrow terminal the owner gives way before the title does.
  if (room - owner < 12) owner = Math.min(owner, Math.max(4, Math.floor(room / 3)));
  room -= owner;
  const [title, notesWidth] = notes === 'column' ? share(room, n.title, n.notes) : [Math.min(room, n.title), 0];
  return { status, notes, id, statusWidth, title: Math.max(1, title), owner, notesWidth, due: n.due, pri: n.pri };
}

function chooseLayout(n: Natural, width: number): Layout {
  const notesPlaces: Layout['notes'][] = n.notes ? ['column', 'below'] : ['none'];
  let layout: Layout | undefined;
  for (const notes of notesPlaces) {
    for (const status of ['word', 'mark'] as const) {
      layout = layoutFor(n, width, status, notes);
      const titleFits = layout.title >= Math.min(n.title, TITLE_ROOM);
      const notesFit = notes !== 'column' || layout.notesWidth >= Math.min(n.notes, NOTES_ROOM);
      if (titleFits && notesFit) return layout;
    }
  }
  return layout!;
}

function wideLayout(n: Natural): Layout {
  return {
    status: 'word',
    notes: n.notes ? 'column' : 'none',
    id: n.id,
    statusWidth: n.status,
    title: n.title,
    owner: n.owner,
    notesWidth: n.notes,
    due: n.due,
    pri: n.pri,
  };
}

function widths(l: Layout, hasOwner: boolean): number[] {
  const w = [l.id, l.statusWidth];
  if (l.due) w.push(l.due);
  if (l.pri) w.push(l.pri);
  w.push(l.title);
  if (hasOwner) w.push(l.owner);
  if (l.notes === 'column') w.push(l.notesWidth);
  return w;
}

function headerLine(l: Layout, hasOwner: boolean): string {
  const names = ['ID', 'STATUS'];
  if (l.due) names.push('DUE');
  if (l.pri) names.push('PRI');
  names.push('TITLE');
  if (hasOwner) names.push('OWNER');
  if (l.notes === 'column') names.push('NOTES');
  const w = widths(l, hasOwner);
  // A name wider than its column (STATUS over a column of marks) is left out.
  const cells = names.map((name, i) => ({ text: textWidth(name) <= w[i]! ? name : '', paint: chalk.bold }));
  return rowLines(cells, w)[0]!;
}

function taskLines(t: Task, l: Layout, hasOwner: boolean, wide: boolean, width: number): string[] {
  const notes = noteText(t) ?? '';
  const cells: Cell[] = [{ text: t.id }, { text: listStatus(t.status, l.status), paint: (s) => paint(t.status, s) }];
  if (l.due) cells.push({ text: t.due ?? '' });
  if (l.pri) cells.push({ text: t.priorityLevel ?? '' });
  cells.push({ text: t.title });
  if (hasOwner) cells.push({ text: t.owner ?? '' });
  if (l.notes === 'column') cells.push({ text: notes, paint: chalk.dim });
  const w = widths(l, hasOwner);
  const lines = wide ? [rowOnOneLine(cells, w)] : rowLines(cells, w);
  if (l.notes === 'below' && notes) {
    // Under the title, as wide as the terminal allows (`--wide` never puts notes here).
    const indent = l.id + l.statusWidth + 2 * GAP.length + (l.due ? l.due + GAP.length : 0) + (l.pri ? l.pri + GAP.length : 0);
    lines.push(...rowLines([{ text: '' }, { text: notes, paint: chalk.dim }], [indent - GAP.length, Math.max(1, width - indent)]));
  }
  return lines;
}

/** One line, cells padded to their widths and never wrapped (`--wide`). */
function rowOnOneLine(cells: Cell[], w: number[]): string {
  return rowLines(
    cells,
    cells.map((c, i) => Math.max(w[i]!, textWidth(c.text))),
  )[0]!;
}

export function listView(tasks: Task[], opts: ListOptions): string {
  const n = naturalWidths(tasks);
  const hasOwner = n.owner > 0;
  const layout = opts.wide ? wideLayout(n) : chooseLayout(n, opts.width);
  const out: string[] = [headerLine(layout, hasOwner)];
  const runs = groupRuns(tasks, opts.grouped === false ? () => null : taskGroup);
  for (const run of runs) {
    if (run.label !== null) {
      if (run !== runs[0]) out.push('');
      out.push(chalk.dim(opts.wide ? run.label : cut(run.label, opts.width)));
    }
    for (const t of run.tasks) out.push(...taskLines(t, layout, hasOwner, !!opts.wide, opts.width));
  }
  return `${out.join('\n')}\n`;
}
