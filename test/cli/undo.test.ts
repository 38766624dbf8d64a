// End-to-end: `plan undo` restores the bytes plan's last write replaced, and
// only while the file is exactly as plan left it.
import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SEED } from '../helpers/run.js';
import { ok, withCliCopy } from '../e2e/write-helpers.js';

describe('plan undo', () => {
  it(
    'takes back set, edit, add, next --claim and fix one by one, back to the original bytes',
    withCliCopy(SEED, 'PLAN.md', async (w) => {
      const original = w.bytes();
      const states = [original];
      for (const args of [
        ['set', '1.2', 'done'],
        ['edit', '1.3', '--title', 'Redis split'],
        ['add', 'New task', '--week', '1'],
        ['next', '--claim', '--owner', 'Ana'],
        ['fix'],
      ]) {
        ok(await w.run(args));
        states.push(w.bytes());
      }
      expect(new Set(states.map((s) => s.toString('latin1'))).size).toBe(6);
      for (let k = 5; k >= 1; k--) {
        const r = ok(await w.run(['undo']));
        expect(r.stdout).toMatch(/^Undid `plan (set|edit|add|next|fix)[^`]*` at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d in PLAN\.md\n$/);
        expect(w.bytes().equals(states[k - 1]!), `after undoing write ${k}`).toBe(true);
      }
      const none = await w.run(['undo']);
      expect(none.code).toBe(1);
      expect(none.stderr).toBe('plan: PLAN.md: no write by plan to undo (plan undo --list shows the writes plan remembers)\n');
      expect(w.bytes().equals(original)).toBe(true);
    }),
  );

  it(
    'refuses after a hand edit, and writes nothing',
    withCliCopy(SEED, 'PLAN.md', async (w) => {
      ok(await w.run(['set', '1.2', 'done']));
      appendFileSync(w.file, '\nA note by hand.\n');
      const edited = w.bytes();
      const r = await w.run(['undo']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^plan: PLAN\.md: the file changed after plan's last write \(`plan set 1\.2 done` at [^)]+\); undo only restores a file that still holds exactly what plan wrote, so nothing was written\n$/,
      );
      expect(w.bytes().equals(edited)).toBe(true);
      // Taking the hand edit back makes the undo possible again.
      writeFileSync(w.file, edited.subarray(0, edited.length - '\nA note by hand.\n'.length));
      ok(await w.run(['undo']));
    }),
  );

  it(
    '--list shows the recent writes, newest first, and which one undo would take back; --dry-run prints the diff only',
    withCliCopy(SEED, 'PLAN.md', async (w) => {
      ok(await w.run(['set', '1.2', 'done']));
      ok(await w.run(['set', '1.3', 'blocked', '--no-touch']));
      const list = ok(await w.run(['undo', '--list']));
      expect(
        list.stdout.split('\n').map((l) =>
          l
            .split('\t')
            .filter((_, i) => i !== 1)
            .join('\t'),
        ),
      ).toEqual(['n\tcommand\tundoable', '1\tplan set 1.3 blocked --no-touch\tyes', '2\tplan set 1.2 done\tno', '']);
      const before = w.bytes();
      const dry = ok(await w.run(['undo', '--dry-run']));
      expect(dry.stdout).toContain('-| 1.3 | Redis + VM Split | ⛔ Blocked | Real-time + historical |');
      expect(w.bytes().equals(before)).toBe(true);
      const json = JSON.parse(ok(await w.run(['undo', '--list', '--json'])).stdout);
      expect(json.writes.map((x: { undoable: boolean }) => x.undoable)).toEqual([true, false]);
    }),
  );

  it(
    'keeps its record in the cache folder, never beside the plan',
    withCliCopy(SEED, 'PLAN.md', async (w) => {
      ok(await w.run(['set', '1.2', 'done']));
      ok(await w.run(['set', '1.2', 'blocked']));
      expect(JSON.parse((await w.run(['undo', '--list', '--json'])).stdout).writes).toHaveLength(2);
      expect(readdirSync(w.dir)).toEqual(['PLAN.md']);
    }),
  );

  it(
    'goes through the lock like every write: a held lock makes it wait, then give up',
    withCliCopy(SEED, 'PLAN.md', async (w) => {
      ok(await w.run(['set', '1.2', 'done']));
      const before = w.bytes();
      mkdirSync(join(w.dir, 'PLAN.md.lock'));
      try {
        const r = await w.run(['undo'], { PLAN_LOCK_TIMEOUT: '300' });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^plan: PLAN\.md: another plan process has held the file's lock/);
        expect(w.bytes().equals(before)).toBe(true);
      } finally {
        // The lock folder is removed so the workspace ends clean.
        rmSync(join(w.dir, 'PLAN.md.lock'), { recursive: true });
      }
      ok(await w.run(['undo']));
    }),
  );

  describe('a damaged or tampered journal', () => {
    /** Runs `tamper` on the journal after `plan set 1.2 done`, then expects undo to refuse with `message` and leave the file alone. */
    const refused = (tamper: (journal: string) => string, message: RegExp) =>
      withCliCopy(SEED, 'PLAN.md', async (w) => {
        const cache = join(w.dir, '..', `${basename(w.dir)}-cache`);
        try {
          ok(await w.run(['set', '1.2', 'done'], { PLAN_CACHE_DIR: cache }));
          const [name] = readdirSync(join(cache, 'undo'));
          const file = join(cache, 'undo', name!);
          writeFileSync(file, tamper(readFileSync(file, 'utf8')));
          const written = w.bytes();
          const r = await w.run(['undo'], { PLAN_CACHE_DIR: cache });
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(message);
          expect(r.code).toBe(1);
          expect(w.bytes().equals(written)).toBe(true);
        } finally {
          rmSync(cache, { recursive: true, force: true });
        }
      });

    it(
      'edits changed (the fingerprint of the file kept): refused, nothing written',
      refused(
        (j) =>
          JSON.stringify(JSON.parse(j).map((e: { undo: { text: string }[] }) => ({ ...e, undo: e.undo.map((u) => ({ ...u, text: `${u.text}\nrm -rf ~` })) }))),
        /^plan: PLAN\.md: plan's undo journal does not give back what the file held before `plan set 1\.2 done` at [^)]+ \(it was damaged or changed\); nothing was undone\n$/,
      ),
    );

    it(
      'offsets past the end of the file: refused, nothing written',
      refused(
        (j) => JSON.stringify(JSON.parse(j).map((e: { undo: object[] }) => ({ ...e, undo: [{ start: 1e9, end: 1e9 + 1, text: 'x' }] }))),
        /^plan: PLAN\.md: plan's undo journal does not give back what the file held before/,
      ),
    );

    for (const [what, text, why] of [
      ['not JSON', '[{', /is damaged \(.*JSON.*\)/],
      ['not a list', '{"a":1}', /is damaged \(it is not a list of writes\)/],
      ['an entry without edits', '[{"at":"2026-01-01T00:00:00Z","command":"x","after":"a","before":"b","undo":null}]', /is damaged \(write 1: no edits\)/],
      [
        'edits out of order',
        '[{"at":"2026-01-01T00:00:00Z","command":"x","after":"a","before":"b","undo":[{"start":5,"end":6,"text":""},{"start":1,"end":2,"text":""}]}]',
        /is damaged \(write 1: edits out of order or malformed\)/,
      ],
    ] as const) {
      it(
        `${what}: one clear line, exit 1`,
        refused(
          () => text,
          new RegExp(`^plan: PLAN\\.md: plan's undo journal \\S+ ${why.source}; nothing was undone \\(plan's next write starts it anew\\)\n$`),
        ),
      );
    }
  });
});
