// `plan help <topic>`: the docs of docs/*.md, bundled into the built plan,
// raw when piped and as text on a terminal; `plan help <command>` and `plan
// help` as before. A real process: what is bundled, and the pipe or the pty.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, ROOT } from '../helpers/run.js';
import { HAS_SCRIPT, planOnPty } from '../helpers/pty.js';

const TOPICS = readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

describe('plan help', () => {
  it('prints a topic as its Markdown, byte for byte, when piped', () => {
    const r = plan(['help', 'reading']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs', 'reading.md'), 'utf8'));
  });

  it('has a topic for every file of docs/, and names them all for an unknown one (exit 2)', () => {
    const r = plan(['help', 'nosuch']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^plan: no help topic "nosuch"; the topics are /);
    for (const t of TOPICS) expect(r.stderr, t).toContain(` ${t},`);
  });

  it('plan help <command> is the command’s --help, and plan help the program’s', () => {
    expect(plan(['help', 'list']).stdout).toBe(plan(['list', '--help']).stdout);
    const all = plan(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(plan(['--help']).stdout);
  });
});

describe.skipIf(!HAS_SCRIPT)('plan help on a terminal', () => {
  it('prints the topic as text fitted to the terminal: no Markdown marks, code indented', () => {
    const r = planOnPty(['help', 'configuration'], { columns: 60 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PLAN_PARSER');
    expect(r.stdout).not.toMatch(/```|\*\*(?!\/)|^#/m); // `**/` is a glob in code, not bold
    expect(r.stdout).toContain('\n    { "statuses": ');
    const long = r.stdout.split('\n').filter((l) => !l.startsWith('    ') && [...l].length > 60);
    expect(long).toEqual([]);
  });
});
