// file → bytes → text → Plan. Reading never writes the plan file.

import { realpathSync } from 'node:fs';
import { cacheKey, readCached, writeCached, type CacheKey } from './cache/plan-cache.js';
import type { CompactPlan } from './cache/compact.js';
import { failureText, readFileBytes, type ReadResult } from './fs/read.js';
import { dirname, join, relative } from 'node:path';
import { PlanError } from './errors.js';
import { decode } from './text/decode.js';
import { mayHaveMojibake } from './text/mojibake-check.js';
import type { Plan, Problem } from './model/types.js';
import { MAX_NESTING } from './parse/depth.js';
import { conflictProblem } from './model/merge-conflict.js';
import type { VocabularyExtension } from './status.js';
import { envNumber } from './env.js';
import { runtime } from './runtime.js';

/** Files larger than this are refused rather than read (PLAN_MAX_BYTES overrides). */
export const MAX_BYTES = 16 * 1024 * 1024;

/** The largest file plan reads: PLAN_MAX_BYTES, else MAX_BYTES. */
export function maxBytes(): number {
  return envNumber('PLAN_MAX_BYTES', MAX_BYTES);
}

export interface Loaded {
  path: string;
  /** The path as the user should see it (relative to the current folder when inside it). */
  display: string;
  bytes: Buffer;
  text: string;
  plan: Plan;
  /** The cache's compact form of the model, when it came from the cache. */
  compact?: CompactPlan;
}

export function displayPath(path: string, cwd = runtime().cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function readPlanBytes(path: string): Buffer {
  const display = displayPath(path);
  const max = maxBytes();
  const r = readFileBytes(path, { max });
  if (!('bytes' in r)) throw new PlanError(`${display}: ${readFailureAdvice(r, max)}`);
  if (r.bytes.subarray(0, 8192).includes(0)) {
    throw new PlanError(`${display}: looks like a binary file (it contains NUL bytes), not a Markdown plan; pass the right file with -f`);
  }
  return r.bytes;
}

/** Why a plan file was not read, and what to do. */
function readFailureAdvice(r: Exclude<ReadResult, { bytes: Buffer }>, max: number): string {
  switch (r.failure) {
    case 'missing':
      return 'no such file; check the path, or pass -f <file> / set PLAN_FILE';
    case 'denied':
      return "permission denied; check the file's permissions";
    case 'directory':
      return 'is a directory; pass the Markdown plan file inside it with -f <file>';
    case 'special':
      return 'not a regular file; pass a Markdown plan file with -f <file>';
    case 'too-large':
      return `file is too large (${((r.size ?? 0) / 1048576).toFixed(1)} MB; plan reads up to ${(max / 1048576).toFixed(0)} MB); split the plan or set PLAN_MAX_BYTES`;
    default:
      return `cannot read (${r.detail})`;
  }
}

/** The most bytes of `.planrc.json` read (a vocabulary file is a few lines). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** `.planrc.json` beside the plan: its text ('' when there is none), or why it could not be read. */
export function readConfigText(planPath: string): { file: string; text: string; problem?: string } {
  const file = join(dirname(planPath), '.planrc.json');
  const r = readFileBytes(file, { max: MAX_CONFIG_BYTES });
  if ('bytes' in r) return { file, text: r.bytes.toString('utf8') };
  if (r.failure === 'missing') return { file, text: '' };
  return { file, text: '', problem: `${displayPath(file)}: ${failureText(r)}; its statuses were ignored` };
}

/** Vocabulary additions from `.planrc.json` beside the plan: `{ "statuses": { "Shipped": "done" } }`. */
export function readConfig(path: string): { extension: VocabularyExtension; problems: string[] } {
  const { file, text, problem } = readConfigText(path);
  if (problem) return { extension: {}, problems: [problem] };
  if (text === '') return { extension: {}, problems: [] };
  try {
    const json = JSON.parse(text) as { statuses?: unknown };
    return { extension: (json.statuses ?? {}) as VocabularyExtension, problems: [] };
  } catch (e) {
    return { extension: {}, problems: [`${displayPath(file)}: invalid JSON (${(e as Error).message}); its statuses were ignored`] };
  }
}

export async function buildFromText(path: string, text: string, invalidUtf8: boolean): Promise<Plan> {
  const [{ parseDocument }, { buildPlan }, { toExtension }] = await Promise.all([
    import('./parse/index.js'),
    import('./model/build.js'),
    import('./status.js'),
  ]);
  const repair = mayHaveMojibake(text) ? (await import('./text/mojibake.js')).repairMojibake : (s: string) => s;
  const doc = await parseDocument(text);
  const config = readConfig(path);
  const { extension } = toExtension(config.extension);
  const plan = buildPlan({
    file: displayPath(path),
    text,
    frontMatter: doc.frontMatter,
    blocks: doc.blocks,
    parser: doc.parser,
    invalidUtf8,
    repair,
    extension,
  });
  for (const p of config.problems) plan.problems.push({ line: 1, column: 1, severity: 'warning', code: 'config', message: p });
  if (doc.tooDeep.length) plan.problems.push(tooDeepProblem(doc.tooDeep));
  plan.problems.push(...doc.conflicts.map(conflictProblem));
  return plan;
}

function tooDeepProblem(lines: number[]): Problem {
  const which = lines.length === 1 ? 'this line nests' : `this line and ${lines.length - 1} more (up to line ${lines[lines.length - 1]}) nest`;
  return {
    line: lines[0]!,
    column: 1,
    severity: 'warning',
    code: 'too-deep',
    message: `${which} block quotes, lists or indentation more than ${MAX_NESTING} levels deep; plan leaves them out (no task is read from them)`,
  };
}

/** The cache key of a plan's model: its bytes and the vocabulary file beside it. */
export function planCacheKey(path: string, bytes: Uint8Array): CacheKey | null {
  const config = readConfigText(path).text;
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // keep the path as given
  }
  return cacheKey(real, bytes, config);
}

/**
 * `lazy`: a cached model's tasks are read chunk by chunk as they are used (for
 * writers). `useCache` false parses the file whatever the cache holds, and
 * replaces the entry (a writer found the cached model wrong).
 */
export async function loadPlan(path: string, lazy = false, useCache = true): Promise<Loaded> {
  const bytes = readPlanBytes(path);
  const display = displayPath(path);
  const key = planCacheKey(path, bytes);
  const cached = key && useCache ? readCached(key, lazy) : null;
  if (cached) {
    // Read-only commands on a cached model never need the text: decode it on demand.
    let text: string | undefined;
    return {
      path,
      display,
      bytes,
      get text() {
        return (text ??= decode(bytes).text);
      },
      plan: { ...cached.plan, file: display },
      compact: cached.compact,
    };
  }
  const { text, escaped } = decode(bytes);
  const plan = await buildFromText(path, text, escaped);
  if (key) writeCached(key, plan);
  return { path, display, bytes, text, plan };
}
