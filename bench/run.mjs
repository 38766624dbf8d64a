#!/usr/bin/env node
// Benchmark harness for `plan` (see bench/README.md). Plain Node ≥ 20, no dependencies.
//
//   node bench/run.mjs [--runs N] [--warmup N] [--quick] [--only case,...] [--json]
//                      [--gen PATH] [--mem-method time|hook] [--hyperfine] [--keep]
//
// Every timed case runs the plan command and its baseline alternately (A, B, A, B, …)
// so machine noise hits both alike, discards the warm-up rounds and reports medians.
// It reports; it does not gate: exit 0 even when targets are missed, exit 1 only when
// a plan command (or the generator) fails, exit 2 on bad usage.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;

// ---------------------------------------------------------------------------
// Options

const CASES = ['startup', 'corpus', 'warm', 'cold', 'set', 'memory', 'growth', 'rows', 'history', 'folder'];
const CASE_ALIASES = {
  startup: 'startup',
  'start-up': 'startup',
  corpus: 'corpus',
  largest: 'corpus',
  warm: 'warm',
  'warm-list': 'warm',
  warmlist: 'warm',
  cold: 'cold',
  'cold-list': 'cold',
  coldlist: 'cold',
  set: 'set',
  memory: 'memory',
  mem: 'memory',
  'peak-memory': 'memory',
  rss: 'memory',
  growth: 'growth',
  rows: 'rows',
  table: 'rows',
  history: 'history',
  log: 'history',
  burndown: 'history',
  folder: 'folder',
  'folder-edit': 'folder',
  files: 'folder',
  'multi-file': 'folder',
};

const USAGE = `usage: node bench/run.mjs [options]

  --runs N            timed runs per command (default 15; --quick: 5)
  --warmup N          discarded warm-up runs per command (default 2)
  --quick             runs=5 and no 50,000-task size in the growth case
  --only LIST         comma-separated cases: ${CASES.join(', ')}
                      (folder: a folder of 200 plan files, warm and with one file edited)
  --json              print the results as JSON instead of a Markdown table
  --gen PATH          plan generator (default ../shared/bench/gen-plan.mjs, from the project root)
  --mem-method M      'time' (/usr/bin/time -f %M) or 'hook' (node --import hook that reports
                      the plan process's own maxRSS); default: time if GNU time works, else hook
  --hyperfine         also cross-check start-up, warm list and cold list with hyperfine
  --keep              keep the temporary folder (its path is printed)
  --before PATH       also time this older plan entry point (e.g. a build of main), alternating with
                      the current one in every case; its medians fill a 'before' column
  -h, --help          this text

env: PLAN_BIN=path/to/entry.js   plan entry point run with node (default bin/plan.js)`;

function parseArgs(argv) {
  const o = {
    runs: 15,
    warmup: 2,
    quick: false,
    only: null,
    json: false,
    keep: false,
    hyperfine: false,
    gen: path.resolve(ROOT, '../shared/bench/gen-plan.mjs'),
    memMethod: null,
    runsGiven: false,
    before: null,
  };
  const bad = (msg) => {
    console.error(`bench: ${msg}\n\n${USAGE}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let val;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      val = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = () => {
      if (val !== undefined) return val;
      if (i + 1 >= argv.length) bad(`${a} needs a value`);
      return argv[++i];
    };
    const int = (name, v, min) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) bad(`${name} must be an integer ≥ ${min}, got '${v}'`);
      return n;
    };
    switch (a) {
      case '--runs':
        o.runs = int('--runs', next(), 1);
        o.runsGiven = true;
        break;
      case '--warmup':
        o.warmup = int('--warmup', next(), 0);
        break;
      case '--quick':
        o.quick = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--hyperfine':
        o.hyperfine = true;
        break;
      case '--gen':
        o.gen = path.resolve(process.cwd(), next());
        break;
      case '--before':
        o.before = path.resolve(process.cwd(), next());
        break;
      case '--mem-method': {
        o.memMethod = next();
        if (!['time', 'hook'].includes(o.memMethod)) bad(`--mem-method must be 'time' or 'hook'`);
        break;
      }
      case '--only': {
        const list = next()
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        o.only = new Set(list.map((s) => CASE_ALIASES[s] ?? bad(`unknown case '${s}' (cases: ${CASES.join(', ')})`)));
        break;
      }
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        bad(`unknown argument '${argv[i]}'`);
    }
  }
  if (o.quick && !o.runsGiven) o.runs = 5;
  return o;
}

const opt = parseArgs(process.argv.slice(2));
const want = (c) => !opt.only || opt.only.has(c);
const log = (...a) => console.error(...a); // progress → stderr, results → stdout

// ---------------------------------------------------------------------------
// Small helpers

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return null;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
  mad: median(xs.map((x) => Math.abs(x - median(xs)))),
  n: xs.length,
  samples: xs.map((x) => Math.round(x * 1000) / 1000),
});
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtRatio = (x) => `${x.toFixed(2)}×`;
const shq = (s) => (/^(<tmp>)?[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replace(/'/g, `'\\''`)}'`);
let TMP_PREFIX = null; // set once the temporary folder exists; shown as <tmp>
const rel = (p) => {
  if (TMP_PREFIX && p.startsWith(TMP_PREFIX + path.sep)) return `<tmp>/${path.relative(TMP_PREFIX, p)}`;
  return p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p;
};

class PlanFailure extends Error {}

// Run one case; a failing plan command fails that case (row marked, exit code 1 at the
// end, its stderr printed) and the harness goes on with the others.
function runCase(name, target, fn) {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PlanFailure)) throw e;
    console.error(`\nbench: ${name}: ${e.message}\n`);
    rows.push({ case: name, unit: 'ms', plan: null, failed: e.message, baseline: null, target, ok: false });
    process.exitCode = 1;
  }
}

// A command: { file, args, env, label, isPlan }. Display form for the table legend.
const show = (c) => [c.file === NODE ? 'node' : path.basename(c.file), ...c.args.map((x) => shq(rel(x)))].join(' ');

function runOnce(c, { captureStdout = false } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.file, c.args, {
    cwd: ROOT,
    env: c.env,
    stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const t1 = process.hrtime.bigint();
  return {
    ms: Number(t1 - t0) / 1e6,
    ok: r.status === 0 && !r.error,
    status: r.status,
    signal: r.signal,
    error: r.error,
    stdout: captureStdout ? String(r.stdout ?? '') : '',
    stderr: String(r.stderr ?? ''),
  };
}

function failText(c, r) {
  const why = r.error ? `could not start (${r.error.message})` : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
  return `${show(c)}: ${why}${r.stderr.trim() ? `\n--- stderr ---\n${r.stderr.trimEnd()}\n--------------` : ''}`;
}

function planFailed(c, r, when) {
  throw new PlanFailure(`plan command failed ${when}:\n  ${failText(c, r)}`);
}

// One dry run of a plan command before timing: must exit 0.
function dryRun(c, before) {
  before?.();
  const r = runOnce(c, { captureStdout: true });
  if (!r.ok) planFailed(c, r, 'in its dry run (before timing)');
  if (!r.stdout.trim() && c.expectOutput) log(`  note: '${show(c)}' printed nothing on stdout`);
  return r;
}

/**
 * Time commands alternately: round i runs, for each entry, before(i) (untimed), then the
 * command of round i. The first `warmup` rounds are discarded. A failing plan command
 * aborts the run; a failing baseline is dropped (its cell reports the failure).
 * entries: [{ cmd: (i) => command, before?: (i) => void }]
 */
function timeAlternating(given, { runs = opt.runs, warmup = opt.warmup } = {}) {
  // With --before, each entry is followed by the same plan command run by the older build
  // (unless noTwin: the older build cannot run it), after twinBefore(i) when it has its own data.
  const twin = (e) => beforeBin && !e.noTwin && (e.isPlan ?? e.cmd(0).isPlan);
  const entries = given.flatMap((e) => (twin(e) ? [e, { before: e.twinBefore ?? e.before, cmd: e.twin ?? ((i) => asBefore(e.cmd(i))) }] : [e]));
  const samples = entries.map(() => []);
  const failures = entries.map(() => null);
  for (let i = 0; i < warmup + runs; i++) {
    entries.forEach((e, k) => {
      if (failures[k]) return;
      e.before?.(i);
      const c = e.cmd(i);
      const r = runOnce(c);
      if (!r.ok) {
        if (c.isPlan) planFailed(c, r, `in timed round ${i + 1}`);
        failures[k] = failText(c, r);
        log(`  baseline failed, dropping it: ${failures[k]}`);
        return;
      }
      if (i >= warmup) samples[k].push(r.ms);
    });
  }
  const out = entries.map((_, k) => (failures[k] ? { error: failures[k] } : stats(samples[k])));
  return given.map((e) => {
    const s = out.shift();
    if (twin(e)) s.before = out.shift();
    return s;
  });
}

// ---------------------------------------------------------------------------
// Environment

const planBin = path.resolve(ROOT, process.env.PLAN_BIN || 'bin/plan.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-'));
TMP_PREFIX = tmp;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (opt.keep) log(`bench: kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });

// plan gets a private cache home, so the benchmark neither reads nor litters the user's cache.
const planEnv = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') };
delete planEnv.FORCE_COLOR;
const beforeBin = opt.before;
const beforeEnv = { ...planEnv, XDG_CACHE_HOME: path.join(tmp, 'cache-before') };
const asBefore = (c) => ({ ...c, args: [beforeBin, ...c.args.slice(1)], env: beforeEnv });
const plan = (...args) => ({ file: NODE, args: [planBin, ...args], env: planEnv, isPlan: true, expectOutput: args.includes('list') });

const taskBin = which('task');
const hyperfineBin = which('hyperfine');
const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const taskVersion = taskBin ? String(spawnSync(taskBin, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim() || 'unknown' : null;
const hyperfineVersion = hyperfineBin ? String(spawnSync(hyperfineBin, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim() : null;

const needTask = want('warm') || want('set') || want('folder');
if (!taskBin && needTask) {
  log('bench: missing Taskwarrior: no `task` on PATH. The warm-list, set and folder baselines are skipped.');
  log('       get it with: apt-get install taskwarrior   (Debian/Ubuntu; the harness installs nothing)');
}
if (!hyperfineBin) {
  log(`bench: missing hyperfine (optional; used only by --hyperfine${opt.hyperfine ? ', which is skipped' : ''}).`);
  log('       get it with: apt-get install hyperfine');
}
if (!fs.existsSync(planBin)) {
  log(`bench: plan entry point not found: ${planBin}`);
  log(`       run 'npm run build' first (npm run bench does), or set PLAN_BIN.`);
  process.exit(1);
}
if (!fs.existsSync(opt.gen)) {
  log(`bench: plan generator not found: ${opt.gen} (pass --gen PATH)`);
  process.exit(1);
}
if (opt.runs < 10) log(`bench: note: ${opt.runs} runs per command (the performance issue asks for at least 10).`);

// ---------------------------------------------------------------------------
// Data

const gen = (tasks, out, twOut) => {
  const args = [opt.gen, '--tasks', String(tasks), '--out', out];
  if (twOut) args.push('--taskwarrior', twOut);
  const r = spawnSync(NODE, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    log(`bench: generator failed: node ${args.map(shq).join(' ')}\n${r.stderr ?? ''}${r.error?.message ?? ''}`);
    process.exit(1);
  }
};

// A copy of `base` whose trailing comment changes on every call (content, size and
// mtime all change), so whatever plan keys its cache on, the next run is cold.
function coldToucher(base, target) {
  const text = fs.readFileSync(base, 'utf8');
  let n = 0;
  const touch = () => {
    n++;
    fs.writeFileSync(target, `${text}\n<!-- bench: cold run ${String(n).padStart(8, '0')}${n % 2 ? ' ' : ''}-->\n`);
  };
  touch();
  return touch;
}

const BIG = path.join(tmp, 'big.md');
const BIG_TW = path.join(tmp, 'big.tw.json');
const needBig = ['warm', 'cold', 'set', 'memory', 'folder'].some(want);
const growthSizes = opt.quick ? [1000, 10000] : [1000, 10000, 50000];

log(`bench: temporary folder ${tmp}`);
if (needBig) {
  log('bench: generating 10,000 tasks …');
  gen(10000, BIG, taskBin && needTask ? BIG_TW : null);
}
const growthFiles = new Map();
if (want('growth')) {
  for (const n of growthSizes) {
    const f = path.join(tmp, `growth-${n}.md`);
    if (n === 10000 && needBig) fs.copyFileSync(BIG, f);
    else {
      log(`bench: generating ${n.toLocaleString('en-US')} tasks …`);
      gen(n, f);
    }
    growthFiles.set(n, f);
  }
}

// ---------------------------------------------------------------------------
// Taskwarrior with a private TASKRC / TASKDATA

const rows = [];
const legend = [];
const notes = [];

let task = null; // { env, cmd(...args) } when usable
let taskSkip = taskBin ? null : 'skipped: task not installed';
const MODIFY_UUID = '00000000-0000-4000-8000-000000000001';
if (taskBin && needTask) {
  const data = path.join(tmp, 'taskdata');
  const rc = path.join(tmp, 'taskrc');
  fs.mkdirSync(data);
  const wanted = {
    'data.location': data,
    confirmation: 'off',
    verbose: 'nothing',
    hooks: 'off',
    color: 'off',
    detection: 'off',
    gc: 'off',
    recurrence: 'off',
    'news.version': '9.9.9',
  };
  const env = { ...process.env, TASKRC: rc, TASKDATA: data };
  fs.writeFileSync(rc, `data.location=${data}\n`);
  // Keep only the settings this Taskwarrior knows (`task _config` lists them).
  const known = spawnSync(taskBin, ['_config'], { env, encoding: 'utf8' });
  const names = new Set(
    String(known.stdout ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const settings = Object.entries(wanted).filter(([k]) => !names.size || names.has(k));
  const dropped = Object.keys(wanted).filter((k) => names.size && !names.has(k));
  if (dropped.length) log(`bench: Taskwarrior ${taskVersion} does not know ${dropped.join(', ')}; left out of the taskrc`);
  fs.writeFileSync(rc, settings.map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  const overrides = ['rc.confirmation=off', 'rc.verbose=nothing', 'rc.hooks=off'].filter((o) => names.has(o.slice(3, o.indexOf('='))) || !names.size);
  notes.push(
    `Taskwarrior ${taskVersion}: private TASKRC/TASKDATA in the temporary folder (${settings
      .filter(([k]) => k !== 'data.location')
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}), the same 10,000 tasks loaded with \`task import\`; run as \`task ${overrides.join(' ')} …\`.`,
  );
  task = { env, cmd: (...args) => ({ file: taskBin, args: [...overrides, ...args], env, isPlan: false }) };
  log('bench: importing the tasks into Taskwarrior …');
  const imp = runOnce(task.cmd('import', BIG_TW));
  if (!imp.ok) {
    log(`bench: Taskwarrior import failed, its baselines are skipped:\n  ${failText(task.cmd('import', BIG_TW), imp)}`);
    taskSkip = 'skipped: task import failed';
    task = null;
  }
}

// ---------------------------------------------------------------------------
// Memory: peak RSS (kB) of one run of a command

function timeWorks() {
  if (!timeBin) return false;
  const out = path.join(tmp, 'time-probe.txt');
  const r = spawnSync(timeBin, ['-f', '%M', '-o', out, NODE, '-e', 'Buffer.alloc(64 << 20, 1)'], { stdio: 'ignore' });
  try {
    const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
    return r.status === 0 && kb > 64 * 1024; // really saw the child's 64 MiB
  } catch {
    return false;
  }
}
const memMethod = want('memory') ? (opt.memMethod ?? (timeWorks() ? 'time' : 'hook')) : null;
const hookFile = path.join(tmp, 'rss-hook.mjs');
if (memMethod === 'hook') {
  // Preloaded into the plan process itself: at exit it writes its own peak RSS (kB on Linux).
  fs.writeFileSync(
    hookFile,
    `import { writeFileSync } from 'node:fs';
process.on('exit', () => { try { writeFileSync(process.env.PLAN_BENCH_RSS_OUT, String(process.resourceUsage().maxRSS)); } catch {} });
`,
  );
}
if (memMethod === 'time' && opt.memMethod === 'time' && !timeWorks()) {
  log('bench: --mem-method time, but /usr/bin/time -f %M does not work here (apt-get install time)');
  process.exit(2);
}

function peakRssKb(c) {
  const out = path.join(tmp, 'rss.txt');
  fs.rmSync(out, { force: true });
  let r;
  if (memMethod === 'time') {
    r = spawnSync(timeBin, ['-f', '%M', '-o', out, c.file, ...c.args], { cwd: ROOT, env: c.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  } else {
    r = spawnSync(c.file, ['--import', pathToFileURL(hookFile).href, ...c.args], {
      cwd: ROOT,
      env: { ...c.env, PLAN_BENCH_RSS_OUT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 << 20,
    });
  }
  const res = { ok: r.status === 0, status: r.status, signal: r.signal, error: r.error, stderr: String(r.stderr ?? '') };
  if (!res.ok) planFailed(c, res, 'while measuring memory');
  const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
  if (!(kb > 0)) throw new Error(`could not read peak RSS for ${show(c)}`);
  return kb;
}

// ---------------------------------------------------------------------------
// Cases

const MB = (kb) => (kb * 1024) / 1e6;

function ratioRow(name, p, b, limit, baselineSkip) {
  const row = { case: name, unit: 'ms', plan: p, baseline: b ?? null, target: `≤ ${limit}×`, limit };
  if (baselineSkip) {
    row.skipped = baselineSkip;
    row.ok = null;
  } else if (b?.error) {
    row.skipped = `baseline failed`;
    row.ok = null;
  } else {
    row.ratio = p.median / b.median;
    row.ok = row.ratio <= limit;
  }
  rows.push(row);
}

// The row of task 3.7 in Sprint 7 / Week 3: is it done already? (then toggle the other way first)
function setStartsDone(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let sprint = null;
  let week = null;
  for (const l of lines) {
    let m;
    if ((m = /^##\s.*Sprint\s+(\d+)/.exec(l)) && !l.startsWith('###')) {
      sprint = m[1];
      week = null;
    } else if ((m = /^###\s+Week\s+(\d+)/.exec(l))) week = m[1];
    else if (sprint === '7' && week === '3' && /^\|\s*3\.7\s*\|/.test(l)) return /Complete|✅|\bdone\b/i.test(l);
  }
  return false;
}

const warmCmd = plan('-f', BIG, 'list', '--sprint', '7', '--week', '3');
const COLD = path.join(tmp, 'big-cold.md');
const coldCmd = plan('-f', COLD, 'list', '--sprint', '7', '--week', '3');
const SET = path.join(tmp, 'big-set.md');
let touchCold = null;
let setState = null; // index into setCmds of the next set to run
let setCmds = null;
const nextSet = () => {
  const c = setCmds[setState];
  setState ^= 1;
  return c;
};
// --before: the older build toggles its own copy (two builds writing one file would make every run cold).
const SET_BEFORE = path.join(tmp, 'big-set-before.md');
let setBeforeState = 0;
const nextSetBefore = () => {
  const c = setCmds[setBeforeState];
  setBeforeState ^= 1;
  return asBefore({ ...c, args: c.args.map((a) => (a === SET ? SET_BEFORE : a)) });
};

// --- start-up
if (want('startup'))
  runCase('start-up', '≤ 1.15×', () => {
    log('bench: start-up …');
    const p = plan('-f', 'seeds/progress_planning.md', 'list', '--week', '1');
    const b = { file: NODE, args: ['-e', '0'], env: process.env, isPlan: false };
    dryRun(p);
    const [ps, bs] = timeAlternating([{ cmd: () => p }, { cmd: () => b }]);
    ratioRow('start-up', ps, bs, 1.15);
    legend.push(['start-up', show(p), show(b)]);
  });

// --- cold list of the largest file of the corpus (real plans), against a bare Node start
const CORPUS = path.resolve(ROOT, '../shared/corpus/real');

function largestCorpusFile() {
  if (!fs.existsSync(CORPUS)) return null;
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  return files.map((f) => path.join(CORPUS, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0] ?? null;
}

// Cold: the models in plan's cache are removed before each run (outside the timed region); its code
// cache stays, as after any first run of a build.
const forgetModels = (env) => () => {
  for (const part of ['plans', 'stamps']) fs.rmSync(path.join(env.XDG_CACHE_HOME, 'plan', part), { recursive: true, force: true });
};

if (want('corpus'))
  runCase('cold list, largest corpus file', '≤ 1.5×', () => {
    const file = largestCorpusFile();
    if (!file) {
      log(`bench: no corpus at ${rel(CORPUS)}: the corpus case is skipped.`);
      return;
    }
    const name = `cold list, largest corpus file (${Math.round(fs.statSync(file).size / 1000)} KB)`;
    log(`bench: ${name} …`);
    const p = plan('-f', file, 'list');
    const b = { file: NODE, args: ['-e', '0'], env: process.env, isPlan: false };
    dryRun(p, forgetModels(planEnv));
    const [ps, bs] = timeAlternating([{ before: forgetModels(planEnv), twinBefore: forgetModels(beforeEnv), cmd: () => p }, { cmd: () => b }]);
    ratioRow(name, ps, bs, 1.5);
    legend.push(['corpus', show(p), show(b), "plan's cached models removed before each run, outside the timed region"]);
  });

// --- warm list
if (want('warm'))
  runCase('warm list (10k tasks)', '≤ 1.5×', () => {
    log('bench: warm list …');
    const b = task ? task.cmd('project:s7.w3', 'list') : null;
    dryRun(warmCmd); // also fills plan's cache: big.md never changes after this
    if (b) {
      const r = runOnce(b, { captureStdout: true });
      if (!r.ok || !r.stdout.trim()) log(`  warning: the Taskwarrior baseline ${r.ok ? 'listed nothing' : 'failed'}: ${failText(b, r)}`);
    }
    const [ps, bs] = timeAlternating(b ? [{ cmd: () => warmCmd }, { cmd: () => b }] : [{ cmd: () => warmCmd }]);
    ratioRow('warm list (10k tasks)', ps, bs, 1.5, b ? null : taskSkip);
    legend.push(['warm list', show(warmCmd), b ? 'task project:s7.w3 list' : taskSkip]);
  });

// --- cold list
if (want('cold') || want('memory')) touchCold = coldToucher(BIG, COLD);
if (want('cold'))
  runCase('cold list (10k tasks)', '≤ 1.0 s', () => {
    log('bench: cold list …');
    dryRun(coldCmd, touchCold);
    const [ps] = timeAlternating([{ before: touchCold, cmd: () => coldCmd }]);
    rows.push({ case: 'cold list (10k tasks)', unit: 'ms', plan: ps, baseline: null, target: '≤ 1.0 s', limit: 1000, ok: ps.median <= 1000 });
    legend.push(['cold list', show(coldCmd), '—', 'its trailing comment is rewritten before each run, outside the timed region']);
  });

// --- set
if (want('set') || want('memory')) {
  fs.copyFileSync(BIG, SET);
  const doneFirst = !setStartsDone(SET);
  const done = plan('-f', SET, 'set', '3.7', 'done', '--sprint', '7', '--no-touch');
  const pending = plan('-f', SET, 'set', '3.7', 'pending', '--sprint', '7', '--no-touch');
  setCmds = doneFirst ? [done, pending] : [pending, done];
  if (beforeBin) fs.copyFileSync(BIG, SET_BEFORE);
  setState = 0;
}
if (want('set'))
  runCase('set (10k tasks)', '≤ 1.5×', () => {
    log('bench: set …');
    dryRun(nextSet());
    dryRun(nextSet());
    const mods = task ? ['H', 'L'].map((p) => task.cmd(MODIFY_UUID, 'modify', `priority:${p}`)) : null;
    const entries = [{ cmd: () => nextSet(), isPlan: true, twin: () => nextSetBefore() }];
    if (mods) entries.push({ cmd: (i) => mods[i % 2] });
    const [ps, bs] = timeAlternating(entries);
    ratioRow('set (10k tasks)', ps, bs, 1.5, mods ? null : taskSkip);
    legend.push([
      'set',
      `${show(setCmds[0])}\` alternating with \`${show(setCmds[1])}`,
      mods ? `task ${MODIFY_UUID} modify priority:H\` alternating with \`priority:L` : taskSkip,
    ]);
  });

// --- peak memory
if (want('memory')) {
  const memRuns = 3;
  log(`bench: peak memory (${memMethod === 'time' ? '/usr/bin/time -f %M' : 'node --import hook, process.resourceUsage().maxRSS'}, max of ${memRuns}) …`);
  const measure = (name, before, cmd) =>
    runCase(`peak memory: ${name}`, '≤ 100 MB', () => {
      before?.();
      const c0 = cmd();
      const r0 = runOnce(c0); // one untimed run so a warm cache is warm; discarded
      if (!r0.ok) planFailed(c0, r0, 'in its dry run (before measuring memory)');
      const kbs = [];
      for (let i = 0; i < memRuns; i++) {
        before?.();
        kbs.push(peakRssKb(cmd()));
      }
      const kb = Math.max(...kbs);
      const plan = { max: MB(kb), kb, samplesKb: kbs };
      if (beforeBin) {
        const olds = [];
        for (let i = 0; i < memRuns; i++) {
          before?.();
          olds.push(peakRssKb(cmd === nextSet ? nextSetBefore() : asBefore(cmd())));
        }
        plan.before = { max: MB(Math.max(...olds)), kb: Math.max(...olds), samplesKb: olds };
      }
      rows.push({
        case: `peak memory: ${name}`,
        unit: 'MB',
        plan,
        baseline: null,
        target: '≤ 100 MB',
        limit: 100,
        ok: MB(kb) <= 100,
      });
    });
  measure('warm list', null, () => warmCmd);
  measure('cold list', touchCold, () => coldCmd);
  measure('set', null, nextSet);
  notes.push(
    `peak memory: max RSS of ${memRuns} runs, via ${memMethod === 'time' ? '`/usr/bin/time -f %M`' : 'a `node --import` hook in the plan process (`process.resourceUsage().maxRSS`)'}; 1 MB = 10⁶ bytes.`,
  );
}

// --- growth
if (want('growth'))
  runCase('growth', 'no worse than linear', () => {
    log(`bench: growth (${growthSizes.map((n) => n.toLocaleString('en-US')).join(' / ')} tasks, cold) …`);
    // Query the last sprint's week 3 of each file: it exists in every size, and a
    // parser cannot stop early before reaching it.
    const entries = growthSizes.map((n) => {
      const f = growthFiles.get(n);
      const touch = coldToucher(f, path.join(tmp, `growth-${n}-cold.md`));
      const c = plan('-f', path.join(tmp, `growth-${n}-cold.md`), 'list', '--sprint', String(Math.ceil(n / 500)), '--week', '3');
      dryRun(c, touch);
      return { n, touch, c, before: touch, cmd: () => c };
    });
    const res = timeAlternating(entries);
    const perK = res.map((s, k) => s.median / (growthSizes[k] / 1000));
    growthSizes.forEach((n, k) => {
      const last = k === growthSizes.length - 1 && k > 0;
      const ratio = perK[k] / perK[0];
      rows.push({
        case: `growth: ${n.toLocaleString('en-US')} tasks (cold list)`,
        unit: 'ms',
        plan: res[k],
        baseline: null,
        perThousandMs: perK[k],
        ratio,
        ratioNote: 'per task, vs 1k',
        target: last ? '≤ 1.5× the 1k per-task cost' : '—',
        limit: last ? 1.5 : null,
        ok: last ? ratio <= 1.5 : null,
      });
      legend.push([
        `growth ${n.toLocaleString('en-US')}`,
        show(entries[k].c),
        '—',
        k === 0 ? 'last sprint, week 3 of each size; file changed before each run' : '',
      ]);
    });
    if (growthSizes.length >= 3) {
      const [a, b, c] = res.map((s) => s.median);
      const m1 = (b - a) / ((growthSizes[1] - growthSizes[0]) / 1000);
      const m2 = (c - b) / ((growthSizes[2] - growthSizes[1]) / 1000);
      notes.push(
        `growth: marginal cost ${fmtMs(m1)} ms per 1,000 tasks from 1k→10k, ${fmtMs(m2)} ms per 1,000 from 10k→50k (${fmtRatio(m2 / m1)}; well above 1× means worse than linear${m2 / m1 > 1.5 ? ' ⚠️' : ''}).`,
      );
    }
  });

// --- rows: one table of 10,000 and of 20,000 rows. Reading must be linear in rows: twice
// the rows, about twice the time (a copy of a growing array per row made 20,000 rows take 24 s).
function oneTable(n) {
  const statuses = ['✅ Done', '🔄 In Progress', '⏳ Pending'];
  const md = ['# One table', '', '| ID | Task | Status |', '|---|---|---|'];
  for (let i = 1; i <= n; i++) md.push(`| R-${i} | row task ${i} | ${statuses[i % 3]} |`);
  return `${md.join('\n')}\n`;
}

if (want('rows'))
  runCase('rows', '20k rows ≤ 3× 10k rows', () => {
    const sizes = [10000, 20000];
    log(`bench: rows (one table of ${sizes.map((n) => n.toLocaleString('en-US')).join(' / ')} rows, cold) …`);
    const entries = sizes.map((n) => {
      const f = path.join(tmp, `rows-${n}.md`);
      fs.writeFileSync(f, oneTable(n));
      const touch = coldToucher(f, path.join(tmp, `rows-${n}-cold.md`));
      const c = plan('-f', path.join(tmp, `rows-${n}-cold.md`), 'list', '--status', 'wip');
      dryRun(c, touch);
      return { touch, c, before: touch, cmd: () => c };
    });
    const res = timeAlternating(entries, { runs: Math.min(opt.runs, 5), warmup: 1 });
    const ratio = res[1].median / res[0].median;
    sizes.forEach((n, k) => {
      rows.push({
        case: `rows: one table of ${n.toLocaleString('en-US')} rows (cold list)`,
        unit: 'ms',
        plan: res[k],
        baseline: null,
        ratio: k ? ratio : undefined,
        ratioNote: k ? 'vs 10k rows' : undefined,
        target: k ? '≤ 3× (linear: 2×)' : '—',
        limit: k ? 3 : null,
        ok: k ? ratio <= 3 : null,
      });
      legend.push([`rows ${n.toLocaleString('en-US')}`, show(entries[k].c), '—', k === 0 ? 'one table, ids R-1…; file changed before each run' : '']);
    });
    notes.push(`rows: 20k rows took ${fmtRatio(ratio)} the time of 10k rows (linear: 2×)${ratio > 3 ? ' ⚠️ worse than linear' : ''}.`);
  });

// --- history: plan log and plan burndown over a scripted git history
if (want('history'))
  runCase('history', 'see rows', () => {
    const COMMITS = 200;
    const TASKS = 1000;
    log(`bench: history (${COMMITS} commits of a ${TASKS.toLocaleString('en-US')}-task plan, written with git fast-import) …`);
    const repo = path.join(tmp, 'history-repo');
    const planFile = path.join(repo, 'PLAN.md');
    const source = path.join(tmp, 'history-base.md');
    gen(TASKS, source);
    scriptedHistory(source, repo, COMMITS);
    // Cold: plan's store of parsed versions removed before each run (outside the timed region).
    const forget = () => {
      for (const home of ['cache', 'cache-before']) fs.rmSync(path.join(tmp, home, 'plan', 'history'), { recursive: true, force: true });
    };
    const cases = [
      ['log', plan('-f', planFile, 'log', '--json')],
      ['burndown', plan('-f', planFile, 'burndown', '--json')],
    ];
    for (const [name, c] of cases) {
      dryRun(c);
      const [warm] = timeAlternating([{ cmd: () => c }]);
      rows.push({
        case: `${name} (${COMMITS} commits, warm)`,
        unit: 'ms',
        plan: warm,
        baseline: null,
        target: '≤ 1.0 s',
        limit: 1000,
        ok: warm.median <= 1000,
      });
      const [cold] = timeAlternating([{ before: forget, cmd: () => c }], { runs: Math.min(opt.runs, 5), warmup: 0 });
      rows.push({
        case: `${name} (${COMMITS} commits, cold: every version read from git)`,
        unit: 'ms',
        plan: cold,
        baseline: null,
        target: '≤ 2 s',
        limit: 2000,
        ok: cold.median <= 2000,
      });
      legend.push([
        `${name} (history)`,
        show(c),
        '—',
        name === 'log'
          ? `${COMMITS} commits each changing one status of a ${TASKS}-task plan; cold runs remove plan's history store first (medians of ${Math.min(opt.runs, 5)})`
          : '',
      ]);
    }
  });

// --- folder: one plan made of 200 files (big.md cut at its week headings and then into
// pieces of 50 rows, each file a plan on its own), listed warm and with one file edited.
const FOLDER_FILES = 200;

/** Writes big.md's tasks into `dir` as FOLDER_FILES plan files; returns their paths. */
function splitPlan(source, dir) {
  const lines = fs.readFileSync(source, 'utf8').split('\n');
  const rowCount = lines.filter((l) => /^\| \d+\.\d+ \|/.test(l)).length;
  const perFile = Math.ceil(rowCount / FOLDER_FILES);
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  let sprint = '';
  let week = '';
  let head = [];
  let rows = [];
  const flush = () => {
    for (let k = 0; k < rows.length; k += perFile) {
      const f = path.join(dir, `part-${String(files.length + 1).padStart(3, '0')}.md`);
      fs.writeFileSync(f, [sprint, '', week, '', ...head, ...rows.slice(k, k + perFile), ''].join('\n'));
      files.push(f);
    }
    rows = [];
  };
  for (const l of lines) {
    if (/^##(#?) (Sprint|Week)/.test(l)) {
      flush();
      if (l.startsWith('###')) [week, head] = [l, []];
      else sprint = l;
    } else if (/^\| \d+\.\d+ \|/.test(l)) rows.push(l);
    else if (l.startsWith('|')) head.push(l);
  }
  flush();
  if (files.length !== FOLDER_FILES) {
    log(`bench: ${rel(source)} split into ${files.length} files, not ${FOLDER_FILES} (has the generator changed?)`);
    process.exit(1);
  }
  return files;
}

// An edit by hand: the status of one row of one file changes; every call picks the next file
// (and, after a round of all files, the next row), so each run has exactly one file changed.
function folderEditor(files) {
  const flip = { '⏳ Pending': '✅ Complete', '✅ Complete': '⏳ Pending', '🔄 In Progress': '✅ Complete', '❌ Blocked': '⏳ Pending' };
  let n = 0;
  return () => {
    const f = files[n % files.length];
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    const rowLines = lines.flatMap((l, i) => (/^\| \d+\.\d+ \|/.test(l) ? [i] : []));
    const i = rowLines[Math.floor(n / files.length) % rowLines.length];
    lines[i] = lines[i].replace(/⏳ Pending|✅ Complete|🔄 In Progress|❌ Blocked/, (m) => flip[m]);
    fs.writeFileSync(f, lines.join('\n'));
    n++;
  };
}

// --before: an older build that cannot read a folder is not timed; its column says so.
function beforeReadsFolder(c) {
  if (!beforeBin) return null;
  const r = runOnce(c);
  if (r.ok) return null;
  log(`  the older build cannot run it, its column says so: ${failText(c, r).split('\n')[0]}`);
  return { error: `cannot read a folder (exit ${r.status ?? r.signal})`, unsupported: true };
}

if (want('folder'))
  runCase('folder', 'see rows', () => {
    log(`bench: folder (${FOLDER_FILES} plan files, 10,000 tasks) …`);
    const dir = path.join(tmp, 'folder');
    const dirBefore = path.join(tmp, 'folder-before'); // the older build edits its own copy
    const files = splitPlan(BIG, dir);
    const edit = folderEditor(files);
    const editBefore = beforeBin ? folderEditor(splitPlan(BIG, dirBefore)) : null;
    const b = task ? task.cmd('status:pending', 'list') : null;
    const cases = [
      ['folder', '', 2, null],
      ['folder-edit', ', one file edited', 2.5, edit],
    ];
    for (const [name, what, limit, before] of cases) {
      const c = plan('-f', dir, 'list', '--status', 'open');
      const rowName = `${name}: ${FOLDER_FILES} files, 10k tasks${what} (list --status open)`;
      const cBefore = asBefore({ ...c, args: c.args.map((a) => (a === dir ? dirBefore : a)) });
      dryRun(c, before); // also fills plan's cache of every file
      const unsupported = beforeReadsFolder(cBefore);
      const entries = [{ before, cmd: () => c, noTwin: !!unsupported, twinBefore: before && editBefore, twin: () => cBefore }];
      if (b) entries.push({ cmd: () => b });
      const [ps, bs] = timeAlternating(entries);
      if (unsupported) ps.before = unsupported;
      ratioRow(rowName, ps, bs, limit, b ? null : taskSkip);
      legend.push([
        name,
        show(c),
        b ? 'task status:pending list' : taskSkip,
        before ? 'the status of one row of one file changed before each run, outside the timed region' : '',
      ]);
    }
  });

/** A repository whose PLAN.md has `commits` versions: each commit flips one task between pending and done. */
function scriptedHistory(source, repo, commits) {
  const lines = fs.readFileSync(source, 'utf8').split('\n');
  const rows = lines.flatMap((l, i) => (/^\| \d+\.\d+ \|.*\| (✅ Complete|⏳ Pending) \|/.test(l) ? [i] : []));
  fs.mkdirSync(repo, { recursive: true });
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: repo, input, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    if (r.status !== 0) {
      log(`bench: git ${args[0]} failed: ${String(r.stderr)}`);
      process.exit(1);
    }
  };
  git(['init', '-q', '-b', 'main']);
  const stream = [];
  for (let k = 0; k < commits; k++) {
    if (k > 0) {
      const i = rows[(k * 7) % rows.length];
      lines[i] = lines[i].includes('⏳ Pending') ? lines[i].replace('⏳ Pending', '✅ Complete') : lines[i].replace('✅ Complete', '⏳ Pending');
    }
    const data = Buffer.from(lines.join('\n'));
    const when = 1767261600 + k * 3600;
    stream.push(
      Buffer.from(
        `commit refs/heads/main\nauthor Ana <ana@example.com> ${when} +0000\ncommitter Ana <ana@example.com> ${when} +0000\ndata 9\nstep ${String(k).padStart(4, '0')}\nM 100644 inline PLAN.md\ndata ${data.length}\n`,
      ),
      data,
      Buffer.from('\n'),
    );
  }
  git(['fast-import', '--quiet'], Buffer.concat(stream));
  git(['checkout', '-q', '-f', 'main']);
}

// --- optional hyperfine cross-check (sequential, not alternating)
const hyper = [];
if (opt.hyperfine && hyperfineBin) {
  log('bench: hyperfine cross-check …');
  const hf = (name, cmds, prepare) => {
    const out = path.join(tmp, 'hf.json');
    const quote = (c) => [c.file, ...c.args].map((x) => `'${x.replace(/'/g, `'\\''`)}'`).join(' ');
    const args = ['-N', '--warmup', String(opt.warmup), '--runs', String(opt.runs), '--export-json', out, '--style', 'none'];
    if (prepare) args.push('--prepare', quote(prepare));
    for (const c of cmds) args.push(quote(c));
    const env = { ...planEnv, ...(task?.env.TASKRC ? { TASKRC: task.env.TASKRC, TASKDATA: task.env.TASKDATA } : {}) };
    const r = spawnSync(hyperfineBin, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) {
      log(`  hyperfine failed for ${name}: ${String(r.stderr)}`);
      return;
    }
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    hyper.push({ case: name, medians: j.results.map((x) => x.median * 1000), commands: j.results.map((x) => x.command) });
  };
  if (want('startup')) hf('start-up', [plan('-f', 'seeds/progress_planning.md', 'list', '--week', '1'), { file: NODE, args: ['-e', '0'] }]);
  if (want('warm')) hf('warm list', [warmCmd, ...(task ? [task.cmd('project:s7.w3', 'list')] : [])]);
  if (want('cold')) {
    const touchScript = path.join(tmp, 'touch-cold.mjs');
    fs.writeFileSync(
      touchScript,
      `import fs from 'node:fs';\nfs.appendFileSync(${JSON.stringify(COLD)}, '<!-- hyperfine ' + process.hrtime.bigint() + ' -->\\n');\n`,
    );
    hf('cold list', [coldCmd], { file: NODE, args: [touchScript] });
  }
}

report(hyper);

// ---------------------------------------------------------------------------
// Output

// The older build's figure for a row (--before), with its ratio to the baseline when there is one.
function beforeCell(r) {
  const b = r.plan?.before;
  if (!b || b.error) return b?.unsupported ? b.error : b?.error ? 'failed' : '—';
  if (r.unit === 'MB') return `${b.max.toFixed(1)} MB`;
  const ratio = r.baseline?.median && r.ratio !== undefined && !r.ratioNote ? `, ${fmtRatio(b.median / r.baseline.median)}` : '';
  return `${fmtMs(b.median)}${ratio}`;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    taskwarrior: taskVersion,
    hyperfine: hyperfineVersion,
  };
}

function report(hyper) {
  const m = machine();
  const config = { runs: opt.runs, warmup: opt.warmup, quick: opt.quick, planBin: rel(planBin), beforeBin: beforeBin && rel(beforeBin), memMethod };
  if (opt.json) {
    console.log(JSON.stringify({ machine: m, config, date: new Date().toISOString(), results: rows, commands: legend, notes, hyperfine: hyper }, null, 2));
    return;
  }
  const out = [];
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; ` +
      `Taskwarrior ${m.taskwarrior ?? 'not installed'}. Medians of ${opt.runs} runs after ${opt.warmup} warm-up runs, plan and baseline alternating.`,
  );
  out.push('');
  const beforeHead = beforeBin ? ' before (median ms) |' : '';
  out.push(`| case | plan (median ms) | baseline (median ms) | ratio | target | ok |${beforeHead}`);
  out.push(`|---|---:|---:|---:|---|:-:|${beforeBin ? '---:|' : ''}`);
  for (const r of rows) {
    let planCell;
    let baseCell = '—';
    let ratioCell = '—';
    if (r.failed) planCell = 'plan command failed (see stderr)';
    else if (r.unit === 'MB') planCell = `${r.plan.max.toFixed(1)} MB`;
    else planCell = fmtMs(r.plan.median) + (r.perThousandMs !== undefined ? ` (${r.perThousandMs.toFixed(1)} ms per 1k tasks)` : '');
    if (r.skipped) baseCell = r.baseline?.error ? `failed: ${r.baseline.error.split('\n')[0]}` : r.skipped;
    else if (r.baseline) baseCell = fmtMs(r.baseline.median);
    if (r.ratio !== undefined) ratioCell = fmtRatio(r.ratio) + (r.ratioNote ? ` (${r.ratioNote})` : '');
    const ok = r.ok === true ? '✅' : r.ok === false ? '❌' : r.skipped ? 'skipped' : '—';
    out.push(`| ${r.case} | ${planCell} | ${baseCell} | ${ratioCell} | ${r.target} | ${ok} |${beforeBin ? ` ${beforeCell(r)} |` : ''}`);
  }
  if (legend.length) {
    out.push('');
    out.push('Commands (plan ⟷ baseline):');
    for (const [name, p, b, note] of legend) {
      const base = !b || b === '—' ? '' : b.startsWith('skipped') ? ` ⟷ ${b}` : ` ⟷ \`${b}\``;
      out.push(`- ${name}: \`${p}\`${base}${note ? ` (${note})` : ''}`);
    }
  }
  if (notes.length) out.push('', 'Notes:', ...notes.map((n) => `- ${n}`));
  if (hyper.length) {
    out.push('');
    out.push('hyperfine cross-check (sequential, not alternating; median ms):');
    for (const h of hyper) out.push(`- ${h.case}: ${h.medians.map((x, k) => `${fmtMs(x)} (${k ? 'baseline' : 'plan'})`).join(', ')}`);
  }
  console.log(out.join('\n'));
}
