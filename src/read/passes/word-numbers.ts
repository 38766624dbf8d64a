// A pass after reading: `Tarjeta 1: …`, `Card 2: …` on items of one file name their
// tasks the way `Task 1:` does, whatever the word, when the numbers rise item after item.

import { scopeWord } from '../scope.js';
import type { Found, PassState } from './state.js';

/** Days of a timeline (`Day 3: Parser`) say when the work was done, as `Week 3:` does, not which task it is: no id. */
const DAY_WORDS = new Set(['day', 'día', 'dia', 'jour', 'tag', 'giorno', 'dag', 'день']);

/** A capitalised word, a whole number, then a colon or a dash, then the title. */
const WORD_NUMBER_TITLE = /^(\p{Lu}\p{L}{1,15}) (\d{1,4})(?:\s*(?:[:：]|\s[-—–]|[—–])\s*(?=\S)|$)/u;

/** `Card 4: Write the tests` → word `Card`, number 4, title `Write the tests`; null when the title opens otherwise. */
export function wordNumberSplit(title: string, notes: string | null): { word: string; n: number; title: string; notes: string | null } | null {
  const m = WORD_NUMBER_TITLE.exec(title);
  if (!m || scopeWord(m[1]!)) return null;
  // `Card 4 — Write the tests`: the item's dash left the word and number alone as its title, the rest as notes.
  const alone = m[0].length === title.length;
  if (alone && !notes) return null;
  return { word: m[1]!, n: Number(m[2]), title: alone ? notes! : title.slice(m[0].length), notes: alone ? null : notes };
}

/**
 * Tasks without an id whose titles open with the same word and a number (`Tarjeta 1: Clean up`,
 * `Tarjeta 2: Seed the data`), the numbers rising in file order, number their tasks as `Task 1:`
 * does: the word and number are the id, the words after the colon the title. A word written once,
 * or numbers that repeat or fall (`Launch 3`, `Launch 1`), are part of a name. Scope words
 * (`Phase 2:`) are the scope readers' own; a day (`Day 3:`) is when, so its tasks keep the title and no id.
 */
export function wordNumberIds(b: PassState): void {
  const families = new Map<string, { found: Found; n: number; title: string; notes: string | null }[]>();
  for (const found of b.found) {
    const t = found.task;
    if (found.dropped || t.idFromFile || (t.source.type !== 'item' && t.source.type !== 'heading')) continue;
    const split = wordNumberSplit(t.title, t.notes);
    if (!split) continue;
    const family = families.get(split.word) ?? [];
    families.set(split.word, family);
    family.push({ found, ...split });
  }
  for (const [word, family] of families) {
    const ordered = [...family].sort((x, y) => x.found.anchor - y.found.anchor);
    if (ordered.length < 2 || ordered.some((f, i) => i > 0 && f.n <= ordered[i - 1]!.n)) continue;
    const when = DAY_WORDS.has(word.toLowerCase());
    for (const { found, n, title, notes } of ordered) {
      if (!when) {
        found.task.id = `${word} ${n}`;
        found.task.idFromFile = true;
      }
      found.task.title = title;
      found.task.notes = notes;
    }
  }
}
