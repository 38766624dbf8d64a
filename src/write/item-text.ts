// `plan edit` on a list item: its title, notes and owner live in its text
// (`- [ ] 🔄 **5.A Baseline Collection**: Terminal session @ana`). The item is
// read as the model reads it (itemParts), and each part is replaced where it
// stands, keeping the box, the status mark, the id, the emphasis and the
// separator the item already uses.

import { PlanError } from '../system/errors.js';
import { inlineDependencies, mayHoldDependencies } from '../read/depends.js';
import { itemParts, ownerLeadOf, wordsStart } from '../read/items.js';
import { cleanTitle } from '../read/names.js';
import { leadingOwnerMark, ownerMark, trailingOwnerMark } from '../read/owner-mark.js';
import type { Span } from '../parse/blocks.js';
import type { Task } from '../model/types.js';
import type { Edit } from './splice.js';
import type { EditContext } from './task-edits.js';
import { verifyTask } from './verify.js';

export interface ItemChanges {
  title?: string;
  notes?: string;
  owner?: string;
}

/** One edit that rewrites the item's text after its box and mark, or null when nothing changes. */
export function itemTextEdit(ec: EditContext, t: Task, changes: ItemChanges): Edit | null {
  verifyTask(ec, t);
  const src = t.source;
  if (src.type !== 'item') throw new Error('itemTextEdit on a table row');
  // `(@ana) Build it`: the owner stands before the words (as items.ts reads it), and is written there.
  const lead = ownerLeadOf(ec.text, src);
  const start = lead ? lead.end : wordsStart(ec.text, src);
  const old = ec.text.slice(start, src.text.end);
  const mark = trailingOwnerMark(old);
  // The lead is written where it names the owner (no claim's mark after the words), and emptied with a mark that goes.
  if (lead && changes.owner !== undefined && (!mark || !changes.owner.trim())) {
    const words = wordsEdit(ec, t, { ...changes, owner: mark ? '' : undefined }, start);
    return withLeadOwner(ec.text, lead, src.text.end, words, changes.owner);
  }
  return wordsEdit(ec, t, changes, start);
}

/** itemTextEdit on the words from `start` (after the box, the mark and any owner lead) to the item's end. */
function wordsEdit(ec: EditContext, t: Task, changes: ItemChanges, start: number): Edit | null {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
  const old = ec.text.slice(start, src.text.end);
  const mark = trailingOwnerMark(old);
  let core = mark ? old.slice(0, mark.start) : old;
  const owner = mark ? old.slice(mark.start) : '';
  // A status after the title (`… ✅`, `— cancelled`) stays where it is, after the new text.
  let tail = '';
  if (src.statusTail && src.statusTail.start >= start) {
    let at = src.statusTail.start - start;
    // `Build it (DONE)`: the bracket around the status goes with it.
    while (at > 0 && /[\s—–([-]/.test(core[at - 1]!)) at--;
    tail = core.slice(at);
    core = core.slice(0, at);
  }
  const cantFind = (what: string) =>
    new PlanError(`${ec.file}:${t.line}: cannot find the ${what} of task ${t.id} in its text (it spans lines or markup); edit the line by hand`);
  const parts = itemParts(core);
  // `- [ ] **Search speed**: under 2 s`, read as one title (items.ts): a new title replaces label and words.
  if (parts.labelled && parts.notes !== null && t.notes === null && !parts.id) {
    if (changes.notes !== undefined && changes.notes.trim() !== '') throw cantFind('notes');
    if (changes.title !== undefined) {
      const value = changes.title.trim();
      if (value === '') throw new PlanError(`${ec.file}:${t.line}: the title is empty; give the task a title`);
      refuseOwnerWords(ec, t, 'title', value);
      const end = core.lastIndexOf(parts.notes) + parts.notes.length;
      core = value + core.slice(end);
    }
    return finish({ start, end: src.text.end }, old, core + tail, owner, changes, !!tail);
  }
  const from = parts.id ? core.indexOf(parts.id) + parts.id.length : 0;
  const titleAt = core.indexOf(parts.title, from);
  if (titleAt < 0) throw cantFind('title');
  // A comment closing the title (`Remove tub <!-- quick -->`) is no part of it a reader sees: a new title keeps it,
  // and so it keeps the dependencies after the words (`Wire it (depends on T-9)`).
  const titleText = core.slice(titleAt, titleAt + parts.title.length);
  const titleEnd = titleAt + beforeComments(titleText);
  // A new title replaces the words only: what the reader keeps out of the title after them stays.
  // A new title with dependency marks of its own (`New (after 1.1)`) replaces the old ones with the words.
  const ownDeps = changes.title !== undefined && inlineDependencies(changes.title).refs.length > 0;
  const words = changes.title === undefined ? { start: 0, end: titleEnd - titleAt } : titleWords(ec, t, titleText, !ownDeps);
  const notesAt = parts.notes === null ? -1 : core.lastIndexOf(parts.notes);
  if (parts.notes !== null && notesAt < titleEnd) throw cantFind('notes');
  if (changes.notes !== undefined) {
    const value = changes.notes.trim();
    refuseOwnerWords(ec, t, 'notes', value);
    if (parts.notes !== null) {
      // Dropping the notes drops their separator too; the title's emphasis stays.
      const cut = value === '' ? titleEnd + (/^(\*\*|__)/.exec(core.slice(titleEnd))?.[0].length ?? 0) : notesAt;
      core = core.slice(0, cut) + value + core.slice(notesAt + parts.notes.length);
    } else if (value !== '') {
      const body = core.trimEnd();
      // `**Title**: notes` after an emphasised title, `Title — notes` otherwise.
      core = body + (/(\*\*|__)$/.test(body) ? `: ${value}` : ` — ${value}`) + core.slice(body.length);
    }
  }
  if (changes.title !== undefined) {
    const value = changes.title.trim();
    if (value === '') throw new PlanError(`${ec.file}:${t.line}: the title is empty; give the task a title`);
    refuseOwnerWords(ec, t, 'title', value);
    if (/<!--|-->/.test(value))
      throw new PlanError(`${ec.file}:${t.line}: a title cannot hold an HTML comment (<!-- … -->): no reader sees it; nothing was written`);
    refuseHiddenWords(ec, t, value);
    core = core.slice(0, titleAt + words.start) + value + core.slice(titleAt + words.end);
  }
  return finish({ start, end: src.text.end }, old, core + tail, owner, changes, !!tail);
}

/** The words edit `words` (or none) after an owner lead rewritten for `owner` ('' empties it), as one edit from the lead on. */
function withLeadOwner(text: string, lead: Span & { inner: Span }, end: number, words: Edit | null, owner: string): Edit | null {
  const name = owner.trim() ? ownerMark(owner.trim()) : '';
  // Emptied, `[@ana]` goes whole: `[]` before the words would read as an open box.
  const head = !name && text[lead.start] === '[' ? '' : text.slice(lead.start, lead.inner.start) + name + text.slice(lead.inner.end, lead.end);
  const next = head + (words ? words.text : text.slice(lead.end, end));
  const old = text.slice(lead.start, end);
  return next === old ? null : { start: lead.start, end, expect: old, text: next };
}

/**
 * Where the words of `title` end before the HTML comments closing it: the comments found from the start, as the
 * reader drops them (text/plain.ts), so a `<!--` inside one is its text. The whole length when words end it.
 */
function beforeComments(title: string): number {
  let words = 0;
  let at = 0;
  for (;;) {
    const open = title.indexOf('<!--', at);
    const close = open < 0 ? -1 : title.indexOf('-->', open + 4);
    if (close < 0) break;
    if (title.slice(at, open).trim()) words = at + title.slice(at, open).trimEnd().length;
    at = close + 3;
  }
  if (title.slice(at).trim()) return title.length;
  return words > 0 ? words : title.length;
}

/**
 * Where the words of `title` stand between what the reader keeps out of it: labels before them (`[CI]`, `fix:`) and,
 * after them, HTML comments, dependency marks (`(depends on T-9)`, `⛔ T-9`) and what cleanTitle drops (a status,
 * `(#28)`, `#backend`), peeled off the end in any order until none is left. A new title replaces only the words.
 * Dependency marks left inside the words cannot be kept in place by new words: refused.
 */
/** How many layers of comments, tags and dependencies after a title's words titleWords peels before it gives up. */
const MAX_ROUNDS = 16;

function titleWords(ec: EditContext, t: Task, title: string, keepDeps: boolean): { start: number; end: number } {
  const isStatus = (s: string) => ec.vocab.read(s).status !== 'none';
  let start = 0;
  let end = title.length;
  // Each round peels what the last uncovered; a title of hundreds of alternating tags and comments would take as many
  // rounds, each reading the whole title: past a few, the words are not found (the edit is refused, never slow).
  for (let round = 0; ; round++) {
    if (round === MAX_ROUNDS)
      throw new PlanError(`${ec.file}:${t.line}: cannot find the words of task ${t.id}'s title among what follows them; edit the line by hand`);
    const words = title.slice(0, end);
    const shown = cleanTitle(words, isStatus);
    const at = shown === '' ? -1 : words.indexOf(shown);
    const inline = keepDeps && mayHoldDependencies(words) ? inlineDependencies(words).title : words;
    const cut = Math.min(beforeComments(words), at >= 0 ? at + shown.length : end, inline !== '' && words.startsWith(inline) ? inline.length : end);
    // Peeling the end never uncovers a label before the words: the start found once stands (`"Export"` then `"Export`).
    if (at >= 0) start = Math.max(start, at);
    if (cut >= end) break;
    end = cut;
  }
  const left = inlineDependencies(title.slice(start, end));
  if (keepDeps && (left.refs.length > 0 || left.ownId !== null))
    throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s dependencies stand inside its title's words; nothing was written (edit the line by hand)`);
  return { start, end };
}

/** A new title that would read back as other words (`New (#12)` reads `New`, `fix: login` reads `login`) is refused. */
function refuseHiddenWords(ec: EditContext, t: Task, value: string): void {
  // Dependency marks are welcome (`Logout (after 1.1)` sets what the task waits for); the rest must read as given.
  const words = inlineDependencies(value).title;
  const shown = cleanTitle(words, (s) => ec.vocab.read(s).status !== 'none');
  if (shown === words) return;
  throw new PlanError(
    `${ec.file}:${t.line}: the title "${value}" would read as "${shown}" (plan keeps statuses, dependencies, tags and issue numbers out of a title); nothing was written, give the title's words only`,
  );
}

/** New words that would read back as an owner (`(@zed) Fix it`, `Ask @bo`) are refused: the owner has an option of its own. */
function refuseOwnerWords(ec: EditContext, t: Task, role: 'title' | 'notes', value: string): void {
  if (!leadingOwnerMark(value) && !trailingOwnerMark(value)) return;
  throw new PlanError(
    `${ec.file}:${t.line}: the ${role} "${value}" would read as naming an owner (an @name before or after the words); nothing was written, set the owner with --owner`,
  );
}

/** The edit that writes the item's new words (`body`: its text and any status after it) and its owner mark. */
function finish(span: { start: number; end: number }, old: string, body: string, owner: string, changes: ItemChanges, tailed: boolean): Edit | null {
  let mark = owner;
  if (changes.owner !== undefined) mark = changes.owner.trim() ? ` ${ownerMark(changes.owner.trim())}` : '';
  const text = (changes.owner !== undefined && mark && !tailed ? body.trimEnd() : body) + mark;
  return text === old ? null : { start: span.start, end: span.end, expect: old, text };
}
