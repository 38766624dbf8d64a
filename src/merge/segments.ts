// A task's place in the text, for merging: the whole lines its source spans
// cover (a table row, a list item's first paragraph, a heading), and those
// lines cut into parts at the task's own spans (cells, checkbox, status mark)
// so that two sides' changes to different parts of one task can be combined.
// Only the spans in `task.source` are read, whatever kind of task it is.

import type { Plan, Task } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { lineStartAt } from '../text/lines.js';

export interface Segment {
  task: Task;
  /** Whole lines, line ending included. */
  start: number;
  end: number;
  text: string;
  /** The line ending the segment ends with ('' at the end of a file without one). */
  eol: string;
}

/** Every span found in a task's source, whatever its shape. */
function spansOf(source: unknown): Span[] {
  const out: Span[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 4) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && o.end >= o.start) out.push({ start: o.start, end: o.end });
    for (const x of Object.values(o)) if (x && typeof x === 'object') visit(x, depth + 1);
  };
  visit(source, 0);
  return out;
}

/**
 * The segments of a plan's tasks in file order, or null when two tasks share
 * a line (their lines cannot be merged apart).
 */
export function segmentsOf(text: string, plan: Plan): Segment[] | null {
  const out: Segment[] = [];
  for (const task of plan.tasks.flatMap(pieces)) {
    // The innermost spans: a span that holds others (a row, or a whole table should a source name one) does not widen the task.
    const spans = leafSpans(task.source);
    if (spans.length === 0) return null;
    const from = Math.min(...spans.map((s) => s.start));
    const to = Math.max(...spans.map((s) => s.end));
    const start = lineStartAt(text, from);
    const nl = text.indexOf('\n', Math.max(to - 1, start));
    const end = nl < 0 ? text.length : nl + 1;
    const body = text.slice(start, end);
    out.push({ task, start, end, text: body, eol: /\r?\n$/.exec(body)?.[0] ?? '' });
  }
  out.sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++) if (out[i]!.start < out[i - 1]!.end) return null;
  return out;
}

/**
 * A heading task whose status is written elsewhere (a ledger row, a `Status:`
 * line further down) is merged as two pieces: the heading, and the line that
 * holds its status, each with the lines around it left to git.
 */
function pieces(task: Task): Task[] {
  const src = task.source;
  if (src.type !== 'heading' || !src.status) return [task];
  if (src.status.start >= src.heading.start && src.status.end <= src.heading.end) return [task];
  const status = src.status;
  return [
    { ...task, source: { ...src, status: null } },
    { ...task, id: `${task.id} (status)`, source: { type: 'heading', heading: status, text: status, status } },
  ];
}

/** The spans of a source that hold no other span, in order, each once. */
function leafSpans(source: unknown): Span[] {
  const spans = spansOf(source).sort((a, b) => a.start - b.start || a.end - b.end);
  const leaves = spans.filter((s, i) => !spans.some((t, j) => j !== i && t.start >= s.start && t.end <= s.end && (t.start !== s.start || t.end !== s.end)));
  return leaves.filter((s, i) => i === 0 || s.start !== leaves[i - 1]!.start || s.end !== leaves[i - 1]!.end);
}

/**
 * The segment cut at its task's innermost spans: gap, span, gap, span, …, gap,
 * each gap further cut into its leading blanks, its middle and its trailing
 * blanks (so a cell's padding stays with the cell): 4n + 3 parts for n spans.
 */
export function partsOf(seg: Segment): string[] {
  const parts: string[] = [];
  let at = seg.start;
  for (const s of leafSpans(seg.task.source)) {
    if (s.start < at || s.end > seg.end) continue; // overlapping spans: keep the first
    parts.push(...gapParts(seg.text.slice(at - seg.start, s.start - seg.start)));
    parts.push(seg.text.slice(s.start - seg.start, s.end - seg.start));
    at = s.end;
  }
  parts.push(...gapParts(seg.text.slice(at - seg.start)));
  return parts;
}

function gapParts(gap: string): string[] {
  const lead = /^[ \t]*/.exec(gap)![0];
  const rest = gap.slice(lead.length);
  const trail = /(?<![ \t])[ \t]*(\r?\n)?$/.exec(rest)![0];
  return [lead, rest.slice(0, rest.length - trail.length), trail];
}
