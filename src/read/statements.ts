// Id'd bullets that state something about the work rather than name a piece of it. Plans written to a template
// number every line they hold (`- **REQ-001**: …`, `- **RISK-002**: …`) beside the tasks themselves
// (`| TASK-001 | … |`): under a heading that names only such statements, a requirement, a constraint, a risk, an
// assumption, an alternative weighed, a dependency or a file touched is no task, though it has an id. A box or a
// status on the line still makes it one. An id's letters alone do not say what it is (`FR-1` is a requirement in one
// plan, a front-end task in another).

/**
 * The kinds of statement a plan lists under a heading of their own, in the languages plans are written in:
 * `## 1. Requirements & Constraints`, `## 7. Risks & Assumptions`, `## Related Specifications / Further Reading`.
 */
const STATEMENT_KIND =
  /^(?:(?:functional|non-functional|technical|business|security|key)\s+)?(?:requirements?|constraints?|alternatives?(?:\s+considered)?|dependencies|risks?|assumptions?|files?|(?:related\s+)?specifications?|references?|further\s+reading|requisitos|restricciones|restrições|riesgos|riscos|supuestos|premissas|dependencias|dependências|alternativas|anforderungen|einschränkungen|risiken|annahmen|abhängigkeiten|exigences|contraintes|risques|hypothèses|dépendances)$/iu;

/** Whether a heading names only such statements: every part of it (`Risks & Assumptions`) one of the kinds. */
export function statementHeading(name: string): boolean {
  const bare = name
    .replace(/^\d+(?:\.\d+)*\.?\s+/u, '')
    .replace(/[:：]\s*$/u, '')
    .trim();
  if (bare === '') return false;
  return bare.split(/&|\/|,|\band\b|\by\b|\be\b|\bet\b|\bund\b/iu).every((part) => STATEMENT_KIND.test(part.trim()));
}

/** Whether an item with this id and no status of its own, under this heading, states something rather than names work. */
export function statesNoWork(id: string | null, heading: string | undefined): boolean {
  return id !== null && heading !== undefined && statementHeading(heading);
}
