/**
 * The plan a position plan leads to: the template plan's staff with the positions of the
 * position plan — larger positions for the people who get them, the advertised vacancies as
 * placeholder employees ("Ledig stilling 1 …"), the small positions merged away left out — so
 * the rota engine can make the rota that results and a leader can see it in the grid.
 *
 * Pure: the caller saves the plan as a draft and starts the generation.
 */
import type { Plan } from '../model/plan.js';

type Employee = Plan['employees'][number];
import { ANY } from './profile.js';
import type { PositionPlanResult } from './positionPlan.js';

export interface PositionPlanChange {
  employee: string;
  name: string;
  fromPercent: number | null;
  /** null: the position was merged into another and its holder is left out of the plan. */
  toPercent: number | null;
  kind: 'increased' | 'new' | 'merged';
}

export interface PositionPlanDraft {
  plan: Plan;
  changes: PositionPlanChange[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * `plan` is the template (its period, shift types, staffing plan, rules, wishes and absences);
 * `staff` the people the position plan was made from (the plan's employees, or the register's
 * where the plan lacks them).
 */
export function planAfterPositionPlan(plan: Plan, staff: Employee[], result: PositionPlanResult): PositionPlanDraft {
  const byId = new Map<string, Employee>(plan.employees.map((e) => [e.id, e]));
  for (const e of staff) if (!byId.has(e.id)) byId.set(e.id, e);
  const taken = new Set(byId.keys());
  const employees: Employee[] = [];
  const changes: PositionPlanChange[] = [];
  const kept = new Set<string>();
  let vacancy = 0;
  for (const p of result.positionsAfter) {
    const percent = Math.min(100, round2(p.percent));
    const existing = p.employee ? byId.get(p.employee) : undefined;
    if (existing) {
      kept.add(existing.id);
      employees.push({ ...existing, positionPercent: percent });
      if (Math.abs(percent - existing.positionPercent) > 1e-6)
        changes.push({ employee: existing.id, name: existing.name, fromPercent: existing.positionPercent, toPercent: percent, kind: 'increased' });
      continue;
    }
    vacancy++;
    let id = p.id;
    for (let n = 1; taken.has(id); n++) id = `${p.id}-${n}`;
    taken.add(id);
    const group = p.group === ANY ? null : p.group;
    const name = `Ledig stilling ${vacancy} (${group ?? 'ingen kompetansekrav'}, ${String(percent).replace('.', ',')} %)`;
    employees.push({ id, name, ...(group ? { competences: [group] } : {}), positionPercent: percent });
    changes.push({ employee: id, name, fromPercent: null, toPercent: percent, kind: 'new' });
  }
  // Whoever the position plan no longer lists had a small position merged into another.
  for (const e of plan.employees)
    if (!kept.has(e.id)) changes.push({ employee: e.id, name: e.name, fromPercent: e.positionPercent, toPercent: null, kind: 'merged' });
  const present = new Set(employees.map((e) => e.id));
  return {
    plan: {
      ...plan,
      employees,
      wishes: plan.wishes.filter((w) => present.has(w.employee)),
      absences: plan.absences.filter((a) => present.has(a.employee)),
      assignments: [],
    },
    changes,
  };
}
