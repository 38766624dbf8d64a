// Every `plan …` example in the README and in docs/**/*.md runs as written on a
// copy of the seed, and their terminal captures are what plan prints on an
// 80-column pty. The first example of each command runs the built binary (its
// lazy bundles), the others run in-process (test/helpers/cli.ts): what they add
// is the example's arguments, not another Node start-up.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, ROOT, SEED, tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { HAS_SCRIPT, planOnPty } from '../helpers/pty.js';

/** The README and every doc, by path. */
const DOCS: [string, string][] = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true }).map((f) => join('docs', String(f)))]
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]);

/** Examples that do not exit 0 on the seed, and why. */
const EXPECTED_EXIT: Record<string, number> = {
  'plan check --json': 1, // the seed has damaged text: errors
  'plan next --claim': 2, // the prose's name for the claim mode: without --owner it is a usage error
  'plan edit 3 --estimate 2d': 1, // the seed's tables have no Estimate column: the one-line refusal
};

/** Shell words of a command line: spaces split, quotes group (no expansion is needed here). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The `plan …` command of a shell line: after `plan` (or `npx plan`, `<(plan`), up to a pipe, redirection, `)` or comment. */
function planCommand(line: string): string | null {
  const m = /(?:^|[\s(])plan\s+((?:"[^"]*"|'[^']*'|[^\s|<>)#'"]+|\s+)*)/.exec(line);
  return m ? `plan ${m[1]!.trim()}` : null;
}

/** Each example is a sequence of commands run on one copy of the seed. */
type Example = string[];

function shellExamples(doc: string): Example[] {
  const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  // `git commit -m "… the plan task by task"` is a git command, whatever its message says.
  const lines = blocks.flatMap((b) => b.split('\n')).filter((line) => !/^\s*git\s/.test(line));
  return lines.flatMap((line) => planCommand(line) ?? []).map((c) => [c]);
}

/**
 * Inline `plan …` spans in the prose that are examples (with arguments,
 * without placeholders); spans joined by "then" are one sequence.
 */
function inlineExamples(doc: string): Example[] {
  const prose = doc.replace(/```[\s\S]*?```/g, '');
  const spans = [...prose.matchAll(/`(plan [^`]*)`/g)];
  const out: Example[] = [];
  spans.forEach((m, i) => {
    const command = m[1]!;
    // `%O`, `%L`: git's placeholders, filled in by git, not an example to run as written.
    if (!/^plan (\S+ )*-?-?\S+ \S/.test(command) || /[<>[\]…|\\]|%[A-Z]/.test(command)) return;
    const before = spans[i - 1];
    const joined = before && /^\s+then\s+$/.test(prose.slice(before.index! + before[0].length, m.index));
    if (joined && out.length && out[out.length - 1]!.at(-1) === before[1]) out[out.length - 1]!.push(command);
    else out.push([command]);
  });
  return out;
}

/**
 * A git repository holding the seed as seeds/progress_planning.md (for -f) and
 * progress_planning.md (found by name), committed, so the history examples
 * (`log`, `burndown`, `git-setup`) have a history to read. Made once; each
 * example gets a copy of it.
 */
function seedRepo(): { dir: string; cleanup: () => void } {
  const t = tempDir();
  mkdirSync(join(t.dir, 'seeds'));
  copyFileSync(SEED, join(t.dir, 'seeds', 'progress_planning.md'));
  copyFileSync(SEED, join(t.dir, 'progress_planning.md'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: t.dir, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', '-c', 'commit.gpgsign=false', 'add', '.');
  git('-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'Plan');
  return t;
}

let repo: { dir: string; cleanup: () => void } | undefined;
afterAll(() => repo?.cleanup());

/** A copy of the seed's repository (seedRepo), in a folder of its own. */
function seedFolder(): { dir: string; cleanup: () => void } {
  repo ??= seedRepo();
  const t = tempDir();
  cpSync(repo.dir, t.dir, { recursive: true });
  return t;
}

/** The command of a command line: its first word after `plan` that is neither an option nor the value of -f. */
function commandOf(line: string): string {
  const args = words(line).slice(1);
  return args.find((w, i) => !w.startsWith('-') && args[i - 1] !== '-f') ?? '';
}

/** A HOME, XDG config folder and global git config inside `dir`, for a command that writes the user's own (git-setup --global). */
function ownHome(dir: string): Record<string, string> {
  const home = join(dir, '.home');
  mkdirSync(join(home, '.config'), { recursive: true });
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
}

describe('README and docs examples', () => {
  it("runs `git-setup --global` against the test folder's own global git config and attributes", () => {
    const t = seedFolder();
    const env = ownHome(t.dir);
    try {
      const r = plan(['git-setup', '--global', '--command', 'plan'], { cwd: t.dir, env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(env.GIT_CONFIG_GLOBAL!, 'utf8')).toMatch(/\[merge "plan"\]/);
      expect(readFileSync(join(env.XDG_CONFIG_HOME!, 'git', 'attributes'), 'utf8')).toMatch(/^PLAN\.md merge=plan$/m);
    } finally {
      t.cleanup();
    }
  });

  // The same command in two docs runs once.
  const seen = new Set<string>();
  const examples = DOCS.flatMap(([, doc]) => [...shellExamples(doc), ...inlineExamples(doc)]).filter((e) => {
    const key = e.join('\n');
    return !seen.has(key) && !!seen.add(key);
  });

  it('finds the examples', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        ['plan list --week 1'],
        ['plan -f seeds/progress_planning.md list --week 1'],
        ['plan completion bash'],
        ['plan set 1.2 done', 'plan set 1.2 in-progress'],
        ['plan help reading'],
      ]),
    );
    expect(examples.length).toBeGreaterThan(40);
  });

  // The first example of each command runs the built binary; `git-setup --global` always does (it writes the
  // global git config of the HOME its process is given).
  const bundled = new Set<string>();
  const viaBin = (command: string) => /--global/.test(command) || (!bundled.has(commandOf(command)) && !!bundled.add(commandOf(command)));
  for (const example of examples) {
    const bins = example.map(viaBin);
    it(`${example.join(', then ')} runs on the seed`, async () => {
      const t = seedFolder();
      // `plan git-setup --global` writes the global git config and attributes: the folder's own.
      const env = ownHome(t.dir);
      try {
        // `plan undo` undoes plan's last write: make one first.
        if (example.some((c) => /^plan undo/.test(c))) expect((await runCli(['set', '1.3', 'done'], { cwd: t.dir, env })).code).toBe(0);
        for (const [i, command] of example.entries()) {
          const args = words(command).slice(1);
          const r = bins[i] ? plan(args, { cwd: t.dir, env }) : await runCli(args, { cwd: t.dir, env });
          const code = EXPECTED_EXIT[command] ?? 0;
          expect(r.code, `${command}: ${r.stderr}`).toBe(code);
          if (code === 0) expect(r.stderr, command).toBe('');
        }
      } finally {
        t.cleanup();
      }
    });
  }

  it('runs the first example of each command through the built binary', () => {
    expect([...bundled].sort()).toEqual(expect.arrayContaining(['burndown', 'completion', 'help', 'list', 'log', 'next', 'set', 'undo']));
  });
});

describe.skipIf(!HAS_SCRIPT)('README and docs captures', () => {
  const captures = DOCS.flatMap(([, doc]) => [...doc.matchAll(/```text\n\$ (plan [^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ command: m[1]!, output: m[2]! })));

  it('has the README capture and the list, board and summary captures of docs/views.md', () => {
    expect(captures.map((c) => c.command)).toEqual(['plan list --week 1', 'plan list --sprint 8', 'plan board --sprint 8', 'plan summary']);
  });

  for (const { command, output } of captures) {
    it(`${command} prints what the README shows, at 80 columns`, () => {
      const t = seedFolder();
      try {
        const r = planOnPty(words(command).slice(1), { columns: 80, cwd: t.dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(output);
      } finally {
        t.cleanup();
      }
    });
  }
});
