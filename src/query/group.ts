// The group a task is shown under in `plan list`: the heading a person would
// file it under, with the heading's decoration taken off.

import type { Task } from '../model/types.js';
import { scopesInHeading } from '../model/scope.js';
import { Vocabulary } from '../status.js';

/**
 * A task's group label: the nearest enclosing heading that names a scope
 * (sprint, week, month, phase, milestone), else its nearest heading; null for
 * a task under no heading.
 *
 * The one place that decides it: when the model carries a `group` per task,
 * this becomes `return t.group`.
 */
export function taskGroup(t: Task): string | null {
  if (!t.section) return null;
  let label = labels.get(t.section);
  if (label === undefined) {
    const path = t.section.split(' > ');
    const scoped = [...path].reverse().find((h) => Object.keys(scopesInHeading(h)).length > 0);
    labels.set(t.section, (label = headingLabel(scoped ?? path[path.length - 1]!)));
  }
  return label;
}

/** Labels by section: a plan has a few dozen sections and thousands of tasks. */
const labels = new Map<string, string>();

// Emoji that decorate a heading (`📋 Weekly Checklist`, `Week 6 ✅ 🆕`).
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3])+`;
const LEADING_EMOJI = new RegExp(String.raw`^(?:${EMOJI}\s*)+`, 'u');
const TRAILING_EMOJI = new RegExp(String.raw`(?:\s*${EMOJI})+$`, 'u');
// A status after the name: `(IN PROGRESS)`, `- DONE`, `: ✅ Complete`, `[done]`.
const STATUS_SUFFIX = /\s*(?:\(([^()]+)\)|\[([^[\]]+)\]|\s[-–—:|]\s*([^-–—:|()]+))\s*$/u;

/** A heading's text without decorative emoji and without a status written after its name. */
export function headingLabel(text: string): string {
  let label = text.trim().replace(LEADING_EMOJI, '').replace(TRAILING_EMOJI, '');
  const m = STATUS_SUFFIX.exec(label);
  if (m && m.index > 0 && isOnlyStatus(m[1] ?? m[2] ?? m[3] ?? '')) {
    label = label.slice(0, m.index).replace(TRAILING_EMOJI, '').replace(/[\s:–—-]+$/u, '');
  }
  return label || text.trim();
}

/** Whether `s` is a status and nothing more (`IN PROGRESS`, `✅ Done`, `✅`). */
function isOnlyStatus(s: string): boolean {
  const reading = Vocabulary.of().read(s);
  if (reading.status === 'none') return false;
  const said = `${reading.emoji ?? ''} ${reading.word ?? ''}`.trim();
  const rest = s.replace(/\uFE0F/g, '').replace(reading.emoji ?? '', '').replace(reading.word ?? '', '');
  return said !== '' && /^[\s*_`:!.]*$/u.test(rest);
}

export interface TaskGroup {
  label: string | null;
  tasks: Task[];
}

/** Tasks in file order, in runs of the same group: a heading line opens each run. */
export function groupRuns(tasks: readonly Task[], groupOf: (t: Task) => string | null = taskGroup): TaskGroup[] {
  const runs: TaskGroup[] = [];
  for (const t of tasks) {
    const label = groupOf(t);
    const last = runs[runs.length - 1];
    if (last && last.label === label) last.tasks.push(t);
    else runs.push({ label, tasks: [t] });
  }
  return runs;
}
