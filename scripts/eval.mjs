#!/usr/bin/env node
// `npm run eval`: how well plan understands real planning files, measured
// against what careful human readers take their tasks to be
// (../shared/corpus/labels, format in ../shared/corpus/LABELS.md).
//
// It runs the built binary (`plan list --json`, no cache) on every labelled
// file and prints, per file and in total: task recall and precision (matched by
// line), then, over the matched tasks, how often the status, title, id, owner
// and group agree with the label. test/e2e/eval.test.ts holds the totals at a
// floor so they never slide back.
//
//   node scripts/eval.mjs [--corpus DIR] [--json] [--diff FILE-PREFIX]   (a number names one file: 10, not 100)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpus');
const BIN = join(ROOT, 'bin/plan.js');

export const METRICS = ['recall', 'precision', 'status', 'title', 'id', 'owner', 'group'];

/** Text compared as a person reads it: case, spacing, dashes and end punctuation aside. */
export function normaliseText(s) {
  return String(s ?? '')
    .normalize('NFKC')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s:.,;*_-]+|[\s:.,;*_-]+$/g, '')
    .toLowerCase();
}

/** Owners compare without a leading `@` (a handle names the same person). */
export function normaliseOwner(s) {
  return normaliseText(s).replace(/^@/, '');
}

/** The tasks of `plan list --json` on a file, from the built binary. */
export function listTasks(file) {
  const r = spawnSync(process.execPath, [BIN, '-f', file, 'list', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, PLAN_NO_CACHE: '1', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${file}: plan list exited ${r.status}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout).tasks;
}

/**
 * Compares plan's tasks with the labels of one file. A task written in several
 * places (its `places`: a summary bullet, an overview row) is listed at each of
 * them, as the labels list each place that shows a status: a place matches a
 * label by its line, scored as it reads there (its status, title, owner and
 * group) with the task's id.
 */
export function scoreFile(labels, tasks) {
  const limit = labels.partial_after_line ?? Infinity;
  const wanted = labels.tasks.filter((t) => t.line <= limit);
  const got = tasks.filter((t) => t.line <= limit);
  const places = tasks.flatMap((t) => (t.places ?? []).filter((p) => p.line <= limit).map((p) => ({ ...t, ...p, status: p.status ?? 'none' })));
  const byLine = new Map([...places, ...got].map((t) => [t.line, t]));
  const counts = { labelled: wanted.length, listed: byLine.size, matched: 0, status: 0, title: 0, id: 0, owner: 0, group: 0 };
  const misses = [];
  for (const want of wanted) {
    const have = byLine.get(want.line);
    if (!have) {
      misses.push({ line: want.line, what: 'missed', want: want.title });
      continue;
    }
    counts.matched++;
    const checks = {
      status: want.status === have.status,
      title: normaliseText(want.title) === normaliseText(have.title),
      id: (want.id ?? null) === null ? !have.idFromFile : normaliseText(want.id) === normaliseText(have.id),
      owner: normaliseOwner(want.owner ?? '') === normaliseOwner(have.owner ?? ''),
      group: normaliseText(want.group) === normaliseText(have.group),
    };
    for (const [k, ok] of Object.entries(checks)) {
      if (ok) counts[k]++;
      else misses.push({ line: want.line, what: k, want: wantValue(want, k), have: haveValue(have, k) });
    }
  }
  const labelledLines = new Set(wanted.map((t) => t.line));
  for (const t of byLine.values()) if (!labelledLines.has(t.line)) misses.push({ line: t.line, what: 'extra', have: t.title });
  misses.sort((a, b) => a.line - b.line);
  return { counts, misses };
}

function wantValue(want, k) {
  return k === 'id' ? (want.id ?? null) : k === 'owner' ? (want.owner ?? null) : want[k];
}

function haveValue(have, k) {
  return k === 'id' ? (have.idFromFile ? have.id : null) : have[k];
}

export function rates(c) {
  const r = (n, d) => (d === 0 ? 1 : n / d);
  return {
    recall: r(c.matched, c.labelled),
    precision: r(c.matched, c.listed),
    status: r(c.status, c.matched),
    title: r(c.title, c.matched),
    id: r(c.id, c.matched),
    owner: r(c.owner, c.matched),
    group: r(c.group, c.matched),
  };
}

/** File names in the order of their numbers (`99-…` before `100-…`), then by name. */
function byNumber(a, b) {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Whether `--diff` names this file: a number names the file of that number only (`10` is not `100-…`); other text is a prefix. */
export function namesFile(file, prefix) {
  if (!file.startsWith(prefix)) return false;
  return !/^\d+$/.test(prefix) || !/\d/.test(file.charAt(prefix.length));
}

/** Every labelled file of a corpus: its labels and the path of the file they label, in name order; null when the corpus is absent. */
export function labelledFiles(corpus = DEFAULT_CORPUS) {
  const labelDir = join(corpus, 'labels');
  const realDir = join(corpus, 'real');
  if (!existsSync(labelDir) || !existsSync(realDir)) return null;
  return readdirSync(labelDir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort(byNumber)
    .map((name) => {
      const labels = JSON.parse(readFileSync(join(labelDir, name), 'utf8'));
      return { labels, path: join(realDir, labels.file) };
    });
}

/**
 * Scores every labelled file of the corpus; null when the corpus is absent.
 * `tasksOf(path)`: the tasks of `plan list --json` on that file (by default, of the built binary).
 */
export function evaluate(corpus = DEFAULT_CORPUS, tasksOf = listTasks) {
  const labelled = labelledFiles(corpus);
  if (!labelled) return null;
  const files = [];
  const total = { labelled: 0, listed: 0, matched: 0, status: 0, title: 0, id: 0, owner: 0, group: 0 };
  for (const { labels, path } of labelled) {
    const { counts, misses } = scoreFile(labels, tasksOf(path));
    for (const k of Object.keys(total)) total[k] += counts[k];
    files.push({ file: labels.file, counts, rates: rates(counts), misses });
  }
  return { files, total, rates: rates(total) };
}

function pct(x) {
  return (x * 100).toFixed(1).padStart(6);
}

function main(argv) {
  const arg = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const corpus = arg('--corpus') ? resolve(arg('--corpus')) : DEFAULT_CORPUS;
  if (!existsSync(BIN) || !existsSync(join(ROOT, 'dist/cli.cjs'))) {
    console.error('eval: the CLI is not built; run `npm run build` first');
    return 1;
  }
  const result = evaluate(corpus);
  if (!result) {
    console.error(`eval: no labelled corpus at ${corpus} (needs labels/ and real/); nothing measured`);
    return 1;
  }
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ total: result.total, rates: result.rates, files: result.files.map(({ misses, ...f }) => f) }, null, 2));
    return 0;
  }
  const diff = arg('--diff');
  if (diff !== undefined) {
    for (const f of result.files.filter((x) => namesFile(x.file, diff))) {
      console.log(`# ${f.file}`);
      for (const m of f.misses) {
        const detail =
          m.what === 'missed' || m.what === 'extra' ? JSON.stringify(m.want ?? m.have) : `want ${JSON.stringify(m.want)} have ${JSON.stringify(m.have)}`;
        console.log(`  ${String(m.line).padStart(5)} ${m.what.padEnd(7)} ${detail}`);
      }
    }
    return 0;
  }
  console.log(`${'file'.padEnd(44)} ${'tasks'.padStart(5)} ${METRICS.map((m) => m.padStart(6)).join(' ')}`);
  for (const f of result.files) {
    console.log(`${f.file.slice(0, 44).padEnd(44)} ${String(f.counts.labelled).padStart(5)} ${METRICS.map((m) => pct(f.rates[m])).join(' ')}`);
  }
  console.log(`${'total'.padEnd(44)} ${String(result.total.labelled).padStart(5)} ${METRICS.map((m) => pct(result.rates[m])).join(' ')}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
