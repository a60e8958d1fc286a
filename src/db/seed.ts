/**
 * Loads a demo dataset (src/demo) into an empty database in one transaction: the
 * organisation, its units, each unit's plan (through PlanRepository.savePlan) and the
 * absence history (one multi-row statement).
 */
import type { DemoDataset } from '../demo/types.js';
import type { Queryable } from './db.js';
import { createRepositories } from './sqlRepositories.js';

export interface SeedReport {
  units: number;
  plans: number;
  employees: number;
  absences: number;
  ms: number;
}

export async function seedDemo(db: Queryable, dataset: DemoDataset): Promise<SeedReport> {
  const t0 = performance.now();
  return db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    await repos.organisations.createOrganisation(dataset.organisation);
    // All units first: an employee's home unit may be another unit.
    for (const u of dataset.units)
      await repos.organisations.createUnit({
        id: u.id,
        organisationId: dataset.organisation.id,
        name: u.name,
        kind: u.kind,
        serviceArea: u.serviceArea,
        beds: u.beds ?? null,
      });
    let employees = 0;
    for (const u of dataset.units) {
      await repos.plans.savePlan(u.id, u.plan, { name: `Demo: ${u.name} ${u.plan.start}–${u.plan.end}` });
      employees += u.plan.employees.length;
    }
    const { inserted } = await repos.absences.importAbsences(dataset.absenceHistory, { source: 'demo' });
    await repos.audit.append({
      actor: 'system',
      action: 'seed-demo',
      entity: 'organisation',
      entityId: dataset.organisation.id,
      details: { units: dataset.units.length, absences: inserted },
    });
    return { units: dataset.units.length, plans: dataset.units.length, employees, absences: inserted, ms: Math.round(performance.now() - t0) };
  });
}
