// Front matter + blocks → Plan. Never throws on content: whatever the file
// holds becomes tasks, headings, tables and positioned problems. This is the
// one place that decides what a task is; tables.ts, items.ts and outline.ts
// read the shapes, this file puts them in the outline and keeps the order.
// Once every block is read, Builder.finish runs the passes of passes/ in order
// (one file each: fielded-headings, sibling-headings, lane-cards, todo-sections, ledgers, section-summaries,
// ordinals; then, on the final tasks, checklist-status and table-counts).

import type { Block, DetailsBlock, HeadingBlock, ItemBlock, LineBlock, Span, TableBlock } from '../parse/blocks.js';
import { statesNoWork } from './statements.js';
import { splitRow } from '../parse/cells.js';
import type { FrontMatterResult } from '../parse/front-matter-yaml.js';
import { Vocabulary, toExtension, type Status, type VocabularyExtension } from '../model/status.js';
import { LineIndex } from '../text/lines.js';
import { plainText } from '../text/plain.js';
import { showEscapes } from '../text/decode.js';
import { filled, headerRole, normaliseHeader, planColumns, type TableSettings } from './columns.js';
import { configuredRole, idMatcher, skipsHeading, type ReadConfig } from './read-config.js';
import { boldLabelled, LINE_BOX, lineFields, readItem, STATE_KEYS, STATUS_KEYS, type ItemReading } from './items.js';
import {
  cleanTitle,
  groupName,
  HEADING_BOX,
  headingId,
  headingNoteAt,
  headingNumber,
  headingVersion,
  HERE_MARK,
  issueHeadingId,
  isIdShaped,
  namesSeveralIds,
} from './names.js';
import {
  boxSpan,
  boxWords,
  type GroupOf,
  laneItemStatus,
  idThenState,
  leadBracketStatus,
  facetLines,
  Outline,
  outlineNode,
  type OutlineNode,
  titleHeading,
} from './outline.js';
import { scopesInHeading, scopeWord } from './scope.js';
import { reachesStates, type StateColumn, yesOrNo } from './mark-columns.js';
import { cardWords } from './lane-columns.js';
import { cardInfo, groupLabel, groupRowScope, ownerOf, periodOf, rowFields, rowKind } from './tables.js';
import { readFrontMatterInfo, statusMap } from './front-matter-fields.js';
import { frontMatterListTasks, type FrontMatterTask } from './front-matter-tasks.js';
import { bracketOwner, fieldOwners, ownerNames, rosterHeading, rosterNames } from './heading-owner.js';
import { fileConventions } from './conventions.js';
import { findLegends, LEGEND_HEADING, LEGEND_LEAD_IN } from './legend.js';
import { assignRefs } from './ref.js';
import { foldMentions } from './mentions.js';
import { Dependencies, dependsField, parseReferences } from './depends.js';
import { lazyFieldStart } from './lazy-fields.js';
import { applyNaming, takeNamingField } from './heading-naming.js';
import { dateKindOf, isEstimateKey, isTagKey, readTaskFields, stripFieldMarks } from './fields.js';
import { sourceStart, type Heading, type Plan, type Problem, type Scope, type ScopeKind, type Task, type TableInfo } from '../model/types.js';
import type { Found, Ordinal, PassState } from './passes/state.js';
import { fieldedHeadingTasks } from './passes/fielded-headings.js';
import { labelledSteps } from './passes/labelled-steps.js';
import { siblingHeadingTasks } from './passes/sibling-headings.js';
import { codeHeadingTasks, openRegisterEntries } from './passes/code-headings.js';
import { laneCards } from './passes/lane-cards.js';
import { todoSections } from './passes/todo-sections.js';
import { mergeLedgers } from './passes/ledgers.js';
import { dropSectionSummaries } from './passes/section-summaries.js';
import { issueIds, numberOrdinals } from './passes/ordinals.js';
import { wordNumberIds } from './passes/word-numbers.js';
import { countTableTasks } from './passes/table-counts.js';
import { checklistStatuses } from './passes/checklist-status.js';
import { allMatches } from '../text/all-matches.js';
import { hasLetter, hasLetterOrDigit } from '../text/char-tests.js';

export { rowFields } from './tables.js';

export interface BuildInput {
  file: string;
  text: string;
  frontMatter: FrontMatterResult;
  blocks: Block[];
  parser: 'remark' | 'fast';
  invalidUtf8: boolean;
  /** Mojibake repair for display text (identity when the text has none). */
  repair: (s: string) => string;
  /** Vocabulary additions from outside the file (a config beside it). */
  extension?: VocabularyExtension;
  /** How to read what plan would misread (`read` in `.planrc.json` or the front matter). */
  read?: ReadConfig;
}

/** Raw cell or item Markdown → the text people read. */
export function displayText(raw: string, repair: (s: string) => string): string {
  return showEscapes(repair(plainText(raw)));
}

export function buildPlan(input: BuildInput): Plan {
  const { text, repair } = input;
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const fm = input.frontMatter;
  if (fm.problem) {
    problems.push({
      line: fm.problem.line,
      column: 1,
      severity: 'error',
      code: fm.problem.kind === 'invalid-yaml' ? 'front-matter-yaml' : 'front-matter-language',
      message: fm.problem.message,
    });
  }
  const fileStatuses = toExtension(statusMap(fm.data));
  for (const key of fileStatuses.invalid) {
    problems.push({
      line: fm.block ? lines.line(fm.block.start) : 1,
      column: 1,
      severity: 'warning',
      code: 'status-map',
      message: `plan.statuses: "${key}" does not name a status (use done, in-progress, pending, blocked or cancelled)`,
    });
  }
  // Memoised per span: the legend pass and the builder show the same cells and headings several times over.
  const shown = new Map<number, { end: number; text: string }>();
  const display = (span: Span): string => {
    const hit = shown.get(span.start);
    if (hit?.end === span.end) return hit.text;
    const out = displayText(text.slice(span.start, span.end), repair);
    shown.set(span.start, { end: span.end, text: out });
    return out;
  };
  // The file's own legend teaches its marks; its front matter and .planrc.json win over the legend.
  const legend = findLegends(input.blocks, text, display, Vocabulary.of({ ...input.extension, ...fileStatuses.extension }), repair);
  const statusExtension = { ...fileConventions(text), ...legend.extension, ...input.extension, ...fileStatuses.extension };
  const vocab = Vocabulary.of(statusExtension);
  const headingBlocks = input.blocks.filter((b) => b.type === 'heading');
  const title = titleHeading(headingBlocks.map((b) => b.depth));
  const facets = facetLines(headingBlocks.map((b) => ({ depth: b.depth, name: groupName(display(b.content)), line: lines.line(b.start) })));
  const builder = new Builder(text, lines, vocab, display, repair, input.read, title, facets);
  builder.addTasks(frontMatterListTasks(text, fm, lines, vocab, (raw) => displayText(raw, repair), problems));
  for (const block of input.blocks) builder.add(block);
  const { tasks, headings, tables, detachedStatus, mentions, dependencies } = builder.finish();
  for (const p of dependencies.problems) problems.push(p); // not push(...): a list of 100,000 would overflow the stack
  const frontMatter = readFrontMatterInfo(fm);
  const dates = readTaskFields(tasks, text, problems, frontMatterYear(frontMatter.modified));
  return {
    file: input.file,
    frontMatter,
    bodyStart: fm.block ? fm.block.end : 0,
    tasks,
    headings,
    tables,
    problems,
    parser: input.parser,
    statusExtension,
    invalidUtf8: input.invalidUtf8,
    bom: text.charCodeAt(0) === 0xfeff,
    eol: /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n',
    ...(dependencies.dependencies ? { dependencies: dependencies.dependencies } : {}),
    ...(detachedStatus ? { detachedStatus: true as const } : {}),
    ...(mentions ? { mentions: true as const } : {}),
    ...(Object.keys(legend.texts).length ? { legendTexts: legend.texts } : {}),
    ...(input.read ? { read: input.read } : {}),
    ...(dates.dayFirst !== null || dates.year !== null ? { dates } : {}),
  };
}

/** The year of the front matter's date, for dates written without one (`Mar 14`). */
function frontMatterYear(modified: string | null): number | null {
  const y = modified ? /^(\d{4})-\d{2}/.exec(modified)?.[1] : undefined;
  return y ? Number(y) : null;
}

/** An item of the list run being read, kept until the run ends (a run of legend entries is a legend). */
interface RunEntry {
  found: Found | null;
  /** Where the item starts. */
  start: number;
  /** The item holds a blank to fill in (`XXXX`, `YYYY-MM-DD`): its list is a template. */
  placeholder?: boolean;
  legend: boolean;
  /** The item's bracketed tag (`[M0]`), if any. */
  tag?: string | null;
  /** The name in brackets before the item's title (`(ANA) Build the form`), if any. */
  lead?: { name: string; title: string } | null;
  /** A bullet under a lead-in ending with a colon, marked only with a tick or only with a cross (no box, no id). */
  yesNo?: 'yes' | 'no' | null;
}

/**
 * Words of a heading or a list's lead-in (`**Success Criteria:**`) under which
 * marked bullets state facts (evidence, criteria met, features) rather than
 * track work. Checkboxes there are still tasks.
 */
// Written-together scripts (Chinese, Japanese) have no word boundaries: their words match anywhere in a heading, but
// criteria only as the name's last word, and conditions only those of done, of reaching or entering a stage (`完了条件`,
// `里程碑达成条件`; `検索条件の追加` is work, `前提条件` lists what must come first).
const FACT_CONTEXT =
  /(?<![\p{L}])(?:criteria|criterion|evidence|validation|benefits?|principles?|results?|metrics|highlights|outcomes?|summary|overview|advantages|achievements|definition of done|done (?:when|means)|acceptance|current (?:state|status)|criterios|evidencia|beneficios|resultados|principios|resumen|résumé|zusammenfassung|vorteile|avantages|ventajas|ملخص|المزايا|الفوائد|الوضع الحالي)(?![\p{L}])|原則|原则|成果|要約|总结|總結|まとめ|(?:基準|标准|標準|기준|(?:完了|完成|达成|達成|验收|驗收|受入|受け入れ|阶段|段階|완료)\s?(?:条件|條件|조건))(?:\s*[:：])?\s*$/iu;
/** A lead-in (`**Key Features:**`) also introduces facts when it lists features or files. */
const FACT_LEAD_IN = /(?<![\p{L}])(?:features?|capabilit(?:y|ies)|files|características|fonctionnalités|funcionalidades|funktionen|الميزات|ميزات)(?![\p{L}])/iu;

/**
 * A heading or lead-in that reports what was changed (`### Files Modified (Phases 6d-6e)`,
 * `**Latest Changes:**`, `**Changes Implemented**:`, a change log: `## Changelog`, `## Historia Zmian`): its marked
 * bullets record work done elsewhere or before, not tasks. The whole name must say so: `Regulatory Changes Testing` is work.
 */
const CHANGE_LOG =
  /^(?:change\s?log|change history|history of changes|version history|revision history|historia zmian|historial de cambios|histórico de (?:alterações|mudanças)|historique des (?:modifications|changements)|änderungs(?:verlauf|historie)|更新履歴|变更记录|更新日志|변경 이력)$/iu;
const REPORT_CONTEXT =
  /^(?:(?:latest|recent|core|code|key)\s+)?changes(?:\s+(?:made|implemented|delivered|applied))?$|^files\s+(?:created|modified|changed|added|touched|updated)$|^(?:created|modified|changed|new)\s+files$/iu;

/** Whether marked bullets under this heading or lead-in name state facts rather than tasks. */
function statesFacts(name: string, leadIn: boolean): boolean {
  const bare = name
    .replace(/(?<!\s)\s*\([^()]*\)\s*$/u, '')
    .replace(/[:：]\s*$/u, '')
    .trim();
  return FACT_CONTEXT.test(name) || REPORT_CONTEXT.test(bare) || CHANGE_LOG.test(bare) || (leadIn && FACT_LEAD_IN.test(name));
}

/** `**Latest Updates** (25 Dec): 🆕`, `**Success Criteria:**`: a bold lead-in ending in a colon. */
const LEAD_IN = /^(\*\*|__)(?=\S)[^*_]+?\1\s*(?:\([^()]*\)\s*)?(?:[:：]\s*)?(?:[\p{Extended_Pictographic}\uFE0F]\s*)*$/u;

/**
 * `Done:`, `In development:` alone on a line, in a file (or the part of it) under no heading: a short name and a
 * colon heads the list after it as a heading would. Under a heading it is a sentence's lead-in, and the heading groups.
 */
const PLAIN_LEAD_IN = /^\p{L}[\p{L}\p{N} '’&/-]{0,38}[:：]\s*$/u;

/**
 * `**Deliverables:**`, `**Checklist**:`, `**Checklist**`: a bold word and a colon, or one bold word, nothing more, says
 * what kind of list follows, as a field name does; the heading it is under still names the work. A lead-in with more
 * to it (`**Latest Updates** (25 Dec): 🆕`, `**Command System & Parser**`) names an entry of its own, as a small heading does.
 */
const BOLD_LABEL = /^(\*\*|__)(?=\S)[^*_]+?\1\s*[:：]\s*$|^(\*\*|__)(?=\S)[^*_]+?[:：]\2\s*$|^(\*\*|__)[\p{L}\p{N}-]+\3\s*$/u;

/** `**Steps**:`, `**Notes:**`: a bold label whose value is what is nested under it. */
const EMPTY_LABEL = /^(?:\*\*|__)[^*_:：\n]{1,40}?(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*$/u;

/** A line that introduces the list after it: it ends with a colon (`Our hosting plan comes with:`, `**Eligible orders:**`). */
const COLON_END = /[:：](?:\*\*|__)?\s*$/u;

/** Blanks of a template: `XXXX`, a date to fill in (`YYYY-MM-DD`, `DD/MM/YYYY`). */
const PLACEHOLDER = /(?<![\p{L}\p{N}])(?:X{4,}|YYYY[-/.]MM[-/.]DD|DD[-/.]MM[-/.]YYYY|MM[-/.]DD[-/.]YYYY)(?![\p{L}\p{N}])/u;

const CODE_NAME_ITEM = /^`[^`\n]+`\s*(?:[-—–:]\s|\(|$)/u;
/** `**Referral waitlist** — Supabase backend`: a name in bold, then a dash and what it involves. */
const BOLD_NAME_ITEM = /^\*\*[^*\n]+\*\*\s*[—–-]\s/u;

/** A task table being read, and what its rows so far set for the rows after them. */
interface TableRun {
  index: number;
  info: TableInfo;
  scope: Scope;
  groupScope: Partial<Scope>;
  label: string | null;
  /** Where the table, or the last line that continued it, ends. */
  at: number;
  /** A note line already stands since the last row. */
  noted: boolean;
}

/** A last dashed part of a date and a word, either first (`— 2026-09-01 done`, `— done 2026-09-01`). */
const DATED_PART = /(?<=\S)[ \t]{1,4}[—–][ \t]{1,4}((?:\d{4}-\d{2}-\d{2}[ \t]{1,4}[\p{L}\p{M}]{1,20}|[\p{L}\p{M}]{1,20}[ \t]{1,4}\d{4}-\d{2}-\d{2}))[ \t]*$/u;

/** The longest line of text that may stand between a table and its continuation (`**Note: supplier changed.**`). */
const NOTE_MAX = 160;

class Builder implements PassState {
  private readonly outline: Outline;
  readonly found: Found[] = [];
  readonly headings: Heading[] = [];
  readonly tables: TableInfo[] = [];
  private readonly runs = new Map<number, RunEntry[]>();
  /** The item naming only a state (`- DONE`) whose nested items are read now: they are in that state (laneItemStatus). */
  private lane: { depth: number; status: Status } | null = null;
  /** Ordered-list tasks without an id: their numbers become ids when no number repeats. */
  readonly ordinals: Ordinal[] = [];
  readonly issues: { found: Found; n: string }[] = [];
  readonly headingTasks: Found[] = [];
  readonly labelledSteps: { found: Found; marked: boolean }[] = [];
  /** Every heading's node once its section has ended (for headings that are tasks beside heading tasks). */
  readonly closedHeadings: OutlineNode[] = [];
  /** Headings with a status field, no id and no tasks under them: tasks when the file has several (see fieldedHeadingTasks). */
  readonly fielded: { node: OutlineNode; name: string; id: ReturnType<typeof headingId>; status: Status }[] = [];
  /** Indices of headings that are tasks or hold some: sections where work is tracked. */
  readonly working = new Set<number>();
  /** A bold line that introduces the list after it (`**Latest Updates** (25 Dec):`): a small heading for that list. */
  private leadIn: OutlineNode | null = null;
  /** The lead-in is only a bold label (`**Deliverables:**`): it does not group the list. */
  private labelOnly = false;
  /** The line right before a list when it ends with a colon (bold or not): the list's lead-in, as far as facts go. */
  private colonLine: string | null = null;
  /** The task table just read, while rows written after a blank line or a short note may still continue it. */
  private tableRun: TableRun | null = null;
  /** The people a roster table names (`| Name | Role |`): a heading that is one of them heads that person's work. */
  private readonly roster = new Set<string>();
  /** The last item read as a field (`- **Status:** …`), and where it ends: the items right after it may be fields too. */
  private fieldItem: { depth: number; end: number } | null = null;
  /** The depth of a field item with no value on its line (`- **Steps**:`), while the items nested under it are its value. */
  private fieldValue: number | null = null;
  private readonly deps: Dependencies;
  /** The depth of the heading whose section the `read.skip` settings leave out, while in it. */
  private skipDepth: number | null = null;
  /** Headings in a skipped section: never tasks. */
  readonly skipped = new Set<OutlineNode>();
  private readonly isId?: (cell: string) => boolean;
  /** How many items are nested in a task's item (what is written under it). */
  private readonly under = new Map<Task, number>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    readonly vocab: Vocabulary,
    private readonly display: (span: Span) => string,
    private readonly repair: (s: string) => string,
    private readonly read?: ReadConfig,
    title = -1,
    facets?: ReadonlySet<number>,
  ) {
    this.outline = new Outline(title, facets);
    this.deps = new Dependencies(text);
    if (read?.ids) this.isId = idMatcher(read.ids.pattern);
  }

  /** Tasks read outside the body's blocks (a to-do list in the front matter). */
  addTasks(tasks: FrontMatterTask[]): void {
    for (const { task, dependsOn } of tasks) {
      this.found.push({ task, anchor: sourceStart(task.source) });
      const span = task.source.type === 'entry' ? task.source.entry : null;
      if (dependsOn.length && span) this.deps.add(task, this.deps.locate(parseReferences(dependsOn.join(', ')), span));
    }
  }

  add(block: Block): void {
    if (this.skipDepth !== null && block.type === 'heading' && block.depth <= this.skipDepth) this.skipDepth = null;
    if (this.skipDepth !== null && block.type !== 'heading' && block.type !== 'details') {
      if (block.type === 'table') this.skippedTable(block);
      return;
    }
    if (block.type !== 'item') this.endRuns(-1);
    if (block.type !== 'item' && block.type !== 'line') {
      this.leadIn = null;
      this.colonLine = null;
    }
    if (block.type !== 'line') this.tableRun = null;
    if (block.type !== 'item') this.fieldValue = null;
    switch (block.type) {
      case 'heading':
        this.heading(block);
        break;
      case 'table':
        this.table(block);
        break;
      case 'item':
        this.item(block);
        break;
      case 'line':
        this.line(block);
        break;
      case 'details':
        this.details(block);
        break;
    }
  }

  finish(): {
    tasks: Task[];
    headings: Heading[];
    tables: TableInfo[];
    detachedStatus: boolean;
    mentions: boolean;
    dependencies: ReturnType<Dependencies['resolve']>;
  } {
    this.endRuns(-1);
    for (const node of this.outline.closeAll()) this.closeHeading(node);
    labelledSteps(this);
    fieldedHeadingTasks(this);
    siblingHeadingTasks(this);
    const registerEntries = codeHeadingTasks(this);
    laneCards(this);
    todoSections(this);
    mergeLedgers(this);
    openRegisterEntries(registerEntries);
    dropSectionSummaries(this);
    numberOrdinals(this);
    issueIds(this, this.text);
    wordNumberIds(this);
    const kept = this.found.filter((f) => !f.dropped).sort((a, b) => a.anchor - b.anchor);
    const tasks = foldMentions(
      kept.map((f) => f.task),
      this.vocab,
      { under: (t) => this.under.get(t) ?? filledCells(t, this.text), fold: (t, m) => this.deps.fold(t, m) },
    );
    checklistStatuses(tasks, this.headings);
    assignRefs(tasks);
    const dependencies = this.deps.resolve(tasks, (offset) => this.position(offset));
    countTableTasks(this, tasks);
    const detachedStatus = tasks.some(
      (t) =>
        t.source.type === 'heading' &&
        t.source.status !== null &&
        (t.source.status.start < t.source.heading.start || t.source.status.end > t.source.heading.end),
    );
    const mentions = tasks.length < kept.length;
    return { tasks, headings: this.headings, tables: this.tables, detachedStatus, mentions, dependencies };
  }

  /** 1-based line and column (in code points) of an offset, for problems. */
  private position(offset: number): { line: number; column: number } {
    return this.lines.at(offset);
  }

  // ---- headings and sections -------------------------------------------

  private heading(block: HeadingBlock): void {
    this.lane = null;
    const text = this.display(block.content);
    const line = this.lines.line(block.start);
    const node = outlineNode(text, block.depth, line, this.headings.length, this.vocab);
    node.owner ??= bracketOwner(text) ?? rosterHeading(text, this.roster);
    for (const closed of this.outline.enter(node)) this.closeHeading(closed);
    if (this.skipDepth === null && (skipsHeading(this.read, text) || skipsHeading(this.read, node.name))) this.skipDepth = block.depth;
    if (this.skipDepth !== null) this.skipped.add(node);
    const scope = this.outline.scope();
    const section = this.outline.section();
    node.at = { block, scope, section, group: this.outline.group(node), listed: this.outline.inheritedListStatus() };
    this.headings.push({ depth: block.depth, text, line, scope, status: node.status, section: section ?? text, name: node.name });
  }

  private details(block: DetailsBlock): void {
    if (block.mark === 'open') {
      this.outline.openDetails({ ...outlineNode('', 0, this.lines.line(block.start), -1, this.vocab), name: '' });
    } else if (block.mark === 'summary') {
      const node = this.outline.current();
      const text = this.display(block.content);
      const named = outlineNode(text, 0, this.lines.line(block.start), -1, this.vocab);
      if (node && node.index === -1 && node.text === '') Object.assign(node, { ...named, depth: node.depth });
      else this.outline.openDetails(named);
    } else {
      for (const closed of this.outline.closeDetails()) this.closeHeading(closed);
    }
  }

  /** `**Status**: ✅ Complete` under a heading: the heading's status. */
  private line(block: LineBlock): void {
    if (this.continueTable(block)) return;
    const raw = this.text.slice(block.start, block.end);
    if (this.boxLine(block, raw)) return;
    const shown = this.display(block);
    const leads = LEAD_IN.test(raw) || (this.outline.current() === undefined && PLAIN_LEAD_IN.test(raw));
    this.leadIn = leads ? outlineNode(shown, 7, this.lines.line(block.start), -1, this.vocab) : null;
    this.labelOnly = BOLD_LABEL.test(raw);
    this.colonLine = COLON_END.test(raw) ? shown : null;
    const node = this.outline.current();
    if (node && !node.field) node.field = this.statusField(block.start, block.end);
    if (node) this.headingOwner(node, block.start, block.end);
    if (node) this.headingFields(node, block.start, block.end);
    if (node) this.headingNaming(node, block.start, block.end);
    const dependsOn = node ? dependsField(this.text, block.start, block.end) : null;
    if (node && dependsOn) this.deps.heading(node, this.deps.field(dependsOn, this.display));
  }

  /**
   * `**[x] 1. Set up the project**` opening a line of a paragraph: a checklist item written without a list
   * marker (Markdown shows the box as typed, a person reads a box all the same); the paragraph's other lines
   * describe it. Read as a top-level item whose text is the line inside its bold. Whether the line was one.
   */
  private boxLine(block: LineBlock, raw: string): boolean {
    const box = LINE_BOX.exec(raw);
    if (!box) return false;
    const bold = box[1];
    const closed = bold !== undefined && raw.endsWith(bold) && raw.length > box[0].length + bold.length;
    const text = { start: block.start + (bold?.length ?? 0), end: block.end - (closed ? bold!.length : 0) };
    this.leadIn = null;
    this.labelOnly = false;
    this.colonLine = null;
    this.item({ type: 'item', start: block.start, end: block.end, depth: 0, ordered: false, checkbox: null, checked: null, text });
    return true;
  }

  private statusField(start: number, end: number): OutlineNode['field'] {
    const field = lineFields(this.text.slice(start, end)).find((f) => STATUS_KEYS.has(f.key));
    if (!field) return null;
    const value = { start: start + field.value.start, end: start + field.value.end };
    const shown = this.display(value);
    const status = readProgress(shown) ?? this.vocab.read(shown).status;
    return status === 'none' ? null : { status, text: shown, span: value, key: field.key };
  }

  /** `**Agent:** api-worker` under a heading: who its task is for. Whether the line names an owner. */
  private headingOwner(node: OutlineNode, start: number, end: number): boolean {
    const field = lineFields(this.text.slice(start, end)).find((f) => headerRole(f.key) === 'owner');
    if (!field) return false;
    const shown = this.display({ start: start + field.value.start, end: start + field.value.end });
    const named = fieldOwners(shown);
    node.owner ??= named ?? ownerOf(shown);
    // The people a `Team:` sentence names are the file's roster: a part heading naming one of them is that person's.
    for (const name of named ? ownerNames(named) : []) this.roster.add(name);
    return true;
  }

  /**
   * `  - **Responsable:** Ana` nested under a task item: who that task is for, as an owner field line under a
   * heading task names its owner. Whether the line was such a field.
   */
  private itemOwner(block: ItemBlock): boolean {
    const parent = block.depth > 0 && !block.checkbox ? this.runs.get(block.depth - 1)?.at(-1)?.found : null;
    if (!parent) return false;
    const field = lineFields(this.text.slice(block.text.start, block.text.end)).find((f) => headerRole(f.key) === 'owner');
    if (!field) return false;
    parent.task.owner ??= ownerOf(this.display({ start: block.text.start + field.value.start, end: block.text.start + field.value.end }));
    return true;
  }

  /** `**Due:** 2025-03-14`, `**Priority:** High`, `**Tags:** api` under a heading: fields of its task. Whether the line wrote one. */
  private headingFields(node: OutlineNode, start: number, end: number): boolean {
    let wrote = false;
    for (const f of lineFields(this.text.slice(start, end))) {
      const value = this.display({ start: start + f.value.start, end: start + f.value.end });
      if (!value) continue;
      if (headerRole(f.key) === 'priority') node.priority ??= value;
      else if (dateKindOf(f.key) || isTagKey(f.key) || isEstimateKey(f.key)) (node.fields ??= {})[f.key] ??= value;
      else continue;
      wrote = true;
    }
    return wrote;
  }

  /** `**ID:** T-1`, `**Title:** …` under a heading: what its task is called (see heading-naming.ts). */
  private headingNaming(node: OutlineNode, start: number, end: number): void {
    for (const f of lineFields(this.text.slice(start, end))) {
      takeNamingField((node.naming ??= {}), f.key, this.display({ start: start + f.value.start, end: start + f.value.end }));
    }
  }

  /**
   * `**Status**: backlog` (`**Plans:** 3/3 complete`) written right after a list, without a blank line, continues
   * its last item in Markdown: read the item without it, and the line as a field of the heading it stands under.
   */
  private itemWithFields(block: ItemBlock, fieldsAt: number): void {
    const end = block.text.start + this.text.slice(block.text.start, fieldsAt).trimEnd().length;
    this.item({ ...block, end, text: { start: block.text.start, end } });
    const node = this.outline.current();
    if (!node) return;
    for (let start = fieldsAt; start < block.text.end; ) {
      let lineEnd = this.text.indexOf('\n', start);
      if (lineEnd < 0 || lineEnd > block.text.end) lineEnd = block.text.end;
      if (!node.field) node.field = this.statusField(start, lineEnd);
      this.headingOwner(node, start, lineEnd);
      this.headingFields(node, start, lineEnd);
      start = lineEnd + 1;
    }
  }

  /**
   * A heading task's title: what follows its id, or, where only a status does
   * (`Horizon 3 — ✅ Shipped (v1.16 → v1.18)`), the name up to it (`Horizon 3`),
   * so that setting the status never changes the title.
   */
  private headingTitle(name: string, id: { id: string | null; rest: string; scope: boolean }): string {
    const title = this.withoutNotedStatus(this.withoutDatedStatus(cleanTitle(id.id ? id.rest : name.replace(/^\d+[.)]\s+/, ''))) || name);
    if (!id.id) return title;
    const r = this.vocab.read(title);
    const after = r.word ? title.slice(title.indexOf(r.word) + r.word.length).trim() : null;
    if (r.status === 'none' || after === null || !(after === '' || /^\(.*\)$/u.test(after))) return title;
    return name.slice(0, name.length - id.rest.length).replace(/(?<![\s—–:-])[\s—–:-]+$/u, '') || title;
  }

  /**
   * `Reply card — done (checked on the phone)`: a last dashed part that is a status and a note in brackets says how
   * the task stands, not what it is (the group's name keeps it: a section is named as written).
   */
  private withoutNotedStatus(title: string): string {
    const open = title.endsWith(')') ? title.lastIndexOf('(') : -1;
    const dash = Math.max(...[' — ', ' – ', ' - '].map((d) => title.lastIndexOf(d, open)));
    if (open < 0 || dash <= 0 || /[()]/u.test(title.slice(dash, open))) return title;
    const part = title.slice(dash + 3, open).trim();
    const word = this.vocab.leadingWord(part);
    return word && word.text.length === part.length ? title.slice(0, dash).trimEnd() : title;
  }

  /** `Fix the login — 2026-09-01 done`, `— done 2026-09-01`: a last dashed part that dates a status stamps the task. */
  private withoutDatedStatus(title: string): string {
    const m = DATED_PART.exec(title);
    const part = m?.[1]?.replace(/\d{4}-\d{2}-\d{2}/u, '').trim();
    const word = part ? this.vocab.leadingWord(part) : null;
    return m && word && word.text.length === part!.length ? title.slice(0, m.index) : title;
  }

  /** A heading whose section ends: is it a task (with an id, or a status of its own)? */
  private closeHeading(node: OutlineNode): void {
    if (node.index >= 0 && node.at) this.closedHeadings.push(node);
    this.headingTask(node);
    this.closeSection(node);
    if (node.index >= 0 && (node.holds > 0 || node.task)) this.working.add(node.index);
  }

  /** `**Depends on**: …` under a heading holds for every task of its section (and the heading's own task). */
  private closeSection(node: OutlineNode): void {
    if (!node.at) return;
    const start = node.at.block.start;
    const scopes = Object.entries(node.scope) as [ScopeKind, string][];
    this.deps.closeSection(node, scopes, () => this.found.filter((f) => !f.dropped && f.anchor >= start).map((f) => f.task));
  }

  /** A heading whose section ends: is it a task (with an id, or a status of its own)? */
  private headingTask(node: OutlineNode): void {
    if (!node.at || node.index < 0 || this.skipped.has(node)) return;
    const { name, id } = this.headingName(node.at.block);
    const codeId = id.id !== null && !id.scope;
    const fromText = node.status !== 'none';
    // `### A-01 Fix the filter` under `## Open`: a heading task that states no status is in the state of the section it stands in.
    const placed = codeId ? node.at.listed : null;
    const status: Status = fromText ? node.status : (node.field?.status ?? placed ?? 'none');
    if (node.listStatus) return;
    // A heading over a table of tasks is the table's caption, not a task of its own; one with a box says it is one,
    // and so does one that opens with its status in brackets as a box would (`### [RESOLVED] Login loops`).
    const boxed = HEADING_BOX.test(node.text) || leadBracketStatus(node.text, this.vocab) !== null || idThenState(node.text, this.vocab, node.depth) !== null;
    if (node.holds > 0 && node.holdsItems === 0 && !boxed) return;
    const documentStatus = node.depth === 1 && !fromText;
    // An id of its own makes a heading a task; a status makes one only with a scope's number (`Phase 3 ✅`)
    // or, for a section holding no tasks, a number (`#### 2. Repository Pattern ✅`, `### 1.2. Pour the slab - Done`).
    const numbered = headingNumber(name) !== null && node.holds === 0;
    // A release (`## ✅ v0.1.0 - Foundation`) with a status is a task as a phase is, though it holds tasks.
    const release = id.id === null && headingVersion(name) !== null;
    const isTask = codeId || boxed || (status !== 'none' && !documentStatus && (id.scope || numbered || release));
    if (isTask) this.addHeadingTask(node, name, id, status, !fromText && !node.field?.status && placed !== null);
    else if (!fromText && node.field && STATE_KEYS.has(node.field.key) && node.holds === 0 && !documentStatus) this.fielded.push({ node, name, id, status });
  }

  /** A heading's name as a task (emphasised notes in brackets at its end left out) and the id it writes. */
  headingName(block: HeadingBlock): { name: string; id: ReturnType<typeof headingId> } {
    const whole = this.text.slice(block.content.start, block.content.end);
    // `T001 [P] [x] Create the repo`: the id and the title, without the tags and the state written between them.
    const stated = idThenState(whole, this.vocab, block.depth);
    const raw = stated ? `${stated.id}: ${stated.rest}` : whole.slice(0, headingNoteAt(whole));
    const name = groupName(displayText(raw, this.repair));
    const id = headingId(name);
    return { name, id: id.id === null ? (colonCode(name) ?? id) : id };
  }

  addHeadingTask(node: OutlineNode, name: string, headingCode: ReturnType<typeof headingId>, status: Status, placed = false): void {
    if (!node.at) return;
    // `### 2. Record the album`: the number a person gave the task is its id, as `## Phase 2:` gives `2`.
    const numbered = headingCode.id === null ? (headingNumber(name) ?? headingVersion(name)) : null;
    // `### Task #12`, `### Login — Issue #7`: the tracker's number, typed as the id; it names, it does not make the task.
    const id = numbered
      ? { id: numbered.id, rest: numbered.rest, scope: false }
      : headingCode.id === null
        ? (issueHeadingId(name) ?? headingCode)
        : headingCode;
    const { block } = node.at;
    const fromText = node.status !== 'none';
    const task: Task = {
      id: id.id ?? '',
      kind: node.holds > 0 ? 'parent' : 'task',
      title: this.headingTitle(name, id),
      status,
      statusText: fromText
        ? (boxWords(node.text, this.vocab) ?? statedWords(node.text, this.vocab, node.depth) ?? statusWords(node.text))
        : (node.field?.text ?? ''),
      owner: node.owner,
      notes: null,
      priority: node.priority ?? null,
      ...node.at.scope,
      section: node.at.section ?? node.text,
      ...node.at.group,
      line: node.line,
      fields: node.fields ?? {},
      idFromFile: id.id !== null,
      dependsOn: [],
      source: {
        type: 'heading',
        heading: { start: block.start, end: block.end },
        text: block.content,
        status: fromText ? statusSpan(this.text, block.content, this.vocab, block.depth) : (node.field?.span ?? null),
      },
    };
    const f: Found = { task, anchor: block.start, ...(placed ? { placed } : {}) };
    this.found.push(f);
    this.headingTasks.push(f);
    node.task = task;
    task.title = stripFieldMarks(task.title);
    applyNaming(task, node.naming, id.id === null ? null : cleanTitle(id.rest));
    this.deps.inline(task, block.content);
    if (id.scope) this.deps.names(task, Object.entries(node.scope) as [ScopeKind, string][]);
  }

  // ---- tables -----------------------------------------------------------

  private table(block: TableBlock): void {
    const rows = block.rows.map((r) => r.cells.map(this.display));
    const headers = withStatusCell(block.header.cells.map(this.display), rows, this.vocab);
    const raw = block.rows.map((r) => r.cells.map((c) => this.text.slice(c.start, c.end)));
    const settings = this.tableSettings(headers);
    const plan = planColumns(headers, rows, raw, this.vocab, settings);
    const node = this.outline.current();
    // Rows without a status column take the status their heading gives them all (`## Done`, `## Horizon 4 — Next`).
    const listed = node?.listStatus ?? (node?.scoped && node.status !== 'none' ? node.status : null) ?? this.outline.inheritedListStatus();
    let kind = plan.kind;
    let defaultStatus: Status | undefined;
    if (plan.columns.status === undefined && listed && plan.columns.title !== undefined && !plan.reason) {
      if (kind === 'other' && node?.listStatus) kind = 'task';
      if (kind === 'task') defaultStatus = listed;
    }
    const scope = this.outline.scope();
    const info: TableInfo = {
      ...this.tablePlace(block, headers),
      // A table under a legend heading says what the marks mean (`| TODO | not started |`): no tasks.
      kind: block.quoted || (!!node && LEGEND_HEADING.test(node.name)) ? 'other' : kind,
      columns: plan.columns,
      ...(defaultStatus ? { defaultStatus } : {}),
      ...(plan.numberedNames ? { numberedNames: true } : {}),
      ...(plan.codedTitles ? { codedTitles: true } : {}),
      ...(plan.groupColumn !== undefined ? { groupColumn: plan.groupColumn } : {}),
      ...(plan.reason ? { reason: plan.reason } : {}),
      ...(plan.inferred && !block.quoted ? { inferred: plan.inferred } : {}),
      ...(plan.guessed && !block.quoted ? { guessed: true as const } : {}),
      ...(plan.idsByPattern ? { idsByPattern: true as const } : {}),
      ...(plan.states ? { states: plan.states } : {}),
      ...(plan.lanes ? { lanes: plan.lanes } : {}),
      ...(settings?.roles.some(Boolean) ? { configured: settings.roles.flatMap((r, i) => (r ? [i] : [])) } : {}),
    };
    const index = this.tables.length;
    this.tables.push(info);
    block.rows.forEach((row) => {
      if (row.cells.length !== headers.length) info.ragged.push([this.lines.line(row.start), row.cells.length]);
    });
    if (info.kind === 'other') {
      for (const name of rosterNames(headers, rows)) this.roster.add(name);
      return;
    }
    const run: TableRun = { index, info, scope, groupScope: {}, label: null, at: block.end, noted: false };
    block.rows.forEach((row, r) => {
      if (r > 0 || !plan.namesRow) this.tableRow(run, row, rows[r]!);
    });
    this.tableRun = run;
  }

  /** One body row of a task table: a group row (`| **Sprint 1** | | |`) for the rows below, a task, or nothing (blank, totals). */
  private tableRow(run: TableRun, row: TableBlock['rows'][number], cells: string[]): void {
    if (run.info.lanes) {
      this.laneRow(run, row, run.info.lanes);
      return;
    }
    const cellsRaw = row.cells.map((c) => this.text.slice(c.start, c.end));
    const group = groupLabel(cells, cellsRaw, run.info);
    if (group !== null) {
      run.groupScope = groupRowScope(group);
      run.label = groupName(group);
      return;
    }
    // Past its group column, a table's rows are tasks unless blank or totals.
    const what = rowKind(cells, cellsRaw);
    if (what !== 'task' && !(what === 'group' && run.info.groupColumn !== undefined)) return;
    // A row cut short before every state column (its text broken onto the next line) has no place for its mark.
    if (run.info.states && !reachesStates(row.cells.length, run.info.states)) return;
    // `| ✅ Done | | | |`: a row of a form still to fill in (a standup grid) says a status of no work; so does a
    // tally of tasks by status (`| Done | 9 |`, `| In Progress | ███░ 40% |`): no cell but the status has a word.
    const status = run.info.columns.status;
    const { id, title } = run.info.columns;
    // Not where a header names the title column and the row fills it: there it holds a name, whatever it is (`| Task |
    // Status |` over `| 42 | Todo |`); a count beside a status (`| Status | Count |`, `| | In Progress | 70% |`) names none.
    const named = title !== undefined && headerRole(run.info.headers[title] ?? '') === 'title' && (cells[title] ?? '').trim() !== '';
    const tally = run.info.kind !== 'week' && !named;
    if (status !== undefined && cells.every((c, i) => i === status || (tally && i !== id ? !hasLetter(c) : c.trim() === ''))) return;
    this.rowTask(row, run.index, run.info, { ...run.scope, ...run.groupScope }, run.label);
  }

  /** A row of a board's lanes (`| Write the spec | | Set up the repo |`): each card, a task with its lane's status. */
  private laneRow(run: TableRun, row: TableBlock['rows'][number], lanes: StateColumn[]): void {
    for (const lane of lanes) {
      const span = row.cells[lane.column];
      // A comment, a picture or a space in a lane is no card (`<!-- waiting on Ana -->`).
      const text = span ? cardWords(this.text.slice(span.start, span.end)) : '';
      if (rowKind([text], [text]) !== 'task') continue;
      this.rowTask(row, run.index, cardInfo(run.info, lane.column), { ...run.scope }, run.label);
    }
  }

  /**
   * `| K-3 | Fit the sink | Ana | doing |` after a blank line, or after one short note (`**Note: supplier changed.**`),
   * below a task table with as many columns and no heading between: the table goes on, and so do its columns.
   * Markdown ends a table at a blank line and reads rows without a header as text; a reader sees one table.
   */
  private continueTable(block: LineBlock): boolean {
    const run = this.tableRun;
    if (!run) return false;
    // A board's lanes are seen as columns of the drawn table: lines after it are no cards of it (`| Ana | Lead | … |`).
    if (run.info.lanes) {
      this.tableRun = null;
      return false;
    }
    // Only blank lines since what the run read last (a code block or an HTML comment between ends it).
    if (/\S/u.test(this.text.slice(run.at, block.start))) {
      this.tableRun = null;
      return false;
    }
    const raw = this.text.slice(block.start, block.end);
    const row = /^\|.*\|$/u.test(raw) ? splitRow(this.text, block.start, block.end) : null;
    if (row && row.cells.length === run.info.headers.length && row.cells.length >= 2) {
      run.at = block.end;
      run.noted = false;
      // The table reaches to its last row: no stamp is written inside it (transaction.ts).
      run.info.end = block.end;
      this.tableRow(run, row, row.cells.map(this.display));
      return true;
    }
    // One short line of text may stand between the parts of a table; a second, or a longer one, ends it.
    if (!row && !run.noted && raw.length <= NOTE_MAX) {
      run.at = block.end;
      run.noted = true;
    } else this.tableRun = null;
    return false;
  }

  /** What the `read` settings say of a table with these headers (undefined without settings). */
  private tableSettings(headers: string[]): TableSettings | undefined {
    if (!this.read) return undefined;
    return { roles: headers.map((h) => configuredRole(this.read, h)), ...(this.isId ? { isId: this.isId } : {}) };
  }

  /** A table in a section `read.skip` leaves out: kept in the model (for `check`), holding no tasks. */
  private skippedTable(block: TableBlock): void {
    this.tables.push({ ...this.tablePlace(block, block.header.cells.map(this.display)), kind: 'other', columns: {}, reason: 'skipped' });
  }

  /** Where a table is and what its header says, before it is read. */
  private tablePlace(block: TableBlock, headers: string[]): Omit<TableInfo, 'kind' | 'columns'> {
    return {
      line: this.lines.line(block.start),
      start: block.start,
      end: block.end,
      headers,
      scope: { ...this.outline.scope() },
      section: this.outline.section(),
      firstTask: 0,
      taskCount: 0,
      delimiter: block.delimiter,
      header: { start: block.header.start, end: block.header.end },
      ragged: [],
    };
  }

  private rowTask(row: TableBlock['rows'][number], table: number, info: TableInfo, scope: Scope, groupLabel: string | null): void {
    const line = this.lines.line(row.start);
    const fields = rowFields(row.cells, info, this.display, this.vocab, (s) => this.text.slice(s.start, s.end));
    const rowScope = { ...scope };
    let id: string | null;
    if (info.kind === 'week') {
      const prefix = { week: 'W', sprint: 'S', month: 'M' } as const;
      const first = row.cells[0] ? this.display(row.cells[0]) : '';
      const letter = info.headers[0] ? periodLetter(info.headers[0]) : 'W';
      const period = periodOf(first, letter);
      id = period.id;
      const key = (Object.keys(prefix) as (keyof typeof prefix)[]).find((k) => prefix[k] === letter)!;
      if (period.value) rowScope[key] = period.value;
    } else {
      const idCell = info.columns.id !== undefined ? row.cells[info.columns.id] : undefined;
      const cell = idCell ? this.display(idCell) : '';
      // `| ✅ | Koncept … |`: a mark in the id column says the row is done; an id has a letter or a digit.
      id = fields.numberedId ?? (hasLetterOrDigit(cell) ? cell.trim() : null);
    }
    const { numberedId: _n, ...taskFields } = fields;
    void _n;
    if (namesSeveralIds(taskFields.title)) return;
    const task: Task = {
      id: id ?? '',
      kind: info.kind === 'week' ? 'week' : 'task',
      ...taskFields,
      ...rowScope,
      section: this.outline.section(),
      ...(groupLabel !== null ? { group: groupLabel } : this.outline.group()),
      line,
      idFromFile: id !== null,
      dependsOn: [],
      source: { type: 'row', table, row: { start: row.start, end: row.end }, cells: row.cells, columns: info.columns },
    };
    // A table with no owner column under a heading that names its owner (`### Ana (PM)`, `**Owner:** Ana`) is
    // that person's work, as the list items there are.
    if (task.owner == null && info.columns.owner === undefined) task.owner = this.sectionOwner();
    this.push({ task, anchor: row.start });
    task.title = stripFieldMarks(task.title);
    this.rowDependencies(task, row, info);
  }

  /** A row's dependency cell and marks; a row of a `Phase` (`Sprint`, …) table names that scope. */
  private rowDependencies(task: Task, row: TableBlock['rows'][number], info: TableInfo): void {
    const cell = info.columns.depends !== undefined ? row.cells[info.columns.depends] : undefined;
    this.deps.row(task, cell, this.display, { start: row.start, end: row.end });
    const header = info.columns.id !== undefined ? scopeWord(normaliseHeader(info.headers[info.columns.id] ?? '')) : null;
    if (header && task.idFromFile) this.deps.names(task, [[header, task.id]]);
  }

  // ---- list items --------------------------------------------------------

  private item(block: ItemBlock): void {
    // Any item as shallow as a lane item ends its lane, whatever the item turns out to be.
    if (this.lane && block.depth <= this.lane.depth) this.lane = null;
    const fieldsAt = lazyFieldStart(this.text, block.text, block.ordered);
    if (fieldsAt !== null) {
      this.itemWithFields(block, fieldsAt);
      return;
    }
    this.endRuns(block.depth);
    if (block.quoted) return;
    const holder = block.depth > 0 ? this.runs.get(block.depth - 1)?.at(-1)?.found : null;
    if (holder) this.under.set(holder.task, (this.under.get(holder.task) ?? 0) + 1);
    const reading = readItem(this.text, block.text, { checked: block.checked, span: block.checkbox }, this.vocab, this.repair);
    if (this.fieldValue !== null && block.depth <= this.fieldValue) this.fieldValue = null;
    // `  1. Mobile: one column ✅` under `- **Steps**:` among a task's fields: what the field holds, not a task of its own.
    // `  - R-07 → moved to the new module` there: an id and an arrow say what became of a thing, not work to do.
    if (this.fieldValue !== null && !block.checkbox && (reading.id === null || /^(?:→|⇒|->|=>)/u.test(reading.title))) return;
    const node = this.outline.current();
    const dependsOn = block.checkbox ? null : dependsField(this.text, block.text.start, block.text.end);
    if (dependsOn) {
      this.dependsItem(block, dependsOn, node);
      return;
    }
    if (this.itemOwner(block)) return;
    if (block.depth === 0 && !block.checkbox && node) this.headingNaming(node, block.text.start, block.text.end);
    const ownerLine = block.depth === 0 && !block.checkbox && !!node && this.headingOwner(node, block.text.start, block.text.end);
    // `- **Started:** Completed` among `- **Assignee:** …`, `- **Status:** …`: one field of a list of fields, not a task.
    const fieldList = this.fieldItem !== null && this.fieldItem.depth === block.depth && !/\S/u.test(this.text.slice(this.fieldItem.end, block.start));
    const labelled = fieldList && !block.checkbox && boldLabelled(this.text.slice(block.text.start, block.text.end));
    this.fieldItem = reading.field || labelled ? { depth: block.depth, end: block.end } : null;
    if (reading.field) {
      if (block.depth === 0 && node && !node.field) {
        node.field = this.statusField(block.text.start, block.text.end);
      }
      return;
    }
    if (labelled) return;
    if (fieldList && !block.checkbox && EMPTY_LABEL.test(this.text.slice(block.text.start, block.text.end))) {
      this.fieldItem = { depth: block.depth, end: block.end };
      this.fieldValue = block.depth;
      return;
    }
    if (ownerLine) return;
    if (block.depth === 0 && !block.checkbox && node && this.headingFields(node, block.text.start, block.text.end)) return;
    const inLegend = (node ? LEGEND_HEADING.test(node.name) : false) || (this.leadIn !== null && LEGEND_LEAD_IN.test(this.leadIn.name));
    const run = this.runs.get(block.depth) ?? [];
    this.runs.set(block.depth, run);
    const status = this.itemStatus(block, reading, node);
    if (inLegend || reading.legend || status === null) {
      // `- **Finding:** …` that is no task: the bold-labelled items right after it are fields of the same list,
      // whatever their values say (`- **Review:** _open_` under `### A-01 …` is the heading's review state).
      if (!block.checkbox && boldLabelled(this.text.slice(block.text.start, block.text.end))) this.fieldItem = { depth: block.depth, end: block.end };
      const lane = block.checkbox || inLegend ? null : laneItemStatus(this.text.slice(block.text.start, block.text.end), this.vocab);
      if (lane) this.lane = { depth: block.depth, status: lane };
      run.push({ found: null, start: block.start, legend: inLegend || !!reading.legend, placeholder: this.placeholder(block) });
      return;
    }
    const found = this.itemTask(block, reading, status);
    if (!node && this.labelledStep(block, reading)) this.labelledSteps.push({ found, marked: reading.task });
    run.push({
      found,
      start: block.start,
      legend: false,
      tag: reading.tag,
      lead: reading.lead,
      yesNo: this.yesNo(block, reading),
      placeholder: this.placeholder(block),
    });
  }

  private placeholder(block: ItemBlock): boolean {
    const text = this.text.slice(block.text.start, block.text.end);
    // Each blank PLACEHOLDER knows holds `XXXX` or `YYYY` (`DD` and `MM` only beside a `YYYY`).
    return (text.includes('XXXX') || text.includes('YYYY')) && PLACEHOLDER.test(text);
  }

  /** `- **Depends on**: 1.2`: of the task item it is nested in, else of the heading above. */
  private dependsItem(block: ItemBlock, value: Span, node: OutlineNode | undefined): void {
    const mentions = this.deps.field(value, this.display);
    const parent = block.depth > 0 ? this.runs.get(block.depth - 1)?.at(-1)?.found : null;
    if (parent) this.deps.add(parent.task, mentions);
    else if (node && block.depth === 0) this.deps.heading(node, mentions);
  }

  /** The item's status when it is a task, or null when it is not one. */
  private itemStatus(block: ItemBlock, reading: ItemReading, node: OutlineNode | undefined): Status | null {
    // Under a bold lead-in its words decide; a plain line ending with a colon (`Key features:`) adds to the heading's.
    const facts = () =>
      (this.leadIn
        ? statesFacts(this.leadIn.name, true)
        : (this.colonLine !== null && statesFacts(this.colonLine, true)) || statesFacts(node?.name ?? '', false)) ||
      // A change log's dated entries (`## Changelog` › `**2026-01-03:**`) report done work, however they are headed.
      this.outline.open().some((n) => CHANGE_LOG.test(n.name.trim()));
    // Plain items there are not tasks either, so that writing a status mark into one never unmakes the task.
    if (reading.marked && !reading.id && facts()) return null;
    if (reading.placeholder) return null;
    // `  - Uses Stripe (TODO: switch providers)` under a task: a detail of that task and what is left of it, not a task.
    if (reading.todoNote && block.depth > 0 && this.runs.get(block.depth - 1)?.at(-1)?.found) return null;
    if (reading.task) {
      // `- **REQ-001**: …` under `## Requirements`: a statement about the work, not a piece of it (read/statements.ts).
      if (reading.status === 'none' && !block.checkbox && statesNoWork(reading.id, node?.name)) return null;
      // An id'd item with no status of its own shares a finished heading's state (`Phase 1 ✅` → its parts are done).
      if (reading.status === 'none' && node && (node.status === 'done' || node.status === 'cancelled')) return node.status;
      if (reading.status === 'none' && node) return this.laneState(node) ?? 'none';
      return reading.status;
    }
    if (!node && this.labelledStep(block, reading)) return 'none';
    if (this.lane && block.depth === this.lane.depth + 1 && reading.title) return this.lane.status;
    if (block.depth !== 0 || !node || !reading.title) return null;
    // `- `obs:setVolume` - server/index.js:3594`: a name in code and what it is describes the code, not work.
    if (CODE_NAME_ITEM.test(this.text.slice(block.text.start, block.text.end))) return null;
    const listed = this.leadIn ? (this.leadIn.listStatus ?? (this.leadIn.name ? null : node.listStatus)) : node.listStatus;
    if (listed) return listed;
    const inherited = this.sectionState(node);
    if (inherited) return inherited;
    if (block.ordered && node.scoped && (node.status !== 'none' || reading.bold)) return node.status;
    if (node.scoped && !reading.id && this.namedWork(block)) return node.status;
    if (block.ordered && node.scoped) return this.continuedStatus(block);
    return null;
  }

  /**
   * `- **S1** Create the project` under `## Backlog`, or under `### Setup` inside it: a card of that lane, in its state.
   * Not under the file's title (`# Backlog`): it names the document, and the items may take their state elsewhere; nor
   * under a heading naming what done means (`## Done when`): its items are the criteria.
   */
  private laneState(node: OutlineNode): Status | null {
    const lane = (n: OutlineNode) => n.depth > 1 && !statesFacts(n.name, false);
    if (node.listStatus) return lane(node) ? node.listStatus : null;
    // `### Phase 3 🔄 In progress` or `### Sprint 4 — Active` inside `## Done`: the nearer heading says how its work stands.
    if (node.status !== 'none' || node.taskLike || node.task) return null;
    const state = this.outline.inheritedListStatus();
    return state && this.outline.open().some((n) => n !== node && lane(n) && n.listStatus === state) ? state : null;
  }

  /** `Sign-up form:` over `1. Create the schema` under no heading: a step of the numbered list its label names (see labelledSteps). */
  private labelledStep(block: ItemBlock, reading: ItemReading): boolean {
    return block.depth === 0 && block.ordered && !!reading.title && this.leadIn !== null && !this.labelOnly;
  }

  /**
   * `- Trip manager, CRUD services` under `### Milestone 1` (no state of its own) under `## ✅ Done`: a milestone's work
   * in a section of that state. A file's title (`# Sprint Backlog`) names the document, not a state of this work.
   */
  private sectionState(node: OutlineNode): Status | null {
    const state = node.scoped && node.status === 'none' && !this.leadIn ? this.outline.inheritedListStatus() : null;
    return state && this.outline.open().some((n) => n !== node && n.depth > 1 && n.listStatus === state) ? state : null;
  }

  /** `- **Referral waitlist** — Supabase backend` under `### Sprint 5`: the named pieces of work a sprint, phase or milestone holds (not under `**Goals:**`). */
  private namedWork(block: ItemBlock): boolean {
    return !this.leadIn && this.colonLine === null && BOLD_NAME_ITEM.test(this.text.slice(block.text.start, block.text.end));
  }

  /**
   * `15.` under `### Phase 5` right after task `14.` of `### Phase 4 ✓`: numbering that runs on across
   * scope headings makes one list of steps, and a step whose heading is not ticked like the ones before is still to do.
   */
  private continuedStatus(block: ItemBlock): Status | null {
    const last = this.ordinals.at(-1);
    const n = this.listNumber(block);
    if (!last || last.found.dropped || n === null || Number(n) !== Number(last.n) + 1) return null;
    return last.found.task.status === 'none' ? 'none' : 'pending';
  }

  private listNumber(block: ItemBlock): string | null {
    return /^\s*(\d{1,9})[.)]/.exec(this.text.slice(block.start, block.start + 12))?.[1] ?? null;
  }

  private itemTask(block: ItemBlock, reading: ItemReading, status: Status): Found {
    const line = this.lines.line(block.start);
    const checkbox = block.checkbox ?? reading.box;
    const task: Task = {
      id: reading.id ?? '',
      kind: 'task',
      title: showEscapes(reading.title),
      status,
      statusText: showEscapes(reading.statusText),
      owner: reading.owner ?? this.sectionOwner(),
      notes: reading.notes ? showEscapes(reading.notes) : null,
      priority: null,
      ...this.outline.scope(),
      section: this.outline.section(),
      ...this.itemGroup(),
      line,
      fields: {},
      idFromFile: reading.id !== null,
      dependsOn: [],
      source: {
        type: 'item',
        item: { start: block.start, end: block.end },
        checkbox,
        checked: block.checkbox ? block.checked : reading.box ? status === 'done' : null,
        text: reading.box ? { start: reading.box.end + 1, end: block.text.end } : block.text,
        statusMark: reading.statusMark,
        statusTail: reading.statusTail,
        ...(reading.tailSays ? { tailSays: true as const } : {}),
      },
    };
    const found = { task, anchor: block.start };
    this.push(found);
    task.title = stripFieldMarks(task.title);
    this.deps.inline(task, block.text);
    if (reading.scopeId) this.deps.names(task, Object.entries(scopesInHeading(this.display(block.text).slice(0, 60))).slice(0, 1) as [ScopeKind, string][]);
    if (block.ordered && reading.id === null && block.depth === 0) {
      const n = this.listNumber(block);
      if (n) this.ordinals.push({ found, n, written: false });
    } else if (reading.ordinal !== null) this.ordinals.push({ found, n: reading.ordinal, written: true });
    if (reading.issue) this.issues.push({ found, n: reading.issue });
    return found;
  }

  /**
   * `**Owner:** Ana` at the top of a section: who the items below it in that section are for, when they name
   * no one themselves (the innermost heading that names an owner, up to a heading that is a task).
   */
  private sectionOwner(): string | null {
    const open = this.outline.open();
    for (let i = open.length - 1; i >= 0; i--) {
      const node = open[i]!;
      // A heading task's owner is that task's: the items under it are its parts, not owned with it.
      if (node.taskLike || node.task) return null;
      if (node.owner) return node.owner;
    }
    return null;
  }

  /** A list's lead-in groups its items, unless a sprint/week/phase heading (or a heading task) holds them. */
  private itemGroup(): GroupOf {
    const scoped = this.outline.open().some((n) => n.scoped) || this.outline.current()?.taskLike;
    return this.leadIn && !scoped && !this.labelOnly ? { group: this.leadIn.name } : this.outline.group();
  }

  /**
   * A top-level bullet with neither box nor id under a lead-in ending with a colon, marked only with a tick
   * or a cross (`- ✅ Daily backups`, `- Gift cards ❌`): which of the two, else null.
   */
  private yesNo(block: ItemBlock, reading: ItemReading): 'yes' | 'no' | null {
    if (block.depth !== 0 || !reading.marked || reading.id !== null || this.colonLine === null) return null;
    const span = reading.statusMark ?? reading.statusTail;
    const mark = span ? this.text.slice(span.start, span.end).trim() : '';
    return yesOrNo(mark);
  }

  /**
   * Ends the item runs deeper than `depth` (all runs for -1): a run mostly of legend entries is a legend; a run
   * under a lead-in that ticks some bullets and crosses others (`Our hosting plan comes with:` ✅ backups, ❌ email)
   * says what holds and what does not, as facts or criteria do: not tasks.
   */
  private endRuns(depth: number): void {
    for (const [d, run] of this.runs) {
      if (d <= depth) continue;
      this.runs.delete(d);
      // A list with blanks to fill in is a template (a report to copy each milestone): nothing in it is a task yet.
      if (run.some((e) => e.placeholder)) {
        for (const f of this.found) if (!f.dropped && f.anchor >= run[0]!.start) this.drop(f);
        continue;
      }
      const legends = run.filter((e) => e.legend).length;
      const marks = new Set(run.map((e) => e.yesNo ?? null));
      if ((legends >= 2 && legends * 2 >= run.length) || (marks.size === 2 && marks.has('yes') && marks.has('no'))) {
        for (const e of run) if (e.found) this.drop(e.found);
      } else {
        tagIds(run);
        leadOwners(run);
      }
    }
  }

  // ---- bookkeeping -------------------------------------------------------

  private push(found: Found): void {
    this.found.push(found);
    const item = found.task.source.type !== 'row';
    for (const n of this.outline.open()) {
      n.holds++;
      if (item) n.holdsItems++;
    }
  }

  drop(found: Found): void {
    found.dropped = true;
    for (const n of this.outline.open()) {
      if (n.line > found.task.line) continue;
      n.holds = Math.max(0, n.holds - 1);
      if (found.task.source.type !== 'row') n.holdsItems = Math.max(0, n.holdsItems - 1);
    }
  }
}

/**
 * `- [x] [M0] Workspace tooling`, `- [ ] [M1] …`: where every task of a list has a bracketed tag of its
 * own, shaped like an id, the tags are the tasks' ids; a tag several items share is a category.
 */
function tagIds(run: RunEntry[]): void {
  const tasks = run.filter((e) => e.found && !e.found.dropped && !e.found.task.idFromFile);
  const tags = tasks.map((e) => e.tag ?? '');
  if (tasks.length < 2 || tags.some((t) => !isIdShaped(t)) || new Set(tags).size !== tags.length) return;
  tasks.forEach((e, i) => {
    e.found!.task.id = tags[i]!;
    e.found!.task.idFromFile = true;
  });
}

/**
 * `- [x] (ANA) Build the form`, `- [ ] (BO) Wire it`, `- [ ] (ANA) Test it`: where every task of a list opens
 * with a name in brackets and the same few names take turns (each on two items or more, some two in a row
 * differing), the names say who does each: the task's owner, not part of its title.
 */
function leadOwners(run: RunEntry[]): void {
  const tasks = run.filter((e) => e.found && !e.found.dropped);
  const names = tasks.map((e) => e.lead?.name ?? '');
  if (tasks.length < 4 || names.some((name) => !name)) return;
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const turns = names.filter((name, i) => i > 0 && name !== names[i - 1]).length;
  if (counts.size < 2 || [...counts.values()].some((c) => c < 2) || turns * 2 < tasks.length - 1) return;
  for (const e of tasks) {
    const task = e.found!.task;
    if (task.owner) continue;
    task.owner = e.lead!.name;
    task.title = e.lead!.title;
  }
}

/**
 * `### T2: Set up the app`, `### US3: Export`: a short code closed by a colon names the task the heading is, as
 * `### BUG-12:` does; with a dash or a space (`### S0 — Foundation`, `### P1.1 Scope`) such codes number sections.
 */
function colonCode(name: string): { id: string; rest: string; scope: boolean } | null {
  const m = /^([A-Z]{1,4}\d{1,4}(?:\.\d{1,3})*)[:：]\s+(?=\S)/u.exec(name);
  return m ? { id: m[1]!, rest: name.slice(m[0].length), scope: false } : null;
}

/** How many cells of a row task, beyond its id, title and status, hold something (an owner, notes, a date). */
function filledCells(t: Task, text: string): number {
  const s = t.source;
  if (s.type !== 'row') return 0;
  const own = new Set([s.columns.id, s.columns.title, s.columns.status]);
  // A dash or a placeholder (`| FEAT-1 | Setup | - | Done |`) is nothing written beside the task.
  return s.cells.filter((c, i) => !own.has(i) && filled(text.slice(c.start, c.end))).length;
}

function periodLetter(header: string): 'W' | 'S' | 'M' {
  const h = header.toLowerCase();
  return /sprint|iteration/.test(h) ? 'S' : /month|mes|monat/.test(h) ? 'M' : 'W';
}

/** `3/3 plans complete` → done, `2/5` → in progress, `0/4` → pending. */
function readProgress(value: string): Status | null {
  const m = /^(\d+)\s*\/\s*(\d+)\b/.exec(value.trim());
  if (!m) return null;
  const [done, total] = [Number(m[1]), Number(m[2])];
  if (total === 0) return null;
  return done >= total ? 'done' : done === 0 ? 'pending' : 'in-progress';
}

/** The box or the status phrase a heading writes after its id (`T001 [P] [x] …` → `[x]`), else null. */
function statedWords(text: string, vocab: Vocabulary, depth: number): string | null {
  const stated = idThenState(text, vocab, depth);
  return stated ? text.slice(stated.start, stated.end) : null;
}

/** The status part of a heading's text (`🔄 IN PROGRESS`), for `statusText`. */
function statusWords(text: string): string {
  const here = HERE_MARK.exec(text);
  if (here) return here[0].trim();
  const bracket = /[([]([^()[\]]+)[)\]]\s*(?:[:：]\s*)?$/u.exec(text);
  return (markToEnd(text) ?? bracket?.[1] ?? '').trim();
}

/**
 * From the first status mark of the last line to the end (what /[…]\uFE0F?.*$/u finds), without
 * trying the rest of the text from every mark.
 */
function markToEnd(text: string): string | undefined {
  const line = text.slice(Math.max(...['\n', '\r', '\u2028', '\u2029'].map((b) => text.lastIndexOf(b))) + 1);
  const mark = /[\p{Extended_Pictographic}✓✗✘]/u.exec(line);
  return mark ? line.slice(mark.index) : undefined;
}

/** A status mark anywhere in a line, where a status phrase may start. */
const LINE_MARK = /[\p{Extended_Pictographic}✓✗✘]\uFE0F?/gu;

/**
 * Where a heading's status is written in the file: its mark with the status
 * words after it (`✅`, `🔄 IN PROGRESS`, `✓ (complete)`), or its bracketed words.
 */
function statusSpan(text: string, content: Span, vocab: Vocabulary, depth: number): Span | null {
  const raw = text.slice(content.start, content.end);
  const box = boxSpan(raw, vocab) ?? idThenState(raw, vocab, depth);
  if (box) return { start: content.start + box.start, end: content.start + box.end };
  if (leadBracketStatus(raw, vocab)) {
    const start = content.start + raw.indexOf('[') + 1;
    return { start, end: raw.indexOf(']', start - content.start) + content.start };
  }
  const here = HERE_MARK.exec(raw);
  if (here) return { start: content.start + here.index + (here[0].length - here[0].trimStart().length), end: content.start + raw.trimEnd().length };
  // Bracketed words closing the heading say its status before any mark does (`🚧 v0.6 - Charts (Planned)`), as headingStatus
  // reads them: the status phrase among them (`(Complete — 2026-03-09)`), never a link's target (`[notes](done)`).
  const bracket = /[([]([^()[\]]+)[)\]]\s*(?:[:：]\s*)?$/u.exec(raw);
  const said = bracket && raw[bracket.index - 1] !== ']' ? vocab.read(bracket[1]!) : null;
  if (bracket && said && said.status !== 'none') {
    const start = content.start + bracket.index + 1;
    return { start: start + said.start, end: start + said.end };
  }
  for (const m of allMatches(LINE_MARK, raw)) {
    const rest = raw.slice(m.index!);
    const reading = vocab.read(rest);
    if (reading.status === 'none') continue;
    let end = m.index! + m[0].length;
    if (reading.word) {
      const w = raw.indexOf(reading.word, end);
      if (w >= 0) end = w + reading.word.length;
    } else {
      const paren = /^\s*\(([^()]*)\)\s*$/u.exec(raw.slice(end));
      if (paren && vocab.read(paren[1]!).status !== 'none') end = raw.length;
    }
    const start = content.start + m.index!;
    return { start, end: content.start + end };
  }
  return null;
}

/**
 * `| ID | Task |` over `| 1.1 | Fit the API | done |`: a cell past the header's last column, on rows that
 * have one, that is only a status word is a status column the header did not name (added as `''`).
 */
function withStatusCell(headers: string[], rows: string[][], vocab: Vocabulary): string[] {
  const past = rows.filter((r) => r.length > headers.length && r.slice(headers.length).some((c) => c.trim() !== ''));
  if (past.length < 2 || past.some((r) => r.length !== headers.length + 1)) return headers;
  const whole = (c: string) => {
    const r = vocab.read(c);
    return r.status !== 'none' && r.start === 0 && r.end >= c.trim().length;
  };
  if (headers.some((h) => vocab.read(h).status !== 'none' && h.length < 16)) return headers;
  return past.every((r) => whole(r[headers.length]!.trim())) ? [...headers, ''] : headers;
}
