/**
 * Merging the server's incremental re-check (POST /api/plans/:id/recheck) into the grid the page
 * shows. The server answers for the edited employees and days only – an employee rule reads one
 * employee's line and a staffing rule one day, so nothing else in the grid can have changed
 * (src/server/recheck.test.ts holds the server to that). Everything not reported keeps its
 * objects, so the grid re-renders only the rows, day headers and coverage rows that changed.
 */
import type { Assignment, GridPatch, GridView, Violation } from './api.js'; // .js: also type-checked from the server's tests

// String#localeCompare with the default locale, as the server's sort uses it, but without building a collator per call.
const collate = new Intl.Collator().compare;

/** The order of the grid's violation list, as the server sorts it (compareViolations in src/core/eval/checker.ts). */
function compareViolations(a: Violation, b: Violation): number {
  return a.severity !== b.severity ? (a.severity === 'hard' ? -1 : 1) : collate(a.employee ?? '~', b.employee ?? '~') || collate(a.dates[0], b.dates[0]) || collate(a.rule, b.rule);
}

export function applyGridPatch(view: GridView, patch: GridPatch): GridView {
  const rows = new Map(patch.employees.map((r) => [r.id, r]));
  const dates = new Set(patch.dates);
  const reported = (v: Violation) => (v.employee !== null ? rows.has(v.employee) : dates.has(v.dates[0]));
  const employees = view.employees.map((r) => rows.get(r.id) ?? r);

  const wishes = employees.flatMap((r) => (rows.has(r.id) ? patch.wishes : view.wishes).filter((w) => w.employee === r.id));

  const dayIndex = patch.dates.map((date) => view.days.findIndex((d) => d.date === date));
  const coverage = view.coverage.map((row, k) => {
    const values = patch.coverage[k];
    if (!values || values.every((x, j) => sameCoverage(x, row.days[dayIndex[j]]))) return row;
    const days = [...row.days];
    values.forEach((x, j) => (days[dayIndex[j]] = x));
    return { ...row, days };
  });

  // The rota as assignments: the reported rows' from their cells, the others' as they were.
  const kept = new Map<string, Assignment[]>();
  for (const a of view.assignments) {
    if (rows.has(a.employee)) continue;
    const l = kept.get(a.employee);
    if (l) l.push(a);
    else kept.set(a.employee, [a]);
  }
  const assignments = employees.flatMap((r) =>
    rows.has(r.id) ? r.cells.flatMap((s, d) => (s ? [{ employee: r.id, date: view.days[d].date, shift: s }] : [])) : (kept.get(r.id) ?? []),
  );

  return {
    ...view,
    employees,
    wishes,
    coverage,
    violations: mergeSorted(
      view.violations.filter((v) => !reported(v)),
      patch.violations,
    ),
    hardCount: patch.hardCount,
    softCount: patch.softCount,
    assignments,
  };
}

/** Two lists each in violation order, as one. */
function mergeSorted(a: Violation[], b: Violation[]): Violation[] {
  const out: Violation[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareViolations(b[j], a[i]) < 0 ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

type Cov = GridView['coverage'][number]['days'][number];
const sameCoverage = (a: Cov, b: Cov) => (a === null || b === null ? a === b : a.min === b.min && a.target === b.target && a.actual === b.actual);
