// Column roles come from header names, case-insensitively, in several languages.

import type { ColumnRole } from './types.js';

const ROLE_NAMES: Record<ColumnRole, string[]> = {
  id: ['#', 'id', 'no', 'no.', 'nr', 'nr.', 'num', 'number', 'key', 'ref', 'task id', 'ticket', '№', '番号', '编号'],
  title: [
    'task', 'title', 'item', 'feature', 'deliverable', 'name', 'task name', 'story', 'work item', 'goal', 'milestone',
    'tarea', 'tâche', 'aufgabe', 'tarefa', 'задача', 'タスク', '任务', '项目', 'タイトル', '标题', 'المهمة',
  ],
  status: ['status', 'state', 'estado', 'statut', 'stato', 'zustand', 'статус', 'стан', '状態', '状态', 'ステータス', 'الحالة'],
  owner: [
    'owner', 'assignee', 'agent', 'who', 'assigned', 'assigned to', 'responsible', 'dri', 'lead',
    'responsable', 'verantwortlich', 'ответственный', '担当', '担当者', '负责人',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'details', 'remarks', 'description', 'notas', 'remarques', '備考', '备注', '说明'],
  priority: ['priority', 'prio', 'pri', 'prioridad', 'priorité', '優先度', '优先级'],
};

const LOOKUP = new Map<string, ColumnRole>();
for (const [role, names] of Object.entries(ROLE_NAMES) as [ColumnRole, string[]][]) {
  for (const n of names) LOOKUP.set(n, role);
}

/** Header texts that make a table's rows weeks (sprints, phases) rather than tasks. */
const PERIOD_HEADERS: Record<string, 'W' | 'S' | 'P' | 'M'> = {
  week: 'W', weeks: 'W', semana: 'W', sprint: 'S', phase: 'P', fase: 'P', month: 'M', mes: 'M',
};

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .replace(/[*_`:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ColumnPlan {
  columns: Partial<Record<ColumnRole, number>>;
  kind: 'task' | 'week' | 'other';
  /** For week tables: the id prefix (`W` for weeks, `S` sprints, `P` phases, `M` months). */
  periodPrefix: 'W' | 'S' | 'P' | 'M' | null;
}

export function planColumns(headers: string[]): ColumnPlan {
  const names = headers.map(normaliseHeader);
  const columns: Partial<Record<ColumnRole, number>> = {};
  names.forEach((n, i) => {
    const role = LOOKUP.get(n);
    if (role && columns[role] === undefined) columns[role] = i;
  });
  const periodPrefix = names[0] !== undefined ? PERIOD_HEADERS[names[0]] ?? null : null;
  if (periodPrefix) {
    // The first column is the period; the title is the next column (`Focus`).
    delete columns.id;
    if (columns.title === 0 || columns.title === undefined) {
      const next = names.findIndex((_, i) => i > 0 && i !== columns.status && i !== columns.owner);
      if (next > 0) columns.title = next;
      else delete columns.title;
    }
    return { columns, kind: 'week', periodPrefix };
  }
  const isTask = columns.status !== undefined || (columns.id !== undefined && columns.title !== undefined);
  if (!isTask) return { columns, kind: 'other', periodPrefix: null };
  if (columns.title === undefined) {
    // No title column: the first column that holds no other role (the notes
    // column when nothing else is left).
    const taken = new Set(Object.entries(columns).filter(([r]) => r !== 'notes').map(([, i]) => i));
    const first = names.findIndex((_, i) => !taken.has(i));
    if (first >= 0) {
      columns.title = first;
      if (columns.notes === first) delete columns.notes;
    }
  }
  return { columns, kind: 'task', periodPrefix: null };
}
