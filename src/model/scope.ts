// Headings name scopes: `Sprint 8`, `Week 2-6`, `Month 2`, `Phase 5`,
// `Milestone 3`, wherever those words stand in the heading text.

import type { Scope, ScopeKind } from './types.js';

// A release or a horizon is a milestone; a stage a phase; an iteration a sprint.
const WORDS: Record<string, ScopeKind> = {
  sprint: 'sprint',
  sprints: 'sprint',
  iteration: 'sprint',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  phase: 'phase',
  phases: 'phase',
  stage: 'phase',
  milestone: 'milestone',
  milestones: 'milestone',
  release: 'milestone',
  horizon: 'milestone',
  semana: 'week',
  mes: 'month',
  fase: 'phase',
  fases: 'phase',
  etapa: 'phase',
  hito: 'milestone',
  woche: 'week',
  monat: 'month',
  semaine: 'week',
  mois: 'month',
  étape: 'phase',
};

const NUM = String.raw`\d+(?:\.\d+)*`;
// The end of a range is a number, not the start of a date (`Sprint 2 - 21/04 - 27/04` is sprint 2).
const SCOPE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${Object.keys(WORDS).join('|')})\s*(?:(?:#|no\.?)\s*)?(${NUM}(?:\s*[-–—]\s*${NUM}(?![/.:]\d))?)(?![\p{L}\p{N}/])`,
  'giu',
);

/** The scope a word names (`Phase`, `Sprints`, `Hito`), or null. */
export function scopeWord(word: string): ScopeKind | null {
  return WORDS[word.toLowerCase()] ?? null;
}

export function emptyScope(): Scope {
  return { sprint: null, week: null, month: null, phase: null, milestone: null };
}

/** The scopes a heading names (the first mention of each kind). */
export function scopesInHeading(text: string): Partial<Scope> {
  const found: Partial<Scope> = {};
  for (const m of text.matchAll(SCOPE_RE)) {
    const kind = WORDS[m[1]!.toLowerCase()]!;
    if (found[kind] == null) found[kind] = normaliseRange(m[2]!);
  }
  return found;
}

export function normaliseRange(s: string): string {
  return s.replace(/(?<!\s)\s*[-–—]\s*/, '-');
}

/** Whether a scope value (`3`, `2-6`) matches a filter value (`3`, `2-4`). */
export function scopeMatches(value: string | null, filter: string): boolean {
  if (value == null) return false;
  const f = normaliseRange(filter.trim());
  if (value === f) return true;
  const v = bounds(value);
  const q = bounds(f);
  if (!v || !q) return false;
  return q[0] <= v[1] && v[0] <= q[1];
}

// Scope values repeat (10,000 tasks, a few dozen weeks): parse each once.
const boundsCache = new Map<string, [number, number] | null>();

function bounds(s: string): [number, number] | null {
  let b = boundsCache.get(s);
  if (b === undefined) boundsCache.set(s, (b = parseBounds(s)));
  return b;
}

function parseBounds(s: string): [number, number] | null {
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(s);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] != null ? Number(m[2]) : lo;
  return lo <= hi ? [lo, hi] : [hi, lo];
}
