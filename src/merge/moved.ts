// Which of a side's items it moved: those not in every longest run it kept
// in the base's order. A row moved past the others is the one out of that
// run; of two rows swapped, either may be the one that moved, so both are.

/** Items of `side` (also in `base`) that `side` moved: outside some longest subsequence in `base`'s order. */
export function moved(base: readonly string[], side: readonly string[]): Set<string> {
  const at = new Map(base.map((k, i) => [k, i]));
  const keys = side.filter((k) => at.has(k));
  const pos = keys.map((k) => at.get(k)!);
  const n = pos.length;
  // ending[i] / starting[i]: the longest increasing run of positions ending / starting at i.
  const ending = new Array<number>(n).fill(1);
  const starting = new Array<number>(n).fill(1);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (pos[j]! < pos[i]!) ending[i] = Math.max(ending[i]!, ending[j]! + 1);
  for (let i = n - 1; i >= 0; i--) for (let j = i + 1; j < n; j++) if (pos[j]! > pos[i]!) starting[i] = Math.max(starting[i]!, starting[j]! + 1);
  const longest = Math.max(0, ...ending);
  // In every longest run: in one, and alone in its place in the run (no other item in a longest run ends at the same length).
  const inSome = (i: number) => ending[i]! + starting[i]! - 1 === longest;
  const count = new Map<number, number>();
  for (let i = 0; i < n; i++) if (inSome(i)) count.set(ending[i]!, (count.get(ending[i]!) ?? 0) + 1);
  return new Set(keys.filter((_, i) => !inSome(i) || count.get(ending[i]!)! > 1));
}
