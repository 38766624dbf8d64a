// Differential test over every task of every corpus file (and the seed): set
// it to each other status in turn and back, without the status memory, and
// read the file again after every step. Each step must change only that
// task's status cell (a list item: its box and mark), read back as the status
// asked, keep the task's id, title, owner and notes, keep the note after the
// old status and no other word of it. On a board (`## Todo` / `## Done`
// sections whose heading is the status) the task moves to the end of its new
// status's section instead: then it must read back with that status, every
// other task must read as before, and the file's lines must be the same but
// for the moved item's own line (its box, mark, bullet).
import { expect } from 'vitest';
import { StatusMemory } from '../../src/write/memory.js';
import { applyEdits } from '../../src/write/splice.js';
import { locateStatus } from '../../src/write/status-text.js';
import { makeEditContext, setStatusEdits } from '../../src/write/task-edits.js';
import { readBackProblem } from '../../src/write/verify.js';
import { displayText } from '../../src/read/build.js';
import { trailingOwnerMark } from '../../src/read/owner-mark.js';
import type { Plan, Task } from '../../src/model/types.js';
import { Vocabulary, type SettableStatus } from '../../src/model/status.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { mayHaveMojibake } from '../../src/text/mojibake-check.js';
import { sharedPlanOf as planOf } from '../helpers/inproc.js';

/** Tasks stepped through per file, spread over the whole file. */
const MAX_TASKS = 60;

const SETTABLE: SettableStatus[] = ['done', 'in-progress', 'pending', 'blocked', 'cancelled'];

interface Step {
  text: string;
  plan: Plan;
  /** The stepped task's index in `plan.tasks` (a move changes it). */
  index: number;
}

/** Where the status of `t` may change: its status cell between the pipes, an item's box and mark (or the status after its title), a heading task's status phrase (or its end). */
function statusRegion(text: string, t: Task): { start: number; end: number } | null {
  const src = t.source;
  // A heading whose place says its status (a card in its lane, a section of a to-do file) takes a mark at its end.
  if (src.type === 'heading') return src.status ?? (t.status !== 'none' ? { start: src.text.end, end: src.text.end } : null);
  if (src.type === 'entry') return src.status;
  if (src.type === 'item' && !src.checkbox && !src.statusMark && src.statusTail) return src.statusTail;
  // Words after the title that decide over the box or mark are rewritten with them.
  if (src.type === 'item' && src.tailSays && src.statusTail) return { start: src.item.start, end: src.statusTail.end };
  if (src.type === 'item') {
    let end = src.statusMark ? src.statusMark.end : src.text.start;
    while (text[end] === ' ') end++;
    return { start: src.item.start, end };
  }
  const cell = src.columns.status === undefined ? undefined : src.cells[src.columns.status];
  if (!cell) return null;
  const start = text.lastIndexOf('|', cell.start - 1) + 1;
  let end = cell.end;
  while (end < src.row.end && text[end] !== '|') end++;
  return { start, end };
}

/** Where a status mark goes after the title of an item with neither box, mark nor status after its title (before an `@owner`). */
function endRegion(text: string, t: Task): { start: number; end: number } | null {
  const src = t.source;
  if (src.type !== 'item' || src.checkbox || src.statusMark || src.statusTail) return null;
  const body = text.slice(src.text.start, src.text.end);
  const at = src.text.start + (trailingOwnerMark(body)?.start ?? body.length);
  return { start: at, end: at };
}

const words = (s: string) => new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1));

/** The status cell of a row task as shown, and its kept note, per the one reader. */
function statusParts(text: string, t: Task, vocab: Vocabulary, repair: (s: string) => string) {
  const src = t.source as Extract<Task['source'], { type: 'row' }>;
  const cell = src.cells[src.columns.status!]!;
  const raw = text.slice(cell.start, cell.end);
  const p = locateStatus(raw, vocab, repair);
  const phrase = displayText(raw.slice(p.start, p.end), repair);
  return { status: p.status, phrase, rest: p.status === 'none' ? displayText(raw, repair) : p.suffix ? p.kept : displayText(raw.slice(p.end), repair) };
}

const brief = (u: Task) => [u.id, u.title, u.status, u.owner, u.notes];

/** Non-blank lines of `text` but line `skip` (1-based), counted. */
function lineCounts(text: string, skip: number): Map<string, number> {
  const m = new Map<string, number>();
  text.split(/\r?\n/).forEach((l, i) => {
    if (i + 1 !== skip && l.trim() !== '') m.set(l, (m.get(l) ?? 0) + 1);
  });
  return m;
}

/** A move to another section: the task reads back as asked, every other task as before, and the lines are the same but the task's own. */
function checkMove(prev: Step, next: string, after: Plan, to: SettableStatus, carried: number, label: string): Step {
  const { plan, index, text } = prev;
  const t = plan.tasks[index]!;
  expect(after.tasks.length, label).toBe(plan.tasks.length);
  const others = [...plan.tasks.slice(0, index), ...plan.tasks.slice(index + 1 + carried)].map(brief);
  const k = after.tasks.findIndex(
    (u, i) =>
      u.title === t.title &&
      u.status === to &&
      JSON.stringify([...after.tasks.slice(0, i), ...after.tasks.slice(i + 1 + carried)].map(brief)) === JSON.stringify(others),
  );
  expect(k, `${label}: the moved task reads back as ${to} and every other task as before`).toBeGreaterThanOrEqual(0);
  const u = after.tasks[k]!;
  expect([u.idFromFile, u.title, u.owner, u.notes], label).toEqual([t.idFromFile, t.title, t.owner, t.notes]);
  if (t.idFromFile) expect(u.id, label).toBe(t.id);
  // The same lines, but the task's own (its box, mark, bullet); a new section's table gets a copy of its header.
  const was = lineCounts(text, t.line);
  const now = lineCounts(next, u.line);
  for (const [l, c] of was) expect(now.get(l) ?? 0, `${label}: line ${JSON.stringify(l)} kept`).toBeGreaterThanOrEqual(c);
  for (const [l, c] of now)
    if (c > (was.get(l) ?? 0)) expect(l.trimStart().startsWith('|') && was.has(l), `${label}: line ${JSON.stringify(l)} added`).toBe(true);
  return { text: next, plan: after, index: k };
}

async function step(prev: Step, to: SettableStatus, label: string): Promise<Step> {
  const { text, plan, index } = prev;
  const t = plan.tasks[index]!;
  const repair = mayHaveMojibake(text) ? repairMojibake : (s: string) => s;
  const ec = makeEditContext('plan.md', text, plan, new StatusMemory(null), repair);
  const change = setStatusEdits(ec, t, to);
  const next = applyEdits(text, change.edits, 'plan.md');
  const after = await planOf(next);
  if (change.moved) return checkMove(prev, next, after, to, change.moved.carried, label);
  // A write the transaction reads back and refuses (the item would no longer read as a task: a ticked bullet
  // crossed under a lead-in joins a list of what holds and what does not) writes nothing: the file stays.
  if (change.reread && readBackProblem(after, t, to)) return prev;
  const u = after.tasks[index]!;
  // Only that task's status cell (or box and mark) changed.
  const region = statusRegion(text, t)!;
  expect(next, `${label}: nothing changed`).not.toBe(text);
  // Everything before and after the status region is as it was (an item with
  // neither box nor mark may take its status at the end instead: `- Fixed ✅`).
  const within = (r: { start: number; end: number }) =>
    next.startsWith(text.slice(0, r.start)) && next.endsWith(text.slice(r.end)) && next.length >= r.start + text.length - r.end;
  const outside = within(region) || (!!endRegion(text, t) && within(endRegion(text, t)!));
  expect(outside, `${label}: changed text outside the status ${JSON.stringify(text.slice(region.start, region.end))}`).toBe(true);
  // It reads back as asked and keeps what the task is.
  expect(after.tasks.length, label).toBe(plan.tasks.length);
  expect(u.status, label).toBe(to);
  if (
    process.env.DIFF_DEBUG &&
    JSON.stringify([u.id, u.idFromFile, u.title, u.owner, u.notes, u.line, u.status]) !==
      JSON.stringify([t.id, t.idFromFile, t.title, t.owner, t.notes, t.line, to])
  )
    console.log(
      'DEBUG',
      label,
      JSON.stringify(text.split('\n')[t.line - 1]),
      '=>',
      JSON.stringify(next.split('\n')[t.line - 1]),
      JSON.stringify([t.id, t.title, t.owner, t.notes, t.status, t.group]),
      JSON.stringify([u.id, u.title, u.owner, u.notes, u.status, u.group]),
    );
  expect([u.id, u.idFromFile, u.title, u.owner, u.notes, u.line], label).toEqual([t.id, t.idFromFile, t.title, t.owner, t.notes, t.line]);
  if (t.source.type === 'row') {
    // The note after the old status stays, and no other word of the old status does.
    const vocab = Vocabulary.of(plan.statusExtension);
    const old = statusParts(text, t, vocab, repair);
    const now = statusParts(next, u, vocab, repair);
    const rest = now.rest.replace(/^\s*—\s*/, '').trim();
    expect(rest, `${label}: the note kept`).toBe(old.rest.replace(/^\s*—\s*/, '').trim());
    const kept = words(old.rest);
    const newWords = words(now.phrase);
    for (const w of words(old.phrase))
      if (!kept.has(w) && !newWords.has(w)) expect(words(now.rest).has(w), `${label}: "${w}" of the old status kept`).toBe(false);
  }
  return { text: next, plan: after, index };
}

/**
 * Task `i` of `start` set to each other status in turn and back; the steps taken (none where `set` refuses it: a row
 * with no status cell). A task not done is set done first, as a round trip sets it (otherStatus), so a sweep that
 * does both reads that text once (test/write/corpus-sweep.ts).
 */
export async function differentialTask(start: Step, i: number): Promise<number> {
  const t = start.plan.tasks[i]!;
  if (!statusRegion(start.text, t)) return 0; // a row with no status cell: `set` refuses it (or moves it, on a board)
  let at = { ...start, index: i };
  const order = SETTABLE.filter((s) => s !== t.status);
  if (t.status !== 'none') order.push(t.status);
  for (const to of order) at = await step(at, to, `task ${t.id} (line ${t.line}) ${at.plan.tasks[at.index]!.status} → ${to}`);
  return order.length;
}

/** Every `n`th task is stepped: every task of a small file; of a big one, an even spread of them (each step re-reads the whole file). */
export const steppedEvery = (tasks: number): number => Math.max(1, Math.ceil(tasks / MAX_TASKS));

export async function differential(text: string): Promise<{ tasks: number; steps: number }> {
  const start: Step = { text, plan: await planOf(text), index: 0 };
  let steps = 0;
  const n = start.plan.tasks.length;
  for (let i = 0; i < n; i += steppedEvery(n)) steps += await differentialTask(start, i);
  return { tasks: n, steps };
}
