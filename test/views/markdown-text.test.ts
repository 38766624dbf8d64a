// plan's docs as terminal text (`plan help <topic>` on a terminal) and as roff
// (the man page): the small converters, on strings.
import { describe, expect, it } from 'vitest';
import { manPage } from '../../src/docs/roff.js';
import { markdownAsText } from '../../src/render/markdown.js';

describe('markdownAsText', () => {
  it('drops inline marks, names the topic a link leads to, keeps an address', () => {
    const md = 'See **[git](git.md#log)**, [the README](../README.md) and [MCP](https://modelcontextprotocol.io) for `plan log`.\n';
    expect(markdownAsText(md, 200)).toBe('See git (plan help git), the README and MCP (https://modelcontextprotocol.io) for plan log.\n');
  });

  it('wraps paragraphs and list items to the width, items under their marker', () => {
    const md = `Intro ${'word '.repeat(12)}\n\n- an item ${'long '.repeat(10)}\n  runs on\n`;
    const out = markdownAsText(md, 31);
    for (const line of out.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(30);
    expect(out).toContain('\n• an item long');
    expect(out).toMatch(/\n {2}long/);
    expect(out.trimEnd().endsWith('runs on')).toBe(true);
  });

  it('indents code, keeps it as written, aligns tables and wraps their last column', () => {
    const md =
      '# Title\n\n```sh\nplan list  --week 1\n```\n\n| name | meaning |\n| --- | --- |\n| `A` | short |\n| `LONGER` | a b c d e f g h i j k l m n o p q r s t u v w x y z |\n';
    expect(markdownAsText(md, 40)).toBe(
      [
        'TITLE',
        '',
        '    plan list  --week 1',
        '',
        '  name    meaning',
        '  A       short',
        // 39 columns: the last one of the terminal is left free.
        '  LONGER  a b c d e f g h i j k l m n o',
        '          p q r s t u v w x y z',
        '',
      ].join('\n'),
    );
  });
});

describe('manPage', () => {
  it('escapes what roff would read as requests or escapes', () => {
    const page = manPage({ version: '1.0.0', description: 'A plan.', topics: ['# Topic\n\n.planrc.json holds C:\\path and `--json`.\n'] });
    expect(page).toContain('\n.SH "TOPIC"\n');
    expect(page).toContain('\n\\&.planrc.json holds C:\\epath and \\fB\\-\\-json\\fR.\n');
    expect(page).toContain('.TH PLAN 1 "" "plan-md 1.0.0"');
  });

  it('writes lists as tagged paragraphs and tables as one tagged paragraph per row', () => {
    const page = manPage({ version: '1', description: '', topics: ['- one\n  more\n\n| a | b |\n| --- | --- |\n| `x` | y |\n'] });
    expect(page).toContain('.IP \\(bu 2\none more\n');
    expect(page).toContain('.TP\n\\fB\\fBx\\fR\\fR\ny\n');
  });
});
