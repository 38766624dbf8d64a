// End-to-end: nothing a plan file says can drive the terminal. Titles, owners,
// notes and headings holding escape sequences (window title, clear screen, an
// OSC 8 link), C1 controls, BEL and bidi overrides are shown made visible by
// every view, on a pseudo-terminal (coloured) and piped, and in error messages;
// --json keeps the text as it is, escaped.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, CACHE, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';

const TITLE = 'Deploy \x1b]0;pwned\x07now \x1b[2J\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ \u009b2J done\u202egnp.exe';
const OWNER = 'Ana\x07\u2066';
const NOTES = 'see\x1b[8m hidden \x1b[28m\x08\x08over';
const HEADING = 'Sprint 1 \x1b]0;heading\x07';
const TEXT =
  `# Plan\n\n## ${HEADING}\n\n| # | Task | Owner | Status | Notes |\n|---|---|---|---|---|\n` +
  `| 1 | ${TITLE} | ${OWNER} | ⏳ Pending | ${NOTES} |\n| 2 | Plain | Bo | ✅ Done | |\n| 2 | Again ${'\x1b[5m'}blink | Cy | ⏳ Pending | |\n`;

const f = writeTemp(TEXT, 'plan.md');
afterAll(() => f.cleanup());

/** Control characters and bidi controls a terminal acts on, but line breaks and tabs. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The same, but the colour sequences plan's own views add. */
const RAW_BUT_COLOUR = new RegExp(`(?!\\x1b\\[[0-9;]*m)${RAW.source}`);

function withoutColour(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}

/** `plan -f <file> <args>` on a pseudo-terminal (util-linux `script`), colours on. */
function onTerminal(args: string[]): { code: number | null; out: string } {
  const quoted = [process.execPath, BIN, '-f', f.file, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TERM: 'xterm-256color', COLUMNS: '200', FORCE_COLOR: '1', XDG_CACHE_HOME: CACHE };
  const r = spawnSync('script', ['-qec', quoted, '/dev/null'], { env, encoding: 'utf8' });
  return { code: r.status, out: (r.stdout ?? '').replace(/\r\n/g, '\n') };
}

const hasScript = spawnSync('script', ['-qec', 'true', '/dev/null']).status === 0;

const VIEWS: string[][] = [['list'], ['show', '1'], ['next'], ['board'], ['summary'], ['check']];

describe.skipIf(!hasScript)(`hostile text on a terminal${hasScript ? '' : ': skipped, util-linux `script` is not installed'}`, () => {
  for (const view of VIEWS) {
    it(`plan ${view.join(' ')} shows it made visible, with no raw control but its own colours`, () => {
      const r = onTerminal(view);
      expect(r.out).not.toMatch(RAW_BUT_COLOUR);
      expect(r.out).toMatch(/\x1b\[[0-9;]*m/); // it is coloured: the colours are plan's own
      const shown = withoutColour(r.out);
      expect(shown).not.toMatch(RAW);
      if (view[0] !== 'check' && view[0] !== 'summary') expect(shown).toContain('\\x1b]0;pwned\\x07now');
    });
  }

  it('plan show 1 shows every hostile field escaped, in full', () => {
    const shown = withoutColour(onTerminal(['show', '1']).out);
    expect(shown).toContain(
      'Deploy \\x1b]0;pwned\\x07now \\x1b[2J\\x1b[31mred\\x1b[0m \\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\ \\x9b2J done\\u202egnp.exe',
    );
    expect(shown).toContain('Ana\\x07\\u2066');
    expect(shown).toContain('see\\x1b[8m hidden \\x1b[28m\\x08\\x08over');
    expect(shown).toContain('Sprint 1 \\x1b]0;heading\\x07');
  });
});

describe('hostile text piped', () => {
  for (const view of [...VIEWS, ['list', '--plain']]) {
    it(`plan ${view.join(' ')} prints no raw control character`, async () => {
      const r = await cli(['-f', f.file, ...view]);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stderr).not.toMatch(RAW);
    });
  }

  it('the TSV of list carries the escaped text', async () => {
    const r = await cli(['-f', f.file, 'list']);
    expect(r.stdout.split('\n')[1]).toBe(
      '1\ttask\tpending\tDeploy \\x1b]0;pwned\\x07now \\x1b[2J\\x1b[31mred\\x1b[0m \\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\ \\x9b2J done\\u202egnp.exe\tAna\\x07\\u2066\tsee\\x1b[8m hidden \\x1b[28m\\x08\\x08over\t1\t\t\t\t7\t\t',
    );
  });
});

describe('hostile text in error messages', () => {
  it('an ambiguous id lists the candidates escaped', async () => {
    const r = await cli(['-f', f.file, 'show', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('\\x1b[5m');
  });

  it('an id given on the command line is echoed escaped', async () => {
    const r = await cli(['-f', f.file, 'show', '\x1b]0;x\x07']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: .*\\x1b\]0;x\\x07/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('an unknown option is echoed escaped by the usage error', async () => {
    const r = await cli(['-f', f.file, 'list', '--\x1b[2Jx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--\\x1b[2Jx');
    expect(r.stderr).not.toMatch(RAW);
  });

  it('a file name is shown escaped', async () => {
    const odd = writeTemp(TEXT, 'odd\x1b[2J.md');
    try {
      const r = await cli(['-f', odd.file, 'show', '9']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('odd\\x1b[2J.md');
      expect(r.stderr).not.toMatch(RAW);
    } finally {
      odd.cleanup();
    }
  });

  it('a dry run prints its diff escaped', async () => {
    const r = await cli(['-f', f.file, 'set', '1', 'done', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(r.stdout).not.toMatch(RAW);
  });
});

describe('--json', () => {
  it('keeps the text as it is, escaped as JSON: no raw control, C1 or bidi character in the output', async () => {
    const r = await cli(['-f', f.file, 'show', '1', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    const task = JSON.parse(r.stdout).task;
    expect(task.title).toBe(TITLE);
    expect(task.owner).toBe(OWNER);
    expect(task.notes).toBe(NOTES);
    expect(task.section).toBe(`Plan > ${HEADING}`);
  });
});
