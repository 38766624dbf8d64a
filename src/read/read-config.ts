// How to read a file where plan's own reading gets it wrong, without changing
// the file: `read: { columns, skip, ids }` in `.planrc.json` or in the front
// matter's `plan:` block (the front matter wins, as it does for `statuses`).
// Both places are read here, by one function; a bad entry is a usage error
// naming the file and the key.

import type { ConfigSource, ReadConfig, ReadRole } from '../model/types.js';

export type { ConfigSource, ReadConfig, ReadRole };

const READ_ROLES: readonly ReadRole[] = ['id', 'title', 'status', 'owner', 'notes', 'priority', 'depends', 'ignore'];

/** The settings in one place: `.planrc.json`'s top level, or the front matter's `plan:` block. */
export interface Settings {
  statuses: unknown;
  read?: Partial<ReadConfig>;
}

/** Header and heading text as the settings match it: emphasis and code marks gone, trimmed, spaces collapsed, any case. */
export function normaliseKey(text: string): string {
  return text
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A heading in `skip` may keep its `#`s (`## Impediments`). */
function headingKey(text: string): string {
  return normaliseKey(text.replace(/^\s*#{1,6}(?=\s|$)/u, ''));
}

/** The longest id pattern taken, and the longest text an id pattern is run on (ids are short). */
const MAX_ID_PATTERN = 200;
const MAX_ID_TEXT = 64;

/**
 * Why a user's id pattern is refused, or null. It must compile (with the `u` flag), and must not risk
 * super-linear backtracking in the ways that matter: a quantified group that holds a quantifier or an
 * alternation (`(a+)+`, `(a|a)*`), or a back-reference. The text it runs on is capped too (MAX_ID_TEXT).
 */
export function idPatternProblem(pattern: string): string | null {
  if (pattern.length > MAX_ID_PATTERN) return `is longer than ${MAX_ID_PATTERN} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `is not a valid regular expression (${(e as Error).message})`;
  }
  if (/\\(?:[1-9]|k<)/u.test(pattern)) return 'uses a back-reference; write the id without one';
  // Each open group: whether it holds a quantifier or an alternation so far.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === '|' && stack.length) stack[stack.length - 1] = true;
    else if (c === ')') {
      const risky = stack.pop() ?? false;
      const quantified = /^(?:[*+]|\{\d+,\d*\})/u.exec(pattern.slice(i + 1));
      if (risky && quantified)
        return 'repeats a group that holds a repetition or an alternation (`(a+)+`, `(a|b)*`), which can take exponential time; write it without nesting';
      if ((risky || quantified) && stack.length) stack[stack.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{') && stack.length) stack[stack.length - 1] = true;
  }
  return null;
}

/** The id test of a pattern already checked by idPatternProblem: only short texts are tried. */
export function idMatcher(pattern: string): (text: string) => boolean {
  const re = new RegExp(pattern, 'u');
  return (text) => text.length <= MAX_ID_TEXT && re.test(text);
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The settings of one place (`where`: `.planrc.json`, or the front matter's `plan:` value). Throws a one-line
 * message naming `file` and the key on a `read` setting plan cannot use.
 */
export function readSettings(value: unknown, from: ConfigSource, file: string): Settings {
  if (!isRecord(value)) return { statuses: undefined };
  const key = (k: string) => `${file}: ${from === 'front matter' ? 'front matter plan.read' : 'read'}${k}`;
  const read = value.read;
  if (read === undefined) return { statuses: value.statuses };
  if (!isRecord(read)) throw new ConfigError(`${key('')} must be an object like {"columns": {"Ref": "id"}, "skip": ["## Notes"], "ids": "^[A-Z]+-\\\\d+$"}`);
  const out: Partial<ReadConfig> = {};
  for (const k of Object.keys(read)) {
    if (k !== 'columns' && k !== 'skip' && k !== 'ids') throw new ConfigError(`${key(`.${k}`)} is not a setting; use columns, skip or ids`);
  }
  if (read.columns !== undefined) {
    if (!isRecord(read.columns)) throw new ConfigError(`${key('.columns')} must map header texts to roles ({"Ref": "id"})`);
    out.columns = {};
    for (const [header, role] of Object.entries(read.columns)) {
      if (typeof role !== 'string' || !READ_ROLES.includes(role as ReadRole)) {
        throw new ConfigError(`${key(`.columns.${JSON.stringify(header)}`)}: ${JSON.stringify(role)} is not a role; use one of ${READ_ROLES.join(', ')}`);
      }
      const norm = normaliseKey(header);
      if (norm === '') throw new ConfigError(`${key('.columns')}: an empty header text names no column`);
      out.columns[norm] = { role: role as ReadRole, header, from };
    }
  }
  if (read.skip !== undefined) {
    const list = typeof read.skip === 'string' ? [read.skip] : read.skip;
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || headingKey(s) === '')) {
      throw new ConfigError(`${key('.skip')} must be a list of heading texts (["## Impediments"])`);
    }
    out.skip = (list as string[]).map(headingKey);
  }
  if (read.ids !== undefined) {
    if (typeof read.ids !== 'string') throw new ConfigError(`${key('.ids')} must be a regular expression as a string ("^[A-Z]+-\\\\d+$")`);
    const problem = idPatternProblem(read.ids);
    if (problem) throw new ConfigError(`${key('.ids')} ${JSON.stringify(read.ids)} ${problem}`);
    out.ids = { pattern: read.ids, from };
  }
  return { statuses: value.statuses, read: out };
}

/** A `read` setting plan cannot use (load.ts makes it a usage error: exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Both places' `read` settings as one: the front matter's columns win header by header, its skip and ids replace the file's. */
export function mergeRead(rc: Partial<ReadConfig> | undefined, fm: Partial<ReadConfig> | undefined): ReadConfig | undefined {
  if (!rc && !fm) return undefined;
  const ids = fm?.ids ?? rc?.ids;
  return { columns: { ...rc?.columns, ...fm?.columns }, skip: fm?.skip ?? rc?.skip ?? [], ...(ids ? { ids } : {}) };
}

/** Whether a heading's section is one the settings skip. */
export function skipsHeading(config: ReadConfig | undefined, heading: string): boolean {
  return !!config && config.skip.length > 0 && config.skip.includes(normaliseKey(heading));
}

/** The role the settings give a table header, if any. */
export function configuredRole(config: ReadConfig | undefined, header: string): ReadRole | undefined {
  return config ? config.columns[normaliseKey(header)]?.role : undefined;
}
