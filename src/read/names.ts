// Display text → the names a person uses: a task's id and title, a heading's
// group name. Shared by tables, lists and headings, so `Phase 3: Search`
// reads the same wherever it is written.

import { scopeWord } from './scope.js';
import { Vocabulary } from '../model/status.js';
import { hasDigit, hasLetterOrDigit, inRange, isDigit, startsUpper } from '../text/char-tests.js';

/** Whether a text is a status and nothing more (`IN PROGRESS`, `✅ Done`), in the shared vocabulary. */
function isStatusText(s: string): boolean {
  const v = Vocabulary.of();
  const word = v.leadingWord(s.trim());
  return word !== null && word.text.length === s.trim().length;
}

/** Pictographs and symbols used as decoration or status marks (arrows are words here: `A → B`). */
const MARK_CHAR = String.raw`\p{Extended_Pictographic}\u2600-\u27BF\u2B00-\u2BFF\u25A0-\u25FF✓✗✘`;
const MARK = String.raw`(?:[${MARK_CHAR}]\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*)`;
/** At the start, a damaged emoji (U+FFFD) is decoration too; elsewhere it stands for a letter and stays. */
const LEADING_MARKS = new RegExp(String.raw`^(?:${MARK}|\uFFFD|\uFE0F|\s)+`, 'u');
const ANY_MARK = new RegExp(MARK, 'gu');
/** A status mark at the end, with what usually follows it there: `✅`, `🔄 IN PROGRESS`, `✓ (complete)`, `🔴 CRITICAL`. */
// Linear in the text: a match never starts just after a space or a mark (one starting there would start earlier), the
// marks and the spaces after them are taken whole (atomic, through a lookahead), and the words' class holds the trailing spaces.
const TRAILING_STATUS = new RegExp(
  String.raw`(?<![\s${MARK_CHAR}]|[${MARK_CHAR}]\uFE0F)\s*(?=((?:${MARK}(?=(\s*))\2)+))\1(?:\([^()]*\)\s*|[\p{Lu}\p{N}][\p{Lu}\p{N}\s!.:%\-–—]*)?$`,
  'u',
);
/** Whether a text holds a mark at all: a cheap test before the regexes that need one (most titles have none). */
const HAS_MARK = new RegExp(`[${MARK_CHAR}]`, 'u');
/** Whether the text ends (but for spaces) with `)`: a cheap test before the regexes that need one there. */
const endsInParen = (s: string) => s.trimEnd().endsWith(')');
/** A trailing `(✅ COMPLETE - Controls Only)` or `[🔲 FUTURE]`. */
const TRAILING_MARKED_PAREN = new RegExp(String.raw`(?<!\s)\s*[([]\s*${MARK}[^()[\]]*[)\]]\s*$`, 'u');

/** Leading decoration removed: `⚙️ Automation` → `Automation`, `\uFFFD Speech` → `Speech`. */
export function stripLeadingMarks(s: string): string {
  return s.replace(LEADING_MARKS, '');
}

/**
 * `<-- we are here`, `← you are here`, `👈 we are here` at the end of a heading or an item: where the work
 * stands now, so that task is in progress. (`(current)` is not one: a current version is often a shipped one.)
 */
export const HERE_MARK =
  /(?:<-+|←|⬅\uFE0F?|👈[\u{1F3FB}-\u{1F3FF}]?)[ \t]*(?:\*\*|__|\*|_)?(?:we|you)(?:'re|’re|[ \t]+are)[ \t]+here[!.]?(?:\*\*|__|\*|_)?[ \t]*$/iu;

/**
 * `## [ ] Restore the buttons`: a heading that opens with a checkbox is a task ticked or not, as a list item
 * with one is (the box is its status, not part of its name).
 */
export const HEADING_BOX = /^[ \t]*\[([ xX])\][ \t]+(?=\S)/u;

/** `### [RESOLVED] DEF-001: Viewer` / `## [WIP] Search`: a heading that opens with words in brackets (its status, when they say one). */
export const HEADING_LEAD_BRACKET = /^[ \t]*\[([^[\]\n]{2,24})\][ \t]+(?=\S)/u;

/** `*(biggest net-new)*` closing a heading: an emphasised note beside its name, not part of it. */
const HEADING_NOTE = /(?<!\s)\s*([*_])\([^()]*\)\1\s*$/u;

/** Where a heading's closing note (and the spaces before it) starts in its Markdown, or the text's length: where its name ends. */
export function headingNoteAt(raw: string): number {
  const m = HEADING_NOTE.exec(raw);
  return m ? m.index : raw.length;
}

/**
 * A count of what is done in square brackets (`[0/6 Tasks]`, `[3/3]`, `[40%]`): a badge generated from the section's
 * items, not its name (a count in round brackets, `(9/12)`, is more often written as part of the name).
 */
const COUNT_BADGE = /^\s*\d{1,5}\s*\/\s*\d{1,5}(?:\s+\p{L}{1,20})?\s*$|^\s*\d{1,3}(?:[.,]\d{1,2})?\s*%\s*$/u;

/** Group names and labels already worked out with the default vocabulary: a reader asks for each heading's four times. */
const namedGroups = new Map<string, string>();
const labelledGroups = new Map<string, string>();

/** `make(text)`, kept in `memo`: bounded, for a file of a million headings must not keep them all. */
function remembered(memo: Map<string, string>, text: string, make: (text: string) => string): string {
  let value = memo.get(text);
  if (value === undefined) {
    if (memo.size >= 4096) memo.clear();
    value = make(text);
    memo.set(text, value);
  }
  return value;
}

/** A heading as a group name: `### Done ✅` → `Done`, `Phase 1: Audio (✅ COMPLETE)` → `Phase 1: Audio`, `[x] Fix it` → `Fix it`. */
export function groupName(text: string, isStatus: (s: string) => boolean = isStatusText): string {
  if (isStatus !== isStatusText) return nameOfGroup(text, isStatus);
  return remembered(namedGroups, text, (t) => nameOfGroup(t, isStatus));
}

/**
 * A heading as the group its tasks are filed under: its name, but with a bracket stating a state kept, words and all
 * (`### v0.8 (in progress)` files its items under `v0.8 (in progress)`): they tell one release from the next. The
 * heading's own title, when it is a task, is its name (`v0.8`), its state read apart.
 */
export function headingGroup(text: string): string {
  if (!text.includes(')') && !text.includes(']')) return groupName(text);
  return remembered(labelledGroups, text, (t) => nameOfGroup(t, isStatusText, true));
}

function nameOfGroup(text: string, isStatus: (s: string) => boolean, keepStated = false): string {
  // The cheap tests (the word `here`, a mark, a closing bracket, a dash) skip regexes that could not match.
  const unboxed = text.trimStart().startsWith('[')
    ? text.replace(HEADING_BOX, '').replace(HEADING_LEAD_BRACKET, (m, inner: string) => (isStatus(inner) ? '' : m))
    : text;
  let s = stripLeadingMarks(/here/iu.test(unboxed) ? unboxed.replace(HERE_MARK, '') : unboxed);
  if (HAS_MARK.test(s)) s = s.replace(TRAILING_MARKED_PAREN, '');
  // `Week 1: Foundation (IN PROGRESS)`: a bracket that only states a status, or a status and a note after a comma
  // or a dash (`(completado, mar 2026)`, `(Complete — 2026-03-09)`).
  if (s.includes(')') || s.includes(']'))
    s = s.replace(/(?<!\s)\s*[([]([^()[\]]+)[)\]]\s*(?:[:：]\s*)?$/u, (m, inner: string) =>
      ((!keepStated && isStatus(inner.split(/[,;，；]|\s[—–-]\s/u)[0]!)) || (m.includes('[') && COUNT_BADGE.test(inner))) && s.length > m.length ? '' : m,
    );
  const cut = HAS_MARK.test(s) ? s.replace(TRAILING_STATUS, '') : s;
  if (cut.trim() !== '') s = cut;
  s = (HAS_MARK.test(s) ? s.replace(ANY_MARK, ' ') : s).replace(/\s+/g, ' ').trim();
  // `Phase 1: Foundation - DONE`, `Sprint 3 — Complete`: a last dashed part that only states a status.
  if (/[—–-]/.test(s)) s = s.replace(/(?<!\s)\s+[—–-]\s+(?!\s)([^—–-]+)$/u, (m, last: string) => (isStatus(last) && s.length > m.length ? '' : m));
  return s.replace(/(?<![\s:：])[\s:：]+$/u, '').trim() || text.trim();
}

export interface IdSplit {
  id: string | null;
  /** The text after the id and its separator. */
  rest: string;
  /** The id names a scope (`Phase 3`), so it only counts as an id where a task is known to be there. */
  scope: boolean;
}

/** Code-like ids: `BUG-001`, `WS-A`, `S0-01`, `T01`, `M5.1`, `1.5.1`, `5.A`, `1A`, `#12`; hierarchical `INV-01.1`, `ABC-DEF-001.2.1`. */
const HYPHEN_ID = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?:\.\d+)*[a-z]?`;
const SHORT_ID = String.raw`[A-Z]{1,4}\d+(?:\.\d+)*[a-z]?`;
const LETTER_ID = String.raw`(?:#\d+|${HYPHEN_ID}|${SHORT_ID}(?:[-–]${SHORT_ID})?|\d+[A-Z])`;
/**
 * `A.3`: a section letter and the item's number. In running text it reads as a reference (`- E.2 covers the retry
 * logic`), so it is an id only where the writer set it apart: in bold before the title, or before a status mark.
 */
export const LETTER_DOT_ID = /^[A-Z]{1,2}\.\d+(?:\.\d+)*$/u;
/** `18.01.2019`: a day, month and year, a date and never a number in a plan's outline. */
const DOTTED_DATE = String.raw`\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\d)`;
const CODE_ID = String.raw`(?:${LETTER_ID}|(?!${DOTTED_DATE})\d+(?:\.[A-Za-z0-9]+)+)`;
/**
 * What may end an id: a colon or a dot before a digit goes on with the number (`127.0.0.1:7007`, `10.30:15`), so
 * no id ends there; before a letter it closes the id (`T-1:Build the form`).
 */
const SEPARATOR = String.raw`(?=$|[\s)\]—–,*_-]|[:.](?!\d))`;
const CODE_AT_START = new RegExp(`^(${CODE_ID})${SEPARATOR}`, 'u');
/** Headings take only ids with a hyphen (`BUG-001`, `WS-A`): `S0 — …` and `P1.1 - …` number sections. */
const HEADING_ID_AT_START = new RegExp(`^(${HYPHEN_ID})${SEPARATOR}`, 'u');
/** `Task 4:`, `Hito 1:`, `Phase 3 —`: a word and a number, then a separator. */
const WORD_NUMBER =
  /^([\p{Lu}][\p{L}]{1,15}(?: [\p{Ll}][\p{L}]{1,15})?)\s+(\d+(?:\.\d+)*[A-Za-z]?(?:\s*[-–—]\s*\d+(?:\.\d+)*[A-Za-z]?)?)(?=\s*(?:[:：—–]|\s-\s|$))/u;
/** Words that name a unit of work when a number follows (`Task 4`); other words and numbers (`Funnel 1`) are just names. */
const WORK_WORDS = new Set([
  'task',
  'story',
  'issue',
  'bug',
  'ticket',
  'item',
  'epic',
  'feature',
  'step',
  'tarea',
  'tarefa',
  'aufgabe',
  'tâche',
  'задача',
  'úkol',
  'historia',
  'incidencia',
]);
const AFTER_ID = /^[\s:：.)\]—–-]+/u;

/** `rest` without the separators after an id; not a dot after a space that opens a name (`TASK-16 — .gitignore`). */
function afterId(rest: string): string {
  const m = AFTER_ID.exec(rest);
  if (!m) return rest;
  let cut = m[0].length;
  if (cut >= 2 && rest[cut - 1] === '.' && /\s/u.test(rest[cut - 2]!) && /[\p{L}\p{N}_]/u.test(rest[cut] ?? '')) cut--;
  return rest.slice(cut);
}
/**
 * `03-01: Run the cables`, `23.1-01: Fit the sockets`: numbers joined by a hyphen, then a colon, number
 * a plan's parts (phase 3, step 1). Parts of at most three digits: `2025-06-02:` is a date.
 */
const NUMBER_PAIR_ID = /^(\d{1,3}(?:\.\d{1,3})*(?:-\d{1,3}(?:\.\d{1,3})*)+)[:：]\s+(?=\S)/u;

/**
 * The id a text starts with. A scope word and number (`Phase 3:`) gives the
 * number (`W`, `S`, `M` before it for weeks, sprints and months, as week-table
 * rows are named); another word and number (`Task 4:`) is the id as written.
 */
export function splitId(text: string, lettersOnly = false): IdSplit {
  const pair = lettersOnly || !isDigit(text.charCodeAt(0)) ? null : NUMBER_PAIR_ID.exec(text);
  if (pair) return { id: pair[1]!, rest: text.slice(pair[0].length), scope: false };
  const code = (lettersOnly ? HEADING_ID_AT_START : CODE_AT_START).exec(text);
  if (code && !wordInPhrase(code[1]!, text.slice(code[0].length))) return { id: code[1]!, rest: afterId(text.slice(code[0].length)), scope: false };
  // WORD_NUMBER needs a capital first and a digit after it.
  const wn = startsUpper(text) && /\d/.test(text) ? WORD_NUMBER.exec(text) : null;
  if (wn) {
    // Two words name a scope only together (`Giai đoạn 1`); a work word stands alone (`Task 4`).
    const kind = scopeWord(wn[1]!);
    if (!kind && wn[1]!.includes(' ')) return { id: null, rest: text, scope: false };
    const number = wn[2]!.replace(/(?<!\s)\s*[-–—]\s*/, '-');
    const rest = afterId(text.slice(wn[0].length));
    if (kind) return { id: (PERIOD_PREFIX[kind] ?? '') + number, rest, scope: true };
    if (WORK_WORDS.has(wn[1]!.toLowerCase())) return { id: `${wn[1]} ${number}`, rest, scope: false };
  }
  return { id: null, rest: text, scope: false };
}

/**
 * `FAT32 driver`, `JBIG2 decoder`, `MP3 player`: two or more capitals and a number, no hyphen or dot, then a
 * word in small letters is a name in the sentence (a format, a device), not a code: an id stands apart, before
 * a separator or a capitalised title (`US1: Login`, `AB12 Write docs`). One capital and a number (`T2 set up
 * lint`) is how tasks are numbered, and stays an id.
 */
function wordInPhrase(id: string, after: string): boolean {
  return /^[A-Z]{2,4}\d+$/.test(id) && /^[ \t]+\p{Ll}/u.test(after);
}

/** A heading's own id: numbered sections (`2.1 Events`) are structure, not ids. */
export function headingId(text: string): IdSplit {
  return splitId(text, true);
}

/** Week-table rows are `W2`, sprint rows `S3`, month rows `M1`; phases and milestones are their number. */
const PERIOD_PREFIX: Record<string, string> = { week: 'W', sprint: 'S', month: 'M' };

/** An id cell or a table's first column: `TASK-001`, `T01`, `1.2`, `P1`, `Task 1`, `7`. */
const WHOLE_CODE_ID = new RegExp(`^${CODE_ID}$`, 'u');

export function isIdShaped(cell: string): boolean {
  const c = cell.trim();
  if (c === '' || c.length > 24) return false;
  if (WHOLE_CODE_ID.test(c)) return true;
  return /^\d{1,4}[a-z]?\+?$/.test(c) || /^[\p{Lu}][\p{L}]{1,15} \d+(?:\.\d+)*$/u.test(c) || /^[A-Z]{1,3}\d{1,4}$/.test(c);
}

/** Words that join the ids of a list or a range: `HU-01, HU-02 and HU-03`, `TT-01 a TT-07`, `BUG-01 to BUG-03`. */
const ID_JOINERS = new Set(['and', 'to', 'through', 'a', 'y', 'e', 'et', 'und', 'bis', 'à', 'até', '~', '-', '–', '—', '…', '..']);

/**
 * `HU-01, HU-02, HU-03`, `TT-01 a TT-07`: a name that is only two or more ids names several tasks at once (a row that
 * sums up their path or their state), not one of its own.
 */
export function namesSeveralIds(name: string): boolean {
  if (name.length > 200) return false;
  let ids = 0;
  for (const word of name.split(/[\s,;/&+]+/u)) {
    if (word === '' || ID_JOINERS.has(word.toLowerCase())) continue;
    if (!isIdShaped(word) || /^\d+$/u.test(word)) return false;
    ids++;
  }
  return ids >= 2;
}

/**
 * `1. Základ` → id `1`, title `Základ`; `4c-A. Paint the hall` → id `4c-A`: a cell that numbers the task
 * and names it. The code is one short token with a digit in it, then a full stop or a bracket.
 */
export function splitNumberedName(cell: string): { id: string; title: string } | null {
  const m = /^(\d+(?:\.\d+)*|(?=[^\s.]{0,9}\d)[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)[.)]\s+(\S.*)$/u.exec(cell.trim());
  return m && m[1]!.length <= 10 ? { id: m[1]!, title: m[2]! } : null;
}

/**
 * A title without decoration and trailing notes of state: `🔧 [CI] Fix tests (2026-03-16)` → `Fix tests`,
 * `Add distros (deferred: MVP sufficient)` → `Add distros`, `Search (#349)` → `Search`.
 */
/** The words that open an inline dependency mark (`(after 1.2)`, `(blocked by #12)`): depends.ts reads them out of titles. */
export const DEPENDENCY_OPENERS =
  'after|depends on|blocked by|blocked on|waits? on|waiting on|tras|después de|depende de|dépend de|après|nach|abhängig von|depois de';
/** `blocked by #12`, `after 1.2, T-3`: an opener then ids (a digit in each), a dependency; `blocked on step 4` is a status with its reason. */
const DEPENDENCY_INSIDE = new RegExp(
  `^(?:${DEPENDENCY_OPENERS})\\s+#?[\\p{L}._-]*\\d[\\p{L}\\p{N}._-]*(?:\\s*,\\s*#?[\\p{L}._-]*\\d[\\p{L}\\p{N}._-]*)*$`,
  'iu',
);

/** `└─ Write the tests`, `├── Fix the form`: lines of a drawn tree before a title place it under the one above; not its name. */
const TREE_LEAD = /^[\u2500-\u257F][\u2500-\u257F \t]{0,15}(?=[^\u2500-\u257F\s])/u;

const CITED_CODES = new RegExp(String.raw`^\((?:${HYPHEN_ID}|${SHORT_ID})(?:,[ \t]?(?:${HYPHEN_ID}|${SHORT_ID})){0,20}\)[ \t]*[:：][ \t]*(?=\S)`, 'u');

/** What cleanTitle cut that names the task: the one issue a title ended by citing (`(#24)`, `(#6, v0.2.1)`). */
/** `fix: …`, `docs(api): …`: a conventional commit's type, in small letters, before the words (up to them). */
export const COMMIT_TYPE = /^(?:feat|fix|perf|chore|docs|refactor|test|build|ci|style|revert)(?:\([^()\s]{1,30}\))?!?:\s+(?=\S)/;

/**
 * `` `perf(gpu)`: CUDA backend ``: a conventional-commit type set in code before the words tags the change, as a
 * bracketed tag does, and the title follows it; written as plain text (`fix: set the flag`) it is how the writer named
 * the work, and stays. `raw` is the Markdown the title was read from.
 */
export function withoutCodedType(title: string, raw: string): string {
  const type = raw.includes('`') ? COMMIT_TYPE.exec(title) : null;
  if (!type) return title;
  // The type as written, up to its colon (`perf(gpu)`), set in code in the Markdown?
  const word = type[0].slice(0, type[0].lastIndexOf(':'));
  return raw.includes(`\`${word}\``) ? title.slice(type[0].length) : title;
}

export interface TitleCut {
  issue?: string;
}

export function cleanTitle(title: string, isStatus: (s: string) => boolean = () => false, cut?: TitleCut): string {
  // `[Infra] [Essential] Repository layout`: tags before the words file the task (area, priority); one or several.
  let s = stripLeadingMarks(inRange(title.charCodeAt(0), 0x2500, 0x257f) ? title.replace(TREE_LEAD, '') : title);
  if (s.startsWith('[')) s = s.replace(/^(?:\[[\p{L}\p{N}][\p{L}\p{N}._/-]{0,20}\]\s+)+(?=\S)/u, '');
  // `① Objects`, `⑤ The rest`: a circled number ranks the work in its list (the order to do it in); it is not its name.
  if (inRange(s.charCodeAt(0), 0x2460, 0x24fe)) s = s.replace(/^[\u2460-\u2473\u24EB-\u24FE][ \t]*(?=\S)/u, '');
  // `(RQ-OPS-4, RQ-DOC-1): Add the login`: codes in brackets before a colon cite the requirements the work meets.
  if (s.startsWith('(')) s = s.replace(CITED_CODES, '');
  // The cheap tests (a closing bracket at the end, a dash, a mark) skip regexes that could not match: most titles need none.
  if (endsInParen(s)) s = s.replace(/(?<!\s)\s*\(\s*\d{4}-\d{2}-\d{2}[^()]*\)\s*$/u, '');
  // A status in parentheses goes (`(done)`); `(blocked by #12)` opens with one but is a dependency, read out later.
  if (endsInParen(s))
    s = s.replace(/(?<!\s)\s*\(([^()]{2,60})\)\s*$/u, (m, inner: string) =>
      isStatus(inner) && !(hasDigit(inner) && DEPENDENCY_INSIDE.test(inner)) && s.length > m.length ? '' : m,
    );
  if (s.includes('—') || s.includes('–')) s = s.replace(/(?<!\s)\s+[—–]\s+Priority:.*$/iu, '');
  // `API Routes (4/4 plans)`: a count of the work's parts done follows the name; it is not part of it.
  if (endsInParen(s) && s.includes('/')) s = s.replace(/(?<=[\p{L}\p{N})\]])[ \t]*\(\d{1,4}[ \t]?\/[ \t]?\d{1,4}(?:[ \t]\p{L}{1,20}){0,2}\)[ \t]*$/u, '');
  // `As a user, I can log in. (2 pts)`, `Checkout [5 SP]`: the estimate in story points sizes the work; it is not its name.
  s = withoutEstimate(s);
  if (HAS_MARK.test(s)) s = s.replace(TRAILING_STATUS, (m) => (hasLetterOrDigit(s.slice(0, s.length - m.length)) ? '' : m));
  // `Chat sidebar (#28)`: the tracker's issue or pull request the work is filed as points at it; it is not its name.
  // After the trailing mark, which a write may put after it (`Chat sidebar (#28) ✅`).
  // With the release that shipped it (`(#6, v0.2.1)`): where it landed, not its name. (A release alone, `(v18.2.0)`,
  // may be what the work is about: `Upgrade React (v18.2.0)`.)
  if (endsInParen(s))
    s = s.replace(TRACKER_TAIL, (m) => {
      const issues = m.match(/#\d+/g)!;
      if (cut && issues.length === 1) cut.issue = issues[0]!;
      return '';
    });
  s = withoutTrailingTokens(s);
  // `P0：Pick the mode`: a priority level before a colon ranks the task; the words after it name it.
  if (/^P[0-4][ \t]*：/u.test(s)) s = s.replace(/^P[0-4][ \t]*：[ \t]*(?=\S)/u, '');
  return unquoted(s.replace(/(?<![\s:：])[\s:：]+$/u, '').trim());
}

/** The quote that closes each opening quote (`„…“` in German, `«…»` in French, `「…」` in Japanese). */
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '「': '」', '『': '』' };

/** `“Connect & test”`: quotes around the whole title set the name apart; they are not part of it. */
function unquoted(s: string): string {
  return quotesAround(s) ? s.slice(1, -1).trim() : s;
}

/** The quotes around the whole of `s` (`“…”`, `«…»`), or null: where a title's words are quoted as one. */
export function quotesAround(s: string): { open: string; close: string } | null {
  const close = CLOSING_QUOTE[s[0] ?? ''];
  if (close === undefined || s.length < 3 || !s.endsWith(close)) return null;
  const inner = s.slice(1, -1);
  // `"Save" and "Save as"`: quotes that open and close inside are two quotations, not one around the title.
  return inner.includes(s[0]!) || inner.includes(close) || !inner.trim() ? null : { open: s[0]!, close };
}

/** An estimate in story points closing a title: `(2 pts)`, `(1 pt)`, `[5 SP]`, `(3 points)`, `(8 story points)`. */
const STORY_POINTS =
  /(?<=\S)[ \t]*(?:\(\d{1,3}(?:[.,]\d)?[ \t]?(?:pts?|points?|SP|story points?)\)|\[\d{1,3}(?:[.,]\d)?[ \t]?(?:pts?|points?|SP|story points?)\])[ \t]*$/iu;

/** `title` without an estimate in story points closing it (STORY_POINTS). */
export function withoutEstimate(title: string): string {
  return endsInParen(title) || title.trimEnd().endsWith(']') ? title.replace(STORY_POINTS, '') : title;
}

/** The estimate in story points closing `title`, spaces before it included (` (3 points)`), or ''. */
export function estimateTail(title: string): string {
  return title.slice(withoutEstimate(title).length);
}

const TRACKER_TAIL = /(?<=\S)[ \t]*\(#\d{1,7}(?:,[ \t]*#\d{1,7})*(?:,[ \t]*v\d{1,4}(?:\.\d{1,4}){1,3})?\)[ \t]*$/u;

/**
 * `Fix the parser #backend +pai _done:2026-01-27`: words after the title that tag it (`#word`), name its project
 * (`+word`) or stamp a field (`due:2026-02-01`) are metadata in the todo.txt way, not the name; `#12` is an issue
 * and stays. `Docker setup — Issue #24`, `— PR #25`: a last dashed part that only cites the tracker points at the work.
 */
const TRAILING_TOKEN = /^(?:#\p{L}[\p{L}\p{N}_/-]*|\+\p{L}[\p{L}\p{N}_-]*|_?\p{Ll}+:\d{4}-\d{2}-\d{2})$/u;
const TRACKER_PART = /(?<=\S)[ \t]+[—–-][ \t]+(?:issue|PR|MR|pull request|merge request)[ \t]*#\d{1,7}[ \t]*$/iu;

/** TRAILING_TOKEN, run only on a word that may be one: `#` or `+` first, or a colon in it. */
function trailingToken(word: string): boolean {
  return (word.startsWith('#') || word.startsWith('+') || word.includes(':')) && TRAILING_TOKEN.test(word);
}

function withoutTrailingTokens(s: string): string {
  let t = /[#+:]/u.test(s) ? withoutTokensAtEnd(s) : s;
  if (t.includes('#')) t = t.replace(TRACKER_PART, '');
  return hasLetterOrDigit(t) ? t : s;
}

/**
 * The words at the end that are tokens, peeled off one at a time from the end (a single expression over the run of
 * them backtracks quadratically on a long line of tags that ends in a plain word: test/parse/linear-time.test.ts).
 */
function withoutTokensAtEnd(s: string): string {
  const blank = (at: number) => s[at] === ' ' || s[at] === '\t';
  let end = s.length;
  while (end > 0 && blank(end - 1)) end--;
  const whole = end;
  for (;;) {
    let word = end;
    while (word > 0 && !blank(word - 1)) word--;
    let before = word;
    while (before > 0 && blank(before - 1)) before--;
    if (before === 0 || !trailingToken(s.slice(word, end))) break;
    end = before;
  }
  return end === whole ? s : s.slice(0, end);
}

/** Removes every decorative mark (for comparing titles and names). */
export function withoutMarks(s: string): string {
  return s.replace(ANY_MARK, ' ').replace(/\s+/g, ' ').trim();
}

/** `Task #12`, `Tarea #3: Login`: a word for a piece of work and its number in the tracker's way. */
const WORK_WORD_ISSUE = /^([\p{L}]{2,16})[ \t]+(#\d{1,7})(?=$|[\s:：—–-])/u;
/** `Docker setup — Issue #24`: a last dashed part that files the work as an issue (a pull request is a change, not the work). */
const ISSUE_PART = /(?<=\S)[ \t]+[—–-][ \t]+issue[ \t]*(#\d{1,7})[ \t]*$/iu;

/** A heading's id typed as an issue number: `Task #12`, or `Login — Issue #7` when it writes no other (`rest` is what names the work). */
export function issueHeadingId(name: string): IdSplit | null {
  const work = WORK_WORD_ISSUE.exec(name);
  if (work && WORK_WORDS.has(work[1]!.toLowerCase())) return { id: work[2]!, rest: afterId(name.slice(work[0].length)), scope: false };
  const issue = ISSUE_PART.exec(name);
  return issue ? { id: issue[1]!, rest: name, scope: false } : null;
}

/**
 * `2. Record the album`, `A3) Survey`, `1.2. Pour the slab`, `1.2 Pour the slab`: the number a person gave a
 * numbered heading (an outline number of several parts needs no stop after it), and the name after it; null when
 * the heading is not numbered so.
 */
/**
 * `v0.3.0 - Cloud & SaaS`, `v2.1: Sync`: a heading that opens with a version names a release, as `Milestone 3` does;
 * the version is its id, the words after the separator its name.
 */
export function headingVersion(name: string): { id: string; rest: string } | null {
  const m = /^(v\d{1,4}(?:\.\d{1,4}){1,3})(?:[ \t]*[—–:-][ \t]*|[ \t]+)(?=\S)/u.exec(name);
  return m ? { id: m[1]!, rest: name.slice(m[0].length) } : null;
}

export function headingNumber(name: string): { id: string; rest: string; parts: number } | null {
  const m = /^(?:(\d+(?:\.\d+)*|[A-Z]{1,3}\d{1,4})[.)]|(\d+(?:\.\d+)+))\s+(?=\S)/u.exec(name);
  if (!m) return null;
  const id = m[1] ?? m[2]!;
  return { id, rest: name.slice(m[0].length), parts: /^\d/u.test(id) ? id.split('.').length : 1 };
}
