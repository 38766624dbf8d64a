// The edits that change one task: its status (in the file's own style), or
// a cell's or an item's text. Pure: text + model in, splice edits out. Every
// edit is computed only after verifyTask has found the task where the model
// says it is.

import { sourceStart, type Plan, type Task } from '../model/types.js';
import { isMarkName, ownerMark, trailingOwnerMark } from '../read/owner-mark.js';
import { DEFAULT_STYLE, isFinished, leadingSymbol, markBefore, Vocabulary, type SettableStatus, type Status } from '../model/status.js';
import type { Span } from '../parse/blocks.js';
import { boxLength, ownerLeadOf, TRAILING_MARKS } from '../read/items.js';
import { cellStatus, isMemoCell, titleCellMark } from '../read/tables.js';
import { showsStatus } from '../read/mentions.js';
import { checklistOf } from '../read/passes/checklist-status.js';
import { estimateTail, HERE_MARK, headingNoteAt, quotesAround, withoutEstimate } from '../read/names.js';
import { LineIndex } from '../text/lines.js';
import { escapeCell } from '../text/plain.js';
import { PlanError, UsageError } from '../system/errors.js';
import type { Edit } from './splice.js';
import { FileStyle } from './style.js';
import { locateStatus } from './status-text.js';
import { taskKey, type StatusMemory } from './memory.js';
import { cellSplice } from './layout.js';
import { cardMove, namesOtherLane } from './card-move.js';
import { markMove } from './mark-move.js';
import { itemAfter, itemAfterProblem, verifyTask } from './verify.js';
import { laneDecision, moveEdits, type LaneDecision } from './lanes.js';
import { doneDateEdit } from './field-text.js';
import { entryStatusChange } from './entry-status.js';

export interface EditContext {
  file: string;
  text: string;
  plan: Plan;
  vocab: Vocabulary;
  style: FileStyle;
  memory: StatusMemory;
  /** Mojibake repair (identity when the file has none). */
  repair: (s: string) => string;
  /** The 1-based line of an offset, and the offset a line starts at. */
  lineOf: (offset: number) => number;
  lineStart: (line: number) => number;
  /** Whether the model came from the cache (not parsed from `text` just now): verifyTask checks more of it. */
  cached: boolean;
}

export function makeEditContext(file: string, text: string, plan: Plan, memory: StatusMemory, repair: (s: string) => string, cached = false): EditContext {
  const vocab = Vocabulary.of(plan.statusExtension);
  // Status cells repeat (`✅ Complete` a thousand times): read each text once.
  const seen = new Map<string, ReturnType<typeof styleExample>>();
  const learnTask = (t: Task, style: FileStyle) => {
    const src = t.source;
    if (src.type === 'heading' || src.type === 'entry') return;
    if (src.type === 'row') {
      const cell = src.columns.status !== undefined ? src.cells[src.columns.status] : undefined;
      if (!cell) return;
      const raw = text.slice(cell.start, cell.end);
      let p = seen.get(raw);
      if (p === undefined) seen.set(raw, (p = styleExample(raw, vocab, repair)));
      if (!p || p.status === 'none') return;
      // As the reader reads the cell: a cross under `Done` is how this file writes pending (cellStatus).
      const status = cellStatus(p.status, raw, plan.tables[src.table]?.headers[src.columns.status!] ?? '', vocab);
      style.add(status, { text: p.example, emoji: p.emoji, word: p.word, table: src.table, exact: p.exact });
      return;
    }
    const mark = src.statusMark ? text.slice(src.statusMark.start, src.statusMark.end) : null;
    // The mark's own status: in `- [x] 🔄 …` the task is done by its box, but 🔄 is not how the file writes done.
    const markStatus = mark ? vocab.emojiStatus(mark)?.status : undefined;
    if (mark && markStatus) style.add(markStatus, { text: mark, emoji: mark, word: null, table: -1 });
    // An item with neither box nor mark has its status from its heading (`## Done`): nothing of its own to learn;
    // nor one whose status its words at the end say (`- [ ] Docs (partial)`): its box alone would read otherwise.
    if ((mark || src.checkbox) && (!mark || markStatus === t.status) && (mark || !src.statusTail)) {
      style.addItem(t.status, { box: src.checkbox ? text.slice(src.checkbox.start, src.checkbox.end) : null, mark });
    }
  };
  const style = new FileStyle(
    (table, style) => {
      if (table !== null) {
        const info = plan.tables[table];
        if (info) for (let i = info.firstTask; i < info.firstTask + info.taskCount; i++) learnTask(plan.tasks[i]!, style);
        return;
      }
      for (const t of plan.tasks) if (t.source.type !== 'row' || !style.hasLearnt(t.source.table)) learnTask(t, style);
    },
    (emoji) => vocab.emojiStatus(emoji)?.status,
    plan.legendTexts,
  );
  let lines: LineIndex | null = null;
  const index = () => (lines ??= new LineIndex(text));
  return { file, text, plan, vocab, style, memory, repair, lineOf: (o) => index().line(o), lineStart: (n) => index().lineStart(n), cached };
}

/**
 * A status cell as an example of how the file writes its status, or none:
 * not a cell plan marked when it claimed the task (`🔄 In Progress @ana`), nor
 * one whose words say another status than the cell (`🔄 Next`, in progress by
 * its mark, says "next": it shows how to write neither).
 */
function styleExample(raw: string, vocab: Vocabulary, repair: (s: string) => string): ReturnType<typeof locateStatus> | null {
  if (trailingOwnerMark(raw)) return null;
  const p = locateStatus(raw, vocab, repair);
  const said = p.word ? vocab.read(p.word).status : 'none';
  return said !== 'none' && said !== p.status ? null : p;
}

/** Rejects values that cannot live in one table cell or list item line (a line break, or another control character). */
export function checkValue(value: string, what: string): void {
  if (/[\r\n\u2028\u2029\u0085]/.test(value)) throw new UsageError(`${what} cannot contain a line break; give it on one line`);
  if (/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(value)) throw new UsageError(`${what} cannot contain a control character; give it as plain text`);
}

/** Refuses (a usage error) an owner an `@name` mark cannot hold; `where` says why a mark is written. */
export function checkMarkName(owner: string, where: string): void {
  if (!isMarkName(owner)) {
    throw new UsageError(`${where}, so the owner is written as an @name mark, which is one word; use an owner name without spaces (not "${owner}")`);
  }
}

/** Escapes text for its place: an unescaped `|` becomes `\|` in a table cell. */
function escapeFor(t: Task, value: string): string {
  return t.source.type === 'row' ? escapeCell(value) : value;
}

export interface StatusChange {
  edits: Edit[];
  from: Status;
  to: SettableStatus;
  /** The task's status text after the change, as `list` would show it. */
  statusText: string;
  /** What the change kept or restored, for the dry run's diff and --json (`kept "(Phase 3)" after the new status`). */
  remarks: string[];
  /** The task's line no longer says its status (its heading does): read the file again to check it (WorkResult.reread). */
  reread?: boolean;
  /** The places of the task (it and its mentions) a fresh read of the file must find with the new status (WorkResult.reread). */
  readBack?: Task[];
  /** The task moved to the section that says its new status (a board's lane): from and to which heading. */
  moved?: { from: string; to: string; carried: number };
  /** Where the status went when the file gave it no place of its own, said on stdout (`wrote ✅ in the title cell: …`). */
  wrote?: string;
  /** The status the place reads after the write when not `to`: an added mark taken off again leaves none. */
  reads?: Status;
  /** Why the task stayed in its section on a board, said on stderr (`the board has no section for blocked; …`). */
  notice?: string;
}

export interface StatusOptions {
  /** Text to write instead of the file's style for `to` (the file's own word, given to `set`). */
  text?: string;
  /** An owner to record as an `@name` mark (a claim on a task with no Owner column). */
  markOwner?: string;
  /** An owner to write in the task's Owner cell, when the task moves (statusOwnerEdits writes it otherwise). */
  cellOwner?: string;
  /** The user's word for the status, as given to `set`: where it names a board's lane (`To Do`), the card goes there. */
  word?: string;
}

export function setStatusEdits(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions = {}): StatusChange {
  verifyTask(ec, t);
  const stays = !opts.markOwner && (opts.text === undefined || t.statusText.startsWith(opts.text)) && !namesOtherLane(ec, t, opts.word);
  if (t.status === to && stays) {
    return { edits: [], from: t.status, to, statusText: t.statusText, remarks: [] };
  }
  if (t.statusFrom === 'checklist') refuseChecklistHeading(ec, t);
  if (opts.markOwner !== undefined) checkMarkName(opts.markOwner, `${ec.file}:${t.line}: task ${t.id} has no Owner column`);
  // On a board the status is the place: the task moves to its new status's section.
  const lane = laneDecision(ec, t, to);
  if (lane?.move) return movedStatus(ec, t, to, lane, opts);
  const notice = lane?.reason ? `${lane.reason}; wrote the status in task ${t.id}'s line instead of moving it` : undefined;
  const change = inPlaceStatus(ec, t, to, opts, lane?.reason ?? null);
  return notice && change.edits.length ? { ...change, notice, remarks: [...change.remarks, notice] } : change;
}

/**
 * A heading whose status its checklist gives (Task.statusFrom) is refused, naming its boxes: its status is
 * theirs. Ticking them all for the heading would skip what `set` on each box does (its next occurrence, its
 * other places, its remembered text), and `pending` would forget which were ticked; a mark in the heading
 * would contradict its boxes. The person sets the boxes, one `set` each.
 */
function refuseChecklistHeading(ec: EditContext, t: Task): never {
  verifyTask(ec, t);
  const boxes = checklistOf(ec.plan, t);
  const where = boxes.length ? `lines ${boxes[0]!.line}–${boxes.at(-1)!.line}` : 'below it';
  const ticked = boxes.filter((b) => b.status === 'done').length;
  throw new PlanError(
    `${ec.file}:${t.line}: task ${t.id} takes its status from the checklist under it (${ticked} of ${boxes.length} ticked, ${where}); nothing was written (set its boxes)`,
  );
}

/** A status written where the task stands: its cell, box or mark, its heading's words. */
function inPlaceStatus(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions, laneReason: string | null): StatusChange {
  if (t.source.type === 'heading') return headingStatus(ec, t, to, opts);
  if (t.source.type === 'row') return rowStatus(ec, t, to, opts, laneReason);
  if (t.source.type === 'entry') return entryStatusChange(ec, t, to, opts);
  let change = itemStatus(ec, t, to, opts);
  // Obsidian Tasks' done date (`✅ 2025-03-14`), where the file's done items carry one.
  const dated = change.edits.length ? doneDateEdit(ec, t, to) : null;
  if (dated) change = { ...change, edits: [...change.edits, dated] };
  let found = itemAfter(ec, t, change.edits)!;
  let problem = itemAfterProblem(found, t, to);
  // `- Fixed` under `## Todo`: `- ✅ Fixed` reads as a legend entry, `- Fixed ✅` as the task done.
  if (problem && !t.source.checkbox && !t.source.statusMark && !t.source.statusTail && opts.markOwner === undefined) {
    const tail = tailMarkStatus(ec, t, to);
    const again = itemAfter(ec, t, tail.edits)!;
    if (!itemAfterProblem(again, t, to)) [change, found, problem] = [tail, again, null];
  }
  if (problem) throw changesWhatItIs(ec, t, to, problem);
  // Left without a status of its own, the item takes its heading's; and an item without a box is a task only by
  // what the file around it says (a ✅/❌ list under a lead-in states facts): the transaction reads the file again to tell.
  return (found.status === 'none' || !t.source.checkbox) && change.edits.length ? { ...change, reread: true } : change;
}

/**
 * A status write that also assigns the task to `owner` (undefined: keep the
 * owner): its Owner cell where its table has one, else an `@owner` mark at the
 * end of its status cell or item; a heading task has no place for an owner and is refused.
 */
export function statusOwnerEdits(ec: EditContext, t: Task, to: SettableStatus, owner: string | undefined, opts: StatusOptions = {}): StatusChange {
  const places = (t.mentions ?? []).filter(showsStatus);
  if (places.length === 0) return ownStatusOwnerEdits(ec, t, to, owner, opts);
  // A task written in several places (Task.mentions): every place that shows a status is set, each in its own style;
  // its heading, when no status is written in it or under it, is left as it is.
  const own = showsStatus(t) || owner !== undefined ? ownStatusOwnerEdits(ec, t, to, owner, opts) : unchanged(ec, t, to);
  const changes = [own, ...places.map((m) => setStatusEdits(ec, m, to, { ...(opts.text !== undefined ? { text: opts.text } : {}) }))];
  // A board move of one place would leave the others where they were (and two moves in one write are not checked as one).
  const moving = changes.findIndex((c) => c.moved);
  if (moving >= 0) throw movesAPlace(ec, t, [t, ...places], moving, changes[moving]!.moved!.to);
  const written = [t, ...places].filter((_, i) => changes[i]!.edits.length > 0);
  return {
    ...own,
    edits: changes.flatMap((c) => c.edits),
    remarks: changes.flatMap((c) => c.remarks),
    ...(written.length ? { readBack: written } : {}),
  };
}

function ownStatusOwnerEdits(ec: EditContext, t: Task, to: SettableStatus, owner: string | undefined, opts: StatusOptions): StatusChange {
  const ownerCell = t.source.type === 'row' && t.source.columns.owner !== undefined;
  const cellOwner = ownerCell && owner !== undefined ? { cellOwner: owner } : {};
  const change = setStatusEdits(ec, t, to, owner === undefined || ownerCell ? { ...opts, ...cellOwner } : { ...opts, markOwner: owner });
  if (owner === undefined || !ownerCell || change.moved) return change;
  const e = cellEdit(ec, t, 'owner', owner);
  return e ? { ...change, edits: [...change.edits, e] } : change;
}

/** A board move refused because the task is written in other places too. */
function movesAPlace(ec: EditContext, t: Task, all: readonly Task[], moving: number, lane: string): PlanError {
  const other = all.find((_, i) => i !== moving)!;
  return new PlanError(
    `${ec.file}:${all[moving]!.line}: task ${t.id} is also written on line ${other.line}, and moving it to ${JSON.stringify(lane)} would leave that behind; nothing was written (set it by hand, or keep one place)`,
  );
}

/** A place with no status of its own to change: checked, and left as it is. */
function unchanged(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  verifyTask(ec, t);
  return { edits: [], from: t.status, to, statusText: t.statusText, remarks: [] };
}

/** What a fresh read of the file after a status change must confirm (see WorkResult.reread). */
export function readBackOf(change: StatusChange, t: Task, to: SettableStatus): { task: Task; to: Status; moved?: { carried: number } }[] {
  if (change.moved) return [{ task: t, to, moved: { carried: change.moved.carried } }];
  const places = change.readBack ?? (change.reread ? [t] : []);
  return places.map((task) => ({ task, to: change.reads ?? to }));
}

/**
 * A task moved to the lane of its new status: its own status (box, mark,
 * words after its title) rewritten where it has one, so the item does not
 * contradict its lane, none added where the lane alone says it; an owner
 * written in the block; then the block taken out and written at the lane's end.
 */
function movedStatus(ec: EditContext, t: Task, to: SettableStatus, d: Extract<LaneDecision, { move: true }>, opts: StatusOptions): StatusChange {
  const src = t.source;
  const local: Edit[] = [];
  const remarks: string[] = [];
  let statusText = '';
  if (src.type === 'item' && (src.checkbox || src.statusMark || src.statusTail)) {
    const own = itemStatus(ec, t, to, opts);
    local.push(...own.edits);
    remarks.push(...own.remarks);
    statusText = own.statusText;
  } else if (src.type === 'heading' && opts.markOwner !== undefined) {
    throw new PlanError(
      `${ec.file}:${t.line}: task ${t.id} is a heading; plan records an owner only in a table's cells or at the end of a list item, so nothing was written`,
    );
  } else if (src.type === 'item' && opts.markOwner !== undefined) {
    local.push(itemOwnerEdit(ec, src, opts.markOwner));
  } else if (opts.cellOwner !== undefined) {
    const e = cellEdit(ec, t, 'owner', opts.cellOwner);
    if (e) local.push(e);
  }
  // A row's mark (`Write parser ⛔`, written where the board had no lane for it) would contradict its new lane.
  if (src.type === 'row' && src.columns.status === undefined) local.push(...dropTitleMark(ec, src));
  // Tasks nested in the item go with it (their own statuses stay theirs: the read-back holds them to that).
  const anchor = (u: Task) => sourceStart(u.source);
  const carried = ec.plan.tasks.filter((u) => u !== t && anchor(u) > d.block.start && anchor(u) < d.block.end).length;
  const moved = { from: d.from.heading.text, to: d.target.heading.text, carried };
  remarks.push(`task ${t.id}: moved from ${JSON.stringify(moved.from)} to the end of ${JSON.stringify(moved.to)}`);
  return { edits: moveEdits(ec, d, local), from: t.status, to, statusText, remarks, moved };
}

/** The refusal of a status write that would change what the line is (a task would vanish or read otherwise). */
export function changesWhatItIs(ec: Pick<EditContext, 'file'>, t: Task, to: Status, problem: string): PlanError {
  return new PlanError(
    `${ec.file}:${t.line}: setting task ${t.id} ${to} would change what the line is (${problem}); nothing was written, edit the line by hand`,
  );
}

/** The status as a mark after the title (`- Fixed ✅`), for an item whose title a leading mark would turn into a legend entry. */
function tailMarkStatus(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
  const body = ec.text.slice(src.text.start, src.text.end);
  const claim = trailingOwnerMark(body);
  let at = src.text.start + (claim ? claim.start : body.length);
  while (at > src.text.start && /\s/.test(ec.text[at - 1]!)) at--;
  const mark = markFor(ec, to);
  return { edits: [{ start: at, end: at, expect: '', text: ` ${mark}` }], from: t.status, to, statusText: ec.repair(mark), remarks: [] };
}

/**
 * A heading task's status is written where the file wrote it: its mark
 * (`### AC-1 ✅`), its bracketed words (`(IN PROGRESS)`), a `**Status**:` line
 * below it or a ledger row's cell. A mark stays a mark, words stay words.
 */
function headingStatus(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'heading' }>;
  // A mark goes after the heading's name, before a closing note (`### WS-B — Pipelines ✅ *(biggest)*`).
  const nameEnd = src.text.start + headingNoteAt(ec.text.slice(src.text.start, src.text.end));
  if (!src.status && t.status !== 'none' && opts.markOwner === undefined) return placeMark(ec, t, to, nameEnd);
  if (opts.markOwner !== undefined) {
    throw new PlanError(
      `${ec.file}:${t.line}: task ${t.id} is a heading; plan records an owner only in a table's cells or at the end of a list item, so nothing was written`,
    );
  }
  if (!src.status) return headingMark(ec, t, to, opts, nameEnd, nameEnd)!; // not restoreOnly: never null
  const unmarked = unmarkedHeading(ec, t, to, src.status, opts);
  if (unmarked) return unmarked;
  // A mark plan added (` ✅`) is taken off again when the task is set back.
  let at = src.status.start;
  while (at > src.text.start && /[ \t]/.test(ec.text[at - 1]!)) at--;
  const added = src.status.end <= src.text.end && opts.text === undefined ? headingMark(ec, t, to, opts, at, src.status.end, true) : null;
  // Read the file again: a heading's words may say its status in more places than the one written (a mark and a bracket).
  return { ...(added ?? phraseStatus(ec, t, to, src.status, opts)), reread: true };
}

/** The mark plan added to a heading whose place said its status (placeMark), taken out again when set back to that status. */
function unmarkedHeading(ec: EditContext, t: Task, to: SettableStatus, span: Span, opts: StatusOptions): StatusChange | null {
  if (opts.text !== undefined || ec.memory.recall(taskKey(t), to, ec.text.slice(span.start, span.end)) !== '') return null;
  let start = span.start;
  while (start > 0 && (ec.text[start - 1] === ' ' || ec.text[start - 1] === '\t')) start--;
  const edit: Edit = { start, end: span.end, expect: ec.text.slice(start, span.end), text: '' };
  const remark = `task ${t.id}: took out the mark plan added, so its place says its status again (from its memory; --no-memory writes the file's style)`;
  return { edits: [edit], from: t.status, to, statusText: '', remarks: [remark], reread: true };
}

/**
 * A heading whose status is where it stands (a card in its lane, a section of a to-do file) and written nowhere:
 * the status as a mark at the end of the heading (`## Fix the gate ✅`), which the reader takes over the place.
 */
function placeMark(ec: EditContext, t: Task, to: SettableStatus, at: number): StatusChange {
  const mark = markFor(ec, to);
  ec.memory.remember(taskKey(t), t.status, '', mark);
  return {
    edits: [{ start: at, end: at, expect: '', text: ` ${mark}` }],
    from: t.status,
    to,
    statusText: ec.repair(mark),
    remarks: [],
    reread: true,
  };
}

/**
 * A heading task with no status written in it or under it gets a mark at the
 * end of its text (`### A-01 Build the parser ✅`): the one the file's other
 * headings write for `to`, else the file's mark. With `restoreOnly`, only the
 * text plan replaced at [start, end) is restored (null when it remembers none).
 */
function headingMark(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions, start: number, end: number, restoreOnly = false): StatusChange | null {
  const key = `${taskKey(t)} heading`;
  const current = ec.text.slice(start, end);
  const restored = ec.memory.recall(key, to, current);
  const wasNone = restored === undefined && !isFinished(to) ? ec.memory.recall(key, 'none', current) : undefined;
  const recalled = restored ?? wasNone;
  if (recalled === undefined && restoreOnly) return null;
  if (opts.text !== undefined && !ec.vocab.isStatusEmoji(opts.text)) {
    throw new PlanError(
      `${ec.file}:${t.line}: task ${t.id} is a heading with no status written in it or under it; add one (e.g. a \`**Status**: pending\` line) first`,
    );
  }
  const mark = opts.text ?? headingMarkFor(ec, to);
  const text = recalled ?? ` ${mark}`;
  ec.memory.remember(key, t.status, current, text);
  const wrote =
    recalled === undefined
      ? `wrote ${mark} at the end of the heading: it had no status written in it or under it`
      : wasNone !== undefined
        ? 'took off the mark plan wrote at the end of the heading: it is as it was, with no status of its own'
        : "restored the heading's text plan replaced before (from its memory)";
  const edit: Edit = { start, end, expect: current, text };
  return {
    edits: [edit],
    from: t.status,
    to,
    statusText: recalled === undefined ? mark : '',
    remarks: [`task ${t.id}: ${wrote}`],
    reread: true,
    wrote,
    ...(wasNone !== undefined ? { reads: 'none' as const } : {}),
  };
}

/** The mark the file's other heading tasks close with for `to` (`### B-2 Done thing ✔️`), else the file's mark. */
function headingMarkFor(ec: EditContext, to: SettableStatus): string {
  for (const u of ec.plan.tasks) {
    const src = u.source;
    if (src.type !== 'heading' || u.status !== to) continue;
    const said = u.statusText.trim();
    const bare = said.replace('\uFE0F', '');
    if (leadingSymbol(said)?.replace('\uFE0F', '') === bare && TRAILING_MARKS.has(bare)) return said;
  }
  return markFor(ec, to);
}

/**
 * Replaces the status phrase written at `span` (a heading's mark or words, a
 * `Status:` value, a ledger cell, an item's trailing `✅` or `— cancelled`):
 * a mark stays a mark, words stay words in the same case; setting back restores
 * the exact text plan replaced.
 */
function phraseStatus(ec: EditContext, t: Task, to: SettableStatus, span: Span, opts: StatusOptions, key = taskKey(t)): StatusChange {
  const old = ec.text.slice(span.start, span.end);
  const remarks: string[] = [];
  const recalled = opts.text === undefined ? ec.memory.recall(key, to, old) : undefined;
  if (recalled !== undefined)
    remarks.push(
      `task ${t.id}: restored ${JSON.stringify(recalled.trim())}, the text plan replaced before (from its memory; --no-memory writes the file's style)`,
    );
  const fresh = recalled ?? opts.text ?? restyle(ec, old, to, inHeading(t, span));
  ec.memory.remember(key, t.status, old, fresh);
  const edit: Edit = { start: span.start, end: span.end, expect: old, text: fresh };
  return { edits: [edit], from: t.status, to, statusText: ec.repair(fresh), remarks };
}

/** Whether `span` lies in the task's heading line itself (not in a field line under it). */
function inHeading(t: Task, span: Span): boolean {
  return t.source.type === 'heading' && span.start >= t.source.heading.start && span.end <= t.source.heading.end;
}

/** `✓ (complete)` → `⏳ (pending)`, `🔄 IN PROGRESS` → `✅ DONE`, `cancelled` → `done`: the same shape, another status. */
function restyle(ec: EditContext, old: string, to: SettableStatus, heading = false): string {
  // `<-- we are here` says only where the work stands: another status is the file's mark for it.
  if (HERE_MARK.test(old)) return markFor(ec, to);
  // A heading's box (`## [ ] Fix the gate`) is written as the file's boxed items are: `[x]`, `[ ] ⛔`. A box in a
  // field's value (`- **Status**: [x] FIXED`) is words there, restyled as words are.
  if (heading && /^\[[ xX]\]/.test(old)) {
    const { box, mark } = ec.style.itemPrefixFor(to, true);
    return `${box ?? (to === 'done' ? '[x]' : '[ ]')}${mark ? ` ${mark}` : ''}`;
  }
  const mark = leadingSymbol(old.trimStart());
  const rest = mark ? old.trimStart().slice(mark.length) : old;
  const words = rest.replace(/^[\s\uFE0F]+/, '');
  const paren = /^\((.*)\)\s*$/.exec(words);
  const said = paren ? paren[1]! : words;
  let label = DEFAULT_STYLE[to].label;
  if (/\p{L}/u.test(said) && said === said.toUpperCase()) label = label.toUpperCase();
  else if (/\p{L}/u.test(said) && said === said.toLowerCase()) label = label.toLowerCase();
  // `(completado, mar 2026)`: a note after the status words stays; only the status phrase is replaced.
  const note = noteAfter(said, ec);
  const text = said === '' ? '' : paren ? `(${label}${note})` : `${label}${note}`;
  const sep = mark && text ? rest.slice(0, rest.length - words.length) || ' ' : '';
  return `${mark ? markFor(ec, to) : ''}${sep}${text}` || label;
}

/** What follows the status phrase of `said` as a note (`, mar 2026` of `completado, mar 2026`), raw, or ''. */
function noteAfter(said: string, ec: EditContext): string {
  const portion = locateStatus(said, ec.vocab, ec.repair);
  return portion.status !== 'none' && portion.kept && !portion.suffix ? said.slice(portion.end) : '';
}

/** The file's mark for a status where a mark alone must say it: a strong one that reads so at the end of a line too. */
function markFor(ec: EditContext, to: SettableStatus): string {
  const emoji = ec.style.emojiFor(to);
  const bare = emoji.replace('\uFE0F', '');
  return ec.vocab.emojiStatus(emoji)?.strong && TRAILING_MARKS.has(bare) ? emoji : DEFAULT_STYLE[to].emoji;
}

function rowStatus(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions, laneReason: string | null = null): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'row' }>;
  const states = ec.plan.tables[src.table]?.states;
  if (states) return markMove(ec, t, to, states, opts);
  const lanes = ec.plan.tables[src.table]?.lanes;
  if (lanes) return cardMove(ec, t, to, lanes, opts);
  const col = src.columns.status;
  if (col === undefined) return titleMarkStatus(ec, t, to, opts, laneReason);
  const cell = src.cells[col];
  if (!cell) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s row has no Status cell (it has ${src.cells.length} cells); complete the row first`);
  const raw = ec.text.slice(cell.start, cell.end);
  const portion = locateStatus(raw, ec.vocab, ec.repair);
  const fresh = opts.text ?? ec.style.textFor(to, src.table);
  const remarks: string[] = [];
  // Text that is not a status stays in the cell, after the new status.
  // A cell of the memo mark alone (`📝`) is all status: the new one takes its place.
  const memo = portion.status === 'none' && isMemoCell(raw);
  const none = portion.status === 'none' && !memo;
  let [from, upto, value] = memo
    ? [0, raw.length, fresh]
    : none
      ? [0, 0, raw === '' ? fresh : `${fresh} — `]
      : [portion.start, portion.end, fresh + portion.suffix];
  const kept = none ? ec.repair(raw) : portion.kept;
  if (kept) remarks.push(`task ${t.id}: kept ${JSON.stringify(kept)} after the new status`);
  if (opts.markOwner !== undefined) {
    // The claim's mark closes the cell (an old mark of another owner gives way).
    const rest = raw.slice(upto);
    const old = trailingOwnerMark(rest);
    value += (old ? rest.slice(0, old.start) : rest) + ` ${ownerMark(opts.markOwner)}`;
    upto = raw.length;
  }
  let change = cellSplice(ec, src.table, cell, from, upto, value);
  if (portion.status !== 'none' && opts.text === undefined && opts.markOwner === undefined) {
    // The memory keeps the whole tail the edit replaces (status text, rest of
    // the cell, padding up to the pipe), so setting the task back restores the
    // row exactly, even where the table's alignment was ambiguous.
    const { start, end, expect: tail } = change.edit;
    const recalled = ec.memory.recall(taskKey(t), to, tail);
    if (recalled !== undefined) {
      change = { edit: { start, end, expect: tail, text: recalled }, newCell: raw.slice(0, from) + recalled.replace(/(?<![ \t])[ \t]+$/, '') };
      remarks.length = 0;
      remarks.push(
        `task ${t.id}: restored ${JSON.stringify(recalled.trim())}, the text plan replaced before (from its memory; --no-memory writes the file's style)`,
      );
    }
    ec.memory.remember(taskKey(t), portion.status, tail, change.edit.text);
  }
  return { edits: [change.edit], from: t.status, to, statusText: ec.repair(change.newCell), remarks };
}

/**
 * A row of a table with no Status column says its status by a mark closing
 * its title cell (`| 0.1 | Set up CI ✅ |`), as a list item with no box does
 * after its title: the mark it has is replaced (dropped where the row without
 * it reads as `to`, under a `## Done` lane), else one is added. Setting back
 * restores the cell plan changed, the added mark removed.
 */
function titleMarkStatus(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions, laneReason: string | null): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'row' }>;
  const cell = src.columns.title !== undefined ? src.cells[src.columns.title] : undefined;
  if (!cell || cell.start === cell.end || opts.markOwner !== undefined || (opts.text !== undefined && !ec.vocab.isStatusEmoji(opts.text))) {
    const why = laneReason ? `, so its section says its status, and ${laneReason}` : '';
    throw new PlanError(`${ec.file}:${t.line}: task ${t.id} is in a table without a Status column${why}; add one, or use \`plan edit\``);
  }
  const raw = ec.text.slice(cell.start, cell.end);
  const found = titleCellMark(raw, ec.vocab);
  let from = raw.trimEnd().length;
  let upto = raw.length;
  // The span from the end of the words (before the old mark's spaces) to the pipe: the same for a set and a set back.
  if (found) {
    [from, upto] = [found.at, found.at + found.mark.length];
    while (from > 0 && /\s/.test(raw[from - 1]!)) from--;
  }
  const mark = opts.text ?? markFor(ec, to);
  // Without the mark the row reads as its lane says (or as no status): dropped when that is `to`.
  const value = found && (laneOf(ec, t) ?? 'none') === to ? '' : (found ? raw.slice(from, found.at) : ' ') + mark;
  let change = cellSplice(ec, src.table, cell, from, upto, value);
  const key = taskKey(t);
  const { start, end, expect: tail } = change.edit;
  let wrote = value ? `wrote ${mark} in the title cell: the table has no Status column` : `removed the title cell's mark: its section says ${to}`;
  // An added mark taken off again leaves the row as it was, with no status of its own ('none' for an open one).
  const recalled =
    opts.text === undefined ? (ec.memory.recall(key, to, tail) ?? (isFinished(to) ? undefined : ec.memory.recall(key, 'none', tail))) : undefined;
  let reads: Status = to;
  if (recalled !== undefined) {
    change = { edit: { start, end, expect: tail, text: recalled }, newCell: raw.slice(0, from) + recalled.trimEnd() };
    reads = ec.memory.recall(key, to, tail) !== undefined ? to : 'none';
    wrote =
      reads === to
        ? "restored the title cell plan changed before (from its memory; --no-memory writes the file's style)"
        : 'took off the mark plan wrote in the title cell: the row is as it was, with no status of its own';
  }
  const remarks = [`task ${t.id}: ${wrote}`];
  ec.memory.remember(key, t.status, tail, change.edit.text);
  const shown = titleCellMark(change.newCell, ec.vocab)?.mark ?? '';
  return { edits: [change.edit], from: t.status, to, statusText: shown, remarks, reread: true, wrote, ...(reads !== to ? { reads } : {}) };
}

/** The edit that takes the status mark (and the spaces before it) off a row's title cell, if it has one. */
function dropTitleMark(ec: EditContext, src: Extract<Task['source'], { type: 'row' }>): Edit[] {
  const cell = src.columns.title !== undefined ? src.cells[src.columns.title] : undefined;
  const raw = cell ? ec.text.slice(cell.start, cell.end) : '';
  const found = titleCellMark(raw, ec.vocab);
  if (!cell || !found) return [];
  let from = found.at;
  while (from > 0 && /\s/.test(raw[from - 1]!)) from--;
  return [cellSplice(ec, src.table, cell, from, found.at + found.mark.length, '').edit];
}

/** The status a row's lane (its section's heading) gives it, or null. */
function laneOf(ec: EditContext, t: Task): Status | null {
  const info = ec.plan.tables[(t.source as Extract<Task['source'], { type: 'row' }>).table];
  return info?.defaultStatus ?? null;
}

function itemStatus(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
  // A status written after the title (`… ✅`, `— cancelled`) is changed where it is, not doubled at the front.
  // With an owner, the owner's mark is written after the words as on any item (a mark at the front would say a second status).
  if (!src.checkbox && !src.statusMark && src.statusTail) {
    const change = phraseStatus(ec, t, to, src.statusTail, opts);
    return opts.markOwner === undefined ? change : { ...change, edits: [...change.edits, itemOwnerEdit(ec, src, opts.markOwner)] };
  }
  // Where the words after the title decide over the box or mark (`[ ] Lay turf (SKIPPED - …)`), both are rewritten.
  if (src.tailSays && src.statusTail) {
    const front = prefixStatus(ec, t, to, opts);
    // The words are remembered apart from the box and mark: setting back restores both.
    const words = phraseStatus(ec, t, to, src.statusTail, opts, `${taskKey(t)} words`);
    return {
      ...front,
      edits: [...front.edits, ...words.edits],
      statusText: `${front.statusText} ${words.statusText}`.trim(),
      remarks: [...front.remarks, ...words.remarks],
    };
  }
  return prefixStatus(ec, t, to, opts);
}

/** The status an item's box and leading mark say, rewritten. */
function prefixStatus(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
  const text = ec.text;
  const edits: Edit[] = [];
  const remarks: string[] = [];
  const key = taskKey(t);
  // The item's status-bearing prefix as it stands: checkbox and mark.
  const box = src.checkbox ? text.slice(src.checkbox.start, src.checkbox.end) : '';
  const markEnd = src.statusMark ? skipSpaces(text, src.statusMark.end) : src.text.start;
  const mark = src.statusMark ? text.slice(src.statusMark.start, markEnd) : '';
  const current = `${box}${mark}`;
  const style = ec.style.itemPrefixFor(to, src.checkbox !== null);
  let newBox = src.checkbox ? (style.box ?? box) : '';
  const ownMark = opts.text !== undefined && Vocabulary.of().emojiStatus(opts.text) === undefined && ec.vocab.isStatusEmoji(opts.text) ? opts.text : null;
  // Without a box only a mark can say the status (an item under `## Todo` set done gets `✅ `).
  const styled = style.mark ?? (src.checkbox ? null : ec.style.emojiFor(to));
  const markText = ownMark ?? (styled && leadingMark(ec, styled, to, text.slice(markEnd, src.text.end)));
  // ``**A.3** `□` Edge source``: a mark in code is replaced inside its ticks, with no space before the closing one;
  // a mark that ends the item (`- A.1 ✅`) gets no space after it either.
  const closed = !!src.statusMark && (text[src.statusMark.end] === '`' || markEnd >= src.text.end);
  let newMark = markText ? (closed ? markText : `${markText} `) : '';
  const recalled = opts.markOwner === undefined ? ec.memory.recall(key, to, current) : undefined;
  if (recalled !== undefined) {
    newBox = src.checkbox ? recalled.slice(0, boxLength(recalled) || 3) : '';
    newMark = recalled.slice(newBox.length);
    remarks.push(
      `task ${t.id}: restored ${JSON.stringify(recalled.trim())}, the text plan replaced before (from its memory; --no-memory writes the file's style)`,
    );
  }
  if (src.checkbox && newBox !== box) {
    edits.push({ start: src.checkbox.start, end: src.checkbox.end, expect: box, text: newBox });
  }
  if (newMark !== mark) {
    const at = src.statusMark ? src.statusMark.start : src.text.start;
    edits.push({ start: at, end: src.statusMark ? markEnd : at, expect: mark, text: newMark });
  }
  if (opts.markOwner !== undefined) edits.push(itemOwnerEdit(ec, src, opts.markOwner));
  ec.memory.remember(key, t.status, current, `${newBox}${newMark}`);
  const shown = [newBox, newMark.trim()].filter(Boolean).join(' ');
  return { edits, from: t.status, to, statusText: ec.repair(shown), remarks };
}

/** The file's mark for `to` before an item's text, or one that reads as a status there (not as a signifier: `⛔ v2 app`) where the vocabulary agrees. */
function leadingMark(ec: EditContext, mark: string, to: SettableStatus, following: string): string {
  const other = markBefore(mark, to, following);
  return other === mark || ec.vocab.emojiStatus(other)?.status !== to ? mark : other;
}

/** The edit that writes `@owner` where the item names its owner: in its lead (`(@ana) Build it`), else as the mark ending its text (replacing another owner's). */
function itemOwnerEdit(ec: EditContext, src: Extract<Task['source'], { type: 'item' }>, owner: string): Edit {
  const span = src.text;
  const body = ec.text.slice(span.start, span.end);
  const old = trailingOwnerMark(body);
  // A claim's mark after the words names the owner over a lead (items.ts), so it is the one rewritten.
  const lead = old ? null : ownerLeadOf(ec.text, src);
  if (lead) return { ...lead.inner, expect: ec.text.slice(lead.inner.start, lead.inner.end), text: owner ? ownerMark(owner) : '' };
  const start = old ? span.start + old.start : span.end;
  return { start, end: span.end, expect: ec.text.slice(start, span.end), text: ` ${ownerMark(owner)}` };
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

export type TextRole = 'title' | 'owner' | 'notes' | 'priority';

/**
 * A title cell's new text: the new words, in the quotes the old title was in as a whole (`| A-1 | "Quoted row" |`, as a
 * heading's edit keeps them; words with quotes of their own are taken as given), then the estimate that closed it
 * (`(3 points)`), which is no part of the title and stays.
 */
function titleCellText(raw: string, words: string): string {
  const quotes = quotesAround(withoutEstimate(raw.trim()));
  const keep = quotes && !words.includes(quotes.open) && !words.includes(quotes.close);
  const quoted = keep ? `${quotes.open}${words}${quotes.close}` : words;
  return withoutEstimate(words) === words ? quoted + estimateTail(raw.trim()) : quoted;
}

/** The edit that replaces one cell of a row task (title, owner, notes, …), or null when it already holds `value`. */
export function cellEdit(ec: EditContext, t: Task, role: TextRole, value: string): Edit | null {
  verifyTask(ec, t);
  checkValue(value, `the ${role}`);
  const src = t.source;
  if (src.type !== 'row') return null;
  const col = src.columns[role];
  if (col === undefined) return null;
  const cell = src.cells[col];
  if (!cell) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s row has no ${role} cell; complete the row first`);
  const raw = ec.text.slice(cell.start, cell.end);
  const next = escapeFor(t, role === 'title' ? titleCellText(raw, value.trim()) : value.trim());
  if (raw === next) return null;
  return cellSplice(ec, src.table, cell, 0, raw.length, next).edit;
}

/**
 * The edit that writes `owner` as the `@owner` mark closing a row's status
 * cell, replacing another owner's mark ('' removes it): the owner of a task
 * whose table has no Owner column.
 */
export function statusCellOwnerEdit(ec: EditContext, t: Task, owner: string): { edit: Edit; cell: string } | null {
  verifyTask(ec, t);
  const src = t.source;
  const col = src.type === 'row' ? src.columns.status : undefined;
  const cell = src.type === 'row' && col !== undefined ? src.cells[col] : undefined;
  if (src.type !== 'row' || !cell) {
    throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s table has neither an Owner nor a Status cell to record an owner in; nothing was written`);
  }
  const raw = ec.text.slice(cell.start, cell.end);
  const old = trailingOwnerMark(raw);
  const base = (old ? raw.slice(0, old.start) : raw).trimEnd();
  const next = owner ? `${base}${base ? ' ' : ''}${ownerMark(owner)}` : base;
  return next === raw ? null : { edit: cellSplice(ec, src.table, cell, 0, raw.length, next).edit, cell: ec.repair(next) };
}
