// plan git-setup: registers plan's merge driver with git: a `merge=plan` line
// in .gitattributes (repository) or the global attributes file (--global),
// and the merge.plan.* entries in the repository's (or the global) git config.
// Prints each thing it did; running it again changes nothing.

import { existsSync, readFileSync, realpathSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Context } from './context.js';
import { locatePlan, PLAN_NAMES } from '../locate.js';
import { displayPath } from '../load.js';
import { PlanError } from '../errors.js';
import { firstLine, git } from '../git/exec.js';
import { repoFile } from '../git/repo.js';
import { atomicWrite } from '../edit/write.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { envText } from '../env.js';
import { runtime } from '../runtime.js';

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
  for (const pattern of where.patterns) steps.push(addAttribute(where.attributes, pattern, where.cwd));
  const driver = `${o.command ?? selfCommand()} merge-driver %O %A %B %P --marker-size %L${labelsSupported(where.cwd) ? ' --label-base %S --label-ours %X --label-theirs %Y' : ''}`;
  const configFile = o.global ? 'global git config' : '.git/config';
  steps.push(setConfig(scope, 'merge.plan.name', DRIVER_NAME, where.cwd, configFile));
  steps.push(setConfig(scope, 'merge.plan.driver', driver, where.cwd, configFile));
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, scope: o.global ? 'global' : 'repository', steps }));
    return 0;
  }
  for (const s of steps) ctx.out(s.changed ? `${s.file}: ${s.action} ${s.what}\n` : `${s.file}: ${s.what} (already there)\n`);
  if (!o.global && steps[0]!.changed) {
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
  const path = locatePlan(ctx.opts.file);
  const repo = repoFile(path, displayPath(path), 'git-setup');
  return { attributes: join(repo.root, '.gitattributes'), patterns: [`/${attributePattern(repo.path)}`], cwd: repo.root };
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

function addAttribute(file: string, pattern: string, cwd: string): Step {
  const line = `${pattern} merge=plan`;
  const shown = displayPath(file, cwd);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
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

function setConfig(scope: string, key: string, value: string, cwd: string, file: string): Step {
  const now = git(['config', scope, '--get', key], cwd);
  if (now.status === 0 && now.stdout.toString('utf8').replace(/\n$/, '') === value) return { file, action: 'set', what: `${key} = ${value}`, changed: false };
  const r = git(['config', scope, key, value], cwd);
  if (r.status !== 0) throw new PlanError(`git config ${scope} ${key} failed (${firstLine(r.stderr) || `exit ${r.status}`}); nothing more was changed`);
  return { file, action: 'set', what: `${key} = ${value}`, changed: true };
}

/** This very plan, as a shell command git can run: node and the entry script, quoted. */
function selfCommand(): string {
  const script = runtime().argv[1] ? realpathSync(runtime().argv[1]!) : 'plan';
  return [process.execPath, script].map(shellQuote).join(' ');
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** git 2.44 and later pass the conflict labels (%S, %X, %Y) to merge drivers. */
function labelsSupported(cwd: string): boolean {
  const m = /(\d+)\.(\d+)/.exec(git(['--version'], cwd).stdout.toString('utf8'));
  return !!m && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 44));
}
