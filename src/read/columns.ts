// A table's schema, inferred from its header *and* its cells: which column
// holds the id, the title, the status, the owner… Header words (in several
// languages) say what a column is meant to hold; the cells say what it holds
// (`Task` over `T01`, `T02` is an id column; a column of `✅` is a status
// column whatever its header). Nothing here depends on one particular file.

import { type StateColumn, stateColumns } from './mark-columns.js';
import { laneColumns } from './lane-columns.js';
import type { ColumnRole } from '../model/types.js';
import { DEPENDS_KEYS } from './depends.js';
import { STATE_KEYS } from './items.js';
import { isIdShaped, splitNumberedName, stripLeadingMarks } from './names.js';
import type { Vocabulary } from '../model/status.js';
import type { ReadRole } from './read-config.js';
import { remembered } from '../text/memo.js';
import { hasLetter } from '../text/char-tests.js';

/** What the `read` settings say of one table: each column's role where they name its header, and the file's id pattern. */
export interface TableSettings {
  roles: (ReadRole | undefined)[];
  isId?: (cell: string) => boolean;
}

const ROLE_NAMES: Record<ColumnRole, string[]> = {
  id: [
    '#',
    'id',
    'no',
    'no.',
    'nr',
    'nr.',
    'num',
    'number',
    'key',
    'ref',
    'slug',
    'task id',
    'ticket',
    'issue',
    '№',
    '番号',
    '编号',
    'código',
    'codigo',
    'code',
    '이슈',
    '번호',
  ],
  title: [
    'task',
    'tasks',
    'title',
    'item',
    'feature',
    'deliverable',
    'name',
    'task name',
    'story',
    'work item',
    'goal',
    'milestone',
    'module',
    'component',
    'activity',
    'objective',
    'focus',
    'project',
    'responsibility',
    'capability',
    'suggestion',
    'endpoint',
    'entregable',
    'tarea',
    'título',
    'titulo',
    'titel',
    'nombre',
    'tâche',
    'aufgabe',
    'tarefa',
    'intitulé',
    'libellé',
    'bezeichnung',
    '内容',
    'タスク内容',
    'nome',
    'entregável',
    'задача',
    'назва',
    'タスク',
    'タスク名',
    '任务',
    '项目',
    'タイトル',
    '标题',
    'المهمة',
    'المهام',
    'úkol',
    // Korean, Japanese, Chinese (traditional), Vietnamese and Turkish words for the task or its title.
    '할 일',
    '작업',
    '과제',
    '제목',
    '件名',
    '作業',
    '任務',
    '事项',
    '事項',
    'công việc',
    'nhiệm vụ',
    'tiêu đề',
    'chức năng',
    'tính năng',
    'görev',
    'başlık',
  ],
  // A status column is named like a status field, or so.
  status: [...STATE_KEYS, 'situação', 'situacion', 'situación', 'disposition', 'done?'],
  owner: [
    'owner',
    'owners',
    'assignee',
    'assignees',
    'agent',
    'who',
    'assigned',
    'assigned to',
    'team',
    'crew',
    'responsible',
    'dri',
    'lead',
    'responsable',
    'responsables',
    'responsável',
    'responsabile',
    'agente',
    'agentes',
    'agents',
    'asignado',
    'asignado a',
    'encargado',
    'atribuído',
    'atribuído a',
    'assegnato a',
    'verantwortlich',
    'wer',
    'właściciel',
    'odpowiedzialny',
    'wykonawca',
    'przypisany',
    'przypisana',
    'przypisane',
    'przypisano',
    'người',
    'người phụ trách',
    'người thực hiện',
    'phụ trách',
    'sorumlu',
    'atanan',
    'eigenaar',
    'verantwoordelijke',
    'penanggung jawab',
    'toegewezen aan',
    'toegewezen',
    // The person in charge: so headed in Indonesia, Malaysia, the Philippines, Vietnam and Japan.
    'pic',
    'person in charge',
    // The person to ask about the work (`Primary Contact`, `Point of contact`): the one who answers for it. Not a
    // `Contact` alone, nor a header ending in it (`Customer contact`, a field `Emergency contact:`): a way to reach someone.
    'primary contact',
    'point of contact',
    'poc',
    // Czech and Slovak: owner, who answers for it, who does it.
    'vlastník',
    'zodpovídá',
    'zodpovědná osoba',
    'zodpovedný',
    'řešitel',
    'kdo',
    'ответственный',
    'исполнитель',
    'відповідальний',
    '担当',
    '担当者',
    '负责人',
    'developer',
    'développeur',
    'affectation',
    'assigné',
    'assigné à',
    'zuständig',
    'bearbeiter',
    '담당',
    '담당자',
    '負責人',
    '担当者名',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'details',
    'remarks',
    'description',
    'notas',
    'nota',
    'remarques',
    'descripción',
    'descrição',
    'beschreibung',
    'beskrivning',
    'beskrivelse',
    'beschrijving',
    '備考',
    '备注',
    '说明',
    // Vietnamese and Czech: description, notes.
    'mô tả',
    'ghi chú',
    'popis',
    'poznámka',
    'rationale',
    'why',
    'evidence',
    'resolution',
    'facts',
  ],
  priority: [
    'priority',
    'prio',
    'pri',
    'prioridad',
    'prioridade',
    'priorité',
    'priorität',
    'prioritet',
    'priorytet',
    '優先度',
    '优先级',
    'الأولوية',
    '우선순위',
    '優先順位',
    '優先級',
    'ưu tiên',
    'độ ưu tiên',
    'öncelik',
    'severity',
  ],
  depends: [...DEPENDS_KEYS, 'prereq module', 'after'],
};

const LOOKUP = new Map<string, ColumnRole>();
for (const [role, names] of Object.entries(ROLE_NAMES) as [ColumnRole, string[]][]) {
  for (const n of names) LOOKUP.set(n, role);
}

/** First-column headers whose rows are periods of time (weeks, sprints, months) rather than tasks. */
const PERIOD_HEADERS: Record<string, 'W' | 'S' | 'M'> = {
  week: 'W',
  weeks: 'W',
  semana: 'W',
  woche: 'W',
  sprint: 'S',
  iteration: 'S',
  month: 'M',
  mes: 'M',
  monat: 'M',
};

/** Title headers that name work to do (not a thing, a goal or a module): `Task`, `Work item`, `Action item`. */
const WORK_HEADERS = new Set([
  'task',
  'tasks',
  'task name',
  'work item',
  'action',
  'action item',
  'to do',
  'todo',
  'tarea',
  'tâche',
  'aufgabe',
  'tarefa',
  'задача',
  'タスク',
  '任务',
]);

/** First-column headers that number units of work (`Phase | Name | Status`): an id column. */
const UNIT_HEADERS = new Set(['phase', 'fase', 'stage', 'etapa', 'milestone', 'step', 'paso']);

export const normaliseHeader = remembered((text: string): string =>
  stripLeadingMarks(text)
    .toLowerCase()
    .replace(/\((?:s|es)\)/gu, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .replace(/[*_`:]/g, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** A head noun and a participle after it, as Spanish, Portuguese and Italian qualify a noun (`Responsable sugerido`). */
const ROMANCE_PARTICIPLE = /^(\S+) \p{L}{2,}(?:ado|ada|ados|adas|ido|ida|idos|idas|ato|ata)$/u;

/** Words that join a head noun to what follows it in Romance languages (`ID de la Tarea`, `Nome do projeto`). */
const ROMANCE_LINK = /^\S+ (?:de|del|della|dello|dei|degli|des|du|da|do|das|dos|di)(?: |$)/u;

/**
 * The role a header names: the whole header; else, where a Romance link follows the first word
 * (`ID de la Tarea`) or a participle (`Responsable sugerido`), that first word, the head of the phrase; else its last word (`タスクID`,
 * `Task ID`, `Prereq Module`). `Owner(s) or team(s)` names what its first alternative names.
 */
const roleOfHeader = remembered(roleOfName);

function roleOfName(name: string): ColumnRole | undefined {
  const whole = LOOKUP.get(name);
  if (whole) return whole;
  const alternative = /^(.+?) (?:or|and|\/) /u.exec(name);
  if (alternative) return roleOfHeader(alternative[1]!);
  if (ROMANCE_LINK.test(name)) return LOOKUP.get(name.split(' ')[0]!);
  // `Responsable sugerido`, `Estado revisado`: a Romance head noun, then the participle that qualifies it.
  const qualified = ROMANCE_PARTICIPLE.exec(name);
  if (qualified) return LOOKUP.get(qualified[1]!);
  if (/(?:^|[\s\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}])id$/u.test(name)) return 'id';
  const last = name.split(' ').pop()!;
  const byLast = last === 'contact' ? undefined : LOOKUP.get(last);
  return byLast === 'title' || byLast === 'status' || byLast === 'notes' || byLast === 'owner' ? byLast : undefined;
}

/** The role a header or a field's name gives its values (`Assignee` → owner). */
export const headerRole = remembered((text: string): ColumnRole | undefined => roleOfHeader(normaliseHeader(text)));

export interface ColumnPlan {
  columns: Partial<Record<ColumnRole, number>>;
  kind: 'task' | 'week' | 'other';
  /** For week tables: the id prefix (`W` for weeks, `S` sprints, `M` months). */
  periodPrefix: 'W' | 'S' | 'M' | null;
  /** The id column's cells also name the task (`1. Základ`): split them. */
  numberedNames: boolean;
  /** Why a table with a status column is not a task table, for `check`. */
  reason?: 'legend' | 'checks' | 'log';
  /** There is no id column, and the title cells start with the ids (`4c-A. Paint the hall`). */
  codedTitles?: boolean;
  /** Rows that fill this column name a group (`| Sprint 1 | | Groundwork |`) for the rows below, which leave it empty. */
  groupColumn?: number;
  /** Columns whose role the cells decided against the header (`Task` holding `T01`s read as ids), for `check`. */
  inferred?: string[];
  /** No header word named a role: the cells decided every column. */
  guessed?: boolean;
  /** The id pattern of the settings decided the id column. */
  idsByPattern?: boolean;
  /** Columns headed by statuses whose marks give each row's status (`| Task | Todo | Done |`); no status column then. */
  states?: StateColumn[];
  /** Every column a lane of a board (`| To do | Doing | Done |`), each filled cell a card in its lane's state; no other role then. */
  lanes?: StateColumn[];
  /** The header is a spreadsheet's column letters (`| A | B | C |`): the first body row names the columns, and is no task. */
  namesRow?: true;
}

/** What the cells of one column look like. */
interface ColumnStats {
  filled: number;
  statuses: number;
  ids: number;
  unique: number;
  numbered: number;
  words: number;
  dates: number;
  code: number;
  handles: number;
  checks: number;
  marks: number;
  numbers: number;
  letters: number;
  /** Cells written wholly as inline code (`` `open` ``, `` `pending` (own) ``): values of a system, not prose. */
  literals: number;
  /** Cells that can only be a day of the calendar (`15/12`, `02/12`, `07/03/2026`), never a fraction done. */
  days: number;
  /** Cells that show a picture (`![login](img/login.png)`): a column of them names no one. */
  pictures: number;
  /** Cells that name a release (`v0.1.x`, `1.2.0`, `v2`): ids, in a first column. */
  versions: number;
}

const EMPTY = /^(?:|-|—|–|\.{3}|…|n\/a|tbd|\?)$/i;

/** Whether a cell holds something (not blank, a dash or a placeholder). */
export function filled(cell: string | undefined): boolean {
  return !EMPTY.test((cell ?? '').trim());
}
const DATE_LIKE =
  /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|\d+\s*(?:min|h|d|w|days?|hours?|weeks?|週間|日|時間|semanas?|أيام|أسبوع)|[月火水木金土日])$/iu;
/** Words that report a check or a running service, not the progress of work. */
const CHECK_WORDS =
  /^(?:ok|okay|active|inactive|pass|passed|passing|fail|failed|failing|success|successful|working|online|offline|healthy|up|down|bug|error|yes|no|not tested|not checked|checking|tested|untested|live|running|compatible|excellent|good|не перевірено|не тестовано|перевірено|ممتاز|جيد|~?\d+(?:[.,]\d+)?\s*%|\d+\s*\/\s*\d+)(?![\p{L}])/iu;
const NUMERIC = /^[~≈<>]?\s*\d[\d,.\s]*(?:%|[kKmM]|\/\s*\d+)?$/;

const LITERAL = /^`[^`]+`(?:\s*\([^()]*\))?$/u;

// What one filled cell adds to its column's statistics, one bit each (filled and unique are the column's).
const LITERALS = 1;
const STATUSES = 2;
const CHECKS = 4;
const MARKS = 8;
const IDS = 16;
const NUMBERED = 32;
const WORDS = 64;
const NUMBERS = 128;
const LETTERS = 256;
const DATES = 512;
const HANDLES = 1024;
const CODE = 2048;
const DAYS = 4096;
const PICTURES = 8192;
const VERSIONS = 16384;
/** A cell that only shows pictures (`![login](img/login.png)`, `<img src=…>`); a badge before names (`![Team][] [types]`) names them. */
const ONLY_PICTURES = /^(?:(?:!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])|<img\b[^>]*>)\s*)+$/i;

/**
 * A day of the calendar, not a fraction done: with a year (`07/03/2026`), a leading zero (`02/12`), or a
 * first number past the second (`15/12`): a count of what is done (`3/5`) is never written so.
 */
function isCalendarDay(c: string): boolean {
  const m = /^(\d{1,2})([/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(c);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[3])];
  if (a === 0 || b === 0 || a > 31 || b > 31 || (a > 12 && b > 12)) return false;
  // With dots and no year, only a leading zero (`02.12`) sets a day apart from a decimal (`9.8`).
  return m[4] !== undefined || m[1]!.startsWith('0') || (m[2] === '/' && a > b);
}

/** The bits a cell (display text, trimmed; raw Markdown) adds to its column's statistics; -1 for an empty cell. */
function cellTraits(c: string, raw: string, vocab: Vocabulary, isId: (cell: string) => boolean): number {
  if (EMPTY.test(c)) return -1;
  let t = 0;
  if (LITERAL.test(raw.trim())) t |= LITERALS;
  if (vocab.read(c).status !== 'none') t |= STATUSES;
  const word = stripLeadingMarks(c).replace(/^[*_`~]+/u, '');
  if (CHECK_WORDS.test(word)) t |= CHECKS;
  if (/^(?:[\p{Extended_Pictographic}\u2600-\u27BF\u2B00-\u2BFF]\uFE0F?\s*)+$|^:[a-z0-9_+-]+:$/u.test(c)) t |= MARKS;
  const idShaped = isId(c);
  if (idShaped) t |= IDS;
  if (splitNumberedName(c)) t |= NUMBERED;
  if (/\s/.test(c) && !idShaped) t |= WORDS;
  if (NUMERIC.test(c)) t |= NUMBERS;
  if (hasLetter(c)) t |= LETTERS;
  if (DATE_LIKE.test(c)) t |= DATES;
  if (/^@[\w.-]+$/.test(c)) t |= HANDLES;
  if (/^(?:[`/.][^\s]*|\S+\.(?:ts|js|py|md|cs|jsx|tsx|json|yaml|yml|sh|go|rs))$/.test(c)) t |= CODE;
  if (isCalendarDay(c)) t |= DAYS;
  if (ONLY_PICTURES.test(raw.trim())) t |= PICTURES;
  if (/^v\d+(?:\.(?:\d+|x))*$|^\d+\.\d+(?:\.(?:\d+|x))+$/i.test(c)) t |= VERSIONS;
  return t;
}

/** What cellTraits says of a cell (trimmed display text, raw Markdown). */
type Traits = (c: string, raw: string) => number;

/** The traits of cells already seen, per vocabulary and id test: both are immutable, so a cell's traits never change. */
const knownTraits = new WeakMap<Vocabulary, WeakMap<(cell: string) => boolean, (key: string) => number>>();

/**
 * cellTraits, each distinct cell worked out once: a table repeats its cells (a status column of `✅ Done`),
 * planColumns may plan the same rows more than once, the legend finder plans the small tables first, and
 * a file read again after a write holds the same cells.
 */
function traitsOf(vocab: Vocabulary, isId: (cell: string) => boolean): Traits {
  let byId = knownTraits.get(vocab);
  if (!byId) knownTraits.set(vocab, (byId = new WeakMap()));
  let known = byId.get(isId);
  if (!known) {
    // The key is the display text's length, a colon, the display text and the raw Markdown.
    known = remembered((key) => {
      const colon = key.indexOf(':');
      const end = colon + 1 + Number(key.slice(0, colon));
      return cellTraits(key.slice(colon + 1, end), key.slice(end), vocab, isId);
    });
    byId.set(isId, known);
  }
  const traits = known;
  return (c, raw) => traits(`${c.length}:${c}${raw}`);
}

function statsOf(cells: string[], raw: string[], traits: Traits): ColumnStats {
  const s: ColumnStats = {
    filled: 0,
    statuses: 0,
    ids: 0,
    unique: 0,
    numbered: 0,
    words: 0,
    dates: 0,
    code: 0,
    handles: 0,
    checks: 0,
    marks: 0,
    numbers: 0,
    letters: 0,
    literals: 0,
    days: 0,
    pictures: 0,
    versions: 0,
  };
  const seen = new Set<string>();
  cells.forEach((cell, i) => {
    const c = cell.trim();
    const t = traits(c, raw[i] ?? '');
    if (t === -1) return;
    s.filled++;
    if (t & LITERALS) s.literals++;
    if (t & STATUSES) s.statuses++;
    if (t & CHECKS) s.checks++;
    if (t & MARKS) s.marks++;
    if (t & IDS) s.ids++;
    if (t & NUMBERED) s.numbered++;
    if (!seen.has(c)) {
      seen.add(c);
      s.unique++;
    }
    if (t & WORDS) s.words++;
    if (t & NUMBERS) s.numbers++;
    if (t & LETTERS) s.letters++;
    if (t & DATES) s.dates++;
    if (t & HANDLES) s.handles++;
    if (t & CODE) s.code++;
    if (t & DAYS) s.days++;
    if (t & PICTURES) s.pictures++;
    if (t & VERSIONS) s.versions++;
  });
  return s;
}

/** One cell rewritten: its column, its row among the table's body rows, and its display and raw text before and after. */
export interface CellChange {
  col: number;
  row: number;
  before: { cell: string; raw: string };
  after: { cell: string; raw: string };
}

/**
 * Whether planColumns (without `read` settings) reads a table as it did after
 * these cells changed: each new cell adds to its column's statistics what the
 * old one did, and its column keeps as many distinct values. `column(i)` gives
 * column i's display cells before the changes. False when unsure (group rows).
 */
export function readsAlike(changes: CellChange[], column: (i: number) => string[], vocab: Vocabulary): boolean {
  const [first, second] = [column(0), column(1)];
  if (groupRows(first.map((c, r) => [c, second[r] ?? '']))) return false;
  const cols = new Map<number, string[]>();
  for (const { col, row, before, after } of changes) {
    const a = before.cell.trim();
    const b = after.cell.trim();
    const t = cellTraits(a, before.raw, vocab, isIdShaped);
    if (t !== cellTraits(b, after.raw, vocab, isIdShaped)) return false;
    if (t === -1 || a === b) continue;
    let cells = cols.get(col);
    if (!cells) cols.set(col, (cells = column(col).map((c) => c.trim())));
    if (cells[row] !== a) return false;
    // One `a` fewer, one `b` more: as many distinct values when both or neither change the count.
    const count = (v: string) => cells.reduce((n, c) => (c === v ? n + 1 : n), 0);
    if ((count(a) === 1) !== (count(b) === 0)) return false;
    cells[row] = b;
  }
  return true;
}

const ratio = (n: number, s: ColumnStats) => (s.filled === 0 ? 0 : n / s.filled);

/**
 * The columns of a table: header names first, then what the cells hold.
 * `rows` are the display texts of the body rows, `raw` their Markdown.
 */
export function planColumns(headers: string[], rows: string[][], raw: string[][], vocab: Vocabulary, settings?: TableSettings): ColumnPlan {
  if (rows.length > 1 && !settings?.roles.some(Boolean) && spreadsheetLetters(headers) && namesRow(rows[0]!, vocab)) {
    return { ...planColumns(rows[0]!, rows.slice(1), raw.slice(1), vocab, settings), namesRow: true };
  }
  const lanes = settings?.roles.some(Boolean) ? null : laneColumns(headers, rows, raw, vocab);
  if (lanes) return { columns: {}, kind: 'task', periodPrefix: null, numberedNames: false, lanes };
  const traits = traitsOf(vocab, settings?.isId ?? isIdShaped);
  const marked = markedPlan(headers, rows, raw, vocab, traits, settings);
  if (marked) return marked;
  const groups = settings?.roles[0] ? null : groupRows(rows);
  if (groups) {
    // The schema is what the other rows hold; the first column only names their groups.
    const keep = (_: unknown, r: number) => !groups.has(r);
    const plan = planTable(['', ...headers.slice(1)], rows.filter(keep), raw.filter(keep), traits, settings);
    if (plan.kind === 'task') return { ...plan, groupColumn: 0 };
  }
  if (!settings?.roles[0] && carriedColumn(rows)) {
    // A merged cell written out once (`| Backend | Fit the API |` over `| | Write the tests |`) names what the
    // rows below it share, not any one task: its column takes no role, and the title is read from the others.
    const roles = headers.map((_, i) => settings?.roles[i] ?? (i === 0 ? 'ignore' : undefined));
    const plan = planTable(headers, rows, raw, traits, { ...settings, roles });
    if (plan.kind === 'task' && plan.columns.title !== undefined) return plan;
  }
  return planTable(headers, rows, raw, traits, settings);
}

/**
 * `| A | B | C |`: a spreadsheet pasted with the letters of its columns as the header row. Markdown needs a
 * header, so the sheet's own row of names (`| SPRINT | TASK ID | STATUS |`) comes first under it.
 */
function spreadsheetLetters(headers: string[]): boolean {
  return headers.length >= 3 && headers.length <= 26 && headers.every((h, i) => h.trim() === String.fromCharCode(65 + i));
}

/** A row that names columns: most cells filled, each with a letter and no status, none repeated (`| SPRINT | TASK ID | STATUS |`). */
function namesRow(cells: string[], vocab: Vocabulary): boolean {
  const names = cells.map((c) => c.trim()).filter(filled);
  if (names.length * 2 <= cells.length || new Set(names).size !== names.length) return false;
  return names.every((n) => hasLetter(n) && vocab.read(n).status === 'none');
}

/**
 * A table with a column per state (`| Task | Todo | Done |` over `| Write the spec | | ✓ |`): the state columns
 * take no other role, and the rest is read as any table's, without a status column.
 */
function markedPlan(headers: string[], rows: string[][], raw: string[][], vocab: Vocabulary, traits: Traits, settings?: TableSettings): ColumnPlan | null {
  if (settings?.roles.some(Boolean)) return null;
  const states = stateColumns(headers, rows, vocab);
  if (!states) return null;
  const roles = headers.map((_, i) => (states.some((s) => s.column === i) ? ('ignore' as const) : undefined));
  const plan = planTable(headers, rows, raw, traits, { ...settings, roles });
  if (plan.kind === 'week' || plan.columns.title === undefined || plan.columns.status !== undefined) return null;
  return { ...plan, kind: 'task', states };
}

/**
 * A first column filled on its first row and on a few rows after, while every row fills the next
 * column: a merged cell (a spreadsheet's rowspan) that Markdown can only write on its first row.
 */
function carriedColumn(rows: string[][]): boolean {
  if (rows.length < 3 || !filled(rows[0]![0]) || rows.some((r) => r.length < 3 || !filled(r[1]))) return false;
  const starts = rows.filter((r) => filled(r[0])).length;
  return starts * 2 <= rows.length;
}

function planTable(headers: string[], rows: string[][], raw: string[][], traits: Traits, settings?: TableSettings): ColumnPlan {
  const roles = settings?.roles ?? [];
  // A column the settings name is left out of every guess: its role is theirs (`ignore`: none).
  const names = headers.map((h, i) => (roles[i] ? '' : normaliseHeader(h)));
  const stats = names.map((_, i) => statsOf(roles[i] ? [] : rows.map((r) => r[i] ?? ''), roles[i] ? [] : raw.map((r) => r[i] ?? ''), traits));
  const columns: Partial<Record<ColumnRole, number>> = {};
  names.forEach((n, i) => {
    const role = roleOfHeader(n);
    if (role && columns[role] === undefined) columns[role] = i;
  });
  if (!roles.some(Boolean)) nameOfPeople(columns, names, stats);
  const guessed = Object.keys(columns).length === 0 && !roles.some(Boolean) && !UNIT_HEADERS.has(names[0] ?? '');
  const configured = () => {
    roles.forEach((role, i) => {
      if (role && role !== 'ignore') columns[role] = i;
    });
  };
  // `Pic` over pictures is a picture, not the person in charge.
  if (columns.owner !== undefined && !roles[columns.owner] && ratio(stats[columns.owner]!.pictures, stats[columns.owner]!) >= 0.8) delete columns.owner;
  const period = roles.some(Boolean) ? null : periodColumn(names, stats);
  if (period) return weekPlan(names, stats, columns, period);
  if (UNIT_HEADERS.has(names[0] ?? '') && isIdColumn(stats[0]!)) {
    if (columns.title === 0) delete columns.title;
    columns.id = 0;
  }
  releaseIds(columns, stats);
  configured();
  const idsByPattern = !!settings?.isId && roles.every((r) => r !== 'id') && patternId(columns, stats);
  inferId(columns, stats);
  if (!roles.some(Boolean)) issueNames(columns, names, stats);
  if (!roles[columns.id ?? -1]) countedRows(columns, rows, stats);
  inferStatus(columns, names, stats);
  inferOwner(columns, stats);
  const numberedNames = columns.id !== undefined && ratio(stats[columns.id]!.numbered, stats[columns.id]!) >= 0.6;
  const titleNamed = columns.title !== undefined;
  inferTitle(columns, names, stats, numberedNames);
  configured();
  const reason = roles.some((r) => r && r !== 'ignore') ? undefined : (notTasks(columns, names, stats) ?? logOf(columns, names, stats));
  if (reason) return { columns, kind: 'other', periodPrefix: null, numberedNames: false, reason };
  // With no id column, title cells that start with a code (`4c-A. Paint the hall`) give the ids.
  const title = columns.title !== undefined ? stats[columns.title]! : null;
  const codedTitles = columns.id === undefined && title !== null && ratio(title.numbered, title) >= 0.6;
  // Without a status, ids and a column named for work (`# | Task`) make a task table; `# | Risk` or `ID | Decision` do not.
  // So does a column that names the work to do beside one that says who does it (`Task | Owner(s) | Notes`): an
  // assignment of work, where `Component | Owner` says who looks after a thing.
  const assigned = titleNamed && columns.owner !== undefined && WORK_HEADERS.has(names[columns.title!]!);
  const isTask = columns.status !== undefined || (columns.id !== undefined && (titleNamed || numberedNames)) || assigned;
  const inferred = isTask ? inferredRoles(headers, names, columns, idsByPattern) : [];
  return {
    columns,
    kind: isTask ? 'task' : 'other',
    periodPrefix: null,
    numberedNames,
    ...(codedTitles ? { codedTitles } : {}),
    ...(inferred.length ? { inferred } : {}),
    ...(guessed && isTask ? { guessed } : {}),
    ...(idsByPattern ? { idsByPattern } : {}),
  };
}

/**
 * `| Version | Theme | Status |` over `| v0.5.x | Hardening | 🔄 Active |`: a first column of distinct releases names
 * each row as an id does (a release heading's version is its id too); the title is a column of words after it.
 */
function releaseIds(columns: Partial<Record<ColumnRole, number>>, stats: ColumnStats[]): void {
  const first = stats[0];
  if (columns.id !== undefined || !first || first.filled < 2 || ratio(first.versions, first) < 0.8 || first.unique < first.filled) return;
  if (Object.entries(columns).some(([role, at]) => at === 0 && role !== 'title')) return;
  if (columns.title === 0) delete columns.title;
  columns.id = 0;
}

/** With an id pattern: the first column whose cells mostly match it is the id column, whatever its header says. */
function patternId(columns: Partial<Record<ColumnRole, number>>, stats: ColumnStats[]): boolean {
  const i = stats.findIndex((s) => s.filled > 0 && ratio(s.ids, s) >= 0.8);
  if (i < 0) return false;
  for (const [role, at] of Object.entries(columns) as [ColumnRole, number][]) if (at === i) delete columns[role];
  columns.id = i;
  return true;
}

const ROLE_WORDS: Record<ColumnRole, string> = {
  id: 'the id',
  title: 'the title',
  status: 'the status',
  owner: 'the owner',
  notes: 'notes',
  priority: 'the priority',
  depends: 'dependencies',
};

/** Where the cells overruled the header: a column read as a role its name does not say, or not read as the role it names. */
function inferredRoles(headers: string[], names: string[], columns: Partial<Record<ColumnRole, number>>, idsByPattern: boolean): string[] {
  const out: string[] = [];
  const label = (i: number) => JSON.stringify(headers[i]!.trim() || `column ${i + 1}`);
  for (const [role, i] of Object.entries(columns) as [ColumnRole, number][]) {
    // A column the settings name (their names are blank here), or the id column their pattern found, is not the cells' doing.
    if (names[i] === '' && headers[i]!.trim() !== '') continue;
    if (role === 'id' && idsByPattern) continue;
    const named = roleOfHeader(names[i]!);
    if (named === role || (role === 'id' && UNIT_HEADERS.has(names[i]!))) continue;
    // The title falls to the first column of words whatever its name: only a header overruled is worth saying.
    if (role === 'title' && !named) continue;
    out.push(`${label(i)} read as ${ROLE_WORDS[role]}${named ? ` (its name says ${ROLE_WORDS[named]})` : ''}`);
  }
  names.forEach((n, i) => {
    const named = roleOfHeader(n);
    if (!named || named === 'notes' || columns[named] !== undefined || Object.values(columns).includes(i)) return;
    out.push(`${label(i)} not read as ${ROLE_WORDS[named]}: its cells do not hold one`);
  });
  return out;
}

/**
 * A first column filled only in a few rows, each of which leaves the next column empty, while every
 * other row leaves the first column empty and fills the next (`| Sprint 1 | | Groundwork |` over
 * `| | GW-1 | Dig |`): those few rows are group rows. Null when the table is not so.
 */
function groupRows(rows: string[][]): Set<number> | null {
  const groups = new Set<number>();
  for (let r = 0; r < rows.length; r++) {
    const [first, second] = [filled(rows[r]![0]), filled(rows[r]![1])];
    if (first === second) return null;
    if (first) groups.add(r);
  }
  return groups.size > 0 && groups.size * 2 <= rows.length ? groups : null;
}

function periodColumn(names: string[], stats: ColumnStats[]): 'W' | 'S' | 'M' | null {
  const prefix = PERIOD_HEADERS[names[0] ?? ''];
  if (!prefix) return null;
  // `Sprint` over task ids (`1.1`) with `Sprint 1` group rows is a task table, not a table of sprints.
  const first = stats[0]!;
  return first.filled === 0 || ratio(first.ids, first) >= 0.6 ? prefix : null;
}

function weekPlan(names: string[], stats: ColumnStats[], columns: Partial<Record<ColumnRole, number>>, prefix: 'W' | 'S' | 'M'): ColumnPlan {
  // The first column is the period; the title is the next text column (`Focus`).
  delete columns.id;
  if (columns.title === 0 || columns.title === undefined) {
    const next = names.findIndex((_, i) => i > 0 && i !== columns.status && i !== columns.owner && i !== columns.priority);
    if (next > 0) columns.title = next;
    else delete columns.title;
  }
  if (columns.status === undefined) inferStatus(columns, names, stats);
  // A period table without a status (a log of what each week produced) holds no work to track.
  const kind = columns.status !== undefined ? 'week' : 'other';
  return { columns, kind, periodPrefix: prefix, numberedNames: false };
}

function isIdColumn(s: ColumnStats): boolean {
  return s.filled > 0 && ratio(s.ids + s.numbered, s) >= 0.8;
}

/** An id column holds short id-shaped tokens, mostly unique; a `Task` column of `T01`s is one. */
function inferId(columns: Partial<Record<ColumnRole, number>>, stats: ColumnStats[]): void {
  if (columns.id !== undefined && !isIdColumn(stats[columns.id]!) && stats[columns.id]!.filled > 0) {
    // A header that says id over cells that are not ids (`#` over titles) is not an id column.
    if (ratio(stats[columns.id]!.words, stats[columns.id]!) > 0.5) delete columns.id;
  }
  if (columns.title !== undefined && columns.id === undefined) {
    const t = stats[columns.title]!;
    if (isIdColumn(t) && ratio(t.unique, t) >= 0.8 && ratio(t.words, t) < 0.5) {
      columns.id = columns.title;
      delete columns.title;
    }
  }
  if (columns.id === undefined) {
    const first = stats[0];
    const taken = new Set(Object.values(columns));
    if (first && !taken.has(0) && isIdColumn(first) && ratio(first.unique, first) >= 0.8 && first.filled >= 2 && ratio(first.words, first) < 0.5) {
      columns.id = 0;
    }
  }
}

/**
 * A second column headed as an id (`Issue`, `Ticket`) whose cells are prose, beside the column of ids
 * (`| # | Issue | To do |` over `| #2 | Define the API | Review the schemas |`): it names each row, as an
 * issue's subject does in a tracker, so it is the title, and a column headed for the title holds its notes.
 */
function issueNames(columns: Partial<Record<ColumnRole, number>>, names: string[], stats: ColumnStats[]): void {
  if (columns.id === undefined) return;
  const at = names.findIndex((n, i) => i !== columns.id && roleOfHeader(n) === 'id' && stats[i]!.filled > 0 && ratio(stats[i]!.words, stats[i]!) > 0.5);
  if (at < 0 || at === columns.title) return;
  if (columns.title !== undefined && columns.notes === undefined) columns.notes = columns.title;
  columns.title = at;
}

/** Cells that count the rows: whole numbers, each one more than the last (`1`, `2`, `3`). */
function runningNumbers(cells: string[]): boolean {
  const filledCells = cells.map((c) => c.trim()).filter((c) => filled(c));
  if (filledCells.length < 2 || filledCells.length < cells.length) return false;
  return filledCells.every((c, i) => /^\d{1,6}\.?$/.test(c) && (i === 0 || Number.parseInt(c, 10) === Number.parseInt(filledCells[i - 1]!, 10) + 1));
}

/** A number with a short unit: an estimate or a size, not an id. */
const AMOUNT = /^\d+(?:[.,]\d+)?\s?[a-z]{1,3}$/i;

/**
 * An id column of running numbers (`# | ID | Story` over `1 | T0 | …`) counts the rows when another
 * column, free of any role, holds ids of their own (code-shaped, unique, with letters): those are the ids.
 */

function countedRows(columns: Partial<Record<ColumnRole, number>>, rows: string[][], stats: ColumnStats[]): void {
  const at = columns.id;
  if (at === undefined || !runningNumbers(rows.map((r) => r[at] ?? ''))) return;
  const taken = new Set(Object.values(columns));
  const coded = (s: ColumnStats) => s.filled >= 2 && isIdColumn(s) && ratio(s.unique, s) >= 0.8 && ratio(s.letters, s) >= 0.8 && ratio(s.words, s) < 0.5;
  // Every row names its work (an id is never left blank), and `2d`, `3h`, `5pts` are amounts, not ids.
  const named = (i: number) => rows.every((r) => (r[i] ?? '').trim() !== '' && !AMOUNT.test((r[i] ?? '').trim()));
  const other = stats.findIndex((s, i) => !taken.has(i) && coded(s) && named(i));
  if (other >= 0) columns.id = other;
}

/** A status column: named so, else the column whose cells mostly read as statuses. */
function inferStatus(columns: Partial<Record<ColumnRole, number>>, names: string[], stats: ColumnStats[]): void {
  if (columns.status !== undefined) return;
  let best = -1;
  let bestRatio = 0.6;
  stats.forEach((s, i) => {
    if (Object.values(columns).includes(i) && i !== columns.notes) return;
    if (s.filled < 2 || PRIORITY_HEADER.test(names[i]!)) return;
    // `Completed` over dates is when; over `[ ]` / `[x]` cells, whether.
    if (DATE_HEADER.test(names[i]!) && (s.dates > 0 || ratio(s.statuses, s) < 0.9)) return;
    const r = ratio(s.statuses, s);
    if (r > bestRatio) {
      best = i;
      bestRatio = r;
    }
  });
  if (best >= 0) {
    if (columns.notes === best) delete columns.notes;
    columns.status = best;
  }
}

/** Headers of a rating (how urgent, how likely, how bad): coloured marks there grade, they do not say how far work is. */
const PRIORITY_HEADER =
  /priori|severity|urgency|risk|impact|likelihood|probability|riesgo|impacto|risque|risiko|优先|風險|风险|等级|级别|严重|影响|リスク|重要度|緊急度|影響/iu;
const DATE_HEADER = /^(?:date|due|deadline|eta|start|end|completed|done date|fecha|data|datum|日付|期限|期間|duration|est\.?)\b/i;
/** Headers of a column of days when work starts or ends (`Start`, `To`): their cells say when, whatever their shape. */
const DAY_HEADER = /^(?:dates?|due|deadline|start|end|begin|finish|from|to|fecha|datum|日付|期限)\b/i;

function inferOwner(columns: Partial<Record<ColumnRole, number>>, stats: ColumnStats[]): void {
  if (columns.owner !== undefined) return;
  const i = stats.findIndex((s, k) => !Object.values(columns).includes(k) && s.filled > 0 && ratio(s.handles, s) >= 0.8);
  if (i >= 0) columns.owner = i;
}

/** A header that describes the task (`Task Description`, `Descripción de la tarea`), not any thing (`Description`). */
const WORK_DESCRIBED = /(?:^|\s)(?:task|tasks|work|job|tarea|tarefa|tâche|aufgabe|attività)(?:\s|$)/u;

/**
 * `| Name | Task ID | Task Description |` over `| All | 111 | Team Formation |`, `| Casper | 113 | Set up the repo |`:
 * a `Name` column whose few names repeat down the rows, beside a column describing the task (WORK_DESCRIBED) whose cells differ row by row,
 * names who does the work (the owner, where no column is headed so); the description names the work.
 */
function nameOfPeople(columns: Partial<Record<ColumnRole, number>>, names: string[], stats: ColumnStats[]): void {
  const name = columns.title;
  const described = columns.notes;
  if (name === undefined || described === undefined || names[name] !== 'name' || !WORK_DESCRIBED.test(names[described]!)) return;
  const [people, work] = [stats[name]!, stats[described]!];
  if (people.filled < 4 || ratio(people.unique, people) > 0.5 || work.unique < work.filled || ratio(work.letters, work) < 0.8) return;
  columns.title = described;
  delete columns.notes;
  if (columns.owner === undefined) columns.owner = name;
}

/** The title: named so, else the first column of words that holds no other role, no dates and no code. */
function inferTitle(columns: Partial<Record<ColumnRole, number>>, names: string[], stats: ColumnStats[], numberedNames: boolean): void {
  if (columns.title !== undefined) {
    const t = stats[columns.title]!;
    // A `Milestone` column of `v1.0.2` names a release, not the task; so does one of single tokens
    // beside an id column whose cells name the tasks (`| 1. Základ | v1.0.2 |`).
    const tokens = t.filled > 0 && ratio(t.words, t) === 0 && columns.title !== 0;
    if (tokens && (ratio(t.ids, t) >= 0.8 || numberedNames)) delete columns.title;
    else return;
  }
  if (numberedNames) return; // the id column's `1. Name` cells give the titles
  const taken = new Set(
    Object.entries(columns)
      .filter(([r]) => r !== 'notes')
      .map(([, i]) => i),
  );
  const usable = (i: number) => {
    const s = stats[i]!;
    return (
      !taken.has(i) &&
      !DATE_HEADER.test(names[i]!) &&
      ratio(s.dates, s) < 0.5 &&
      ratio(s.code, s) < 0.5 &&
      ratio(s.marks, s) < 0.5 &&
      ratio(s.letters, s) >= 0.5
    );
  };
  // A column of single words that repeat (`project`, `maintenance`) sorts the rows into kinds; a title names one task.
  const kinds = (i: number) => stats[i]!.words === 0 && ratio(stats[i]!.unique, stats[i]!) < 0.8;
  const named = (i: number) => usable(i) && ratio(stats[i]!.ids, stats[i]!) < 0.8;
  // Beside an id column (`| BE-01 | M | Fix the parser |`), a column of phrases names the work better than one of
  // single tokens before it (a size, a code); without ids, a first column of names (`UART`) is the title.
  const prose = (i: number) => columns.id !== undefined && ratio(stats[i]!.words, stats[i]!) >= 0.5;
  let pick = names.findIndex((_, i) => named(i) && prose(i));
  if (pick < 0) pick = names.findIndex((_, i) => named(i) && !kinds(i));
  if (pick < 0) pick = names.findIndex((_, i) => named(i));
  if (pick < 0) pick = names.findIndex((_, i) => usable(i));
  if (pick < 0) return;
  columns.title = pick;
  if (columns.notes === pick) delete columns.notes;
}

/** What a log of impediments, risks or blockers names in its title column (`| # | Impediment | Blocks | Owner | Status |`). */
const LOG_SUBJECT = /^(?:impediments?|risks?|blockers?|riesgos?|riscos?|risques?|risiko|risiken|impedimentos?|bloqueos?|bloqueios?)$/u;

/**
 * A table whose rows are impediments, risks or blockers (named so by the title column's header) logs what
 * stands in the way of the work, with its own status (open, mitigated, resolved): not a plan of work, unless
 * its rows carry ids of work (code-shaped, `T-12`; bare numbers `1`, `2` only count the rows).
 */
function logOf(columns: Partial<Record<ColumnRole, number>>, names: string[], stats: ColumnStats[]): ColumnPlan['reason'] | undefined {
  if (columns.status === undefined || columns.title === undefined || !LOG_SUBJECT.test(names[columns.title]!.split(' ')[0]!)) return undefined;
  const id = columns.id !== undefined ? stats[columns.id]! : null;
  return id && id.filled > 0 && ratio(id.letters, id) >= 0.8 ? undefined : 'log';
}

/** An id column of row numbers beside a title column of words: a list of steps, whatever its statuses look like. */
function numberedWork(columns: Partial<Record<ColumnRole, number>>, stats: ColumnStats[]): boolean {
  if (columns.id === undefined || columns.title === undefined) return false;
  const id = stats[columns.id]!;
  const title = stats[columns.title]!;
  return id.filled >= 2 && ratio(id.numbers, id) >= 0.9 && ratio(title.words, title) >= 0.8 && ratio(title.literals, title) < 0.5;
}

/** Tables with a status column that are not plans: a legend of marks, or a report of checks and services. */
function notTasks(columns: Partial<Record<ColumnRole, number>>, names: string[], stats: ColumnStats[]): ColumnPlan['reason'] | undefined {
  if (columns.status === undefined) return undefined;
  const status = stats[columns.status]!;
  const others = stats.filter((_, i) => i !== columns.status);
  if (stats.length <= 3 && others.some((s) => s.filled > 0 && ratio(s.marks, s) >= 0.8)) return 'legend';
  // `| ✅ | Done |`: a column of bare marks beside a column of status words explains the marks.
  const marksAt = stats.findIndex((s) => s.filled >= 2 && ratio(s.marks, s) >= 0.8);
  if (stats.length <= 3 && marksAt >= 0 && stats.some((s, i) => i !== marksAt && s.filled >= 2 && ratio(s.statuses, s) >= 0.6 && ratio(s.marks, s) < 0.5))
    return 'legend';
  // `` | `open` | white | ``: statuses written as code are the values of a system the table explains; rows
  // numbered one by one beside a title (`| 3 | Write the docs | `completed` |`) are steps of work instead.
  if (status.filled >= 2 && ratio(status.literals, status) >= 0.6 && !numberedWork(columns, stats)) return 'legend';
  if (status.filled >= 2 && ratio(status.checks, status) >= 0.6) return 'checks';
  // Most other columns are numbers (tests, coverage, counts): a table of measurements.
  const roles = new Set(Object.values(columns));
  const rest = stats.map((s, i) => ({ s, i })).filter(({ s, i }) => !roles.has(i) && s.filled > 0);
  // Days of the calendar (a start and an end, `02/12` over `15/12`) say when work runs, not what was measured.
  // Nor do a priority's rank or a sprint's number (`| 1 | Log in | 2 | done |` under Priority, Sprint): which first, and when.
  const measured = ({ s, i }: { s: ColumnStats; i: number }) =>
    ratio(s.numbers, s) >= 0.8 && s.days === 0 && !DAY_HEADER.test(names[i]!) && !PRIORITY_HEADER.test(names[i]!) && !PERIOD_HEADERS[names[i]!];
  const numeric = rest.filter(measured).length;
  // Ids of their own (`T1`, `T2`, not the row numbers of a report) make a plan of work whatever else the rows measure (estimates, story refs).
  const coded = columns.id !== undefined && ratio(stats[columns.id]!.letters, stats[columns.id]!) >= 0.8;
  if (numeric >= 2 && numeric * 2 > rest.length && !coded) return 'checks';
  return undefined;
}
