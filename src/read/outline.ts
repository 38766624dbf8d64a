// The heading outline as the builder walks the file: which headings (and
// collapsible `<details>` sections) enclose the current block, the scopes they
// name, the section path, and the group a person would file a task under.

import type { HeadingBlock } from '../parse/blocks.js';
import type { Status, Vocabulary } from '../model/status.js';
import type { HeadingNaming } from './heading-naming.js';
import { groupName, headingGroup, HEADING_BOX, HEADING_LEAD_BRACKET, headingId, headingNumber, HERE_MARK, splitId, withoutMarks } from './names.js';
import { emptyScope, scopesInHeading } from './scope.js';
import type { Scope, Task } from '../model/types.js';
import { hasLetter } from '../text/char-tests.js';
import { allMatches } from '../text/all-matches.js';

/** A task's group as its fields hold it: `group`, and `groupName` where the name is shorter (Task.groupName). */
export interface GroupOf {
  group: string | null;
  groupName?: string;
}

export interface OutlineNode {
  /** Heading depth; a `<details>` section sits half a level below the heading around it. */
  depth: number;
  text: string;
  name: string;
  /** The group its tasks are filed under: the name, with a bracket stating a state kept (headingGroup). */
  label: string;
  scope: Partial<Scope>;
  /** The heading names a sprint, week, month, phase or milestone (`Week 1: …`, `Core (Phase 1-7)`). */
  scoped: boolean;
  /**
   * The heading is a scope that groups the sections inside it: `Sprint 2: Polish`, `This week (Week 1)`; not a lane
   * of a board named by a state (`Done (Phase 1 + Phase 2)`), whose note only says where its work came from.
   */
  groupsScope: boolean;
  /** The status written in the heading (`🔄 IN PROGRESS`, `(✅ COMPLETE)`, `[DONE]`). */
  status: Status;
  /** The heading says what state the work listed under it is in (`## Todo`, `### Done ✅`, `## Future Horizons`). */
  listStatus: Status | null;
  line: number;
  /** Index in `plan.headings`; -1 for a `<details>` section. */
  index: number;
  /** The heading's task, when it is one (decided when its section ends). */
  task: Task | null;
  /** Tasks found inside the section so far, and how many of them are not table rows. */
  holds: number;
  holdsItems: number;
  /** A `**Status**: …` line or item right under the heading: where it is and what it says. */
  field: { status: Status; text: string; span: { start: number; end: number }; key: string } | null;
  /** An `**Owner:** …` line or item right under the heading: who its task is for. */
  owner: string | null;
  /** `**Due:** …`, `**Tags:** …` lines or items right under the heading: fields of its task, by their names as written; a `**Priority:**` one goes to `priority`. */
  fields?: Record<string, string>;
  priority?: string;
  /** `**ID:** T-1`, `**Title:** …` lines or items right under the heading: the id and name of its task. */
  naming?: HeadingNaming;
  /** The heading starts with an id of its own (`BUG-001:`, `Task 4:`): it is a task, and groups what it holds. */
  taskLike: boolean;
  /** Where the heading is, and the scope, section and group it has there (for a heading that turns out to be a task). */
  at?: { block: HeadingBlock; scope: Scope; section: string | null; group: GroupOf; listed: Status | null };
}

export class Outline {
  private readonly stack: OutlineNode[] = [];

  /**
   * `title`: the index of the heading that titles the whole file (the first heading, and the only one at its depth), or -1.
   * `facets`: the lines of the headings that name a facet of the sections above them (`facetLines`).
   */
  constructor(
    private readonly title = -1,
    private readonly facets: ReadonlySet<number> = new Set(),
  ) {}

  /**
   * A title that names the document (`# Roadmap: Outland — Milestone 1`, `# Sprint Backlog — Sprint #1`), not
   * a scope of the work (`# Sprint 2 — 21/04`): every task is in what it names, so it sets none apart, and the
   * headings inside it group the tasks.
   */
  private namesDocument(node: OutlineNode): boolean {
    return node.index === this.title && !headingId(node.name).scope;
  }

  /** Enters a heading; returns the nodes whose sections it closes (innermost first). */
  enter(node: OutlineNode): OutlineNode[] {
    const closed: OutlineNode[] = [];
    while (this.stack.length && this.stack[this.stack.length - 1]!.depth >= node.depth) closed.push(this.stack.pop()!);
    this.stack.push(node);
    return closed;
  }

  /** Opens a `<details>` section named by its `<summary>`. */
  openDetails(node: OutlineNode): void {
    const parent = this.stack[this.stack.length - 1];
    node.depth = (parent?.depth ?? 0) + 0.5;
    this.stack.push(node);
  }

  /** Closes the innermost `<details>` section and the headings inside it. */
  closeDetails(): OutlineNode[] {
    const at = this.stack.map((n) => n.index).lastIndexOf(-1);
    if (at < 0) return [];
    return this.stack.splice(at).reverse();
  }

  /** Closes everything (end of file). */
  closeAll(): OutlineNode[] {
    return this.stack.splice(0).reverse();
  }

  current(): OutlineNode | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Every open node, outermost first. */
  open(): readonly OutlineNode[] {
    return this.stack;
  }

  /**
   * The state an enclosing heading gives the work under it (`## Horizon 4 — Next` or
   * `## Phase 2 ✅` over `### Theme: …`), unless a heading in between says a state of its own or is a task.
   */
  inheritedListStatus(): Status | null {
    for (let i = this.stack.length - 2; i >= 0; i--) {
      const n = this.stack[i]!;
      const given = n.listStatus ?? (n.scoped && n.status !== 'none' ? n.status : null);
      if (given) return given;
      if (n.status !== 'none' || n.taskLike || this.stack[i + 1]!.status !== 'none') return null;
    }
    return null;
  }

  scope(): Scope {
    const scope = emptyScope();
    for (const n of this.stack) Object.assign(scope, n.scope);
    return scope;
  }

  section(): string | null {
    const named = this.stack.filter((n) => n.text !== '');
    return named.length ? named.map((n) => n.text).join(' > ') : null;
  }

  /**
   * The group of a block here: the innermost heading when it names a scope or
   * is itself a task; else the nearest enclosing heading whose name names a scope
   * (`Sprint 2` over `Tasks Breakdown`, not `Done (Phase 1)` over `Map System`); else the innermost heading.
   */
  group(except?: OutlineNode): GroupOf {
    const node = this.groupNode(except);
    if (!node) return { group: null };
    return node.label === node.name ? { group: node.label } : { group: node.label, groupName: node.name };
  }

  private groupNode(except?: OutlineNode): OutlineNode | null {
    const nodes = this.stack.filter((n) => n !== except && n.name !== '');
    const inner = nodes[nodes.length - 1];
    if (!inner) return null;
    if (inner.scoped || inner.taskLike || inner.task) return inner;
    for (let i = nodes.length - 2; i >= 0; i--) if (nodes[i]!.groupsScope && !this.namesDocument(nodes[i]!)) return nodes[i]!;
    return this.facetOwner(nodes) ?? inner;
  }

  /** Under a facet heading (`Mandatory` of `Track A`), the nearest heading above it that is no facet. */
  private facetOwner(nodes: OutlineNode[]): OutlineNode | undefined {
    let i = nodes.length - 1;
    while (i > 0 && this.facets.has(nodes[i]!.line) && !nodes[i]!.taskLike && !nodes[i]!.task) i--;
    return i < nodes.length - 1 && !this.namesDocument(nodes[i]!) ? nodes[i] : undefined;
  }
}

/**
 * The headings that name a facet of the section above them rather than a group of their own: one name (notes in
 * brackets aside) that recurs at one depth under different headings, as `Mandatory` and `Bonus` under each of
 * `Track A` and `Track B`, or `Backend` under each stage. A person groups their tasks by the section they divide.
 */
export function facetLines(headings: readonly { depth: number; name: string; line: number }[]): Set<number> {
  const parents = new Map<string, Set<number>>();
  const keyed: [string, number][] = [];
  const stack: { depth: number; line: number }[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1];
    stack.push(h);
    if (!parent) continue;
    const key = `${h.depth}\u0000${withoutNotes(h.name).replace(/\s+/gu, ' ').trim().toLowerCase()}`;
    const seen = parents.get(key) ?? new Set<number>();
    parents.set(key, seen.add(parent.line));
    keyed.push([key, h.line]);
  }
  return new Set(keyed.filter(([key]) => parents.get(key)!.size > 1).map(([, line]) => line));
}

/** The index among the headings of the one that titles the file: the first, alone at the shallowest depth; else -1. */
export function titleHeading(depths: readonly number[]): number {
  if (depths.length < 2) return -1;
  const top = depths.reduce((a, b) => Math.min(a, b));
  return depths[0] === top && depths.indexOf(top, 1) < 0 ? 0 : -1;
}

/** A node for a heading or a `<summary>`, with what its text says. */
export function outlineNode(text: string, depth: number, line: number, index: number, vocab: Vocabulary): OutlineNode {
  const scope = scopesInHeading(text);
  const name = groupName(text);
  const id = headingId(name);
  const lane = listStatus(text, vocab);
  return {
    depth,
    text,
    name,
    label: headingGroup(text),
    scope,
    scoped: Object.keys(scope).length > 0,
    groupsScope: Object.keys(scope).length > 0 && !(lane && Object.keys(scopesInHeading(withoutNotes(text))).length === 0),
    status: headingStatus(text, vocab, depth),
    listStatus: lane,
    line,
    index,
    task: null,
    holds: 0,
    holdsItems: 0,
    field: null,
    taskLike: id.id !== null && !id.scope,
    owner: null,
  };
}

/** A heading's text without its notes in brackets (`Done (Phase 1 MVP)` → `Done `). */
function withoutNotes(text: string): string {
  return text.includes('(') || text.includes('（') ? text.replace(/\([^()]*\)|（[^（）]*）/gu, ' ') : text;
}

/** Icons that open headings for decoration more often than to state a status. */
const ICONS = new Set(['📋', '📅', '🗓', '🔜', '📌']);
const MARK_AT = /[\p{Extended_Pictographic}✓✗✘]\uFE0F?/gu;

/** A status written in a heading: a trailing `(IN PROGRESS)`/`[DONE]`, or a status mark with its words. */
function headingStatus(text: string, vocab: Vocabulary, depth: number): Status {
  if (HERE_MARK.test(text)) return 'in-progress';
  const boxed = boxStatus(text, vocab) ?? leadBracketStatus(text, vocab) ?? idThenState(text, vocab, depth)?.status;
  if (boxed) return boxed;
  const bracket = /[([]([^()[\]]+)[)\]]\s*(?:[:：]\s*)?$/u.exec(text);
  if (bracket) {
    const r = vocab.read(bracket[1]!);
    if (r.status !== 'none') return r.status;
  }
  // `Horizon 4 — Next (v1.18)`: a last dashed part that is only a status.
  const parts = text.replace(/\([^()]*\)\s*$/u, '').split(/(?<!\s)\s+[—–-]\s+/u);
  if (parts.length > 1) {
    const last = parts[parts.length - 1]!.trim();
    const word = vocab.leadingWord(last);
    if (word && word.text.length === last.length) return word.status;
  }
  for (const m of allMatches(MARK_AT, text)) {
    const at = m.index!;
    const rest = text.slice(at);
    const reading = vocab.read(rest);
    if (reading.status === 'none') continue;
    const strong = reading.emoji ? vocab.emojiStatus(reading.emoji)?.strong : true;
    if (at === 0 && ICONS.has(m[0].replace('\uFE0F', '')) && !reading.word) continue;
    if (strong || reading.word) return reading.status;
  }
  return 'none';
}

/** `[RESOLVED] DEF-001: …`: the status the brackets opening a heading say, when they hold a status phrase and nothing else. */
export function leadBracketStatus(text: string, vocab: Vocabulary): Status | null {
  const lead = text.trimStart().startsWith('[') ? HEADING_LEAD_BRACKET.exec(text) : null;
  if (!lead) return null;
  const r = vocab.read(lead[1]!);
  return r.status !== 'none' && r.start === 0 && r.end >= lead[1]!.trim().length ? r.status : null;
}

/** A heading's id: a short code (`T001`, `BUG-12`, `2.1`) or a word and its number (`Phase 1`, `Task 4`). */
const HEADING_LEAD_ID =
  /^[ \t]*([A-Z]{1,4}-?\d+(?:\.\d+)*[a-z]?|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|\d+(?:\.\d+)+|[\p{Lu}][\p{L}]{1,15} \d+(?:\.\d+)*)(?=[ \t]+[[(])/u;
const NEXT_BRACKET = /^[ \t]+(\[[^[\]\n]{1,60}\]|\([^()\n]{2,24}\))/u;

/** Where a heading writes its state after its id, the id, and the words after the state (the title). */
export interface IdThenState {
  status: Status;
  /** The box (`[x]`, `[ ] ⛔`) or the status phrase inside the brackets, in the heading's text. */
  start: number;
  end: number;
  id: string;
  rest: string;
}

/**
 * `T001 [P] [x] Create the repo`, `Phase 1 [DONE] — Sync the files`: a heading that writes its state in square brackets
 * right after its id, past tags or notes in brackets (`[P]`, `[D: T001]`): a box, or brackets that hold only a status.
 * The id is a code or a word of work or of a scope and its number (`Option 2 (Rejected)` names a choice, no task); a
 * file's title (`# Sprint 5 [ACTIVE] Board`) names the document, not a task in it.
 */
export function idThenState(text: string, vocab: Vocabulary, depth: number): IdThenState | null {
  const lead = depth > 1 && text.length < 400 ? HEADING_LEAD_ID.exec(text) : null;
  if (!lead || (/\s/u.test(lead[1]!) && splitId(`${lead[1]}: x`).id === null)) return null;
  let at = lead[0].length;
  for (let i = 0; i < 4; i++) {
    const b = NEXT_BRACKET.exec(text.slice(at));
    if (!b) return null;
    const open = at + b[0].length - b[1]!.length;
    at += b[0].length;
    const state = bracketState(b[1]!, text.slice(at), vocab);
    if (!state) continue;
    const rest = text.slice(at + state.past).replace(/^[ \t]*(?:[:：—–-][ \t]*)?/u, '');
    if (!hasLetter(rest)) return null;
    return { status: state.status, start: open + state.start, end: open + state.end, id: lead[1]!, rest };
  }
  return null;
}

/**
 * A box (and the mark after an open one), or brackets holding a status phrase and nothing else: its status, where
 * it is written (from the bracket's start), and how far past the bracket a mark after a box goes.
 */
function bracketState(bracket: string, after: string, vocab: Vocabulary): { status: Status; start: number; end: number; past: number } | null {
  if (/^\[[xX]\]$/u.test(bracket)) return { status: 'done', start: 0, end: 3, past: 0 };
  if (bracket === '[ ]') {
    const mark = vocab.read(after);
    const marked = mark.emoji && mark.status !== 'none' && mark.start <= 1;
    return marked ? { status: mark.status, start: 0, end: 3 + mark.end, past: mark.end } : { status: 'pending', start: 0, end: 3, past: 0 };
  }
  if (!bracket.startsWith('[')) return null;
  const inner = bracket.slice(1, -1);
  const r = vocab.read(inner);
  const whole = r.status !== 'none' && r.start === 0 && r.end >= inner.trim().length;
  return whole ? { status: r.status, start: 1, end: 1 + inner.length, past: 0 } : null;
}

/** A heading's box, and the mark after an open one (`[ ] ⛔ Fix the gate`: blocked), as an item's box and mark read; null without a box. */
export function boxStatus(text: string, vocab: Vocabulary): Status | null {
  const box = HEADING_BOX.exec(text);
  if (!box) return null;
  if (box[1] !== ' ') return 'done';
  const mark = vocab.read(text.slice(box[0].length));
  return mark.emoji && mark.status !== 'none' ? mark.status : 'pending';
}

/** Where a heading's box and the mark after an open one are (`[ ] ⛔`): what says its status, and what a write replaces. */
export function boxSpan(text: string, vocab: Vocabulary): { start: number; end: number } | null {
  const box = HEADING_BOX.exec(text);
  if (!box) return null;
  const start = box[0].indexOf('[');
  const mark = box[1] === ' ' ? vocab.read(text.slice(box[0].length)) : null;
  return { start, end: mark?.emoji && mark.status !== 'none' ? box[0].length + mark.end : start + 3 };
}

/** The words of a heading's box and mark (`[ ] ⛔`), for `statusText`; null without a box. */
export function boxWords(text: string, vocab: Vocabulary): string | null {
  const span = boxSpan(text, vocab);
  return span && text.slice(span.start, span.end);
}

/** Status words that name a colour or a result more often than the state of listed work. */
const NOT_LIST_WORDS = new Set(['red', 'green', 'ok', 'success', 'passed', 'accepted', 'verified', 'tbd', 'partial', 'working', 'failed', 'failing', 'broken']);

/**
 * Status words that start headings of other things (`Open Questions`, `Ready for launch`, `Active users`,
 * `Proposed design`): a list's state only as the whole heading (`## Open`, `### Ready`), or with a word
 * that only says "the work" (`## Open tasks`, `## Active items`), as the lanes of a board are named.
 */
const LANE_ONLY_WORDS = new Set(['open', 'ready', 'proposed', 'started', 'scheduled', 'active']);
const WORK_NOUN = /^(?:tasks?|items?|work|todos?|bugs?|tickets?|stories|cards?)$/iu;

/**
 * The status of the work a heading lists: a short heading (four words at most,
 * notes in brackets aside) that starts or ends with a status word: `Todo`,
 * `Done ✅`, `Future Horizons`, `Known Issues / TODO`. Cancelled lists
 * (`Out of scope`, `Won't do`) hold non-goals, not tasks.
 */
export function listStatus(text: string, vocab: Vocabulary): Status | null {
  const plain = withoutMarks(text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' '))
    .replace(/(?<![:：.!])[:：.!]+$/u, '')
    .trim();
  if (!plain || splitId(plain).id || numberedStep(plain, vocab)) return null;
  // `## Now` of a Now / Next / Later roadmap: the work under way (a status word nowhere else).
  if (/^(?:now|right now)$/iu.test(plain)) return 'in-progress';
  const dashed = dashedState(plain, vocab);
  if (dashed) return dashed;
  const words = plain.split(/[\s/&—–-]+/u).filter((w) => hasLetter(w));
  if (words.length === 0 || words.length > 4) return null;
  const first = vocab.leadingWord(words.join(' '));
  const last = vocab.leadingWord(words[words.length - 1]!);
  const hit = first ?? (last && last.text.length === words[words.length - 1]!.length ? last : null);
  if (!hit || hit.status === 'cancelled' || NOT_LIST_WORDS.has(hit.text.toLowerCase())) return null;
  if (LANE_ONLY_WORDS.has(hit.text.toLowerCase()) && !laneName(words)) return null;
  return hit.status;
}

/**
 * `- TODO` or `- **Done:**` over a nested list: an item that is only a state's name is a lane, as a heading naming one
 * is (listStatus), and the items under it are its cards. Not an item of more words (`- Done criteria:`).
 */
export function laneItemStatus(text: string, vocab: Vocabulary): Status | null {
  const plain = withoutMarks(text.replace(/[*_]+/gu, ''))
    .replace(/[:：]\s*$/u, '')
    .trim();
  const word = plain ? vocab.leadingWord(plain) : null;
  if (!word || word.text.length !== plain.length || RELEASE_NOTE_WORDS.test(plain)) return null;
  return listStatus(plain, vocab);
}

/** `- Fixed` over a list under `## v1.2.0`: what a release changed, as a change log sorts it; no lane of work. */
const RELEASE_NOTE_WORDS = /^(?:fixed|released|merged|closed|resolved|shipped|deployed|published|landed|implemented|added|changed|removed)$/iu;

/** `2. Paint - Done`: a numbered heading is a step of a list, not a lane, unless its name is only a state (`3. Done`). */
function numberedStep(plain: string, vocab: Vocabulary): boolean {
  const number = headingNumber(plain);
  if (!number) return false;
  const word = vocab.leadingWord(number.rest);
  return !word || word.text.length !== number.rest.length;
}

/**
 * A state set apart by a dash before a name of any length (`Pending - Phase 2: Main Rental Process`, `Done — the
 * launch work`): the section is that state's lane, however long its name. Not a word that is a lane only alone.
 */
function dashedState(plain: string, vocab: Vocabulary): Status | null {
  const dash = /\s[—–-]\s/u.exec(plain);
  if (!dash) return null;
  const head = plain.slice(0, dash.index).trim();
  const hit = vocab.leadingWord(head);
  if (!hit || hit.text.length !== head.length || hit.status === 'cancelled') return null;
  const word = hit.text.toLowerCase();
  return NOT_LIST_WORDS.has(word) || LANE_ONLY_WORDS.has(word) ? null : hit.status;
}

/** A heading that is only a state (`Open`), or a state and a word for the work (`Open tasks`): a lane of a board. */
function laneName(words: string[]): boolean {
  return words.length === 1 || (words.length === 2 && WORK_NOUN.test(words[1]!));
}
