// The completion scripts are files (src/commands/completion.bash, .zsh, .fish):
// what `plan completion <shell>` prints is the file, line for line, with only its
// `{{name}}` parts filled in from the command table, none left over.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/command-table.js';
import { completionScript } from '../../src/commands/completion.js';
import { ROOT } from '../helpers/run.js';

describe('the completion script files', () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    it(`${shell}: plan completion ${shell} is src/commands/completion.${shell} with its parts filled in`, () => {
      const template = readFileSync(join(ROOT, 'src', 'commands', `completion.${shell}`), 'utf8');
      const script = completionScript(COMMANDS, shell);
      expect(script).not.toContain('{{');
      // Each line of the file without a placeholder is in the script, in the same order.
      const fixed = template.split('\n').filter((l) => !l.includes('{{'));
      const lines = script.split('\n');
      let at = 0;
      for (const l of fixed) {
        const found = lines.indexOf(l, at);
        expect(found, `${JSON.stringify(l)} in the script`).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
      // And a line with a placeholder is filled in where it stands: its text before and after it kept.
      for (const l of template.split('\n').filter((x) => /\{\{\w+\}\}/.test(x) && !/^\s*# \{\{/.test(x))) {
        const [before, after] = l.split(/\{\{\w+\}\}/);
        expect(lines.some((x) => x.startsWith(before!) && x.endsWith(after!))).toBe(true);
      }
    });
  }
});
