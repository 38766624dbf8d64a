// End-to-end: plan summary, board, check and completion on a copy of the seed.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, copyToTemp, SEED, tempDir, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';

const copy = copyToTemp(SEED, 'progress_planning.md');
afterAll(() => copy.cleanup());
const seedBytes = readFileSync(SEED);
const run = (args: string[]) => cli(['-f', 'progress_planning.md', ...args], { cwd: copy.dir });
const tsvLines = (...rows: unknown[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';

describe('plan summary', () => {
  it('prints one TSV row per heading that holds tasks, then the file, with the same total as list', async () => {
    const r = await run(['summary']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      tsvLines(
        [
          'depth',
          'kind',
          'value',
          'name',
          'line',
          'headingStatus',
          'done',
          'total',
          'percent',
          'in-progress',
          'pending',
          'blocked',
          'cancelled',
          'none',
          'overdue',
        ],
        [0, 'sprint', 8, 'Immediate (Sprint 8) - Unified Execution Strategy', 16, '', 1, 10, 10, 1, 5, 0, 0, 3, 0],
        [1, 'week', 1, 'Week 1: VictoriaMetrics Foundation (IN PROGRESS)', 20, 'in-progress', 1, 3, 33, 1, 1, 0, 0, 0, 0],
        [1, 'week', '2-6', 'Week 2-6: Planning', 28, '', 0, 4, 0, 0, 4, 0, 0, 0, 0],
        [1, 'sprint', 8, 'Other Sprint 8 Tasks', 37, '', 0, 3, 0, 0, 0, 0, 0, 3, 0],
        [0, 'week', 2, 'Week 2', 45, '', 0, 5, 0, 0, 0, 0, 0, 5, 0],
        [0, 'month', 2, 'Month 2', 55, '', 0, 5, 0, 0, 0, 0, 0, 5, 0],
        [0, 'phase', 5, 'Phase 5 Planning', 67, '', 0, 4, 0, 0, 0, 0, 0, 4, 0],
        [1, 'section', '', 'Execution Schedule', 74, '', 0, 4, 0, 0, 0, 0, 0, 4, 0],
        [0, 'file', '', 'progress_planning.md', '', '', 1, 24, 4, 1, 5, 0, 0, 17, 0],
      ),
    );
    const listed = (await run(['list'])).stdout.trimEnd().split('\n').length - 1;
    expect(listed).toBe(24);
  });

  it('gives the same figures as JSON (schema 2): week 1 is 1 done of 3, in progress; W2 counts under Week 2-6', async () => {
    const out = JSON.parse((await run(['summary', '--json'])).stdout);
    expect(out.schemaVersion).toBe(2);
    expect(out.file).toBe('progress_planning.md');
    const week1 = out.groups.find((g: { kind: string; value: string }) => g.kind === 'week' && g.value === '1');
    expect(week1).toEqual({
      name: 'Week 1: VictoriaMetrics Foundation (IN PROGRESS)',
      kind: 'week',
      value: '1',
      depth: 1,
      line: 20,
      headingStatus: 'in-progress',
      done: 1,
      total: 3,
      percent: 33,
      counts: { done: 1, 'in-progress': 1, pending: 1, blocked: 0, cancelled: 0, none: 0 },
      overdue: 0,
    });
    const weeks2to6 = out.groups.find((g: { value: string }) => g.value === '2-6');
    expect(weeks2to6).toMatchObject({ total: 4, counts: { pending: 4 } });
    const week2 = out.groups.find((g: { kind: string; value: string }) => g.kind === 'week' && g.value === '2');
    expect(week2).toMatchObject({ total: 5, counts: { none: 5, pending: 0 } });
    expect(out.groups.find((g: { kind: string }) => g.kind === 'section')).toMatchObject({ name: 'Execution Schedule', value: null, total: 4 });
    expect(out.total).toEqual({
      done: 1,
      total: 24,
      percent: 4,
      counts: { done: 1, 'in-progress': 1, pending: 5, blocked: 0, cancelled: 0, none: 17 },
      overdue: 0,
    });
  });

  it('takes the filters of list', async () => {
    expect((await run(['summary', '--week', '1'])).stdout.split('\n').slice(1, 4)).toEqual([
      '0\tsprint\t8\tImmediate (Sprint 8) - Unified Execution Strategy\t16\t\t1\t3\t33\t1\t1\t0\t0\t0\t0',
      '1\tweek\t1\tWeek 1: VictoriaMetrics Foundation (IN PROGRESS)\t20\tin-progress\t1\t3\t33\t1\t1\t0\t0\t0\t0',
      '0\tfile\t\tprogress_planning.md\t\t\t1\t3\t33\t1\t1\t0\t0\t0\t0',
    ]);
    expect((await run(['summary', '--status', 'bogus'])).code).toBe(2);
  });
});

describe('plan board', () => {
  it('prints status, id, title and owner per card, column by column', async () => {
    const r = await run(['board', '--week', '1-2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      tsvLines(
        ['status', 'id', 'title', 'owner', 'overdue'],
        ['pending', '1.3', 'Redis + VM Split', '', ''],
        ['pending', 'W2', 'Grafana Dashboards', '', ''],
        ['in-progress', '1.2', 'Memory Tools Integration', '', ''],
        ['done', '1.1', 'VM Service Startup', '', ''],
        ['none', 5, 'First benchmark run', 'Any', ''],
        ['none', 6, 'FREE-AI-PROVIDERS-COMPLETE-GUIDE.md', 'Any', ''],
        ['none', 7, 'MkDocs superfences Mermaid config', 'Any', ''],
        ['none', 8, 'MkDocs benchmark section', 'Any', ''],
        ['none', 9, 'Enhanced Strategy Package Review', 'Opus', ''],
      ),
    );
  });

  it('gives columns of task JSON, cancelled and none only when present', async () => {
    const out = JSON.parse((await run(['board', '--week', '1', '--json'])).stdout);
    expect(out.columns.map((c: { status: string; tasks: { id: string }[] }) => [c.status, c.tasks.map((t) => t.id)])).toEqual([
      ['pending', ['1.3']],
      ['in-progress', ['1.2']],
      ['blocked', []],
      ['done', ['1.1']],
    ]);
    expect(out.columns[0].tasks[0]).toMatchObject({ id: '1.3', title: 'Redis + VM Split', status: 'pending', line: 26 });
  });
});

describe('plan check', () => {
  it('reports the seed’s damaged text as errors and exits 1; a Status column of notes is one warning per table', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('progress_planning.md:24:30 error damaged text "‚úÖ" should read "✅" (UTF-8 read as Mac Roman); run `plan fix`');
    expect(lines.filter((l) => / error damaged text/.test(l))).toHaveLength(8);
    expect(r.stdout).toContain('progress_planning.md:25:36 error damaged text "\\uf8ffüîÑ" should read "🔄"');
    expect(r.stdout).toContain('progress_planning.md:41:36 error damaged text "‚Äì" should read "–"');
    expect(lines.filter((l) => / warning /.test(l))).toEqual([
      'progress_planning.md:41:60 warning 3 status cells of this table hold no status plan knows ("From benchmark analysis", …; tasks 2, 3, 4): ' +
        'if the column holds notes, name it Notes; else write ✅ Done, 🔄 In Progress, ⏳ Pending, ⛔ Blocked or 🚫 Cancelled, ' +
        'or map the words to statuses in the front matter (`plan: statuses: {…: pending}`) or in .planrc.json; --verbose lists each',
      expect.stringMatching(/^progress_planning\.md:49:35 warning 5 status cells of this table .*tasks 5, 6, …\)/),
      expect.stringMatching(/^progress_planning\.md:59:46 warning 5 status cells of this table .*tasks 10, 11, …\)/),
    ]);
    for (const l of lines) expect(l).toMatch(/^progress_planning\.md:\d+:\d+ (error|warning) \S/);
  });

  it('--verbose gives a line per status cell; JSON always lists each', async () => {
    const verbose = (await run(['check', '--verbose'])).stdout.trimEnd().split('\n');
    expect(verbose.filter((l) => / warning status "/.test(l))).toHaveLength(13);
    expect(verbose).toContain(
      'progress_planning.md:42:38 warning status "C4 Mermaid diagram" (task 3) is not one plan knows; write ✅ Done, 🔄 In Progress, ⏳ Pending, ⛔ Blocked or 🚫 Cancelled, or map it to a status in the front matter (`plan: statuses: {C4 Mermaid diagram: pending}`) or in .planrc.json',
    );
    const json = JSON.parse((await run(['check', '--json'])).stdout);
    expect(json.problems.filter((p: { code: string }) => p.code === 'unknown-status')).toHaveLength(13);
  });

  it('gives JSON with counts', async () => {
    const r = await run(['check', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ schemaVersion: 3, file: 'progress_planning.md', errors: 8, warnings: 13 });
    expect(out.problems[0]).toEqual({
      line: 24,
      column: 30,
      severity: 'error',
      code: 'mojibake',
      message: 'damaged text "‚úÖ" should read "✅" (UTF-8 read as Mac Roman); run `plan fix`',
    });
  });

  it('exits 0 with only warnings, and prints nothing for a clean file', async () => {
    const warn = writeTemp('| Task | Status |\n|---|---|\n| A | ✅ |\n');
    const clean = writeTemp('| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ |\n');
    try {
      const w = await cli(['-f', warn.file, 'check']);
      expect(w.code).toBe(0);
      expect(w.stdout).toMatch(/plan\.md:1:1 warning task table has no id column, so its tasks get references derived from their titles \(@[0-9a-f]{5}, …\)/);
      const c = await cli(['-f', clean.file, 'check']);
      expect([c.code, c.stdout, c.stderr]).toEqual([0, '', '']);
    } finally {
      warn.cleanup();
      clean.cleanup();
    }
  });

  it('reports invalid front matter once, on stdout', async () => {
    const t = writeTemp('---\nbad: [\n---\n# Plan\n');
    try {
      const r = await cli(['-f', t.file, 'check']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^.*plan\.md:\d+:1 error invalid YAML front matter: .*; fix the YAML/);
    } finally {
      t.cleanup();
    }
  });

  it('never writes the file', async () => {
    await run(['check']);
    await run(['summary']);
    await run(['board']);
    expect(readFileSync(copy.file).equals(seedBytes)).toBe(true);
  });
});

describe('plan completion', () => {
  const commands = async (): Promise<string[]> => {
    const help = (await cli(['--help'])).stdout;
    const section = help.slice(help.indexOf('Commands:'));
    return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!);
  };

  it('rejects an unknown shell', async () => {
    expect((await cli(['completion', 'tcsh'])).code).toBe(2);
  });

  it('lists ids of the plan file for __complete-ids, silently when there is none', async () => {
    const r = await run(['__complete-ids']);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '1.1\tVM Service Startup',
      '1.2\tMemory Tools Integration',
      '1.3\tRedis + VM Split',
      'W2\tGrafana Dashboards',
    ]);
    const none = await cli(['-f', join(copy.dir, 'missing.md'), '__complete-ids']);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', '']);
  });

  for (const shell of ['bash', 'zsh', 'fish']) {
    it(`names every registered command in the ${shell} script`, async () => {
      const script = (await cli(['completion', shell])).stdout;
      const names = await commands();
      expect(names).toEqual(expect.arrayContaining(['list', 'show', 'next', 'summary', 'board', 'check', 'completion']));
      for (const name of names) expect(script).toContain(name);
      expect(script).toContain('__complete-ids');
      expect(script).toContain('in-progress');
    });
  }

  // A `plan` on PATH for the completion scripts to call.
  const bin = tempDir();
  afterAll(() => bin.cleanup());
  mkdirSync(join(bin.dir, 'bin'));
  writeFileSync(join(bin.dir, 'bin', 'plan'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin.dir, 'bin', 'plan'), 0o755);
  const env = { ...process.env, PATH: `${join(bin.dir, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' };
  const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;
  const cases: [string[], string][] = [
    [['plan', ''], 'list ls show next'],
    [['plan', '-f', 'progress_planning.md', 'show', '1.'], '1.1 1.2 1.3'],
    [['plan', 'list', '--status', 'done,p'], 'done,pending'],
    [['plan', 'completion', ''], 'bash zsh fish'],
    [['plan', 'help', 'su'], 'summary'],
  ];

  it.skipIf(!has('bash'))('completes commands, flags, statuses and ids in bash', async () => {
    const script = (await cli(['completion', 'bash'])).stdout;
    writeFileSync(join(bin.dir, 'plan.bash'), script);
    const calls = cases.map(([words]) => `t ${words.map((w) => `'${w}'`).join(' ')}`).join('\n');
    const driver = `source '${join(bin.dir, 'plan.bash')}'
t() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _plan; echo "\${COMPREPLY[*]}"; }
${calls}
t plan --file '=' progress_planning.md show W
t plan -f progress_planning.md set 1.2 ''
each() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _plan; printf '%s|' "\${COMPREPLY[@]}"; echo; }
each plan -f 'two w'
each plan merge-driver a b c 'two w'
`;
    // A file name with a space is one candidate, not one per word.
    writeFileSync(join(copy.dir, 'two words.md'), '');
    const r = spawnSync('bash', ['-c', driver], { cwd: copy.dir, env, encoding: 'utf8' });
    unlinkSync(join(copy.dir, 'two words.md'));
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n');
    for (const [i, [words, want]] of cases.entries()) expect(out[i], words.join(' ')).toContain(want);
    expect(out[cases.length]).toBe('W2 W3 W4-5 W6');
    expect(out[cases.length + 1]).toBe('done in-progress pending blocked cancelled');
    expect(out.slice(cases.length + 2)).toEqual(['two words.md|', 'two words.md|']);
  });

  it.skipIf(!has('zsh'))('gives zsh the same candidates (completion builtins stubbed)', async () => {
    const script = (await cli(['completion', 'zsh'])).stdout;
    writeFileSync(join(bin.dir, '_plan'), script);
    expect(spawnSync('zsh', ['-n', join(bin.dir, '_plan')]).status).toBe(0);
    const driver = `compdef() { :; }
source '${join(bin.dir, '_plan')}'
_describe() { local -a arr; arr=("\${(@P)4}"); print -r -- "\${(j: :)\${(@)arr%%:*}}"; }
compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; [[ $1 == '' ]] && shift; done; [[ $1 == -- ]] && shift; print -r -- "$*"; }
compset() { :; }
_files() { print files; }
t() { words=("$@"); CURRENT=\${#words}; _plan; }
${cases.map(([words]) => `t ${words.map((w) => `'${w}'`).join(' ')}`).join('\n')}
`;
    const r = spawnSync('zsh', ['-f', '-c', driver], { cwd: copy.dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n');
    expect(out[0]).toContain('list ls show next');
    expect(out[1]).toContain('1.1 1.2 1.3 W2'); // zsh filters by the prefix itself
    expect(out[2]).toBe('done in-progress pending blocked cancelled none open');
    expect(out[3]).toBe('bash zsh fish');
    expect(out[4]).toContain('summary');
  });

  it.skipIf(!has('fish'))('completes in fish', async () => {
    const script = (await cli(['completion', 'fish'])).stdout;
    writeFileSync(join(bin.dir, 'plan.fish'), script);
    const driver = `source '${join(bin.dir, 'plan.fish')}'
${cases.map(([words]) => `complete -C${JSON.stringify(words.join(' '))} | string replace -r '\\t.*' '' | string join ' '`).join('\n')}
`;
    const r = spawnSync('fish', ['--no-config', '-c', driver], { cwd: copy.dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n');
    cases.forEach(([words, want], i) => {
      for (const w of want.split(' ')) expect(out[i]!.split(' '), words.join(' ')).toContain(w);
    });
  });
});
