// Which files make the plan: every -f (a file, a folder, a glob), else $PLAN_FILE
// (a list split as PATH is, or a folder), else the `files` globs of the nearest
// `.planrc.json`, else the one file locatePlan finds. One file keeps today's
// path exactly (locatePlan); only a plan of several files is walked and globbed.

import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PlanError, UsageError } from '../system/errors.js';
import { envText } from '../system/env.js';
import { runtime } from '../system/runtime.js';
import { locatePlan, repositoryOf } from './locate.js';
import { readFileBytes } from '../fs/read.js';

export interface PlanFiles {
  /** Absolute paths, sorted within each -f, without repeats. */
  paths: string[];
  /** Whether the plan is made of several files (a folder or glob always is, whatever it finds). */
  many: boolean;
  /** Files a `.planrc.json` glob found that are left out, each with the line that says why. */
  refused?: { path: string; message: string }[];
}

/** Folders a walk never enters: dependencies, and dot folders but the planning tools' own. */
function skipFolder(name: string): boolean {
  return name === 'node_modules' || (name.startsWith('.') && name !== '.planning' && name !== '.kiro');
}

const isMarkdown = (name: string) => /\.(?:md|markdown)$/i.test(name);
/**
 * A hidden file is never found by a walk: plan's own writes rename a hidden temporary file
 * (`.plan-tmp-…`) over the plan, and editors keep hidden lock and swap files beside it; read as
 * a file of the plan, another writer's half-written file would make this one refuse.
 */
const isPlanFileName = (name: string) => !name.startsWith('.') && isMarkdown(name);
// Only what globMatches matches: a `[` or `{` in a file name is itself.
const isGlob = (s: string) => /[*?]/.test(s);

/** How deep a walk goes below the folder it starts in: deeper is no plan layout, and a bound keeps a pathological tree from running on. */
const MAX_DEPTH = 32;

/** Every Markdown file below `dir` (links to folders are not followed: no loops, no way out), sorted. */
function markdownBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(d, e.name);
      // A Dirent of a link says isSymbolicLink, never isDirectory: linked folders are not entered.
      if (e.isDirectory()) {
        if (!skipFolder(e.name) && depth < MAX_DEPTH) walk(full, depth + 1);
      } else if (isPlanFileName(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(full)))) out.push(full);
    }
  };
  walk(dir, 0);
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `name` matches the glob `pattern` (`*`, `?`, `**` across folders),
 * never a regular expression built from the user's text. Consecutive `**` are
 * one, and each (pattern segment, name segment) pair is tried once: at most
 * their product of steps, however many `**` the pattern holds.
 */
export function globMatches(pattern: string, name: string): boolean {
  const p = pattern.split('/').filter((s, i, all) => s !== '**' || all[i - 1] !== '**');
  const n = name.split('/');
  const failed = new Set<number>();
  const seg = (pi: number, ni: number): boolean => {
    if (pi === p.length) return ni === n.length;
    const key = pi * (n.length + 1) + ni;
    if (failed.has(key)) return false;
    let ok: boolean;
    if (p[pi] === '**') {
      ok = false;
      for (let k = ni; k <= n.length && !ok; k++) ok = seg(pi + 1, k);
    } else ok = ni < n.length && wildcard(p[pi]!, n[ni]!) && seg(pi + 1, ni + 1);
    if (!ok) failed.add(key);
    return ok;
  };
  return seg(0, 0);
}

/** `*` and `?` within one path segment (the classic two-pointer match). */
function wildcard(p: string, s: string): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === s[si])) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

/** The files a glob names: the Markdown files below its folder part that match it. */
function globFiles(pattern: string, cwd: string): string[] {
  const { base, rest } = splitGlob(resolve(cwd, pattern));
  return markdownBelow(base).filter((f) => globMatches(rest, relative(base, f).split(sep).join('/')));
}

/** An absolute glob as its folder part (its segments before the first with a `*` or `?`) and the rest. */
function splitGlob(abs: string): { base: string; rest: string } {
  const parts = abs.split(sep).join('/').split('/');
  const firstGlob = parts.findIndex(isGlob);
  return { base: parts.slice(0, firstGlob).join('/') || '/', rest: parts.slice(firstGlob).join('/') };
}

/** One -f entry (or one of $PLAN_FILE's): its files, and whether it may name several. */
function expand(entry: string, cwd: string): { paths: string[]; many: boolean } {
  if (isGlob(entry) && !existsSync(resolve(cwd, entry))) return { paths: globFiles(entry, cwd), many: true };
  const path = resolve(cwd, entry);
  if (isDirectory(path)) return { paths: markdownBelow(path), many: true };
  return { paths: [path], many: false };
}

function combine(entries: readonly string[], cwd: string, what: string): PlanFiles {
  const seen = new Set<string>();
  let many = false;
  for (const e of entries) {
    const r = expand(e, cwd);
    many ||= r.many;
    if (r.many && r.paths.length === 0) throw new UsageError(`${what} ${e}: no Markdown files there; pass plan files, a folder that holds some, or a glob`);
    for (const p of r.paths) seen.add(p);
  }
  // Counted after the repeats are gone: `-f a.md -f a.md` is one file.
  return { paths: [...seen], many: many || seen.size > 1 };
}

/** The `files` globs of the nearest `.planrc.json` (this folder up to the repository root), relative to it; null without one. */
function configuredFiles(cwd: string): { dir: string; globs: string[] } | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, '.planrc.json');
    if (existsSync(file)) {
      const globs = filesSetting(file);
      if (globs) return { dir, globs };
    }
    if (dirname(dir) === dir || existsSync(join(dir, '.git'))) return null;
  }
}

/** `.planrc.json`'s `files`: a list of globs, or null when it has none (or cannot be read: the reader reports that). */
function filesSetting(file: string): string[] | null {
  const r = readFileBytes(file, { max: 1024 * 1024 });
  if (!('bytes' in r)) return null;
  let json: unknown;
  try {
    json = JSON.parse(r.bytes.toString('utf8'));
  } catch {
    return null;
  }
  const files = (json as { files?: unknown } | null)?.files;
  if (files === undefined) return null;
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f === '')) {
    throw new UsageError(`${file}: "files" must be a list of paths or globs, like [".planning/**/*.md", "docs/sprints/*.md"]`);
  }
  // The repository's setting may name only the repository's files: no way up, no absolute path.
  const out = (files as string[]).find((f) => isAbsolute(f) || /^[a-z]:/i.test(f) || f.split(/[\\/]/).includes('..'));
  if (out !== undefined) {
    throw new UsageError(
      `${file}: "files" entry ${JSON.stringify(out)} must be relative to the .planrc.json folder, without ".."; to read other files pass -f`,
    );
  }
  return files as string[];
}

/** Why `file` is not inside `root` (a real path) once every link is followed, or null when it is (or is missing: the reader says so). */
function outside(file: string, root: string, what: string): string | null {
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    return null;
  }
  const rel = relative(root, target);
  if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return null;
  const how = lstatSync(file).isSymbolicLink() ? 'a symbolic link to' : 'in a linked folder, really';
  return `${file}: ${how} ${target}, outside ${what} ${root}; plan does not follow a repository's link out of it (pass -f ${file} to read it anyway)`;
}

/**
 * The files `.planrc.json` names, kept to the repository (its folder, outside
 * one): a file whose real path is elsewhere is refused, or, found by a glob or
 * a folder, left out with its line (the command then fails, as for a file that
 * cannot be read).
 */
function confined(files: PlanFiles, dir: string): PlanFiles {
  const repo = repositoryOf(dir);
  const root = realpathSync(repo ?? dir);
  const what = repo ? 'the repository' : 'the .planrc.json folder';
  const refused: { path: string; message: string }[] = [];
  const paths = files.paths.filter((path) => {
    const message = outside(path, root, what);
    if (message) refused.push({ path, message });
    return !message;
  });
  if (refused.length && !files.many) throw new PlanError(refused[0]!.message);
  return { paths, many: files.many, refused };
}

/** $PLAN_FILE's paths: split as PATH is (`:`, `;` on Windows, where `:` is in `C:\`). */
export function planFileList(text: string, separator: string = delimiter): string[] {
  return text.split(separator).filter(Boolean);
}

/** The files of the plan (see the top of this file). */
export function locatePlanFiles(explicit: string | readonly string[] | undefined, cwd = runtime().cwd(), env = runtime().env): PlanFiles {
  const given = typeof explicit === 'string' ? [explicit] : (explicit ?? []);
  if (given.length === 1 && !isGlob(given[0]!) && !isDirectory(resolve(cwd, given[0]!))) return { paths: [locatePlan(given[0], cwd, env)], many: false };
  if (given.length > 0) {
    const files = combine(given, cwd, '-f');
    return files.many ? files : { paths: [locatePlan(files.paths[0], cwd, env)], many: false };
  }
  const fromEnv = envText('PLAN_FILE', env);
  if (fromEnv) return combine(planFileList(fromEnv), cwd, 'PLAN_FILE');
  const configured = configuredFiles(cwd);
  // The globs are the repository's: a file they reach through a link out of it is refused, as discovery refuses one.
  if (configured) return confined(combine(configured.globs, configured.dir, '.planrc.json files:'), configured.dir);
  return { paths: [locatePlan(undefined, cwd, env)], many: false };
}

/** What one entry of a plan of several files names: a folder (its files below it), a glob (`path`: its folder part), or one file. */
export interface PlanEntry {
  kind: 'folder' | 'glob' | 'file';
  path: string;
}

/** The entries -f, $PLAN_FILE or `.planrc.json` give (none when discovery finds the plan's one file), as absolute paths. */
export function planEntries(explicit: string | readonly string[] | undefined, cwd = runtime().cwd(), env = runtime().env): PlanEntry[] {
  const given = typeof explicit === 'string' ? [explicit] : (explicit ?? []);
  const fromEnv = given.length ? undefined : envText('PLAN_FILE', env);
  const configured = given.length || fromEnv ? null : configuredFiles(cwd);
  const entries = given.length ? given : fromEnv ? planFileList(fromEnv) : (configured?.globs ?? []);
  const base = configured?.dir ?? cwd;
  return entries.map((entry): PlanEntry => {
    const path = resolve(base, entry);
    if (isGlob(entry) && !existsSync(path)) return { kind: 'glob', path: splitGlob(path).base };
    return { kind: isDirectory(path) ? 'folder' : 'file', path };
  });
}

/**
 * The folders whose files may join or leave a plan of several files: each folder an entry names
 * (a glob: its folder part), with every folder a walk enters below it, and the folder of each
 * file named alone; for `plan watch`, which watches them.
 */
export function planFolders(explicit: string | readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const { kind, path } of planEntries(explicit)) {
    if (kind === 'file') out.add(dirname(path));
    else for (const dir of foldersBelow(path)) out.add(dir);
  }
  return [...out];
}

/** `dir` and every folder below it that a walk enters (markdownBelow's rule). */
function foldersBelow(dir: string): string[] {
  const out = [dir];
  for (let i = 0; i < out.length; i++) {
    const depth = relative(dir, out[i]!).split(sep).filter(Boolean).length;
    if (depth >= MAX_DEPTH) continue;
    try {
      for (const e of readdirSync(out[i]!, { withFileTypes: true })) if (e.isDirectory() && !skipFolder(e.name)) out.push(join(out[i]!, e.name));
    } catch {
      // gone or unreadable: nothing below it to watch
    }
  }
  return out;
}

/** The plan's one file, for the commands that read or write a single file (check, fix, log, undo, …); several are refused. */
export function locateOnePlan(explicit: string | readonly string[] | undefined): string {
  const files = locatePlanFiles(explicit);
  if (files.many) {
    const shown = files.paths.slice(0, 3).map((p) => relative(runtime().cwd(), p) || p);
    throw new UsageError(
      `this command works on one file, and the plan is ${files.paths.length === 1 ? 'a folder or glob' : `${files.paths.length} files`} (${shown.join(', ')}${files.paths.length > 3 ? ', …' : ''}); pass ${files.paths.length === 1 ? 'the file' : 'one of them'} with -f <file>`,
    );
  }
  return files.paths[0]!;
}
