// A pass over each list when it ends: what several of its items open with alike (a code, a bold label)
// cannot tell them apart, so it is not what names each one.

import type { Task } from '../../model/types.js';
import { idKey } from '../ids.js';

/**
 * `- [x] JBIG2 MQ decoder를 포팅한다`, `- [x] JBIG2 page flags를 맞춘다`: a code the items of one list open with, a space
 * and no separator after it, that two or more of them share is the name of the thing they work on, not an id
 * (ids tell tasks apart): it goes back into their titles. `tasks`: the list's tasks, but those a bracketed tag names.
 */
export function sharedNames(tasks: readonly Task[], text: string): void {
  const byId = new Map<string, Task[]>();
  for (const t of tasks) {
    if (!t.idFromFile || t.source.type !== 'item') continue;
    const own = text.slice(t.source.text.start, t.source.text.end).trimStart();
    if (!own.startsWith(`${t.id} `) || !/^\s+[\p{L}`]/u.test(own.slice(t.id.length))) continue;
    byId.set(idKey(t.id), [...(byId.get(idKey(t.id)) ?? []), t]);
  }
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    for (const t of same) {
      t.title = `${t.id} ${t.title}`;
      t.id = '';
      t.idFromFile = false;
    }
  }
}

/**
 * `- ⚠️ **MISSING**: Delete tasks`, `- ⚠️ **MISSING**: Search tasks`: a bold label two or more items of one list
 * would be titled by alike flags or files them; it cannot tell them apart, so the words after it name each one.
 */
export function sharedLabels(tasks: readonly Task[], text: string): void {
  const byTitle = new Map<string, Task[]>();
  for (const t of tasks) {
    if (t.source.type !== 'item' || !t.notes) continue;
    const own = text.slice(t.source.text.start, t.source.text.end);
    if (own.includes(`**${t.title}`) || own.includes(`__${t.title}`)) byTitle.set(t.title, [...(byTitle.get(t.title) ?? []), t]);
  }
  for (const same of byTitle.values()) {
    if (same.length < 2) continue;
    for (const t of same) [t.title, t.notes] = [t.notes!, t.title];
  }
}
