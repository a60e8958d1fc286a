/**
 * The repository conformance suite: one set of tests that every storage driver must pass
 * (PGlite in pglite.test.ts, PostgreSQL in postgres.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parsePlan } from '../core/model/validatePlan.js';
import type { Plan } from '../core/model/plan.js';
import { generateDemo } from '../demo/index.js';
import { pgErrorInfo, type Db } from './db.js';
import { AbsenceImportError, AbsenceOverlapError, ConflictError, NotFoundError, ValidationError } from './errors.js';
import { fixturePlan } from './fixtures.js';
import { loadMigrations, migrate } from './migrate.js';
import type { Repositories } from './repositories.js';
import { seedDemo } from './seed.js';
import { registerAccountsConformance } from './accountsConformance.js';
import { registerPlanVersionsConformance } from './versionsConformance.js';
import { registerHiredConformance } from './hiredConformance.js';
import { createRepositories } from './sqlRepositories.js';
import { UserRepository } from './userRepository.js';

export interface ConformanceTarget {
  db: Db;
  /** Called after the suite (drop the test schema, remove files …). The suite closes `db` itself. */
  cleanup?: () => Promise<void>;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parsed(raw: unknown): Plan {
  const r = parsePlan(raw);
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.problems)}`);
  return r.value;
}

async function sqlState(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return pgErrorInfo(e).code ?? 'no-code';
  }
  return undefined;
}

export function runRepositoryConformance(name: string, makeDb: () => Promise<ConformanceTarget>, opts: { skip?: string | false } = {}): void {
  describe(`repository conformance: ${name}`, { skip: opts.skip || false }, () => {
    let target: ConformanceTarget;
    let db: Db;
    let repos: Repositories;
    let seq = 0;
    const unique = (s: string) => `${s}${++seq}`;
    const ORG = 'conf-org';

    async function newUnit(): Promise<string> {
      const id = unique('unit-');
      await repos.organisations.createUnit({ id, organisationId: ORG, name: `Enhet ${id}`, kind: 'sykehjem' });
      return id;
    }

    before(async () => {
      target = await makeDb();
      db = target.db;
      await migrate(db);
      repos = createRepositories(db);
      await repos.organisations.createOrganisation({ id: ORG, name: 'Testkommune' });
    });

    after(async () => {
      await db?.close();
      await target?.cleanup?.();
    });

    registerAccountsConformance(() => ({ db, org: ORG, newUnit }));
    registerPlanVersionsConformance(() => ({ db, newUnit }));
    registerHiredConformance(() => ({ db, newUnit }));

    test('migrations are recorded and idempotent', async () => {
      const all = loadMigrations().map((m) => m.version);
      assert.ok(all.length >= 1);
      const again = await migrate(db);
      assert.deepEqual(again.applied, []);
      assert.deepEqual(again.skipped, all);
      const rows = (await db.query<{ version: number }>('select version from schema_migrations order by version')).rows;
      assert.deepEqual(rows.map((r) => r.version), all);
    });

    test('the absences table has no diagnosis (or other health) column', async () => {
      const cols = (
        await db.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_name = 'absences' and table_schema = current_schema()`,
        )
      ).rows.map((r) => r.column_name);
      assert.ok(cols.includes('kind'));
      assert.ok(!cols.some((c) => /diagn|icd|health|helse|reason/i.test(c)), cols.join(','));
    });

    test('organisations and units', async () => {
      const id = await newUnit();
      const unit = await repos.organisations.getUnit(id);
      assert.equal(unit?.organisationId, ORG);
      assert.equal(unit?.kind, 'sykehjem');
      assert.equal(unit?.serviceArea, null);
      assert.equal(await repos.organisations.getUnit('no-such-unit'), null);
      const listed = await repos.organisations.listUnits(ORG);
      assert.ok(listed.some((u) => u.id === id && u.employeeCount === 0 && u.planCount === 0));
      assert.ok((await repos.organisations.listOrganisations()).some((o) => o.id === ORG));
      await assert.rejects(repos.organisations.createUnit({ id, organisationId: ORG, name: 'Annen', kind: 'sykehjem' }), ConflictError);
      await assert.rejects(
        repos.organisations.createUnit({ id: unique('u'), organisationId: ORG, name: 'X', kind: 'sykehus' as never }),
        ValidationError,
      );
    });

    test('updateUnit changes only the given fields; unknown id, bad kind and a taken name are refused', async () => {
      const id = await newUnit();
      const other = await newUnit();
      const named = await repos.organisations.updateUnit(id, { name: `Nytt navn ${id}`, beds: 14 });
      assert.deepEqual(named, { id, organisationId: ORG, name: `Nytt navn ${id}`, kind: 'sykehjem', serviceArea: null, beds: 14 });
      const moved = await repos.organisations.updateUnit(id, { kind: 'hjemmetjeneste', serviceArea: 'Sone Nord', beds: null });
      assert.deepEqual([moved.name, moved.kind, moved.serviceArea, moved.beds], [`Nytt navn ${id}`, 'hjemmetjeneste', 'Sone Nord', null]);
      assert.deepEqual(await repos.organisations.updateUnit(id, {}), moved);
      assert.deepEqual(await repos.organisations.getUnit(id), moved);
      await assert.rejects(repos.organisations.updateUnit('no-such-unit', { beds: 3 }), NotFoundError);
      await assert.rejects(repos.organisations.updateUnit(id, { kind: 'sykehus' as never }), ValidationError);
      await assert.rejects(repos.organisations.updateUnit(other, { name: `Nytt navn ${id}` }), ConflictError);
      assert.equal((await repos.organisations.getUnit(other))?.name, `Enhet ${other}`);
    });

    test('dates come back as YYYY-MM-DD strings, never Date objects', async () => {
      const r = await db.query<{ d: unknown; ds: unknown[]; n: unknown }>(
        `select date '2027-03-28' as d, array[date '2027-10-31', date '2028-02-29'] as ds, count(*) as n from organisations`,
      );
      assert.equal(r.rows[0].d, '2027-03-28');
      assert.deepEqual(r.rows[0].ds, ['2027-10-31', '2028-02-29']);
      assert.equal(typeof r.rows[0].n, 'number');
    });

    test('plan round trip: save → load equals what parsePlan gives', async () => {
      const unitId = await newUnit();
      const raw = fixturePlan({ prefix: unique('rt'), homeUnit: unitId });
      const expected = parsed(raw);
      const saved = await repos.plans.savePlan(unitId, expected, { name: 'Vår 2027' });
      assert.equal(saved.unitId, unitId);
      assert.equal(saved.name, 'Vår 2027');
      assert.equal(saved.status, 'draft');
      assert.equal(saved.version, 1);
      assert.equal(saved.start, '2027-03-01');
      assert.equal(saved.employeeCount, 3);
      assert.equal(saved.assignmentCount, 6);
      const loaded = await repos.plans.loadPlan(saved.id);
      assert.ok(loaded);
      assert.deepStrictEqual(loaded, expected);
      const reparsed = parsePlan(loaded);
      assert.ok(reparsed.ok);
      assert.deepStrictEqual(reparsed.value, expected);
      // Dates inside the plan are strings too.
      assert.equal(typeof loaded.employees[0].birthDate, 'string');
      assert.equal(typeof loaded.demand[3].dates?.[0], 'string');
      const stored = await db.query<{ start_date: unknown; birth_date: unknown }>(
        `select p.start_date, e.birth_date from plans p, employees e where p.id = $1 and e.id = $2`,
        [saved.id, expected.employees[0].id],
      );
      assert.match(String(stored.rows[0].start_date), DATE_RE);
      assert.equal(typeof stored.rows[0].birth_date, 'string');
      // The employees are now the unit's employees.
      const emps = await repos.employees.listByUnit(unitId);
      assert.deepEqual(emps.map((e) => e.id).sort(), expected.employees.map((e) => e.id).sort());
      assert.equal((await repos.employees.get(expected.employees[1].id))?.positionPercent, 37.5);
      assert.equal(await repos.plans.loadPlan('00000000-no-such-plan'), null);
    });

    test('plan: assignments load in canonical order; re-save replaces and bumps the version', async () => {
      const unitId = await newUnit();
      const plan = parsed(fixturePlan({ prefix: unique('ord') }));
      const shuffled = { ...plan, assignments: [...plan.assignments].reverse() };
      const first = await repos.plans.savePlan(unitId, shuffled);
      assert.deepStrictEqual((await repos.plans.loadPlan(first.id))?.assignments, plan.assignments);

      const changed: Plan = { ...plan, assignments: plan.assignments.slice(0, 2), wishes: [], absences: [], demand: [plan.demand[0]] };
      const second = await repos.plans.savePlan(unitId, changed, { planId: first.id, status: 'hearing' });
      assert.equal(second.id, first.id);
      assert.equal(second.version, 2);
      assert.equal(second.status, 'hearing');
      assert.deepStrictEqual(await repos.plans.loadPlan(first.id), changed);

      const other = await repos.plans.savePlan(unitId, plan);
      const list = await repos.plans.listPlans(unitId);
      assert.deepEqual(list.map((p) => p.id).sort(), [first.id, other.id].sort());
      assert.equal((await repos.plans.setStatus(other.id, 'approved')).status, 'approved');
      await assert.rejects(repos.plans.setStatus('nope', 'approved'), NotFoundError);
    });

    test('plan: invalid input and unknown unit write nothing', async () => {
      const unitId = await newUnit();
      const bad = parsed(fixturePlan({ prefix: unique('bad') }));
      const invalid = { ...bad, employees: [{ ...bad.employees[0], positionPercent: 140 }, ...bad.employees.slice(1)] };
      await assert.rejects(repos.plans.savePlan(unitId, invalid), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.ok(e.problems.some((p) => p.path === 'employees[0].positionPercent'), JSON.stringify(e.problems));
        return true;
      });
      await assert.rejects(repos.plans.savePlan('no-such-unit', bad), NotFoundError);
      // A failure half-way (home unit that does not exist) rolls back everything.
      const halfway = { ...bad, employees: [{ ...bad.employees[0], homeUnit: 'nowhere' }, ...bad.employees.slice(1)] };
      await assert.rejects(repos.plans.savePlan(unitId, halfway), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.problems[0].path, 'employees[0].homeUnit');
        return true;
      });
      assert.deepEqual(await repos.plans.listPlans(unitId), []);
      const n = await db.query<{ n: number }>('select count(*)::integer as n from employees where id like $1', [`${bad.employees[0].id.split('-')[0]}-%`]);
      assert.equal(n.rows[0].n, 0);
      const st = await db.query<{ n: number }>('select count(*)::integer as n from shift_types where unit_id = $1', [unitId]);
      assert.equal(st.rows[0].n, 0);
    });

    test('transactions commit, roll back, and nest with savepoints', async () => {
      const id = unique('tx-unit-');
      await assert.rejects(
        db.transaction(async (tx) => {
          await createRepositories(tx).organisations.createUnit({ id, organisationId: ORG, name: id, kind: 'bofellesskap' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await repos.organisations.getUnit(id), null);
      await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        await r.organisations.createUnit({ id, organisationId: ORG, name: id, kind: 'bofellesskap' });
        await assert.rejects(
          tx.transaction(async (inner) => {
            await createRepositories(inner).audit.append({ actor: 't', action: 'inner', entity: 'unit', entityId: id });
            throw new Error('inner boom');
          }),
          /inner boom/,
        );
      });
      assert.ok(await repos.organisations.getUnit(id));
      assert.deepEqual(await repos.audit.list({ entity: 'unit', entityId: id }), []);
    });

    test('unique constraints: one shift per employee and day, shift code per unit, employee id', async () => {
      const unitId = await newUnit();
      const plan = parsed(fixturePlan({ prefix: unique('uq') }));
      const saved = await repos.plans.savePlan(unitId, plan);
      const a = plan.assignments[0];
      const code = await sqlState(
        db.query(
          `insert into assignments (plan_id, employee_id, work_date, shift_type_id)
           select $1, $2, $3::date, pst.shift_type_id from plan_shift_types pst join shift_types st on st.id = pst.shift_type_id
           where pst.plan_id = $1 and st.code = 'N'`,
          [saved.id, a.employee, a.date],
        ),
      );
      assert.equal(code, '23505');
      assert.equal(await sqlState(db.query(`insert into shift_types (unit_id, code, start_time, end_time) values ($1, 'D', '06:00', '14:00')`, [unitId])), '23505');
      assert.equal(
        await sqlState(db.query(`insert into employees (id, unit_id, name, position_percent) values ($1, $2, 'Dup', 50)`, [plan.employees[0].id, unitId])),
        '23505',
      );
      // An assignment for someone who is not in the plan is refused by the foreign key.
      assert.equal(
        await sqlState(
          db.query(
            `insert into assignments (plan_id, employee_id, work_date, shift_type_id)
             select $1, 'stranger', date '2027-03-09', shift_type_id from plan_shift_types where plan_id = $1 limit 1`,
            [saved.id],
          ),
        ),
        '23503',
      );
    });

    test('CHECK constraints: position percentage, absence kind, date order, plan status', async () => {
      const unitId = await newUnit();
      const ins = (pct: number) =>
        db.query(`insert into employees (id, unit_id, name, position_percent) values ($1, $2, 'P', $3)`, [unique('chk-'), unitId, pct]);
      assert.equal(await sqlState(ins(140)), '23514');
      assert.equal(await sqlState(ins(0)), '23514');
      assert.equal(await sqlState(ins(-5)), '23514');
      assert.equal(await sqlState(ins(100)), undefined);
      assert.equal(await sqlState(ins(0.5)), undefined);
      await assert.rejects(
        repos.employees.upsert(unitId, [{ id: unique('chk-'), name: 'Over', positionPercent: 140 }]),
        (e: unknown) => e instanceof ValidationError && /position_percent/.test(e.message),
      );
      const emp = unique('chk-');
      await repos.employees.upsert(unitId, [{ id: emp, name: 'Ok', positionPercent: 60 }]);
      const absence = (kind: string, from: string, to: string) =>
        db.query(`insert into absences (employee_id, from_date, to_date, kind) values ($1, $2, $3, $4)`, [emp, from, to, kind]);
      assert.equal(await sqlState(absence('diagnosis', '2027-01-01', '2027-01-02')), '23514');
      assert.equal(await sqlState(absence('vacation', '2027-01-05', '2027-01-02')), '23514');
      assert.equal(await sqlState(absence('vacation', '2027-01-01', '2027-01-02')), undefined);
      const plan = await repos.plans.savePlan(unitId, parsed(fixturePlan({ prefix: unique('st') })));
      assert.equal(await sqlState(db.query(`update plans set status = 'secret' where id = $1`, [plan.id])), '23514');
      assert.equal(await sqlState(db.query(`update plans set end_date = date '2020-01-01' where id = $1`, [plan.id])), '23514');
    });

    test('absence import is all-or-nothing and names record, line and field', async () => {
      const unitId = await newUnit();
      const plan = parsed(fixturePlan({ prefix: unique('imp') }));
      await repos.plans.savePlan(unitId, plan);
      const [e1, e2] = plan.employees.map((e) => e.id);
      const good = [
        { employee: e1, from: '2026-01-05', to: '2026-01-07', kind: 'self_certified' },
        { employee: e2, from: '2026-02-01', to: '2026-02-20', kind: 'doctor_certified', unit: unitId },
      ];
      const bad = [
        ...good,
        { employee: 'ghost', from: '2026-03-01', to: '2026-03-02', kind: 'leave' },
        { employee: e1, from: '2026-04-10', to: '2026-04-01', kind: 'sick_child' },
        { employee: e2, from: '2026-05-01', to: '2026-05-02', kind: 'influenza' },
        { employee: e2, from: '2026-06-01', to: '2026-06-02', kind: 'doctor_certified', diagnosis: 'J11' },
        { employee: e2, from: '2026-13-01', to: '2026-06-02', kind: 'leave' },
      ];
      await assert.rejects(repos.absences.importAbsences(bad, { firstLine: 2 }), (e: unknown) => {
        assert.ok(e instanceof AbsenceImportError);
        const got = e.problems.map((p) => [p.index, p.line, p.field]);
        assert.deepEqual(got, [
          [2, 4, 'employee'],
          [3, 5, 'to'],
          [4, 6, 'kind'],
          [5, 7, 'diagnosis'],
          [6, 8, 'from'],
        ]);
        assert.match(e.message, /post 2 \(linje 4\), felt «employee»/);
        return true;
      });
      const count = async () =>
        (await db.query<{ n: number }>('select count(*)::integer as n from absences where plan_id is null and employee_id = any($1::text[])', [[e1, e2]])).rows[0].n;
      assert.equal(await count(), 0);
      assert.deepEqual(await repos.absences.importAbsences(good), { inserted: 2, skipped: 0 });
      assert.deepEqual(await repos.absences.importAbsences(good), { inserted: 0, skipped: 2 });
      assert.equal(await count(), 2);
      const listed = await repos.absences.listForEmployee(e2, { from: '2026-01-01', to: '2026-12-31' });
      assert.deepEqual(
        listed.map((a) => [a.from, a.to, a.kind, a.source, a.unitId]),
        [['2026-02-01', '2026-02-20', 'doctor_certified', 'import', unitId]],
      );
      assert.equal(await repos.absences.countHistory(unitId), 2);
    });

    test('absence history: members of a unit; addHistory skips identical spells, refuses overlaps (stored, in the batch, concurrent) and writes nothing then', async () => {
      const unitId = await newUnit();
      const other = await newUnit();
      const plan = parsed(fixturePlan({ prefix: unique('hist') }));
      await repos.plans.savePlan(unitId, plan);
      const [e1, e2, e3] = plan.employees.map((e) => e.id);
      // Members: home unit, or in one of the unit's plans.
      await repos.plans.savePlan(other, plan);
      assert.deepEqual((await repos.employees.listMembers(unitId)).map((e) => e.id).sort(), [e1, e2, e3].sort());
      assert.deepEqual((await repos.employees.listMembers(other)).map((e) => e.id).sort(), [e1, e2, e3].sort());
      assert.deepEqual(await repos.employees.listByUnit(other), []);

      const user = await new UserRepository(db).create({
        organisationId: ORG,
        username: `${unique('reg')}@conf`,
        displayName: 'Registrerer',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA',
        roles: [],
      });
      const count = async () => (await db.query<{ n: number }>('select count(*)::integer as n from absences where plan_id is null and unit_id = $1', [unitId])).rows[0].n;
      const good = [
        { employee: e1, unit: unitId, from: '2026-01-05', to: '2026-01-07', kind: 'self_certified' as const, line: 2 },
        { employee: e2, unit: unitId, from: '2026-02-01', to: '2026-02-20', kind: 'doctor_certified' as const, line: 3 },
      ];
      const first = await repos.absences.addHistory(good, { source: 'import', registeredBy: user.id });
      assert.equal(first.skipped, 0);
      assert.deepEqual(
        first.inserted.map((a) => [a.employee, a.from, a.to, a.kind, a.source, a.registeredBy, a.unitId, a.planId]),
        [
          [e1, '2026-01-05', '2026-01-07', 'self_certified', 'import', user.id, unitId, null],
          [e2, '2026-02-01', '2026-02-20', 'doctor_certified', 'import', user.id, unitId, null],
        ],
      );
      assert.ok(first.inserted.every((a) => Number.isInteger(a.id) && a.id > 0));
      // Identical again: skipped (import), or an overlap (registration).
      assert.deepEqual(await repos.absences.addHistory(good, { source: 'import' }), { inserted: [], skipped: 2 });
      await assert.rejects(repos.absences.addHistory([good[0]], { source: 'registered', identical: 'overlap' }), AbsenceOverlapError);
      // Overlapping a stored spell, and overlapping within the batch: nothing of the batch is written.
      await assert.rejects(
        repos.absences.addHistory(
          [
            { employee: e3, unit: unitId, from: '2026-03-01', to: '2026-03-01', kind: 'leave', line: 7 },
            { employee: e1, unit: unitId, from: '2026-01-07', to: '2026-01-09', kind: 'sick_child', line: 8 },
            { employee: e3, unit: unitId, from: '2026-04-01', to: '2026-04-05', kind: 'self_certified', line: 9 },
            { employee: e3, unit: unitId, from: '2026-04-05', to: '2026-04-06', kind: 'sick_child', line: 10 },
          ],
          { source: 'import' },
        ),
        (e: unknown) => {
          assert.ok(e instanceof AbsenceOverlapError);
          assert.ok(e instanceof ConflictError);
          assert.deepEqual(
            e.overlaps.map((o) => [o.line, o.employee, o.other.from, o.other.id ?? null, o.other.line ?? null]),
            [
              [8, e1, '2026-01-05', first.inserted[0].id, null],
              [10, e3, '2026-04-01', null, 9],
            ],
          );
          return true;
        },
      );
      // Unknown employee or unit, and bad records: AbsenceImportError with the line.
      await assert.rejects(
        repos.absences.addHistory(
          [
            { employee: 'ghost', unit: unitId, from: '2026-05-01', to: '2026-05-01', kind: 'leave', line: 4 },
            { employee: e3, unit: 'nowhere', from: '2026-05-01', to: '2026-05-01', kind: 'leave', line: 5 },
            { employee: e3, unit: unitId, from: '2026-05-03', to: '2026-05-01', kind: 'leave', line: 6 },
          ],
          { source: 'import' },
        ),
        (e: unknown) => {
          assert.ok(e instanceof AbsenceImportError);
          assert.deepEqual(e.problems.map((p) => [p.line, p.field]), [[4, 'employee'], [5, 'unit'], [6, 'to']]);
          return true;
        },
      );
      assert.equal(await count(), 2);
      // Two concurrent registrations of overlapping spells for one person: exactly one is stored.
      const spell = (from: string, to: string) => repos.absences.addHistory([{ employee: e3, unit: unitId, from, to, kind: 'sick_child' }], { source: 'registered', identical: 'overlap' });
      const raced = await Promise.allSettled([spell('2026-06-01', '2026-06-03'), spell('2026-06-02', '2026-06-04')]);
      assert.equal(raced.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(raced.some((r) => r.status === 'rejected' && r.reason instanceof AbsenceOverlapError));
      assert.equal(await count(), 3);

      assert.deepEqual((await repos.absences.listHistory({ unitIds: [unitId] })).map((a) => a.employee), [e1, e2, e3]);
      assert.deepEqual((await repos.absences.listHistory({ employees: [e2], from: '2026-02-15', to: '2026-03-01' })).map((a) => a.from), ['2026-02-01']);
      assert.deepEqual(await repos.absences.listHistory({ employees: [e2], from: '2026-02-21' }), []);
      assert.deepEqual(await repos.absences.listHistory({ unitIds: [other] }), []);
      // The source check allows 'registered' now, and still nothing unknown.
      assert.equal(
        await sqlState(db.query(`insert into absences (employee_id, from_date, to_date, kind, source) values ($1, '2025-01-01', '2025-01-01', 'leave', 'bogus')`, [e1])),
        '23514',
      );
    });

    test('audit log: append and list, newest first', async () => {
      const entityId = unique('plan-');
      const a = await repos.audit.append({ actor: 'leder@fjordvik', action: 'plan.create', entity: 'plan', entityId, details: { version: 1, note: 'første' } });
      const b = await repos.audit.append({ actor: 'leder@fjordvik', action: 'plan.update', entity: 'plan', entityId, details: { version: 2 } });
      await repos.audit.append({ actor: 'system', action: 'other', entity: 'unit', entityId });
      assert.ok(b.id > a.id);
      assert.match(a.at, /^\d{4}-\d{2}-\d{2}T/);
      const list = await repos.audit.list({ entity: 'plan', entityId });
      assert.deepEqual(list.map((x) => x.action), ['plan.update', 'plan.create']);
      assert.deepEqual(list[1].details, { version: 1, note: 'første' });
      assert.equal((await repos.audit.list({ limit: 1 })).length, 1);
      await assert.rejects(repos.audit.append({ actor: '', action: 'x', entity: 'y' }), ValidationError);
    });

    test('seedDemo loads the demo organisation quickly and the plans round-trip', async () => {
      const dataset = generateDemo();
      const t0 = performance.now();
      const report = await seedDemo(db, dataset);
      const ms = performance.now() - t0;
      assert.ok(ms < 10_000, `seeding took ${Math.round(ms)} ms`);
      assert.equal(report.units, dataset.units.length);
      let history = 0;
      for (const u of dataset.units) history += await repos.absences.countHistory(u.id);
      assert.equal(report.absences, history);
      assert.ok(report.absences > 0);
      const units = await repos.organisations.listUnits(dataset.organisation.id);
      assert.deepEqual(units.map((u) => u.id).sort(), dataset.units.map((u) => u.id).sort());
      for (const u of dataset.units) {
        const [p] = await repos.plans.listPlans(u.id);
        assert.deepStrictEqual(await repos.plans.loadPlan(p.id), parsed(u.plan));
      }
      await assert.rejects(seedDemo(db, dataset), ConflictError);
    });
  });
}
