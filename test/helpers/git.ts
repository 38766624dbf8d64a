// Real git repositories in temporary folders, for the history and merge
// tests: fixed author, dates and config (the user's own git config is never
// read), and plan run inside them as a user would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BIN, CACHE, plan, tempDir, type RunResult } from './run.js';

/**
 * The environment of every git (and plan) child: no global or system config,
 * a home of its own (never the user's), fixed identity.
 */
export function gitEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  const global = join(dir, '..', `${dir.split('/').pop()}-gitconfig`);
  const home = join(dir, '..', `${dir.split('/').pop()}-home`);
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_GLOBAL: global,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ana',
    GIT_AUTHOR_EMAIL: 'ana@example.com',
    GIT_COMMITTER_NAME: 'Ana',
    GIT_COMMITTER_EMAIL: 'ana@example.com',
    GIT_AUTHOR_DATE: '2026-01-01T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T10:00:00Z',
    XDG_CACHE_HOME: CACHE,
    NO_COLOR: '1',
    ...extra,
  };
}

export interface Repo {
  dir: string;
  /** Runs git; throws with its stderr when it fails. */
  git: (args: string[], env?: Record<string, string>) => string;
  /** Runs git and returns whatever happened. */
  tryGit: (args: string[], env?: Record<string, string>) => RunResult;
  write: (name: string, content: string | Buffer) => void;
  read: (name: string) => Buffer;
  text: (name: string) => string;
  /** Commits everything with this message, at this date (ISO). */
  commit: (message: string, date?: string, author?: string) => void;
  /** Runs plan in the repository. */
  run: (args: string[], env?: Record<string, string>) => RunResult;
  /** Configures the merge driver for `file` as `plan git-setup` would, with this very build. */
  useDriver: (file: string) => void;
  cleanup: () => void;
}

export function makeRepo(): Repo {
  const t = tempDir();
  const dir = t.dir;
  const env = gitEnv(dir);
  const tryGit = (args: string[], extra: Record<string, string> = {}): RunResult => {
    const r = spawnSync('git', args, { cwd: dir, env: { ...process.env, ...env, ...extra }, encoding: 'utf8' });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const git = (args: string[], extra: Record<string, string> = {}): string => {
    const r = tryGit(args, extra);
    if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  git(['init', '-q', '-b', 'main']);
  git(['config', 'core.autocrlf', 'false']);
  return {
    dir,
    git,
    tryGit,
    write: (name, content) => {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    },
    read: (name) => readFileSync(join(dir, name)),
    text: (name) => readFileSync(join(dir, name), 'utf8'),
    commit: (message, date = '2026-01-01T10:00:00Z', author = 'Ana') => {
      git(['add', '-A']);
      git(['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: author });
    },
    run: (args, extra = {}) => plan(args, { cwd: dir, env: { ...env, ...extra } }),
    useDriver: (file) => {
      writeFileSync(join(dir, '.gitattributes'), `/${file} merge=plan\n`);
      git(['config', 'merge.plan.driver', `'${process.execPath}' '${BIN}' merge-driver --marker-size %L -- %O %A %B %P`]);
    },
    cleanup: () => {
      t.cleanup();
      rmSync(env.GIT_CONFIG_GLOBAL!, { force: true });
      rmSync(env.HOME!, { recursive: true, force: true });
    },
  };
}

/** A history written with one `git fast-import`: each commit sets the file to the next text. */
export function importHistory(repo: Repo, file: string, texts: string[], start = Date.parse('2026-01-01T10:00:00Z')): void {
  const parts: string[] = [];
  texts.forEach((text, i) => {
    const when = Math.floor((start + i * 3600_000) / 1000);
    const data = Buffer.from(text, 'utf8');
    const msg = `step ${i + 1}`;
    parts.push(
      `commit refs/heads/main\nmark :${i + 1}\nauthor Ana <ana@example.com> ${when} +0000\ncommitter Ana <ana@example.com> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`,
      i > 0 ? `from :${i}\n` : '',
      `M 100644 inline ${file}\ndata ${data.length}\n`,
    );
    parts.push(`${text}\n`);
  });
  const r = spawnSync('git', ['fast-import', '--quiet'], {
    cwd: repo.dir,
    input: parts.join(''),
    env: { ...process.env, ...gitEnv(repo.dir) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  repo.git(['checkout', '-q', '-f', 'main']);
}
