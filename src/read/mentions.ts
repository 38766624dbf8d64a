// One task written in several places of a file: a roadmap lists `- [ ] Phase 16: Sync`
// in a milestone's summary, again in an overview table, and details it under
// `## Phase 16: Sync` with its own status and steps. Those are one task with
// several places, not three tasks: the place that holds the task's detail is the
// task, the others are its mentions (Task.mentions). The rule is in docs/reading.md.

import type { Vocabulary } from '../model/status.js';
import { idKey } from './ids.js';
import { SCOPE_KINDS, type Task } from '../model/types.js';

/** Tasks sharing one id beyond this many are left apart: a file with 500 `1`s lists different work. */
const MAX_SHARING = 64;

export interface FoldOptions {
  /** How much is written under a task's place (the items nested in it). */
  under?: (t: Task) => number;
  /** Told of each place folded into a task. */
  fold?: (task: Task, mention: Task) => void;
}

/** Folds the places of one task into it (Task.mentions): returns the tasks left, in their order. */
export function foldMentions(tasks: Task[], vocab: Vocabulary, opts: FoldOptions = {}): Task[] {
  const byId = new Map<string, Task[]>();
  for (const t of tasks) {
    if (!t.idFromFile || t.kind === 'week') continue;
    const key = idKey(t.id);
    if (key === '') continue;
    const list = byId.get(key);
    if (list) list.push(t);
    else byId.set(key, [t]);
  }
  const folded = new Set<Task>();
  const words = new Map<Task, string[]>();
  const titleOf = (t: Task) => {
    let w = words.get(t);
    if (!w) words.set(t, (w = titleWords(t.title, vocab)));
    return w;
  };
  for (const list of byId.values()) {
    if (list.length < 2 || list.length > MAX_SHARING) continue;
    for (const group of groups(list, (a, b) => samePlace(a, b, titleOf))) {
      // Two headings are two sections of the file, each with its own detail: two tasks.
      if (group.filter((t) => t.source.type === 'heading').length > 1) continue;
      const primary = detailPlace(group, opts.under ?? (() => 0));
      const mentions = group.filter((t) => t !== primary);
      primary.mentions = mentions;
      // A heading with no status written in it or under it has the status its other places show.
      const said = primary.status === 'none' && !showsStatus(primary) ? mentions.find((m) => m.status !== 'none') : undefined;
      if (said) [primary.status, primary.statusText] = [said.status, said.statusText];
      for (const m of mentions) {
        folded.add(m);
        opts.fold?.(primary, m);
      }
    }
  }
  return folded.size ? tasks.filter((t) => !folded.has(t)) : tasks;
}

/** Whether a task's place shows a status of its own: a heading's status, an item's box or mark, a row's Status cell. */
export function showsStatus(t: Task): boolean {
  const s = t.source;
  if (s.type === 'heading' || s.type === 'entry') return s.status !== null;
  if (s.type === 'row') return s.columns.status !== undefined && s.cells[s.columns.status] !== undefined;
  return !!(s.checkbox || s.statusMark || s.statusTail);
}

/**
 * Whether `a` and `b` may be one task written twice: in different sections (two
 * entries of one list or table are two tasks), in no different sprint, week,
 * month, phase or milestone (sprint 1's `1.1` is not sprint 2's), with titles
 * that say the same (one may say more: `Sync` and `Sync: push and pull`).
 */
function samePlace(a: Task, b: Task, titleOf: (t: Task) => string[]): boolean {
  if (a.section === b.section) return false;
  if (SCOPE_KINDS.some((k) => a[k] !== null && b[k] !== null && a[k] !== b[k])) return false;
  const [x, y] = [titleOf(a), titleOf(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 0) return long.length === 0;
  return short.every((w, i) => w === long[i]);
}

/**
 * The tasks that are places of one task: linked by samePlace, and kept only when
 * every two of them are (a summary line that could be sprint 1's `1.1` or sprint
 * 2's says which of them it is by nothing: all stay apart).
 */
function groups(list: Task[], same: (a: Task, b: Task) => boolean): Task[][] {
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const pairs = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (!same(list[i]!, list[j]!)) continue;
      pairs.add(`${i},${j}`);
      parent[find(j)] = find(i);
    }
  }
  const members = new Map<number, number[]>();
  list.forEach((_, i) => {
    const root = find(i);
    const m = members.get(root);
    if (m) m.push(i);
    else members.set(root, [i]);
  });
  const out: Task[][] = [];
  for (const m of members.values()) {
    if (m.length < 2) continue;
    const whole = m.every((i, k) => m.slice(k + 1).every((j) => pairs.has(`${i},${j}`)));
    if (whole) out.push(m.map((i) => list[i]!));
  }
  return out;
}

/**
 * The place that holds the task's detail: its heading, else the place with most
 * written under it or beside it (`under`: an item's nested items, a row's cells
 * beyond its id, title and status), else the one in most scopes (a sprint's list
 * over an overview), else the first; a place with a status before one without.
 */
function detailPlace(group: Task[], under: (t: Task) => number): Task {
  const rank = (t: Task): [number, number] => [
    t.source.type === 'heading' ? Number.MAX_SAFE_INTEGER : t.status === 'none' ? -1 : under(t),
    SCOPE_KINDS.filter((k) => t[k] !== null).length,
  ];
  let best = group[0]!;
  for (const t of group.slice(1)) {
    const [a, b] = [rank(t), rank(best)];
    if (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) best = t;
  }
  return best;
}

/**
 * A title as compared with the task's other places: its words in lower case,
 * without punctuation, marks, or the status words written at either end
 * (`Sync — done`, `DONE: Sync`).
 */
export function titleWords(title: string, vocab: Vocabulary): string[] {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const isStatus = (phrase: string[]) => {
    const text = phrase.join(' ');
    return vocab.leadingWord(text)?.text.toLowerCase() === text;
  };
  const trim = (end: boolean) => {
    for (let again = true; again && words.length; ) {
      again = false;
      for (let n = Math.min(3, words.length); n >= 1; n--) {
        const phrase = end ? words.slice(words.length - n) : words.slice(0, n);
        if (!isStatus(phrase)) continue;
        words.splice(end ? words.length - n : 0, n);
        again = true;
        break;
      }
    }
  };
  trim(true);
  trim(false);
  return words;
}
