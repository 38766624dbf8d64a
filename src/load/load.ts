// file → bytes → text → Plan. Reading never writes the plan file.

import { realpathSync } from 'node:fs';
import { cacheKey, readCached, writeCached, type CacheKey } from '../cache/plan-cache.js';
import type { ReadStamp } from '../cache/stamps.js';
import type { CompactPlan } from '../cache/compact.js';
import { failureText, readFileBytes, type ReadResult } from '../fs/read.js';
import { dirname, join, relative } from 'node:path';
import { PlanError, UsageError } from '../system/errors.js';
import { ConfigError, mergeRead, readSettings, type ReadConfig } from '../read/read-config.js';
import { decode } from '../text/decode.js';
import { mayHaveMojibake } from '../text/mojibake-check.js';
import type { Plan, Problem } from '../model/types.js';
import { MAX_NESTING } from '../parse/depth.js';
import { conflictProblem } from '../read/merge-conflict.js';
import type { VocabularyExtension } from '../model/status.js';
import { envNumber } from '../system/env.js';
import { runtime } from '../system/runtime.js';
import { collectAfterParse, heavyRead } from '../system/heap.js';

/** Files larger than this are refused rather than read (PLAN_MAX_BYTES overrides). */
const MAX_BYTES = 16 * 1024 * 1024;

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
  /** The stamp of the file when its bytes were read, and its model's cache key (for the cache of stamps). */
  stamp?: ReadStamp;
  key?: CacheKey;
}

export function displayPath(path: string, cwd = runtime().cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function readPlanBytes(path: string): Buffer {
  return readPlanFile(path).bytes;
}

/** The plan file's bytes, and its stamp (fs/read.ts) and the time before it was read, for the cache of stamps. */
function readPlanFile(path: string): { bytes: Buffer; stamp: ReadStamp } {
  const display = displayPath(path);
  const max = maxBytes();
  const readMs = runtime().now().getTime();
  const r = readFileBytes(path, { max });
  if (!('bytes' in r)) throw new PlanError(`${display}: ${readFailureAdvice(r, max)}`);
  if (r.bytes.subarray(0, 8192).includes(0)) {
    throw new PlanError(`${display}: looks like a binary file (it contains NUL bytes), not a Markdown plan; pass the right file with -f`);
  }
  heavyRead(r.bytes.length);
  return { bytes: r.bytes, stamp: { ...r.stamp, readMs } };
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

/** `.planrc.json`'s text by folder, for one load of many files in a folder (see loadPlan). */
export type ConfigMemo = Map<string, string>;

export function configText(planPath: string, configs?: ConfigMemo): string {
  if (!configs) return readConfigText(planPath).text;
  const dir = dirname(planPath);
  let text = configs.get(dir);
  if (text === undefined) configs.set(dir, (text = readConfigText(planPath).text));
  return text;
}

/**
 * The settings of `.planrc.json` beside the plan: vocabulary additions (`{ "statuses": { "Shipped": "done" } }`)
 * and how to read the file (`"read"`). A `read` setting plan cannot use throws a ConfigError.
 */
function readConfig(path: string): { extension: VocabularyExtension; read?: Partial<ReadConfig>; problems: string[] } {
  const { file, text, problem } = readConfigText(path);
  if (problem) return { extension: {}, problems: [problem] };
  if (text === '') return { extension: {}, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { extension: {}, problems: [`${displayPath(file)}: invalid JSON (${(e as Error).message}); its statuses were ignored`] };
  }
  const settings = readSettings(json, '.planrc.json', displayPath(file));
  return { extension: (settings.statuses ?? {}) as VocabularyExtension, ...(settings.read ? { read: settings.read } : {}), problems: [] };
}

/** `.planrc.json`'s and the front matter's `read` settings, merged; a ConfigError's message when either is unusable. */
function readSettingsOf(path: string, frontMatter: Record<string, unknown>): { config: ReturnType<typeof readConfig>; read?: ReadConfig; error?: string } {
  let config: ReturnType<typeof readConfig> = { extension: {}, problems: [] };
  try {
    config = readConfig(path);
    const fm = readSettings(frontMatter.plan, 'front matter', displayPath(path));
    const read = mergeRead(config.read, fm.read);
    return { config, ...(read ? { read } : {}) };
  } catch (e) {
    if (e instanceof ConfigError) return { config, error: e.message };
    throw e;
  }
}

/** The mojibake repair a text is read through (identity for a text without the damage). */
export async function repairFor(text: string): Promise<(s: string) => string> {
  return mayHaveMojibake(text) ? (await import('../text/mojibake.js')).repairMojibake : (s: string) => s;
}

export async function buildFromText(path: string, text: string, invalidUtf8: boolean): Promise<Plan> {
  const [{ parseDocument }, { buildPlan }, { toExtension }] = await Promise.all([
    import('../parse/index.js'),
    import('../read/build.js'),
    import('../model/status.js'),
  ]);
  const repair = await repairFor(text);
  const doc = await parseDocument(text);
  const { config, read, error } = readSettingsOf(path, doc.frontMatter.data);
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
    ...(read ? { read } : {}),
  });
  if (error) plan.readConfigError = error;
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

/**
 * The cache key of a plan's model: its bytes (front matter settings included) and the whole `.planrc.json`
 * beside it (its statuses and its `read` settings), so that a change to either never serves a stale model.
 */
export function planCacheKey(path: string, bytes: Uint8Array, build?: string | null, configs?: ConfigMemo): CacheKey | null {
  const config = configText(path, configs);
  let real = path;
  try {
    // One system call, where the JavaScript realpath stats every folder of the path.
    real = realpathSync.native(path);
  } catch {
    // keep the path as given
  }
  return build === undefined ? cacheKey(real, bytes, config) : cacheKey(real, bytes, config, build);
}

/**
 * `lazy`: a cached model's tasks are read chunk by chunk as they are used (for
 * writers). `configs`: `.planrc.json`'s text read once per folder, for the files of
 * one plan set loaded together (its text still keys each entry). `useCache` false parses the file whatever the cache holds, and
 * replaces the entry (a writer found the cached model wrong).
 */
export async function loadPlan(path: string, lazy = false, useCache = true, configs?: ConfigMemo): Promise<Loaded> {
  const { bytes, stamp } = readPlanFile(path);
  const display = displayPath(path);
  const key = planCacheKey(path, bytes, undefined, configs);
  const cached = key && useCache ? readCached(key, lazy) : null;
  if (cached && key) return fromCache(path, display, () => bytes, cached, { stamp, key });
  const { text, escaped } = decode(bytes);
  const plan = await buildFromText(path, text, escaped);
  // Settings plan cannot use stop every command that reads the file (never cached: the next run says so again).
  if (plan.readConfigError) throw new UsageError(`${plan.readConfigError}; fix or remove it`);
  collectAfterParse(text.length);
  if (key) writeCached(key, plan);
  return { path, display, bytes, text, plan, stamp, ...(key ? { key } : {}) };
}

/** A model read from the cache: read-only commands never need the text (nor, by a stamp, the bytes): read on demand. */
function fromCache(
  path: string,
  display: string,
  read: () => Buffer,
  cached: NonNullable<ReturnType<typeof readCached>>,
  stamped?: { stamp: ReadStamp; key: CacheKey },
): Loaded {
  let bytes: Buffer | undefined;
  let text: string | undefined;
  return {
    path,
    display,
    get bytes() {
      return (bytes ??= read());
    },
    get text() {
      return (text ??= decode(this.bytes).text);
    },
    plan: { ...cached.plan, file: display },
    compact: cached.compact,
    ...stamped,
  };
}

/**
 * The cached model at `key` (which the cache of stamps found for the file unchanged), read lazily,
 * without reading the file; null when the cache no longer holds it. `size`: the file's, as read before.
 */
export function loadCachedPlan(path: string, key: CacheKey, size: number): Loaded | null {
  const cached = readCached(key, true);
  if (!cached) return null;
  heavyRead(size);
  return fromCache(path, displayPath(path), () => readPlanBytes(path), cached);
}
