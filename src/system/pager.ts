// Long views through the user's pager, as git does: a terminal view longer
// than the terminal is held back and handed to $PLAN_PAGER, else $PAGER, else
// `less -FRX` (-F: quits at once when it fits after all; -R: colours; -X: the
// view stays on screen). `cat` or an empty value, no terminal height, or a
// pager that cannot start: the view is written as it is.

import { spawn } from 'node:child_process';
import { envText } from './env.js';
import type { Runtime } from './runtime.js';

export class Pager {
  private held: string[] = [];
  constructor(private readonly rt: Runtime) {}

  hold(s: string): void {
    this.held.push(s);
  }

  /** Writes the view: through the pager when it is taller than the terminal. */
  async flush(): Promise<void> {
    const text = this.held.join('');
    this.held = [];
    if (!text) return;
    const rows = this.rt.rows || 0;
    const command = (envText('PLAN_PAGER', this.rt.env) ?? envText('PAGER', this.rt.env) ?? 'less -FRX').trim();
    const lines = text.split('\n').length - 1;
    if (rows <= 0 || lines < rows || command === '' || command === 'cat' || !(await page(command, text, this.rt))) this.rt.stdout.write(text);
  }
}

/** Runs the pager with `text` on its stdin; false when it could not start (then nothing was shown). */
function page(command: string, text: string, rt: Runtime): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], cwd: rt.cwd(), env: { LESS: 'FRX', ...rt.env } });
    let started = false;
    child.on('spawn', () => {
      started = true;
      // A pager quit early (q in less) closes its stdin: not an error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(text);
    });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(started && code !== 127));
  });
}
