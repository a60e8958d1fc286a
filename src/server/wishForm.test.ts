import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { UserRepository } from '../db/userRepository.js';
import { generateDemo } from '../demo/index.js';
import { createBemanna, type Bemanna } from './app.js';
import { hashPassword } from './auth/password.js';
import { login, PASSWORD, type TestClient } from './testing.js';

type Wish = { employee?: string; date: string; shift: string | null; kind: string; weight: number };
type Form = { plan: { id: string }; wishes: Wish[]; submission: { preferredWeekends: string[] | null; wishCount: number } | null };

describe('the wish form: "cannot work" and the weekend preference', () => {
  let db: Db;
  let bem: Bemanna;
  let leader: TestClient;
  let employee: TestClient;
  let me: string;
  let planId: string;

  before(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    const ds = generateDemo();
    await seedDemo(db, ds);
    const unit = ds.units.find((u) => u.id === 'solsiden-2')!;
    me = unit.plan.employees[0].id;
    const users = new UserRepository(db);
    const hash = await hashPassword(PASSWORD);
    await users.create({ organisationId: ds.organisation.id, username: 'leder', displayName: 'Leder', passwordHash: hash, roles: [{ role: 'leader', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: ds.organisation.id, username: 'ansatt', displayName: 'Ansatt', passwordHash: hash, employeeId: me, roles: [{ role: 'employee', unitId: 'solsiden-2' }] });
    bem = createBemanna({ db });
    leader = await login(bem.app, 'leder');
    employee = await login(bem.app, 'ansatt');
    const plans = (await leader.json<{ plans: Array<{ id: string; status: string }> }>('GET', '/api/units/solsiden-2/plans')).body.plans;
    planId = plans.find((p) => p.status === 'draft')!.id;
    assert.equal((await leader.json('POST', `/api/plans/${planId}/wish-round`, { open: true })).status, 200);
  });
  after(async () => {
    bem?.jobs.cancelAll();
    await db?.close();
  });

  const mine = async () => (await leader.json<{ start: string; end: string; wishes: Wish[] }>('GET', `/api/plans/${planId}`)).body.wishes.filter((w) => w.employee === me);

  test('preferred weekends become weak wishes to be free on the other weekends; the form shows the preference, not the days', async () => {
    const sent = await employee.json<{ wishCount: number }>('PUT', `/api/plans/${planId}/wishes/me`, {
      wishes: [
        { date: '2027-01-06', shift: null, kind: 'avoid', weight: 3 },
        { date: '2027-01-23', shift: 'D', kind: 'want', weight: 1 },
      ],
      preferredWeekends: ['2027-01-30', '2027-01-16'],
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const stored = await mine();
    // Plan 2027-01-04 – 2027-02-14: weekends 9, 16, 23, 30 Jan, 6, 13 Feb; 16 and 30 preferred.
    const derived = stored.filter((w) => w.weight === 0.5).map((w) => w.date).sort();
    assert.deepEqual(derived, ['2027-01-09', '2027-01-10', '2027-01-24', '2027-02-06', '2027-02-07', '2027-02-13', '2027-02-14'], '23 January keeps its explicit wish');
    assert.ok(derived.every((d) => stored.find((w) => w.date === d)!.kind === 'avoid'));
    assert.equal(sent.body.wishCount, stored.length);
    const form = (await employee.json<{ forms: Form[] }>('GET', '/api/me/wish-forms')).body.forms.find((f) => f.plan.id === planId)!;
    assert.deepEqual(form.submission?.preferredWeekends, ['2027-01-16', '2027-01-30']);
    assert.deepEqual(
      form.wishes.map((w) => [w.date, w.shift, w.kind, w.weight]),
      [
        ['2027-01-06', null, 'avoid', 3],
        ['2027-01-23', 'D', 'want', 1],
      ],
    );
  });

  test('a weekend preference that is not a Saturday of the period is refused by field, and nothing changes', async () => {
    const before = await mine();
    const bad = await employee.json<{ errors: Array<{ path: string; message: string }> }>('PUT', `/api/plans/${planId}/wishes/me`, {
      wishes: [],
      preferredWeekends: ['2027-01-16', '2027-01-17', '2027-03-06'],
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e) => e.path), ['body.preferredWeekends[1]', 'body.preferredWeekends[2]']);
    assert.match(bad.body.errors[0].message, /ikke en lørdag i planperioden/);
    assert.deepEqual(await mine(), before);
  });
});
