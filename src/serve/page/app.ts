// The board page (plan serve): plain DOM, no framework. Every text from the plan file is set with
// textContent, never as HTML. The token and the filters live in the page's URL; the state comes from
// /api/state, and a `plan` event on /api/events (the file changed) reads it again, keeping scroll,
// filters and focus. A write names the task's revision as shown: one changed since is refused, and
// the reason is shown on the card, which stays where the file says.

interface CardTask {
  id: string;
  title: string;
  status: string;
  owner: string | null;
  group: string | null;
  line: number;
  rev: string;
  ready: boolean;
  waitingOn: string[];
}

interface Group {
  name: string;
  depth: number;
  done: number;
  total: number;
  percent: number | null;
}

interface BoardState {
  file: string;
  readOnly: boolean;
  statuses: string[];
  /** The columns a card may be moved to, numbered 1… (not "No status": no write sets it). */
  targets: string[];
  tasks: CardTask[];
  summary: { groups: Group[]; total: { done: number; total: number; percent: number | null } };
  /** In a plan of several files, each problem names its file. */
  problems: { file?: string; line: number; column: number; severity: string; code: string; message: string }[];
  /** A plan of several files: one line for each file that could not be read. */
  unreadable?: string[];
}

const FILTERS = ['sprint', 'week', 'phase', 'section', 'owner', 'status', 'text'] as const;
const LABELS: Record<string, string> = {
  pending: 'Pending',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  cancelled: 'Cancelled',
  none: 'No status',
};

const token = new URL(location.href).searchParams.get('token') ?? '';
/** Refusals shown on cards until the next write of that card: id → reason. */
const refusals = new Map<string, string>();
let state: BoardState | null = null;
let loading = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

function api(path: string, extra: URLSearchParams = new URLSearchParams()): string {
  extra.set('token', token);
  return `${path}?${extra}`;
}

function filterParams(): URLSearchParams {
  const q = new URLSearchParams();
  const here = new URL(location.href).searchParams;
  for (const f of FILTERS) {
    const v = here.get(f);
    if (v) q.set(f, v);
  }
  return q;
}

async function load(): Promise<void> {
  const mine = ++loading;
  const res = await fetch(api('/api/state', filterParams()));
  const body = await res.json();
  if (mine !== loading) return; // a later read is on its way
  if (!res.ok) {
    byId('live').textContent = `Cannot read the plan: ${body.reason}`;
    return;
  }
  state = body as BoardState;
  // An inline edit in progress is not swept away by a change elsewhere: the board is drawn when it ends.
  if (!document.querySelector('.card input')) render(state);
}

function render(s: BoardState): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.id;
  const scroll = [window.scrollX, window.scrollY] as const;
  byId('file').textContent = s.file;
  byId('count').textContent = String(s.targets.length);
  byId('live').textContent = `${s.summary.total.done} of ${s.summary.total.total} done${s.readOnly ? ' · read-only' : ''} · live`;
  byId('progress').replaceChildren(...s.summary.groups.filter((g) => g.total > 0).map(groupBox));
  byId('board').replaceChildren(...s.statuses.map((st) => column(s, st, s.targets.indexOf(st))));
  byId('problems').replaceChildren(...problemsPanel(s));
  window.scrollTo(scroll[0], scroll[1]);
  if (focused) (document.querySelector(`.card[data-id="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
}

function groupBox(g: Group): HTMLElement {
  const box = el('div', 'group');
  const bar = el('div', 'bar');
  const fill = el('span');
  fill.style.width = `${g.percent ?? 0}%`;
  bar.append(fill);
  box.append(el('div', 'name', g.name), el('div', 'figures', `${g.done}/${g.total} done${g.percent === null ? '' : ` · ${g.percent}%`}`), bar);
  return box;
}

function problemsPanel(s: BoardState): HTMLElement[] {
  const unreadable = s.unreadable ?? [];
  if (s.problems.length === 0 && unreadable.length === 0) return [];
  const list = el('ul');
  for (const line of unreadable) list.append(el('li', 'error', line));
  for (const p of s.problems) list.append(el('li', p.severity, `${p.file ?? s.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]`));
  return [el('h2', '', `Problems (${s.problems.length + unreadable.length})`), list];
}

/** A column of the board; `index` is its number among the columns a card may be moved to, -1 for one it may not (No status). */
function column(s: BoardState, status: string, index: number): HTMLElement {
  const col = el('section', 'column');
  col.dataset.status = status;
  col.setAttribute('aria-label', LABELS[status] ?? status);
  const tasks = s.tasks.filter((t) => t.status === status);
  const head = el('h2');
  const label = LABELS[status] ?? status;
  head.append(el('span', 'status-label', index < 0 ? label : `${index + 1} · ${label}`), el('span', 'n', String(tasks.length)));
  col.append(head, ...(byHeading() ? withHeadings(tasks) : tasks.map(card)));
  if (index >= 0) dropTarget(col, status);
  return col;
}

/** Makes a column take the cards dropped on it. */
function dropTarget(col: HTMLElement, status: string): void {
  col.addEventListener('dragover', (e) => {
    e.preventDefault();
    col.classList.add('over');
  });
  col.addEventListener('dragleave', () => col.classList.remove('over'));
  col.addEventListener('drop', (e) => {
    e.preventDefault();
    col.classList.remove('over');
    const id = e.dataTransfer?.getData('text/plain');
    if (id) void move(id, status);
  });
}

/** Whether the cards are grouped under the plan's own headings (`by=heading` in the URL). */
function byHeading(): boolean {
  return new URL(location.href).searchParams.get('by') === 'heading';
}

/** The cards with a heading line before each run of tasks under the same heading (tasks come in file order). */
function withHeadings(tasks: CardTask[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  let last: string | null | undefined;
  for (const t of tasks) {
    if (t.group !== last) out.push(el('h3', 'heading', t.group ?? '(no heading)'));
    last = t.group;
    out.push(card(t));
  }
  return out;
}

function card(t: CardTask): HTMLElement {
  const c = el('article', 'card');
  c.tabIndex = 0;
  c.draggable = true; // even when the file is read_only: the server refuses, and the card says why
  c.dataset.id = t.id;
  c.dataset.status = t.status;
  const top = el('div', 'top');
  top.append(el('span', 'id', t.id), el('span', 'status-label', LABELS[t.status] ?? t.status));
  const meta = el('div', 'meta');
  if (t.owner) meta.append(el('span', 'owner', `@${t.owner}`));
  if (t.group) meta.append(el('span', 'in-group', t.group));
  if (t.waitingOn.length) meta.append(el('span', 'badge waiting', `waiting on ${t.waitingOn.join(', ')}`));
  else if (t.ready) meta.append(el('span', 'badge ready', 'ready'));
  c.append(top, el('div', 'title', t.title), meta);
  const refused = refusals.get(t.id);
  if (refused) c.append(el('p', 'error', refused));
  c.setAttribute('aria-label', `${t.id} ${t.title}, ${LABELS[t.status] ?? t.status}${t.owner ? `, owner ${t.owner}` : ''}`);
  c.addEventListener('dragstart', (e) => e.dataTransfer?.setData('text/plain', t.id));
  c.addEventListener('keydown', (e) => onKey(e, t, c));
  c.addEventListener('dblclick', () => startEdit(c, t, 'title'));
  return c;
}

function onKey(e: KeyboardEvent, t: CardTask, c: HTMLElement): void {
  if (e.target !== c || !state || e.ctrlKey || e.metaKey || e.altKey) return;
  const n = Number(e.key);
  if (Number.isInteger(n) && n >= 1 && n <= state.targets.length) {
    e.preventDefault();
    void move(t.id, state.targets[n - 1]!);
  } else if (e.key === 'e' || e.key === 'o') {
    e.preventDefault();
    startEdit(c, t, e.key === 'e' ? 'title' : 'owner');
  }
}

function startEdit(c: HTMLElement, t: CardTask, field: 'title' | 'owner'): void {
  if (c.querySelector('input')) return;
  const input = el('input');
  input.value = (field === 'title' ? t.title : t.owner) ?? '';
  input.setAttribute('aria-label', `New ${field} of ${t.id}`);
  const target = field === 'title' ? (c.querySelector('.title') as HTMLElement) : (c.querySelector('.meta') as HTMLElement);
  target.before(input);
  input.focus();
  input.addEventListener('blur', () => {
    input.remove();
    if (state) render(state);
    (document.querySelector(`.card[data-id="${CSS.escape(t.id)}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') input.blur();
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = input.value;
    input.blur();
    void write('/api/edit', t.id, { id: t.id, rev: t.rev, [field]: value });
  });
}

function move(id: string, status: string): Promise<void> {
  const t = state?.tasks.find((x) => x.id === id);
  if (!t || t.status === status) return Promise.resolve();
  return write('/api/move', id, { id, rev: t.rev, status });
}

async function write(path: string, id: string, body: Record<string, string>): Promise<void> {
  document.querySelector(`.card[data-id="${CSS.escape(id)}"]`)?.classList.add('busy');
  let reason: string | null = null;
  try {
    const res = await fetch(api(path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await res.json();
    if (!res.ok) reason = String(answer.reason);
  } catch (e) {
    reason = `the server did not answer (${(e as Error).message})`;
  }
  if (reason) refusals.set(id, reason);
  else refusals.delete(id);
  await load(); // the card goes where the file now says
}

function readFilters(): void {
  const form = byId('filters') as HTMLFormElement;
  const here = new URL(location.href).searchParams;
  for (const f of FILTERS) (form.elements.namedItem(f) as HTMLInputElement).value = here.get(f) ?? '';
  (form.elements.namedItem('by') as HTMLInputElement).checked = byHeading();
}

function onFilter(): void {
  const form = byId('filters') as HTMLFormElement;
  const url = new URL(location.href);
  for (const f of FILTERS) {
    const v = (form.elements.namedItem(f) as HTMLInputElement).value.trim();
    if (v) url.searchParams.set(f, v);
    else url.searchParams.delete(f);
  }
  if ((form.elements.namedItem('by') as HTMLInputElement).checked) url.searchParams.set('by', 'heading');
  else url.searchParams.delete('by');
  history.replaceState(null, '', url);
  void load();
}

function listen(): void {
  const events = new EventSource(api('/api/events'));
  events.addEventListener('plan', () => void load());
  // Reconnected after the server or the network was away: what changed meanwhile is read again.
  events.addEventListener('ready', () => void load());
  events.addEventListener('error', () => {
    byId('live').textContent = 'Connection lost; retrying…';
  });
}

document.addEventListener('DOMContentLoaded', () => {
  readFilters();
  const form = byId('filters') as HTMLFormElement;
  form.addEventListener('input', onFilter);
  form.addEventListener('reset', () => setTimeout(onFilter));
  form.addEventListener('submit', (e) => e.preventDefault());
  listen();
});
