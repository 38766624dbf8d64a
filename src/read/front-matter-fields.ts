// The front matter fields plan reads (`block.*` or top level). The raw data
// object never leaves this module: a YAML alias bomb is never expanded.

import type { FrontMatterResult } from '../parse/front-matter-yaml.js';
import type { FrontMatterInfo } from '../model/types.js';

function pick(data: Record<string, unknown>, key: string): unknown {
  const block = data.block;
  if (block && typeof block === 'object' && !Array.isArray(block) && key in block) {
    return (block as Record<string, unknown>)[key];
  }
  return data[key];
}

function str(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

export function readFrontMatterInfo(fm: FrontMatterResult): FrontMatterInfo {
  const d = fm.data;
  const limit = pick(d, 'chars_limit');
  const readOnly = pick(d, 'read_only');
  return {
    present: fm.block !== null,
    language: fm.block?.language ?? null,
    label: str(pick(d, 'label')),
    description: str(pick(d, 'description')),
    readOnly: readOnly === true || readOnly === 'true' || readOnly === 'yes',
    charsLimit: typeof limit === 'number' && Number.isFinite(limit) ? limit : typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : null,
    modified: str(pick(d, 'modified')),
    version: str(pick(d, 'version')),
    span: fm.block ? { start: fm.block.start, end: fm.block.end } : null,
  };
}

/** The plan's name (`name:` in Cursor's plan files, else `title:`): the group of the front matter's own to-do list. */
export function planName(fm: FrontMatterResult): string | null {
  const name = [fm.data.name, fm.data.title].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
  return name ? name.trim() : null;
}

/** The file's own status vocabulary: `plan: { statuses: { Shipped: done } }`. */
export function statusMap(data: Record<string, unknown>): unknown {
  const plan = data.plan;
  if (plan && typeof plan === 'object' && !Array.isArray(plan)) return (plan as Record<string, unknown>).statuses;
  return undefined;
}
