/**
 * Demo accounts, created only when the demo organisation is seeded into an empty database.
 * Passwords are random per database (or BEMANNA_DEMO_PASSWORD for all of them, for scripted
 * demos and tests) and are printed once, at that first start.
 */
import type { Queryable } from '../db/db.js';
import { UserRepository, type RoleGrant } from '../db/userRepository.js';
import type { DemoDataset } from '../demo/types.js';
import { generatePassword, hashPassword } from './auth/password.js';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  description: string;
  roles: RoleGrant[];
  employeeId: string | null;
}

const SHORT: Record<string, string> = { 'solsiden-2': 'solsiden' };
const short = (unitId: string) => SHORT[unitId] ?? unitId;

export function demoAccountPlan(ds: DemoDataset): Array<Omit<DemoAccount, 'password'>> {
  const out: Array<Omit<DemoAccount, 'password'>> = [];
  const org = ds.organisation.id.replace(/-kommune$/, '');
  out.push({ username: `admin@${org}`, displayName: 'Systemadministrator', description: 'administrator, alle enheter', roles: [{ role: 'admin', unitId: null }], employeeId: null });
  ds.units.forEach((u, i) => {
    const s = short(u.id);
    out.push({ username: `leder@${s}`, displayName: `Leder ${u.name}`, description: `enhetsleder, ${u.name}`, roles: [{ role: 'leader', unitId: u.id }], employeeId: null });
    const rotating = u.plan.employees.filter((e, k) => (u.staffProfiles?.[k]?.pattern ?? 'rotating') === 'rotating' && e.positionPercent >= 50);
    const pick = (k: number) => rotating[Math.min(k, rotating.length - 1)];
    if (i === 0) {
      out.push({ username: `planlegger@${s}`, displayName: `Turnusplanlegger ${u.name}`, description: `planlegger, ${u.name}`, roles: [{ role: 'planner', unitId: u.id }], employeeId: null });
      const tv = pick(6);
      out.push({
        username: `tillitsvalgt@${s}`,
        displayName: tv.name,
        description: `tillitsvalgt og ansatt (${tv.id}), ${u.name}`,
        roles: [
          { role: 'union_rep', unitId: u.id },
          { role: 'employee', unitId: u.id },
        ],
        employeeId: tv.id,
      });
      const vo = pick(9);
      out.push({
        username: `verneombud@${s}`,
        displayName: vo.name,
        description: `verneombud og ansatt (${vo.id}), ${u.name}`,
        roles: [
          { role: 'safety_rep', unitId: u.id },
          { role: 'employee', unitId: u.id },
        ],
        employeeId: vo.id,
      });
    }
    if (i <= 1) {
      const e = pick(2);
      out.push({ username: `ansatt@${s}`, displayName: e.name, description: `ansatt (${e.id}), ${u.name}`, roles: [{ role: 'employee', unitId: u.id }], employeeId: e.id });
    }
  });
  return out;
}

/** Creates the demo accounts; returns them with their (plain) passwords, for printing once. */
export async function seedDemoUsers(db: Queryable, ds: DemoDataset, fixedPassword?: string): Promise<DemoAccount[]> {
  const users = new UserRepository(db);
  const out: DemoAccount[] = [];
  for (const a of demoAccountPlan(ds)) {
    const password = fixedPassword || generatePassword();
    await users.create({ organisationId: ds.organisation.id, username: a.username, displayName: a.displayName, passwordHash: await hashPassword(password), employeeId: a.employeeId, roles: a.roles });
    out.push({ ...a, password });
  }
  return out;
}

export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const w = Math.max(...accounts.map((a) => a.username.length));
  const pw = Math.max(...accounts.map((a) => a.password.length));
  return [
    'Demokontoer (vises bare nå, ved første oppstart) / demo accounts (shown only now):',
    ...accounts.map((a) => `  ${a.username.padEnd(w)}  ${a.password.padEnd(pw)}  ${a.description}`),
  ].join('\n');
}
