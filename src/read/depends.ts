// Dependencies between tasks, as plans write them: a `Depends On` column
// (`1.1, 1.3`), a field line under a heading (`**Depends on**: Phase 1`), a
// field item under a task item, and inline marks (`(after 1.2)`,
// `blocked by #12`, Obsidian Tasks' `⛔ abc123` with `🆔 abc123`).
//
// The builder hands each mention here with where it is written; once every
// task is known, `resolve` turns the references into task references
// (`Task.dependsOn`: a task's id, `L<line>` when several tasks share the id,
// `Phase 2` for a whole scope, or the text as written when nothing matches)
// and records which lines each reference names (`Plan.dependencies`), so the
// query layer only looks references up. Unresolved references and cycles are
// reported as problems at the reference's line and column.

import type { Span } from '../parse/blocks.js';
import { DEPENDENCY_OPENERS, isIdShaped, stripLeadingMarks } from './names.js';
import { countIds, idKey, idOrLine } from './ids.js';
import { scopeWord } from './scope.js';
import { normaliseRange } from './scope-range.js';
import { SCOPE_KINDS, type Problem, type ScopeKind, type Task } from '../model/types.js';
import { canonicalName } from '../model/status.js';

/** A reference as written: a task id, a whole scope (`Phase 2`), or words that may be a task's title. */
export type Reference = { kind: 'id'; text: string } | { kind: 'scope'; scope: ScopeKind; value: string; text: string } | { kind: 'text'; text: string };

/** A reference and where it is written (an offset in the file's text). */
export interface Mention {
  ref: Reference;
  at: number;
  /** Inherited from the heading above (`**Depends on**: Phase 1` under `### Phase 2`). */
  inherited?: true;
}

/** Field names (`**Depends on**: …`, `- **Blocked by**: …`) whose value lists dependencies; also the names of a dependency column. */
export const DEPENDS_KEYS = new Set([
  'depends on',
  'depends',
  'dependencies',
  'dependency',
  'deps',
  'blocked by',
  'blocked on',
  'prereqs',
  'prereq',
  'prerequisites',
  'prerequisite',
  'dependências',
  'dependencias',
  'dépendances',
  'dépendance',
  'abhängigkeiten',
  '依存関係',
  '依存',
  '依赖',
  '前提条件',
]);

const FIELD_HEAD = /^(?:[-*+]\s+(?!\s))?(?:\*\*|__)?([^*_:：\n]{1,30}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*/u;

/** Values that say there is no dependency (`-`, `None`, `Nothing (first phase)`). */
const NONE = /^(?:|-+|—|–|none|nothing|n\/a|na|nil|no|tbd|ninguna|ninguno|nenhuma|aucune|keine|なし|无|無)$/iu;

/**
 * Words after a reference that state the condition, not another reference (`Phase 5 complete`, `Phase 1 must be 100%
 * complete`, and the test-first `depends on T001 failing`: the test written, and failing, before the work).
 */
const QUALIFIER =
  /(?<!\s)\s+(?:(?:must|should|needs? to|has to)\s+be\s+|to\s+be\s+|is\s+|are\s+|fully\s+|being\s+)?(?:~?\d+\s*%\s*)?(?:complete|completed|done|finished|merged|shipped|ready|approved|landed|concluíd[ao]s?|completad[ao]s?|terminad[ao]s?|完了|failing|passing|falhando|fallando|passando|pasando)\b.*$/iu;

const SCOPE_REF = /^(\p{L}+)\s*(?:(?:#|no\.?)\s*)?(\d+(?:\.\d+)*(?:\s*[-–—]\s*\d+(?:\.\d+)*)?)$/u;

/** A scope reference in a canonical spelling: `Phase 2`, `Week 3-4`. */
function scopeRefText(scope: ScopeKind, value: string): string {
  return `${scope[0]!.toUpperCase()}${scope.slice(1)} ${value}`;
}

/** `Phase 2`, `Phases 1-3` (each of them), `Week 4`: the scopes a part names, or null. */
function scopeRefs(part: string): Reference[] | null {
  const m = SCOPE_REF.exec(part);
  if (!m) return null;
  const scope = scopeWord(m[1]!);
  if (!scope) return null;
  const value = normaliseRange(m[2]!);
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range && Number(range[2]) > Number(range[1]) && Number(range[2]) - Number(range[1]) <= 50) {
    const out: Reference[] = [];
    for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push({ kind: 'scope', scope, value: String(n), text: scopeRefText(scope, String(n)) });
    return out;
  }
  return [{ kind: 'scope', scope, value, text: scopeRefText(scope, value) }];
}

/** An id a dependency list holds: id-shaped (`1.2`, `FEAT-001.2`, `#12`), or with `loose`, any token of letters, digits and dashes with a digit or dash (`abc123`). */
function isIdToken(s: string, loose: boolean): boolean {
  if (s.length > 40) return false;
  if (isIdShaped(s) || /^#\d+$/.test(s)) return true;
  return loose && /^#?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(s) && /[\p{N}._#-]/u.test(s);
}

/** What a dependency list may hold: anything (a column, a field), ids and scopes only (a mark in running text), or Obsidian's ids. */
export type ReferenceMode = 'any' | 'ids' | 'tokens';

/**
 * The references of a dependency cell or field value (display text):
 * `1.1, 1.3`, `TASK-101 TASK-102`, `Phase 9, Phase 10`, `Phases 1-6 complete (✅)`,
 * `Nothing (first phase)` (none). In the modes other than `any`, a part that
 * is neither an id nor a scope makes the whole value no reference at all.
 */
export function parseReferences(value: string, mode: ReferenceMode = 'any'): Reference[] {
  const bare = value.replace(/\([^()]*\)|\[[^[\]]*\]|:[a-z0-9_+-]+:/giu, ' ').replace(/[*_`]/g, '');
  const out: Reference[] = [];
  for (const raw of bare.split(/(?:(?<!\s)|(?!\s))\s*(?:[,;，；、]|\s(?:and|&|\+|y|e|et|und)\s)\s*/u)) {
    const written = stripLeadingMarks(raw)
      .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const part = written
      .replace(QUALIFIER, '')
      .replace(/(?<![.:：])[.:：]+$/u, '')
      .trim();
    if (NONE.test(part)) continue;
    const scopes = scopeRefs(part);
    if (scopes) {
      for (const s of scopes) out.push(s);
      continue;
    }
    const tokens = part.split(' ');
    if (tokens.every((t) => isIdToken(t, mode !== 'ids'))) {
      for (const t of tokens) out.push({ kind: 'id', text: t });
      continue;
    }
    if (mode !== 'any') return [];
    // Words are kept as written (`Auth service live`): they may be a task's title, else `check` quotes them.
    if ([...written].length <= 80) out.push({ kind: 'text', text: written.replace(/(?<![.:：])[.:：]+$/u, '') });
  }
  return out;
}

/** A `**Depends on**: …` field: its value's span, or null when the line is another field. */
export function dependsField(text: string, start: number, end: number): Span | null {
  const m = FIELD_HEAD.exec(text.slice(start, end));
  if (!m || !DEPENDS_KEYS.has(m[1]!.trim().toLowerCase())) return null;
  return { start: start + m[0].length, end };
}

// ---- inline marks -----------------------------------------------------------

/** `(after 1.2)`, `(depends on 1.1, 1.3)`, `(blocked by #12)`; not `(needs Socket.io)`, which names a library as often as a task. */
const PAREN = new RegExp(`(?<!\\s)\\s*\\((?:${DEPENDENCY_OPENERS})\\s+(?!\\s)([^()]+)\\)`, 'giu');
/** `blocked by #12`, `— depends on 1.2` in running text: only ids count there. */
const PHRASE =
  /(?<!\s)\s*(?:[—–,;-]\s*)?(?<![\p{L}])(?:blocked by|blocked on|depends on)\s+(#?[\p{L}\p{N}][\p{L}\p{N}._-]*(?:\s*(?:,|and|&)\s*#?[\p{L}\p{N}][\p{L}\p{N}._-]*)*)/giu;
/** Text PHRASE can match holds one of these words (the same flags: the same case folding). */
const PHRASE_WORDS = /blocked|depends/iu;
/** Obsidian Tasks: `⛔ abc123,def456` (depends on) and `🆔 abc123` (this task's id). */
const BLOCKED_BY_ID = /(?<!\s)\s*⛔\uFE0F?\s*([a-z0-9][\w-]*(?:\s*,\s*[a-z0-9][\w-]*)*)/gu;
const OWN_ID = /(?<!\s)\s*🆔\uFE0F?\s*([\w-]+)/u;

export interface Inline {
  /** The title without the marks. */
  title: string;
  refs: Reference[];
  /** Obsidian Tasks' `🆔 abc123`: the task's own id. */
  ownId: string | null;
}

/** Obsidian Tasks' id alphabet (its Task Dependencies page): letters, digits, `_` and `-`. */
const OBSIDIAN_ID_LIST = /^[\w-]{1,40}(?:\s*,\s*[\w-]{1,40})*$/;
/** What may follow the last of an item's marks: the end, another mark, a tag, a block id. */
const AFTER_MARKS = /^\s*(?:$|[#^]|\p{Extended_Pictographic})/u;

/**
 * `⛔ abcdef`: ids of letters only (`abcdef`, the documentation's own example)
 * are read as ids where the list ends the item's words (a mark or the end
 * follows) and none is a status word (`⛔ blocked` says a status, not an id).
 */
function obsidianIds(list: string, after: string): Reference[] {
  if (!OBSIDIAN_ID_LIST.test(list) || !AFTER_MARKS.test(after)) return [];
  const ids = list.split(',').map((id) => id.trim());
  return ids.some((id) => canonicalName(id) !== null) ? [] : ids.map((text) => ({ kind: 'id' as const, text }));
}

/** The dependency marks in a title or note, and the text without them. */
export function inlineDependencies(text: string): Inline {
  const refs: Reference[] = [];
  let title = text;
  const take = (re: RegExp, mode: ReferenceMode) => {
    title = title.replace(re, (whole, list: string, at: number, all: string) => {
      const found = parseReferences(list, mode);
      if (found.length === 0 && re === BLOCKED_BY_ID) found.push(...obsidianIds(list, all.slice(at + whole.length)));
      if (found.length === 0 || (re === PHRASE && found.some((r) => r.kind !== 'id'))) return whole;
      for (const r of found) refs.push(r); // not push(...): a list of 100,000 ids would overflow the stack
      return ' ';
    });
  };
  // Each mark's own word or sign first: compiling these Unicode patterns costs
  // milliseconds a process, more than a write of one task spends elsewhere.
  if (title.includes('(')) take(PAREN, 'ids');
  if (title.includes('⛔')) take(BLOCKED_BY_ID, 'tokens');
  if (PHRASE_WORDS.test(title)) take(PHRASE, 'ids');
  let ownId: string | null = null;
  if (title.includes('🆔')) {
    title = title.replace(OWN_ID, (_w, id: string) => {
      ownId = id;
      return ' ';
    });
  }
  if (refs.length === 0 && ownId === null) return { title: text, refs, ownId };
  return { title: title.replace(/\s+/g, ' ').trim(), refs, ownId };
}

/** Whether text may hold an inline dependency mark (cheap test, for the cache updater). */
export function mayHoldDependencies(text: string): boolean {
  return /⛔|🆔|\((?:after|depends|blocked|waits?|waiting|tras|después|depende|dépend|après|nach|abhängig|depois)\b|(?:blocked|depends) (?:by|on)\b/iu.test(
    text,
  );
}

// ---- collecting and resolving ----------------------------------------------

interface SectionDeps {
  mentions: Mention[];
  /** The scopes the heading names (`### Phase 2: …`): tasks that name the same scope elsewhere get its dependencies too. */
  scopes: [ScopeKind, string][];
  inside: Set<Task>;
}

/** Offsets → 1-based line and column (in code points), for problems. */
export type Locate = (offset: number) => { line: number; column: number };

/** Gathers mentions while the builder reads the file; `resolve` ends it. */
export class Dependencies {
  private readonly mentions = new Map<Task, Mention[]>();
  private readonly naming = new Map<Task, [ScopeKind, string][]>();
  private readonly sections: SectionDeps[] = [];
  /** Field mentions under a heading whose section is still open. */
  private readonly pending = new Map<object, Mention[]>();

  constructor(private readonly text: string) {}

  /** Mentions of `refs` written inside `span` (each found by its text, else at the span's start). */
  locate(refs: Reference[], span: Span, inherited = false): Mention[] {
    const raw = this.text.slice(span.start, span.end);
    return refs.map((ref) => {
      const at = raw.indexOf(ref.kind === 'scope' ? ref.text.split(' ')[1]! : ref.text);
      const m: Mention = { ref, at: span.start + Math.max(0, at) };
      if (inherited) m.inherited = true;
      return m;
    });
  }

  add(task: Task, mentions: Mention[]): void {
    if (mentions.length === 0) return;
    const list = this.mentions.get(task);
    if (list) for (const m of mentions) list.push(m);
    else this.mentions.set(task, [...mentions]);
  }

  /** A field value (`**Depends on**: …`): its mentions. */
  field(value: Span, display: (s: Span) => string): Mention[] {
    return this.locate(parseReferences(display(value)), value);
  }

  /** A table row: its dependency cell, and marks in its title (removed from it) and notes. */
  row(task: Task, cell: Span | undefined, display: (s: Span) => string, span: Span): void {
    if (cell) this.add(task, this.field(cell, display));
    this.inline(task, span);
  }

  /** Marks in a task's title (removed from it) and notes; Obsidian's `🆔` gives an id-less task its id. */
  inline(task: Task, span: Span): void {
    const inTitle = inlineDependencies(task.title);
    const inNotes = task.notes ? inlineDependencies(task.notes) : null;
    task.title = inTitle.title || task.title;
    if (inTitle.ownId && !task.idFromFile) {
      task.id = inTitle.ownId;
      task.idFromFile = true;
    }
    this.add(task, this.locate([...inTitle.refs, ...(inNotes?.refs ?? [])], span));
  }

  /** The task names a scope itself (`- [x] **Phase 2: Shell**`, a `Phase` table's row `2`, `### Phase 2 ✅`). */
  names(task: Task, scopes: [ScopeKind, string][]): void {
    if (scopes.length) this.naming.set(task, scopes);
  }

  /** `other` is another place of `task` (src/read/mentions.ts): what it says the task waits on, the task waits on. */
  fold(task: Task, other: Task): void {
    const refs = this.mentions.get(other)?.filter((m) => !m.inherited);
    this.mentions.delete(other);
    if (refs) this.add(task, refs);
    const naming = this.naming.get(other);
    if (naming && !this.naming.has(task)) this.naming.set(task, naming);
  }

  /** A `**Depends on**: …` line or item right under a heading (`node`). */
  heading(node: object, mentions: Mention[]): void {
    if (mentions.length) this.pending.set(node, [...(this.pending.get(node) ?? []), ...mentions]);
  }

  /** A heading's section ends: its field mentions apply to every task in it, and to the tasks that name its scope. */
  closeSection(node: object, scopes: [ScopeKind, string][], tasksInside: () => Task[]): void {
    const mentions = this.pending.get(node);
    if (!mentions) return;
    this.pending.delete(node);
    const inside = tasksInside();
    const inherited = mentions.map((m): Mention => ({ ...m, inherited: true }));
    for (const t of inside) this.add(t, inherited);
    this.sections.push({ mentions: inherited, scopes, inside: new Set(inside) });
  }

  /**
   * Resolves every mention against the tasks kept (in file order): sets each
   * task's `dependsOn`, and returns the lines each reference names and the
   * problems (unresolved references, cycles).
   */
  resolve(tasks: Task[], locate: Locate): { dependencies: Record<string, number[]> | null; problems: Problem[] } {
    this.applyScopeSections(tasks);
    for (const t of tasks) t.dependsOn = [];
    if (this.mentions.size === 0) return { dependencies: null, problems: [] };
    const index = new TaskIndex(tasks, this.naming);
    const dependencies: Record<string, number[]> = {};
    const problems: Problem[] = [];
    const edges = new Map<Task, Map<Task, Mention>>();
    const reported = new Set<string>();
    for (const t of tasks) {
      const mentions = this.mentions.get(t);
      if (!mentions) continue;
      const out = new Set<string>();
      const targets = new Map<Task, Mention>();
      for (const m of mentions) {
        const r = index.resolve(m.ref, t);
        out.add(r.ref);
        dependencies[r.ref] = r.targets.map((x) => x.line);
        for (const x of r.targets) if (!targets.has(x)) targets.set(x, m);
        const key = `${m.at}\u0000${r.ref}`;
        if (r.targets.length === 0 && !r.self && !reported.has(key)) {
          reported.add(key);
          problems.push(missing(t, m, locate));
        }
        if (r.self && !m.inherited)
          problems.push({
            ...locate(m.at),
            severity: 'error',
            code: 'dependency-cycle',
            message: `task ${t.id} depends on itself; remove ${JSON.stringify(m.ref.text)} from its dependencies`,
          });
      }
      t.dependsOn = [...out];
      if (targets.size) edges.set(t, targets);
    }
    for (const p of findCycles(tasks, edges, locate)) problems.push(p);
    return { dependencies, problems };
  }

  /** Section dependencies reach the tasks outside the section that name its scope (a summary checklist of phases). */
  private applyScopeSections(tasks: Task[]): void {
    for (const s of this.sections) {
      if (s.scopes.length === 0) continue;
      for (const t of tasks) {
        if (s.inside.has(t)) continue;
        const named = this.naming.get(t);
        if (named?.some(([k, v]) => s.scopes.some(([k2, v2]) => k === k2 && v === v2))) this.add(t, s.mentions);
      }
    }
  }
}

/**
 * How a `dependency-missing` message of task `id` on an id or words `ref` begins: a plan of
 * several files finds its file's problem by it, to drop it (the reference names another
 * file's task) or say why it names none (src/check/across.ts).
 */
export function missingPrefix(id: string, ref: string): string {
  return `task ${id} depends on ${JSON.stringify(ref)},`;
}

function missing(t: Task, m: Mention, locate: Locate): Problem {
  const what =
    m.ref.kind === 'scope'
      ? `task ${t.id} depends on ${m.ref.text}, which holds no task`
      : `${missingPrefix(t.id, m.ref.text)} ${m.ref.kind === 'id' ? "which is no task's id" : 'which names no task'}`;
  return {
    ...locate(m.at),
    severity: 'warning',
    code: 'dependency-missing',
    message: `${what}; write an id that \`plan list\` shows, or remove it`,
  };
}

/** Ids, titles and scopes → tasks, and the choice among tasks that share an id. */
class TaskIndex {
  private readonly byId = new Map<string, Task[]>();
  private readonly byTitle = new Map<string, Task[]>();
  private readonly scopeMembers = new Map<string, Task[]>();
  private readonly idCounts: Map<string, number>;

  constructor(
    private readonly tasks: Task[],
    private readonly naming: Map<Task, [ScopeKind, string][]>,
  ) {
    this.idCounts = countIds(tasks);
    for (const t of tasks) {
      push(this.byId, idKey(t.id), t);
      push(this.byTitle, titleKey(t.title), t);
    }
  }

  resolve(ref: Reference, from: Task): { ref: string; targets: Task[]; self: boolean } {
    if (ref.kind === 'scope') {
      const members = this.members(ref.scope, ref.value).filter((t) => t !== from);
      return { ref: ref.text, targets: members, self: false };
    }
    let candidates = this.byId.get(idKey(ref.text)) ?? [];
    if (candidates.length === 0 && ref.kind === 'text') candidates = this.byTitle.get(titleKey(ref.text)) ?? [];
    const others = candidates.filter((t) => t !== from);
    if (others.length === 0) return { ref: ref.text, targets: [], self: candidates.length > 0 };
    const target = nearest(from, others);
    return { ref: this.referenceTo(target), targets: [target], self: false };
  }

  /** How another task names `t`: its id when no other task has it, else its line. */
  private referenceTo(t: Task): string {
    return idOrLine(t, this.idCounts);
  }

  private members(scope: ScopeKind, value: string): Task[] {
    const key = `${scope}\u0000${value}`;
    let list = this.scopeMembers.get(key);
    if (!list) {
      list = this.tasks.filter((t) => t[scope] === value || this.naming.get(t)?.some(([k, v]) => k === scope && v === value));
      this.scopeMembers.set(key, list);
    }
    return list;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Of several tasks with the id, the one `from` means: in its own scope, then its section, then the closest before it. */
function nearest(from: Task, candidates: Task[]): Task {
  if (candidates.length === 1) return candidates[0]!;
  const sameScope = candidates.filter((c) => SCOPE_KINDS.every((k) => c[k] === from[k]));
  if (sameScope.length === 1) return sameScope[0]!;
  const pool = sameScope.length ? sameScope : candidates;
  const sameSection = pool.filter((c) => c.section === from.section);
  if (sameSection.length === 1) return sameSection[0]!;
  const near = sameSection.length ? sameSection : pool;
  const before = near.filter((c) => c.line < from.line);
  return before.length ? before[before.length - 1]! : near[0]!;
}

/** Every cycle of the graph once (iterative: a hostile file's long chain cannot exhaust the stack). */
function findCycles(tasks: Task[], edges: Map<Task, Map<Task, Mention>>, locate: Locate): Problem[] {
  const state = new Map<Task, 1 | 2>(); // 1: on the path, 2: finished
  const problems: Problem[] = [];
  for (const root of tasks) {
    if (state.has(root) || !edges.has(root)) continue;
    const path: Task[] = [];
    const stack: { task: Task; next: Iterator<Task> }[] = [];
    const enter = (t: Task) => {
      state.set(t, 1);
      path.push(t);
      stack.push({ task: t, next: (edges.get(t)?.keys() ?? [].values()) as Iterator<Task> });
    };
    enter(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const step = top.next.next();
      if (step.done) {
        state.set(top.task, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const to = step.value;
      const s = state.get(to);
      if (s === undefined) enter(to);
      else if (s === 1) problems.push(cycleProblem(path.slice(path.indexOf(to)), edges, locate));
    }
  }
  return problems;
}

function cycleProblem(cycle: Task[], edges: Map<Task, Map<Task, Mention>>, locate: Locate): Problem {
  const from = cycle[0]!;
  const to = cycle[1] ?? from;
  const m = edges.get(from)!.get(to)!;
  const names = [...cycle, from].map((t) => t.id).join(' → ');
  return {
    ...locate(m.at),
    severity: 'error',
    code: 'dependency-cycle',
    message: `dependency cycle: ${names}; no task of it can ever start: remove one of these dependencies`,
  };
}
