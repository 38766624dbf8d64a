// Every code a problem can carry (`plan check`, `--json`'s `code`), with its
// severity and what it means. The reference (docs/reference.md, generated) is
// built from this table; a test holds it to the codes the sources emit.

import type { Severity } from '../model/types.js';

export interface CheckCode {
  code: string;
  severity: Severity;
  means: string;
}

export const CHECK_CODES: readonly CheckCode[] = [
  { code: 'mojibake', severity: 'error', means: 'text damaged by a wrong character set (`‚úÖ` for ✅); `plan fix` repairs it' },
  { code: 'invalid-utf8', severity: 'error', means: 'bytes that are not UTF-8 (kept as they are by every write)' },
  { code: 'duplicate-id', severity: 'error', means: 'the same id twice in one sprint, week or section' },
  { code: 'chars-limit', severity: 'error', means: "the body is longer than the front matter's `chars_limit`" },
  { code: 'front-matter-yaml', severity: 'error', means: 'front matter that is not valid YAML (the body is still read)' },
  { code: 'front-matter-language', severity: 'error', means: 'front matter in another language (`---js`, …): never evaluated, ignored' },
  { code: 'dependency-cycle', severity: 'error', means: 'tasks that depend on each other (or a task on itself): none of them can start' },
  { code: 'unknown-status', severity: 'warning', means: 'a status cell plan does not understand; teach it with `plan: statuses:` or `.planrc.json`' },
  { code: 'ragged-row', severity: 'warning', means: 'a table row with more or fewer cells than its header' },
  { code: 'no-id-column', severity: 'warning', means: 'a task table without an id column' },
  { code: 'dependency-missing', severity: 'warning', means: 'a dependency that names no task, or a scope that holds none' },
  {
    code: 'dependency-ambiguous',
    severity: 'error',
    means: 'in a plan of several files, a dependency on a bare id that several other files have: name one (`sprint2.md#1.3`)',
  },
  { code: 'dependency-open', severity: 'warning', means: 'a done task whose dependencies are still open' },
  {
    code: 'status-disagrees',
    severity: 'warning',
    means: 'a task written in several places (a summary bullet and its own section) whose places say different statuses; `plan set` writes them all',
  },
  {
    code: 'front-matter-list',
    severity: 'warning',
    means:
      'a `todos:` or `tasks:` list in the front matter that plan could not match to its lines (flow style, a key repeated inside a string): its entries are not read',
  },
  { code: 'status-map', severity: 'warning', means: 'an entry of `plan: statuses:` whose value is not one of the five statuses' },
  { code: 'config', severity: 'warning', means: '`.planrc.json` cannot be read or is not valid JSON; its statuses are ignored' },
  {
    code: 'ambiguous-date',
    severity: 'warning',
    means: 'a date that fits two readings (`03/04/2025`: day or month first; `Mar 14`: which year) that no other date of the file settles: left unread',
  },
  { code: 'too-deep', severity: 'warning', means: 'a line nested more than 100 levels deep, left out of the reading' },
  {
    code: 'table-not-tasks',
    severity: 'info',
    means:
      'a table read as a legend, a report of checks, a log of risks or blockers, or a summary of the sections, or one `read.skip` leaves out: not as tasks',
  },
  { code: 'column-inferred', severity: 'info', means: 'a column whose cells overruled its header (`"Task" read as the id`)' },
  {
    code: 'columns-guessed',
    severity: 'info',
    means: 'a task table no header of which names a column plan knows: what its cells decided, and the `read.columns` setting that decides otherwise',
  },
  { code: 'heading-task', severity: 'info', means: 'the headings read as tasks (one finding for all of them)' },
];
