// The file's text made safe for the terminal views (see src/text/visible.ts)
// before they lay it out: every string a view may show, with controls and bidi
// characters escaped, so widths are measured on what is shown and the only
// escape sequences left in a view are the colours plan adds itself.

import { SCOPE_KINDS, type Heading, type Plan, type Task } from '../model/types.js';
import { visibleField } from '../text/visible.js';

const TEXT_KEYS = ['id', 'title', 'statusText', 'owner', 'notes', 'priority', ...SCOPE_KINDS, 'section', 'file'] as const;

function fieldsNeedIt(fields: Record<string, string>): boolean {
  for (const k in fields) if (visibleField(k) !== k || visibleField(fields[k]!) !== fields[k]) return true;
  return false;
}

/** The task itself when nothing in it needs escaping, else an escaped copy. */
export function visibleTask(t: Task): Task {
  let copy: Task | null = null;
  for (const k of TEXT_KEYS) {
    const v = t[k];
    if (typeof v !== 'string') continue;
    const shown = visibleField(v);
    if (shown !== v) (copy ??= { ...t })[k] = shown;
  }
  if (fieldsNeedIt(t.fields)) {
    copy ??= { ...t };
    copy.fields = Object.fromEntries(Object.entries(t.fields).map(([k, v]) => [visibleField(k), visibleField(v)]));
  }
  return copy ?? t;
}

function visibleHeading(h: Heading): Heading {
  const text = visibleField(h.text);
  const section = visibleField(h.section);
  return text === h.text && section === h.section ? h : { ...h, text, section };
}

/** The plan as the terminal views may show it. */
export function visiblePlan(plan: Plan): Plan {
  return { ...plan, file: visibleField(plan.file), tasks: plan.tasks.map(visibleTask), headings: plan.headings.map(visibleHeading) };
}
