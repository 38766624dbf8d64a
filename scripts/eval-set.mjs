#!/usr/bin/env node
// `npm run eval:set`: how often `plan set <task> done` does the right thing on
// real planning files (issue 20: ≥ 0.95 of tasks on files outside the corpus).
//
// For every labelled task plan finds (matched by line, as `npm run eval`), on a
// fresh copy of its file: `plan set <id> done` (`pending` when the label says
// done) must exit 0, and reading the file again must give the same tasks with
// only that one's status changed to the target — the same multiset of
// (id, title, status) but for it — and, when the file kept its line count (no
// move), no line changed outside the task's own lines, its other places and the
// file's date stamps. A status a heading's checklist gives (`statusFrom`) follows its boxes: setting
// a box may change it; nothing else may change (`set` on such a heading is refused: it fails here). The commands run
// in-process (one esbuild bundle of src/cli/command-table.ts), so a sweep of
// two thousand writes takes seconds, not a Node start each.
//
// An id several tasks share is retried with `--line` (as its refusal says to
// pick one); the `--line` column counts those.
//
//   node scripts/eval-set.mjs [--corpus DIR] [--json] [--diff FILE-PREFIX]

import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_CORPUS, namesFile, normaliseText } from './eval.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The board's page script is built apart by scripts/build.mjs; the sweep never serves it.
const noPageScript = {
  name: 'no-page-script',
  setup(b) {
    b.onResolve({ filter: /^plan-serve-page-script$/ }, () => ({ path: 'page', namespace: 'no-page' }));
    b.onLoad({ filter: /.*/, namespace: 'no-page' }, () => ({ contents: '', loader: 'text' }));
  },
};

/** main() of the command table, bundled from source into a temporary module. */
async function loadMain(work) {
  const out = join(work, 'plan-main.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/command-table.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: out,
    plugins: [noPageScript],
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    define: { __PLAN_BUILD__: '"eval-set"', __PLAN_VERSION__: '"0.0.0"' },
    loader: { '.md': 'text', '.bash': 'text', '.zsh': 'text', '.fish': 'text', '.html': 'text', '.css': 'text' },
    logLevel: 'error',
  });
  return (await import(pathToFileURL(out).href)).main;
}

class Capture extends Writable {
  chunks = [];
  _write(chunk, _enc, done) {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function runner(main, home) {
  const env = { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: home, PLAN_NO_CACHE: '1', NO_COLOR: '1' };
  return async (cwd, args) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const rt = {
      stdout,
      stderr,
      stdin: Readable.from(['']),
      env,
      cwd: () => cwd,
      argv: [process.execPath, 'plan', ...args],
      isTTY: false,
      columns: 0,
      now: () => new Date('2026-01-15T12:00:00Z'),
    };
    const code = await main(rt.argv, rt);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };
}

const key = (t) => `${t.idFromFile ? t.id : ''}\u0000${normaliseText(t.title)}\u0000${t.status}`;

/** Multiset difference a − b of task keys. */
function minus(a, b) {
  const left = new Map();
  for (const k of a) left.set(k, (left.get(k) ?? 0) + 1);
  for (const k of b) if (left.get(k)) left.set(k, left.get(k) - 1);
  return [...left].flatMap(([k, n]) => Array(n).fill(k));
}

// A write also renews the file's own "last updated" stamps (src/write/stamps.ts):
// a line whose only change is a date or time is the write's, not damage.
const DATE_TIME = /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?/g;
const stampOnly = (a, b) => a.replace(DATE_TIME, 'D') === b.replace(DATE_TIME, 'D');

/**
 * The lines the write changed outside the task's own lines (from its line to the
 * next task's), the other places it is written (`places`) and stamps — judged when
 * no line was added or removed; a move is judged by the tasks alone.
 */
function linesOutside(before, after, task, tasks) {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return []; // an added line (a stamp, a section): judged by the tasks alone
  const next =
    tasks
      .map((t) => t.line)
      .filter((l) => l > task.line)
      .sort((x, y) => x - y)[0] ?? a.length + 1;
  const places = new Set((task.places ?? []).map((p) => p.line));
  const mine = (n) => (n >= task.line && n < next) || places.has(n);
  return a.flatMap((line, i) => (line === b[i] || mine(i + 1) || stampOnly(line, b[i]) ? [] : [i + 1]));
}

/** `plan set`, with `--line` when the id names several tasks (the refusal says to pick one). */
async function setStatus(run, dir, name, task, target) {
  const r = await run(dir, ['-f', name, 'set', task.id, target]);
  if (r.code === 0 || !/ matches \d+ tasks/.test(r.stderr)) return { ...r, picked: false };
  return { ...(await run(dir, ['-f', name, 'set', task.id, target, '--line', String(task.line)])), picked: true };
}

/**
 * The heading tasks above `task` whose status their checklist gives (`statusFrom`), by id and title: setting
 * a box under one may change that status (ticking the last box finishes the task), and nothing else may change.
 */
function checklistHeads(tasks, task) {
  const under = (u) => task.section === u.section || task.section?.startsWith(`${u.section} > `);
  return new Set(tasks.filter((u) => u.statusFrom === 'checklist' && u.line < task.line && under(u)).map(named));
}
const named = (t) => `${t.idFromFile ? t.id : ''}\u0000${normaliseText(t.title)}`;

function taskChange(tasks, now, task, target) {
  const before = tasks;
  const heads = checklistHeads(before, task);
  const keyOf = (t) => (t.statusFrom === 'checklist' && heads.has(named(t)) ? `${named(t)}\u0000(its checklist's)` : key(t));
  const gone = minus(before.map(keyOf), now.map(keyOf));
  const came = minus(now.map(keyOf), before.map(keyOf));
  if (gone.length === 1 && gone[0] === key(task) && came.length === 1 && came[0] === key({ ...task, status: target })) return null;
  const show = (ks) => ks.map((k) => k.split('\u0000').slice(1).join(' ')).join('; ');
  return `tasks changed: -[${show(gone)}] +[${show(came)}]`;
}

/** The line the task's status is read from, as `show --explain` says (a ledger row, a field line). */
async function statusLine(run, dir, name, text, task) {
  const file = join(dir, name);
  const after = readFileSync(file);
  writeFileSync(file, text);
  const r = await run(dir, ['-f', name, 'show', task.id, '--line', String(task.line), '--explain', '--json']);
  writeFileSync(file, after);
  if (r.code !== 0) return undefined;
  return JSON.parse(r.stdout).explain?.fields?.find((f) => f.field === 'status')?.line;
}

async function judge(run, dir, name, text, tasks, task, target) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await setStatus(run, dir, name, task, target);
  if (r.code !== 0) return { why: `exit ${r.code}: ${r.stderr.trim().split('\n')[0]}` };
  const listed = await run(dir, ['-f', name, 'list', '--json']);
  if (listed.code !== 0) return { why: `re-read exit ${listed.code}: ${listed.stderr.trim()}` };
  const now = JSON.parse(listed.stdout).tasks;
  const changed = taskChange(tasks, now, task, target);
  if (changed) return { why: changed };
  const moved = !now.some((t) => t.line === task.line && key(t) === key({ ...task, status: target }));
  const outside = moved ? [] : linesOutside(text, readFileSync(file, 'utf8'), task, tasks);
  // A status read from elsewhere (a ledger row, a field line) is written there.
  const elsewhere = outside.length ? await statusLine(run, dir, name, text, task) : undefined;
  const stray = outside.filter((n) => n !== elsewhere);
  return { why: stray.length ? `changed lines outside the task: ${stray.join(', ')}` : null, picked: r.picked };
}

async function scoreFile(run, work, corpus, labelFile) {
  const labels = JSON.parse(readFileSync(join(corpus, 'labels', labelFile), 'utf8'));
  const name = labels.file;
  const text = readFileSync(join(corpus, 'real', name), 'utf8');
  const dir = mkdtempSync(join(work, 'f-'));
  writeFileSync(join(dir, name), text);
  const listed = await run(dir, ['-f', name, 'list', '--json']);
  const tasks = listed.code === 0 ? JSON.parse(listed.stdout).tasks : [];
  const byLine = new Map(tasks.map((t) => [t.line, t]));
  const limit = labels.partial_after_line ?? Infinity;
  const result = { file: name, tried: 0, ok: 0, picked: 0, failures: [] };
  for (const want of labels.tasks.filter((t) => t.line <= limit)) {
    const task = byLine.get(want.line);
    if (!task) continue;
    const target = task.status === 'done' ? 'pending' : 'done';
    result.tried++;
    const { why, picked } = await judge(run, dir, name, text, tasks, task, target);
    if (why) result.failures.push({ line: task.line, id: task.id, target, why });
    else result.ok++;
    if (picked) result.picked++;
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}

function args(argv) {
  const o = { corpus: DEFAULT_CORPUS, json: false, diff: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') o.corpus = resolve(argv[++i]);
    else if (argv[i] === '--json') o.json = true;
    else if (argv[i] === '--diff') o.diff = argv[++i];
  }
  return o;
}

async function evalSet() {
  const o = args(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'plan-eval-set-'));
  try {
    const run = runner(await loadMain(work), work);
    const files = readdirSync(join(o.corpus, 'labels')).filter((f) => f.endsWith('.labels.json') && (!o.diff || namesFile(f, o.diff)));
    const results = [];
    for (const f of files.sort()) results.push(await scoreFile(run, work, o.corpus, f));
    const tried = results.reduce((n, r) => n + r.tried, 0);
    const ok = results.reduce((n, r) => n + r.ok, 0);
    const picked = results.reduce((n, r) => n + r.picked, 0);
    if (o.json) return void console.log(JSON.stringify({ tried, ok, picked, rate: tried ? ok / tried : 1, files: results }, null, 2));
    const row = (name, n, good, pick) =>
      `${name.slice(0, 44).padEnd(45)} ${String(n).padStart(5)} ${(n ? (100 * good) / n : 100).toFixed(1).padStart(6)} ${String(pick).padStart(6)}`;
    console.log(`${'file'.padEnd(45)} ${'tasks'.padStart(5)} ${'set ok'.padStart(6)} ${'--line'.padStart(6)}`);
    for (const r of results) {
      console.log(row(r.file, r.tried, r.ok, r.picked));
      if (o.diff) for (const x of r.failures) console.log(`  line ${x.line} ${x.id} → ${x.target}: ${x.why}`);
    }
    console.log(row('total', tried, ok, picked));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await evalSet();
