// Scope values as ranges: `2-6`, `2 – 6`, `3`; whether a task's scope matches a filter's.
// Apart from scope.ts (the scope words of headings, with the regular expressions
// that find them) so that filtering a cached plan loads none of the reader.

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
