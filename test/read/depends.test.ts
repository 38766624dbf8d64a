// The dependency notations of real plans, read into references.
import { describe, expect, it } from 'vitest';
import { inlineDependencies, parseReferences } from '../../src/read/depends.js';

const texts = (value: string, mode?: 'any' | 'ids' | 'tokens') => parseReferences(value, mode).map((r) => `${r.kind}:${r.text}`);

describe('parseReferences', () => {
  it.each([
    ['1.1, 1.3', ['id:1.1', 'id:1.3']],
    ['FEAT-001.2', ['id:FEAT-001.2']],
    ['TASK-101 TASK-102', ['id:TASK-101', 'id:TASK-102']],
    ['M4, M5', ['id:M4', 'id:M5']],
    ['#12 and #13', ['id:#12', 'id:#13']],
    ['-', []],
    ['Nothing (first phase)', []],
    ['None', []],
    ['Phase 1', ['scope:Phase 1']],
    ['Phase 5 (can run in parallel with Phase 6)', ['scope:Phase 5']],
    ['Phase 9, Phase 10, Phase 11', ['scope:Phase 9', 'scope:Phase 10', 'scope:Phase 11']],
    ['Phases 1-3 complete (✅)', ['scope:Phase 1', 'scope:Phase 2', 'scope:Phase 3']],
    ['Phase 0 100% complete ✅', ['scope:Phase 0']],
    ['Phase 1 must be 100% complete', ['scope:Phase 1']],
    ['Sprint 3', ['scope:Sprint 3']],
    ['Auth service live', ['text:Auth service live']],
  ])('%s', (value, want) => {
    expect(texts(value)).toEqual(want);
  });

  it('in running text, only ids and scopes count: anything else makes the whole mark no dependency', () => {
    expect(texts('3 attempts', 'ids')).toEqual([]);
    expect(texts('fixing unused variables', 'ids')).toEqual([]);
    expect(texts('Socket.io', 'ids')).toEqual([]);
    expect(texts('abc123, def456', 'tokens')).toEqual(['id:abc123', 'id:def456']);
  });
});

describe('inlineDependencies', () => {
  it.each([
    ['Migrations (after 1.1)', 'Migrations', ['1.1'], null],
    ['Seed data (depends on 1.1, 1.2)', 'Seed data', ['1.1', '1.2'], null],
    ['Fix login — blocked by #12', 'Fix login', ['#12'], null],
    ['Write migrations ⛔ abc123 🆔 def456', 'Write migrations', ['abc123'], 'def456'],
    ['Retry (after 3 attempts)', 'Retry (after 3 attempts)', [], null],
    ['Blocked by the API team', 'Blocked by the API team', [], null],
    ['Deploy ⛔ Blocked', 'Deploy ⛔ Blocked', [], null],
    // The same marks in the languages plans are written in: Spanish and Portuguese, French, German.
    ['Monta el resumen (depende de T001, T004)', 'Monta el resumen', ['T001', 'T004'], null],
    ['Monter le résumé (dépend de T-3)', 'Monter le résumé', ['T-3'], null],
    ['Zusammenfassung bauen (abhängig von 2.1)', 'Zusammenfassung bauen', ['2.1'], null],
    ['Conectar (depende de la API)', 'Conectar (depende de la API)', [], null],
    // Test first: the work waits on its tests written and failing (a state of those tasks, not more references).
    ['Print the banner (depends on T001 failing, T004 failing)', 'Print the banner', ['T001', 'T004'], null],
    ['Monta o resumo (depende de T001 falhando)', 'Monta o resumo', ['T001'], null],
  ])('%s', (text, title, refs, ownId) => {
    const r = inlineDependencies(text);
    expect([r.title, r.refs.map((x) => x.text), r.ownId]).toEqual([title, refs, ownId]);
  });
});
