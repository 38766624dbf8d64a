// `## Phase 1 — Rebuild the spec (Owner: Ana / review: Ben)`: a part heading that names, in brackets, who
// does its work. The items under it are that person's, as an `**Owner:** Ana` line under it says.

import { headerRole } from './columns.js';
import { hasLetter } from '../text/char-tests.js';
import { allMatches } from '../text/all-matches.js';

/** Where the name ends inside the brackets: another person beside them, a clause, or a dashed aside. */
const NAME_END = /[/,;，；、]|[ \t][—–-][ \t]/u;

/** The owner a heading names in a bracket (`(Owner: Ana)`, `（担当：佐藤）`), or null. */
const BRACKET = /[(（]([^()（）]*)[)）]/gu;

export function bracketOwner(heading: string): string | null {
  if (!/[:：]/u.test(heading)) return null;
  for (const bracket of allMatches(BRACKET, heading)) {
    const owner = ownerField(bracket[1]!);
    if (owner) return owner;
  }
  return null;
}

/** `Owner: Ana / review: Ben` → `Ana`: the value of a bracket's first field when its key names an owner. */
function ownerField(inner: string): string | null {
  const colon = inner.search(/[:：]/u);
  if (colon <= 0 || headerRole(inner.slice(0, colon).trim()) !== 'owner') return null;
  const value = inner.slice(colon + 1);
  const end = value.search(NAME_END);
  const name = (end < 0 ? value : value.slice(0, end)).trim();
  return hasLetter(name) ? name : null;
}
