// The history views: `plan log` lines and `plan burndown` sparklines, for a
// terminal (colour, fitted) and as TSV.

import type { Status } from '../model/status.js';
import { DEFAULT_STYLE } from '../model/status.js';
import type { LogEntry } from '../history/log.js';
import type { TaskChange } from '../history/changes.js';
import type { BurnPoint, BurnSeries } from '../history/burndown.js';
import { chalk, paint } from './colour.js';
import { cut, padEnd } from './fit.js';
import { textWidth } from '../text/width.js';
import { tsv } from './plain.js';
import { STATUS_WORD as WORD } from './colour.js';

/**
 * Text from a plan or from git (titles, author names) made safe for a
 * terminal: control and bidi characters shown as `\uXXXX`, never obeyed.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function statusWithMark(s: string | null, colour: boolean): string {
  if (s === null) return '—';
  const status = s as Status;
  const mark = status === 'none' ? '·' : DEFAULT_STYLE[status].emoji;
  const text = `${mark} ${WORD[status] ?? s}`;
  return colour ? paint(status, text) : text;
}

const quoted = (s: string | null) => (s === null || s === '' ? '—' : `"${printable(cut(s, 48))}"`);

/** The task as a person names it in a log line: its id, or its title when it has none. */
function taskName(c: TaskChange): string {
  return c.task.idFromFile ? printable(c.task.id) : quoted(c.task.title);
}

function changeText(c: TaskChange, colour: boolean): string {
  const st = (s: string | null) => statusWithMark(s, colour);
  switch (c.kind) {
    case 'status':
      return `${st(c.from)} → ${st(c.to)}`;
    case 'owner':
      return `owner ${c.from ? printable(c.from) : '—'} → ${c.to ? printable(c.to) : '—'}`;
    case 'title':
      return `title ${quoted(c.from)} → ${quoted(c.to)}`;
    case 'added':
      return `added ${st(c.to)}${c.task.idFromFile ? ` ${quoted(c.task.title)}` : ''}`;
    case 'removed':
      return `removed${c.task.idFromFile ? ` ${quoted(c.task.title)}` : ''}`;
  }
}

/** One line per task change: `2026-02-18 a1b2c3d Ana  1.2 ⏳ pending → 🔄 in progress`. */
export function logLines(entries: LogEntry[], colour: boolean, collapseCreation: boolean): string {
  const authors = entries.map((e) => printable(cut(e.author, 20)));
  const aw = Math.max(0, ...authors.map(textWidth));
  // A plan of several files: each line names its file after the author.
  const files = entries.map((e) => (e.file === undefined ? '' : ` ${printable(e.file)}`));
  const fw = Math.max(0, ...files.map(textWidth));
  const out: string[] = [];
  entries.forEach((e, k) => {
    const hash = colour ? chalk.yellow(e.hash.slice(0, 7)) : e.hash.slice(0, 7);
    const head = `${e.date.slice(0, 10)} ${hash} ${padEnd(authors[k]!, aw)}${padEnd(files[k]!, fw)} `;
    if (e.created && collapseCreation) {
      out.push(`${head} created ${printable(e.path)} with ${e.changes.length} ${e.changes.length === 1 ? 'task' : 'tasks'}`);
      return;
    }
    for (const c of e.changes) out.push(`${head} ${taskName(c)} ${changeText(c, colour)}`);
  });
  return out.length ? `${out.join('\n')}\n` : '';
}

export function logTsv(entries: LogEntry[]): string {
  // A plan of several files adds each change's file as the last column, as `plan list` does.
  const many = entries.some((e) => e.file !== undefined);
  const rows = entries.flatMap((e) =>
    e.changes.map((c) => [e.date, e.hash.slice(0, 7), e.author, c.task.id, c.task.title, c.kind, c.from, c.to, ...(many ? [e.file ?? ''] : [])]),
  );
  return tsv(
    ['date', 'commit', 'author', 'id', 'title', 'change', 'from', 'to', ...(many ? ['file'] : [])],
    rows.map((r) => r.map((v) => (typeof v === 'string' ? printable(v) : v))),
  );
}

const BARS = '▁▂▃▄▅▆▇█';

/** `values` as a sparkline scaled to `max`: ▁ for none, █ for max. */
export function sparkline(values: number[], max: number): string {
  return values.map((v) => (v <= 0 || max <= 0 ? BARS[0] : BARS[Math.min(7, 1 + Math.round((v / max) * 6))])).join('');
}

/**
 * The state at `columns` evenly spaced moments from the first point to the
 * last (a point holds until the next one), so the line shows time, not commits.
 */
export function sample(points: BurnPoint[], columns: number): BurnPoint[] {
  if (points.length <= 1 || columns <= 1) return points.slice(-1);
  const times = points.map((p) => Date.parse(p.date));
  const t0 = times[0]!;
  const t1 = times[times.length - 1]!;
  if (!(t1 > t0)) return points.length <= columns ? points : points.filter((_, i) => i % Math.ceil(points.length / columns) === 0);
  const out: BurnPoint[] = [];
  let k = 0;
  for (let c = 0; c < columns; c++) {
    const t = t0 + ((t1 - t0) * c) / (columns - 1);
    while (k + 1 < points.length && times[k + 1]! <= t) k++;
    out.push(points[k]!);
  }
  return out;
}

function seriesName(s: BurnSeries): string {
  return s.value === null ? 'file' : `${s.kind} ${printable(s.value)}`;
}

/** One line per series: name, the open tasks over time as a sparkline, open and done first → last. */
export function burndownChart(file: string, series: BurnSeries[], width: number, colour: boolean): string {
  const points = series[0]?.points ?? [];
  if (points.length === 0) return `${printable(file)}: no history yet (the file has no commit)\n`;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const commits = points.filter((p) => p.hash !== null).length;
  const names = series.map(seriesName);
  const nw = Math.max(4, ...names.map(textWidth));
  const figures = series.map((s) => {
    const a = s.points[0]!;
    const b = s.points[s.points.length - 1]!;
    return [`${a.open} → ${b.open}`, `${a.done} → ${b.done}`];
  });
  const ow = Math.max(4, ...figures.map((f) => textWidth(f[0]!)));
  const dw = Math.max(4, ...figures.map((f) => textWidth(f[1]!)));
  const sw = Math.max(8, Math.min(60, width - nw - ow - dw - 6));
  const dim = (s: string) => (colour ? chalk.dim(s) : s);
  const lines = [
    `${printable(file)}: ${commits} ${commits === 1 ? 'commit' : 'commits'}, ${first.date.slice(0, 10)} → ${last.hash === null ? 'now (uncommitted)' : last.date.slice(0, 10)}`,
    dim(`${padEnd('', nw)}  ${padEnd('open tasks over time', sw)}  ${padEnd('open', ow)}  done`),
  ];
  series.forEach((s, k) => {
    const max = Math.max(1, ...s.points.map((p) => p.open + p.done));
    const line = sparkline(
      sample(s.points, sw).map((p) => p.open),
      max,
    );
    lines.push(`${padEnd(names[k]!, nw)}  ${colour ? chalk.cyan(padEnd(line, sw)) : padEnd(line, sw)}  ${padEnd(figures[k]![0]!, ow)}  ${figures[k]![1]}`);
  });
  return `${lines.join('\n')}\n`;
}

export function burndownTsv(series: BurnSeries[]): string {
  const rows = series.flatMap((s) => s.points.map((p) => [seriesName(s), p.date, p.hash?.slice(0, 7) ?? 'uncommitted', p.open, p.done, p.cancelled]));
  return tsv(['scope', 'date', 'commit', 'open', 'done', 'cancelled'], rows);
}
