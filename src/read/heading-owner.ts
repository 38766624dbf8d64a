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

/** Where an owner field's sentence ends: a full stop before the next sentence (`Ana and Ben. Split below …`). */
const SENTENCE_END = /[.!?。][ \t]+(?=\p{Lu})|[.!?。]$/u;
/** `Ana and Ben`, `Ana y Ben`, `Ana & Ben`: two names joined by a word for "and". */
const TWO_NAMES = /^([^\s,]{1,30}) +(?:and|y|e|et|und|en|i|и|&) +([^\s,]{1,30})$/iu;

/**
 * `Team: **Ana** and **Ben**. Split below follows…`: the people an owner field line names, as written, up to the end
 * of its sentence; null when the line holds no sentence end (its whole value is the owner, as a cell's is).
 */
export function fieldOwners(value: string): string | null {
  const unmarked = value.replace(/\*\*|__/gu, '');
  const end = unmarked.search(SENTENCE_END);
  const sentence = (end < 0 ? unmarked : unmarked.slice(0, end)).trim();
  return end < 0 || !hasLetter(sentence) ? null : sentence;
}

/** The people of an owner as written (`Ana and Ben` → Ana, Ben; `Ana` → Ana): names for the file's roster. */
export function ownerNames(owner: string): string[] {
  const two = TWO_NAMES.exec(owner);
  if (two) return [two[1]!, two[2]!];
  return owner.length <= 30 && !/\s\S+\s/u.test(owner) ? [owner] : [];
}

/** Headers of a roster's name column: `Name`, `Member`, `이름`, `姓名`. */
const NAME_HEADERS = new Set([
  'name',
  'names',
  'member',
  'members',
  'person',
  'nombre',
  'nom',
  'nome',
  'имя',
  '이름',
  '팀원',
  '姓名',
  '名前',
  '氏名',
  '成员',
  '名字',
]);

/** The names of a roster table (a first column headed `Name`, `이름`): the people its plan may give work to. */
export function rosterNames(headers: string[], rows: string[][]): string[] {
  if (!NAME_HEADERS.has(headers[0]?.trim().toLowerCase() ?? '') || headers.length < 2) return [];
  return rows.map((r) => (r[0] ?? '').trim()).filter((n) => n.length > 0 && n.length <= 40 && /\p{L}/u.test(n));
}

/** `### Ana (PM)` when Ana is on the roster: a heading that names a person heads that person's work. */
export function rosterHeading(heading: string, roster: ReadonlySet<string>): string | null {
  if (roster.size === 0) return null;
  const text = heading.trim();
  const open = /[)）]$/u.test(text) ? Math.max(text.lastIndexOf('('), text.lastIndexOf('（')) : -1;
  const name = (open > 0 && text.length - open <= 42 ? text.slice(0, open) : text).trim();
  if (roster.has(name)) return name;
  // `## Track A — World & Entities (Ana)`: a part whose bracket names one of the team is that person's.
  const inner = open > 0 ? text.slice(open + 1, -1).trim() : '';
  return roster.has(inner) ? inner : null;
}
