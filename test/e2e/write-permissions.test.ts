// End-to-end: a write honours the file's own permissions and owner, as an
// in-place write would, although it replaces the file by a rename (which only
// needs the folder to be writable). Run as an ordinary user through `setpriv`
// when the tests run as root; skipped, saying why, where that is not possible.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir } from '../helpers/run.js';
import { leftovers } from './write-helpers.js';

const NOBODY = 65534;
const TEXT = '# Plan\n\n| # | Task | Status |\n|---|------|--------|\n| 1 | One | ⏳ Pending |\n';
const WRITTEN = TEXT.replace('⏳ Pending', '✅ Done');

function canRunAsNobody(): string | null {
  if (process.getuid?.() !== 0) return 'the tests do not run as root, so they cannot switch to another user';
  const r = spawnSync('setpriv', [
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    process.execPath,
    '-e',
    'process.exit(process.getuid() === 65534 ? 0 : 1)',
  ]);
  if (r.error || r.status !== 0) return `setpriv cannot switch to uid ${NOBODY} here (${r.error?.message ?? `exit ${r.status}`})`;
  const bin = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, '--version']);
  if (bin.status !== 0) return `uid ${NOBODY} cannot run ${BIN} (its folders are not readable by others)`;
  return null;
}

const why = canRunAsNobody();

/** `plan set 1 done` on `file`, as uid/gid 65534 (nobody/nogroup). */
function setAsNobody(file: string): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', PLAN_NO_CACHE: '1', HOME: '/nonexistent' };
  const r = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, '-f', file, 'set', '1', 'done'], {
    env,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A world-writable folder holding plan.md with the given owner and mode, for `body`. */
function withPlan(uid: number, gid: number, mode: number, body: (file: string) => void): void {
  const t = tempDir();
  try {
    chmodSync(t.dir, 0o777);
    const file = join(t.dir, 'plan.md');
    writeFileSync(file, TEXT);
    chownSync(file, uid, gid);
    chmodSync(file, mode);
    body(file);
    expect(leftovers(t.dir)).toEqual([]);
  } finally {
    t.cleanup();
  }
}

interface Outcome {
  code: number;
  stderr: string;
  text: string;
  owner: [number, number];
  mode: number;
}

function expectOutcome(file: string, r: { code: number | null; stderr: string }, want: Outcome): void {
  expect(r.stderr).toBe(want.stderr);
  expect(r.code).toBe(want.code);
  expect(readFileSync(file, 'utf8')).toBe(want.text);
  const st = statSync(file);
  expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o777 }).toEqual({ uid: want.owner[0], gid: want.owner[1], mode: want.mode });
}

const denied = (file: string, mode: string) =>
  `plan: ${file}: permission denied: you may not write this file (mode ${mode}); nothing was written (make it writable, e.g. chmod u+w, or ask its owner)\n`;

describe.skipIf(why !== null)(`writes as an ordinary user (uid ${NOBODY})${why ? `: skipped, ${why}` : ''}`, () => {
  it('a 0444 file of their own is refused (exit 1) with the reason, and left as it was', () =>
    withPlan(NOBODY, NOBODY, 0o444, (file) =>
      expectOutcome(file, setAsNobody(file), { code: 1, stderr: denied(file, '0444'), text: TEXT, owner: [NOBODY, NOBODY], mode: 0o444 }),
    ));

  it("root's 0644 file in a world-writable folder is refused (exit 1): not replaced, still root's", () =>
    withPlan(0, 0, 0o644, (file) => expectOutcome(file, setAsNobody(file), { code: 1, stderr: denied(file, '0644'), text: TEXT, owner: [0, 0], mode: 0o644 })));

  it("another user's file they may write through its group is refused: a replaced file would become theirs", () =>
    withPlan(0, NOBODY, 0o664, (file) =>
      expectOutcome(file, setAsNobody(file), {
        code: 1,
        stderr: `plan: ${file}: the file belongs to another user (uid 0); writing it would make it yours; nothing was written (run plan as its owner)\n`,
        text: TEXT,
        owner: [0, NOBODY],
        mode: 0o664,
      }),
    ));

  it('their own 0640 file is written, keeping its owner and mode', () =>
    withPlan(NOBODY, NOBODY, 0o640, (file) =>
      expectOutcome(file, setAsNobody(file), { code: 0, stderr: '', text: WRITTEN, owner: [NOBODY, NOBODY], mode: 0o640 }),
    ));
});

describe.skipIf(process.getuid?.() !== 0)('writes as root', () => {
  it("a 0444 file is written, as root's in-place write would, and keeps its mode and owner", () =>
    withPlan(NOBODY, NOBODY, 0o444, (file) => {
      const r = spawnSync(process.execPath, [BIN, '-f', file, 'set', '1', 'done'], {
        env: { PATH: process.env.PATH, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', PLAN_NO_CACHE: '1' },
        encoding: 'utf8',
      });
      expectOutcome(file, { code: r.status, stderr: r.stderr }, { code: 0, stderr: '', text: WRITTEN, owner: [NOBODY, NOBODY], mode: 0o444 });
    }));
});
