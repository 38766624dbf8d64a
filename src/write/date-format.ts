// A date written as the file already writes its dates: `plan edit --due
// 2025-03-14` in a column of `14.03.2025` cells writes `14.03.2025`, in one of
// `Mar 14, 2025` cells `Mar 14, 2025`. The form is taken from an example the
// file gives (a cell of the same column, the field line being changed); a
// slashed form only where the file says which of day and month comes first.
// Anything else is written YYYY-MM-DD, which every reader takes one way.

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Form = (y: number, m: number, d: number) => string;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The form of one example, if it is one this writes. */
function formOf(example: string, dayFirst: boolean | null): Form | null {
  const e = example.replace(/[*_`]/g, '').trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(e)) return null;
  let m = /^(\d{4})([/.])(\d{2})\2(\d{2})$/.exec(e);
  if (m) {
    const sep = m[2]!;
    return (y, mo, d) => `${y}${sep}${pad(mo, 2)}${sep}${pad(d, 2)}`;
  }
  // A leading zero in either number (`14.03.2025`) pads both; `1.3.2025` and `3/14/2025` pad neither.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(e);
  if (m) {
    const w = /^0/.test(m[1]!) || /^0/.test(m[2]!) ? 2 : 1;
    return (y, mo, d) => `${pad(d, w)}.${pad(mo, w)}.${y}`;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(e);
  if (m && dayFirst !== null) {
    const w = /^0/.test(m[1]!) || /^0/.test(m[2]!) ? 2 : 1;
    return dayFirst ? (y, mo, d) => `${pad(d, w)}/${pad(mo, w)}/${y}` : (y, mo, d) => `${pad(mo, w)}/${pad(d, w)}/${y}`;
  }
  m = /^([A-Za-z]{3,9})(\.?) (\d{1,2}), (\d{4})$/.exec(e);
  if (m) return monthFirst(m[1]!, m[2]!);
  m = /^(\d{1,2}) ([A-Za-z]{3,9})(\.?) (\d{4})$/.exec(e);
  if (m) return dayFirstNamed(m[2]!, m[3]!);
  return null;
}

/** The month's name as the example writes it: whole or its first three letters, in its case. */
function monthName(example: string, dot: string): ((m: number) => string) | null {
  const full = MONTH_NAMES.find((n) => n.toLowerCase() === example.toLowerCase());
  const short = MONTH_NAMES.find((n) => n.slice(0, 3).toLowerCase() === example.toLowerCase());
  if (!full && !short) return null;
  const cased = (n: string) => (example === example.toUpperCase() ? n.toUpperCase() : example === example.toLowerCase() ? n.toLowerCase() : n);
  return full && example.length > 3 ? (m) => cased(MONTH_NAMES[m - 1]!) : (m) => cased(MONTH_NAMES[m - 1]!.slice(0, 3)) + dot;
}

function monthFirst(name: string, dot: string): Form | null {
  const month = monthName(name, dot);
  return month ? (y, m, d) => `${month(m)} ${d}, ${y}` : null;
}

function dayFirstNamed(name: string, dot: string): Form | null {
  const month = monthName(name, dot);
  return month ? (y, m, d) => `${d} ${month(m)} ${y}` : null;
}

/** `iso` (YYYY-MM-DD) in the form of the first example that has one this writes; else as it is. */
export function dateLike(iso: string, examples: readonly string[], dayFirst: boolean | null): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  for (const e of examples) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.trim())) return iso;
    const form = formOf(e, dayFirst);
    if (form) return form(y, m, d);
  }
  return iso;
}
