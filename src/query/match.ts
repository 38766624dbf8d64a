// Which task of one version of a plan is which task of another: by id where
// the file gives one (in the same section first, then anywhere), else by
// title (in the same section first, then anywhere). Equal keys pair up in
// file order. Used to follow tasks through history and to merge versions.

/** What matching reads of a task. */
export interface Matchable {
  id: string;
  idFromFile: boolean;
  title: string;
  section: string | null;
}

export interface Matching {
  /** For each task of `before`, the index of the same task in `after`, or -1. */
  forward: number[];
  /** For each task of `after`, the index of the same task in `before`, or -1. */
  backward: number[];
}

type KeyOf = (t: Matchable) => string | null;

const norm = (s: string) => s.trim().toLowerCase();

const PASSES: KeyOf[] = [
  (t) => (t.idFromFile ? `${norm(t.id)}\u0000${t.section ?? ''}` : null),
  (t) => (t.idFromFile ? norm(t.id) : null),
  (t) => (t.title.trim() ? `${norm(t.title)}\u0000${t.section ?? ''}` : null),
  (t) => (t.title.trim() ? norm(t.title) : null),
];

export function matchTasks(before: readonly Matchable[], after: readonly Matchable[]): Matching {
  const forward = before.map(() => -1);
  const backward = after.map(() => -1);
  for (const keyOf of PASSES) {
    const waiting = new Map<string, number[]>();
    after.forEach((t, j) => {
      if (backward[j] !== -1) return;
      const k = keyOf(t);
      if (k === null) return;
      const list = waiting.get(k);
      if (list) list.push(j);
      else waiting.set(k, [j]);
    });
    before.forEach((t, i) => {
      if (forward[i] !== -1) return;
      const k = keyOf(t);
      const j = k === null ? undefined : waiting.get(k)?.shift();
      if (j === undefined) return;
      forward[i] = j;
      backward[j] = i;
    });
  }
  return { forward, backward };
}
