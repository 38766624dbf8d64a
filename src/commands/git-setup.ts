// plan git-setup: registers plan's merge driver with git: a `merge=plan` line
// in .gitattributes (repository) or the global attributes file (--global),
// and the merge.plan.* entries in the repository's (or the global) git config.
// Prints each thing it did; running it again changes nothing.

import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, writeFileSync, mkdirSync, type Stats } from 'node:fs';
import { failureText, readFileBytes } from '../fs/read.js';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import type { Context } from './context.js';
import { PLAN_NAMES } from '../load/locate.js';
import { locatePlanFiles, planEntries } from '../load/files.js';
import { displayPath } from '../load/load.js';
import { PlanError } from '../system/errors.js';
import { firstLine, git } from '../git/exec.js';
import { repoFile } from '../git/repo.js';
import { atomicWrite } from '../write/write.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { envText } from '../system/env.js';
import { runtime } from '../system/runtime.js';

export interface SetupOptions {
  global?: boolean;
  command?: string;
}

interface Step {
  file: string;
  /** `added` (an attributes line) or `set` (a config entry). */
  action: 'added' | 'set';
  what: string;
  changed: boolean;
}

const DRIVER_NAME = 'plan: merges Markdown plans task by task';

export async function gitSetup(ctx: Context, o: SetupOptions): Promise<number> {
  const scope = o.global ? '--global' : '--local';
  const where = o.global ? globalTarget() : localTarget(ctx);
  const steps: Step[] = [];
  for (const pattern of where.patterns) steps.push(addAttribute(where.attributes, pattern, where.cwd, !o.global));
  const command = driverCommand(o.command);
  const labels = labelsSupported(where.cwd) ? ' --label-base %S --label-ours %X --label-theirs %Y' : '';
  // `--` before the paths: %P is the plan's path as it is, and may start with `-`.
  const driver = `${command.run} merge-driver --marker-size %L${labels} -- %O %A %B %P`;
  const configFile = o.global ? 'global git config' : '.git/config';
  steps.push(setConfig(scope, 'merge.plan.name', DRIVER_NAME, where.cwd, configFile));
  steps.push(setConfig(scope, 'merge.plan.driver', driver, where.cwd, configFile));
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, scope: o.global ? 'global' : 'repository', steps, command }));
    return 0;
  }
  for (const s of steps) ctx.out(s.changed ? `${s.file}: ${s.action} ${s.what}\n` : `${s.file}: ${s.what} (already there)\n`);
  ctx.out(`${command.why}\n`);
  if (!o.global && steps.some((s) => s.action === 'added' && s.changed)) {
    ctx.out(`Commit ${steps[0]!.file} so every clone merges the plan task by task; each clone runs \`plan git-setup\` once for its own git config.\n`);
  }
  return 0;
}

interface Target {
  attributes: string;
  patterns: string[];
  cwd: string;
}

function localTarget(ctx: Context): Target {
  const files = locatePlanFiles(ctx.opts.file);
  const path = files.paths[0]!;
  const repo = repoFile(path, displayPath(path), 'git-setup');
  const patterns = files.many ? severalPatterns(ctx.opts.file, files.paths, repo.root) : [`/${attributePattern(repo.path)}`];
  return { attributes: join(repo.root, '.gitattributes'), patterns, cwd: repo.root };
}

/**
 * A plan of several files: a folder named is one pattern for the Markdown files below it
 * (every `*.md` at any depth, so a file added to it later merges task by task too); the
 * other files of the plan (named alone, or found by a glob) one pattern per folder
 * (`/docs/*.md`) where they are all that pattern matches there, else a pattern each.
 * All the files must be in the one repository.
 */
function severalPatterns(explicit: Context['opts']['file'], paths: readonly string[], root: string): string[] {
  const within = (dir: string, p: string) => !relative(dir, p).startsWith('..') && !isAbsolute(relative(dir, p));
  const repoPath = (p: string, display: string) => {
    const rel = relative(root, realpathSync(p));
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new PlanError(
        `${display}: not in the repository of ${displayPath(paths[0]!)} (${displayPath(root)}); run plan git-setup in each repository, with -f`,
      );
    }
    return rel.split(sep).join('/');
  };
  const folders = planEntries(explicit).flatMap((e) => (e.kind === 'folder' ? [e.path] : []));
  const patterns: string[] = [];
  for (const folder of folders) {
    const rel = repoPath(folder, displayPath(folder));
    const exts = new Set(paths.filter((p) => within(folder, p)).map((p) => extname(p)));
    for (const ext of exts) patterns.push(`/${rel ? `${attributePattern(rel)}/` : ''}**/*${attributePattern(ext)}`);
  }
  const rest = paths.filter((p) => !folders.some((f) => within(f, p)));
  for (const group of byFolderAndExtension(rest)) {
    if (group.length > 1 && allOfTheirKind(group)) {
      const dir = repoPath(dirname(group[0]!), displayPath(dirname(group[0]!)));
      patterns.push(`/${dir ? `${attributePattern(dir)}/` : ''}*${attributePattern(extname(group[0]!))}`);
    } else for (const p of group) patterns.push(`/${attributePattern(repoPath(p, displayPath(p)))}`);
  }
  return patterns;
}

/** The files grouped by their folder and extension, in the order of their first file. */
function byFolderAndExtension(paths: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const key = `${dirname(p)}\0${extname(p)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}

/**
 * Whether the files (one folder, one extension) are every entry of their folder that
 * `*<extension>` matches in .gitattributes (hidden ones too, which the plan never reads):
 * then that one pattern says exactly what a line per file says.
 */
function allOfTheirKind(group: readonly string[]): boolean {
  const ext = extname(group[0]!);
  let names: string[];
  try {
    names = readdirSync(dirname(group[0]!)).filter((n) => n.endsWith(ext) && n.length > ext.length);
  } catch {
    return false;
  }
  const mine = new Set(group.map((p) => basename(p)));
  return names.length === mine.size && names.every((n) => mine.has(n));
}

function globalTarget(): Target {
  const cwd = runtime().cwd();
  const configured = git(['config', '--global', '--path', '--get', 'core.attributesFile'], cwd);
  const fromConfig = configured.status === 0 ? configured.stdout.toString('utf8').trim() : '';
  const xdg = envText('XDG_CONFIG_HOME') ?? join(envText('HOME') ?? homedir(), '.config');
  return { attributes: fromConfig || join(xdg, 'git', 'attributes'), patterns: PLAN_NAMES.map(attributePattern), cwd };
}

/** A path as a .gitattributes pattern: blanks and pattern characters escaped. */
function attributePattern(path: string): string {
  return path.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/\s/g, '[[:space:]]');
}

/** The attributes file's text, null when there is none; a folder, FIFO or device is refused (never read or waited on). */
function readAttributes(file: string, shown: string): string | null {
  const r = readFileBytes(file, { max: MAX_ATTRIBUTES_BYTES });
  if ('bytes' in r) return r.bytes.toString('utf8');
  if (r.failure === 'missing') return null;
  throw new PlanError(`${shown}: ${failureText(r)}; nothing was changed`);
}

/** Git reads attributes files of up to 100 MB; plan adds a line to files far smaller than that. */
const MAX_ATTRIBUTES_BYTES = 16 * 1024 * 1024;

function addAttribute(file: string, pattern: string, cwd: string, inRepository: boolean): Step {
  const line = `${pattern} merge=plan`;
  const shown = displayPath(file, cwd);
  const text = attributesFileExists(file, shown, inRepository) ? readAttributes(file, shown) : null;
  if (text?.split(/\r?\n/).some((l) => l.trim().split(/\s+/).join(' ') === line)) {
    return { file: shown, action: 'added', what: line, changed: false };
  }
  const eol = text !== null && /\r\n/.test(text) ? '\r\n' : '\n';
  const next = `${text ?? ''}${text && !text.endsWith('\n') ? eol : ''}${line}${eol}`;
  try {
    if (text === null) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, next, { flag: 'wx' });
    } else atomicWrite(realpathSync(file), Buffer.from(next, 'utf8'), shown);
  } catch (e) {
    if (e instanceof PlanError) throw e;
    throw new PlanError(`${shown}: could not write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing else was changed`);
  }
  return { file: shown, action: 'added', what: line, changed: true };
}

/**
 * Whether the attributes file exists, refusing what plan must not write
 * through: in a repository, a symbolic link (git refuses to read a
 * .gitattributes that is one, and it may point outside the repository);
 * anywhere, something other than a regular file (a folder, a FIFO).
 */
function attributesFileExists(file: string, shown: string, inRepository: boolean): boolean {
  let st: Stats;
  try {
    st = inRepository ? lstatSync(file) : statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new PlanError(`${shown}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was changed`);
  }
  if (st.isSymbolicLink()) {
    throw new PlanError(
      `${shown}: is a symbolic link, which git does not read as .gitattributes; replace it with a regular file, then run plan git-setup again`,
    );
  }
  if (!st.isFile()) {
    const what = st.isDirectory() ? 'a folder' : 'not a regular file';
    throw new PlanError(`${shown}: is ${what}; git reads attributes from a regular file: move it away, then run plan git-setup again`);
  }
  return true;
}

function setConfig(scope: string, key: string, value: string, cwd: string, file: string): Step {
  const now = git(['config', scope, '--get', key], cwd);
  if (now.status === 0 && now.stdout.toString('utf8').replace(/\n$/, '') === value) return { file, action: 'set', what: `${key} = ${value}`, changed: false };
  const r = git(['config', scope, key, value], cwd);
  if (r.status !== 0) throw new PlanError(`git config ${scope} ${key} failed (${firstLine(r.stderr) || `exit ${r.status}`}); nothing more was changed`);
  return { file, action: 'set', what: `${key} = ${value}`, changed: true };
}

interface DriverCommand {
  /** How the command was chosen: --command, `plan` on PATH (this very copy), or this copy's absolute path. */
  source: 'option' | 'path' | 'absolute';
  run: string;
  /** The line that tells the user. */
  why: string;
}

/**
 * The command git runs: --command as given; else `plan` when the `plan` on
 * PATH is this very copy (so reinstalling or moving it breaks nothing); else
 * node and this copy's entry script, by absolute path.
 */
function driverCommand(option: string | undefined): DriverCommand {
  if (option !== undefined) return { source: 'option', run: option, why: `git runs \`${option}\` (--command)` };
  const script = runtime().argv[1] ? realpathSync(runtime().argv[1]!) : null;
  const found = findOnPath('plan');
  if (script && found && sameFile(found, script)) {
    return { source: 'path', run: 'plan', why: `git runs \`plan\` from PATH (${found})` };
  }
  const run = [process.execPath, script ?? 'plan'].map(shellQuote).join(' ');
  const other = found ? `the \`plan\` on PATH (${found}) is another copy` : 'no `plan` on PATH';
  return {
    source: 'absolute',
    run,
    why: `git runs this copy of plan by its absolute path (${other}); if you move or reinstall it, run plan git-setup again, or pass --command plan`,
  };
}

/**
 * The first executable file of this name in PATH, or null. Folders git's
 * shell may not have later are passed over: relative ones, and a project's
 * node_modules/.bin (which npx and npm scripts put on PATH only for the run).
 */
function findOnPath(name: string): string | null {
  if (process.platform === 'win32') return null;
  for (const dir of (envText('PATH') ?? '').split(delimiter)) {
    if (!isAbsolute(dir) || /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not here: the next folder
    }
  }
  return null;
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** git 2.44 and later pass the conflict labels (%S, %X, %Y) to merge drivers. */
function labelsSupported(cwd: string): boolean {
  const m = /(?<!\d)(\d+)\.(\d+)/.exec(git(['--version'], cwd).stdout.toString('utf8'));
  return !!m && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 44));
}
