// `plan summary` on a terminal: one line per group with a progress bar, the
// figures and a count per status, fitted to the terminal width.

import { STATUSES, type Status } from '../model/status.js';
import type { Figures, Summary, SummaryGroup } from '../query/summary.js';
import { headingLabel } from '../query/group.js';
import { chalk, MARK, paint, STATUS_WORD as WORD } from './colour.js';
import { cut, padStart } from './fit.js';
import { textWidth } from '../text/width.js';

const COUNT_ORDER: readonly Status[] = STATUSES;

/** `████░░░░` of `width` cells; no cell is full until all is done, none empty once something is. */
function bar(f: Figures, width: number): { full: number; empty: number } {
  if (f.total === 0) return { full: 0, empty: width };
  let full = Math.round((f.done / f.total) * width);
  if (f.done > 0 && full === 0) full = 1;
  if (f.done < f.total && full === width) full = width - 1;
  return { full, empty: width - full };
}

/** `✔3 ○2`, then `!1 overdue` in red where some open task is past its due date. */
function countsText(f: Figures): { plain: string; coloured: string } {
  const parts = COUNT_ORDER.filter((s) => f.counts[s] > 0).map((s) => ({ t: `${MARK[s]}${f.counts[s]}`, c: paint(s, `${MARK[s]}${f.counts[s]}`) }));
  if (f.overdue > 0) parts.push({ t: `!${f.overdue} overdue`, c: chalk.red(`!${f.overdue} overdue`) });
  return { plain: parts.map((p) => p.t).join(' '), coloured: parts.map((p) => p.c).join(' ') };
}

interface Line {
  /** Indent + name, plain. */
  name: string;
  /** The status the heading states, shown beside its name. */
  status: Status | null;
  figures: Figures;
  strong: boolean;
}

function groupLine(g: SummaryGroup): Line {
  return { name: '  '.repeat(g.depth) + headingLabel(g.name), status: g.headingStatus, figures: g, strong: g.depth === 0 };
}

export function summaryView(summary: Summary, file: string, width: number): string {
  const lines: Line[] = summary.groups.map(groupLine);
  const totalLine: Line = { name: `All tasks in ${file}`, status: null, figures: summary.total, strong: true };
  const all = [...lines, totalLine];

  const label = (l: Line): string => (l.status ? `  ${MARK[l.status]} ${WORD[l.status]}` : '');
  const nameNatural = Math.max(...all.map((l) => textWidth(l.name + label(l))));
  const figsW = Math.max(...all.map((l) => `${l.figures.done}/${l.figures.total}`.length));
  const countsW = Math.max(...all.map((l) => countsText(l.figures).plain.length));

  // Try the full layout, then a shorter bar, then without the counts.
  const layouts = [
    { barW: 12, counts: true },
    { barW: 6, counts: true },
    { barW: 6, counts: false },
  ];
  const fixed = (barW: number, counts: boolean): number => 2 + barW + 2 + figsW + 2 + 4 + (counts && countsW ? 2 + countsW : 0);
  const minName = Math.min(nameNatural, 16);
  let layout = layouts[layouts.length - 1]!;
  for (const l of layouts) {
    if (minName + fixed(l.barW, l.counts) <= width) {
      layout = l;
      break;
    }
  }
  const nameW = Math.max(minName, Math.min(nameNatural, width - fixed(layout.barW, layout.counts)));

  const render = (l: Line): string => {
    const lab = label(l);
    // The heading status stays whole when there is room; the name gives way first.
    const short = l.status ? `  ${MARK[l.status]}` : '';
    const labelPart = !lab ? '' : nameW - textWidth(lab) >= 12 ? lab : nameW - textWidth(short) >= 6 ? short : '';
    const namePart = cut(l.name, nameW - textWidth(labelPart));
    const pad = ' '.repeat(Math.max(0, nameW - textWidth(namePart + labelPart)));
    const coloredName = (l.strong ? chalk.bold(namePart) : namePart) + (labelPart && l.status ? paint(l.status, labelPart) : '') + pad;
    const b = bar(l.figures, layout.barW);
    const barText = chalk.green('█'.repeat(b.full)) + chalk.dim('░'.repeat(b.empty));
    const figs = padStart(`${l.figures.done}/${l.figures.total}`, figsW);
    const pct = padStart(l.figures.percent == null ? '—' : `${l.figures.percent}%`, 4);
    const pctColoured = l.figures.percent === 100 ? chalk.green(pct) : pct;
    const counts = countsText(l.figures);
    const tail = layout.counts && counts.plain ? `  ${counts.coloured}` : '';
    return `${coloredName}  ${barText}  ${figs}  ${pctColoured}${tail}`.trimEnd();
  };
  const out = lines.map(render);
  if (lines.length) out.push('');
  out.push(render(totalLine));
  const legend = COUNT_ORDER.map((s) => `${MARK[s]} ${WORD[s]}${s === 'cancelled' ? ' (not counted)' : ''}`);
  out.push(...packed(legend, width).map((l) => chalk.dim(l)));
  return `${out.join('\n')}\n`;
}

/** `items` two spaces apart, as many to a line as fit `width` (an item never split). */
function packed(items: string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(last) + 2 + textWidth(item) <= width) lines[lines.length - 1] = `${last}  ${item}`;
    else lines.push(cut(item, width));
  }
  return lines;
}
