// A date as ISO 8601 writes it (`2026-03-04`). A file of its own, apart from fields.ts (the
// reader's date rules and the regular expressions that find dates), so that filtering a cached
// plan by date loads none of the reader.

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
