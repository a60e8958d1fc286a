/**
 * Conformance tests for accounts, sessions and the plan workflow (migration 002), registered
 * inside the repository conformance suite so that both drivers run them on the same database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlan } from '../core/model/validatePlan.js';
import type { Db } from './db.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { fixturePlan } from './fixtures.js';
import { StaffRepository } from './staffRepository.js';
import { createRepositories } from './sqlRepositories.js';
import { UserRepository } from './userRepository.js';
import { WorkflowRepository } from './workflowRepository.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';

export function registerAccountsConformance(get: () => { db: Db; org: string; newUnit: () => Promise<string> }): void {
  test('accounts: roles per unit, case-insensitive unique user names, admin only without a unit', async () => {
    const { db, org, newUnit } = get();
    const users = new UserRepository(db);
    const unit = await newUnit();
    const u = await users.create({ organisationId: org, username: 'Leder@Conf', displayName: 'Leder', passwordHash: HASH, roles: [{ role: 'leader', unitId: unit }, { role: 'union_rep', unitId: unit }] });
    assert.equal(u.username, 'leder@conf');
    assert.deepEqual(u.roles, [{ role: 'leader', unitId: unit }, { role: 'union_rep', unitId: unit }]);
    const found = await users.findForLogin('LEDER@conf');
    assert.equal(found?.user.id, u.id);
    assert.equal(found?.passwordHash, HASH);
    await assert.rejects(users.create({ organisationId: org, username: 'leder@conf', displayName: 'x', passwordHash: HASH, roles: [] }), ConflictError);
    // A unit-scoped role needs a unit; admin must not have one. Nothing is written when it fails.
    await assert.rejects(users.create({ organisationId: org, username: 'bad@conf', displayName: 'x', passwordHash: HASH, roles: [{ role: 'employee', unitId: null }] }));
    assert.equal(await users.findForLogin('bad@conf'), null);
    const admin = await users.create({ organisationId: org, username: 'admin@conf', displayName: 'Admin', passwordHash: HASH, roles: [{ role: 'admin', unitId: null }] });
    assert.deepEqual(admin.roles, [{ role: 'admin', unitId: null }]);
    await assert.rejects(users.create({ organisationId: org, username: 'plain@conf', displayName: 'x', passwordHash: 'plaintext', roles: [] }));
  });

  test('sessions: stored by token hash, expired sessions and disabled users do not sign in', async () => {
    const { db, org } = get();
    const users = new UserRepository(db);
    const u = await users.create({ organisationId: org, username: 'sess@conf', displayName: 'S', passwordHash: HASH, roles: [] });
    const h = (c: string) => c.repeat(64);
    await users.createSession({ tokenHash: h('a'), userId: u.id, csrfToken: 'c'.repeat(43), expiresAt: new Date(Date.now() + 60_000) });
    await users.createSession({ tokenHash: h('b'), userId: u.id, csrfToken: 'c'.repeat(43), expiresAt: new Date(Date.now() - 1000) });
    const s = await users.getSession(h('a'));
    assert.equal(s?.user.id, u.id);
    assert.equal(s?.csrfToken, 'c'.repeat(43));
    assert.equal(await users.getSession(h('b')), null);
    assert.ok((await users.deleteExpiredSessions()) >= 1);
    await db.query('update users set disabled = true where id = $1', [u.id]);
    assert.equal(await users.getSession(h('a')), null);
    await users.deleteSession(h('a'));
    await assert.rejects(users.createSession({ tokenHash: 'short', userId: u.id, csrfToken: 'c'.repeat(43), expiresAt: new Date() }));
  });

  test('user management (008): roles added and removed, one-time passwords, deactivation ends the sessions', async () => {
    const { db, org, newUnit } = get();
    const users = new UserRepository(db);
    const unit = await newUnit();
    const other = await newUnit();
    const u = await users.create({ organisationId: org, username: 'ny@conf', displayName: 'Ny', passwordHash: HASH, roles: [{ role: 'employee', unitId: unit }], passwordChangeRequired: true });
    assert.equal(u.passwordChangeRequired, true);
    assert.equal((await users.create({ organisationId: org, username: 'vanlig@conf', displayName: 'V', passwordHash: HASH, roles: [] })).passwordChangeRequired, false);
    await users.addRole(u.id, { role: 'planner', unitId: unit });
    await users.addRole(u.id, { role: 'planner', unitId: unit });
    await users.addRole(u.id, { role: 'union_rep', unitId: other });
    assert.deepEqual((await users.get(u.id))?.roles, [{ role: 'employee', unitId: unit }, { role: 'planner', unitId: unit }, { role: 'union_rep', unitId: other }]);
    assert.deepEqual((await users.listForUnit(unit)).map((x) => x.username), ['ny@conf']);
    assert.equal(await users.removeRole(u.id, { role: 'planner', unitId: unit }), true);
    assert.equal(await users.removeRole(u.id, { role: 'planner', unitId: unit }), false);
    await users.setPasswordHash(u.id, HASH.replace('aGFz', 'bmV3'), false);
    assert.equal((await users.get(u.id))?.passwordChangeRequired, false);
    assert.equal(await users.passwordHash(u.id), HASH.replace('aGFz', 'bmV3'));
    const h = (c: string) => c.repeat(64);
    await users.createSession({ tokenHash: h('d'), userId: u.id, csrfToken: 'c'.repeat(43), expiresAt: new Date(Date.now() + 60_000) });
    await users.createSession({ tokenHash: h('e'), userId: u.id, csrfToken: 'c'.repeat(43), expiresAt: new Date(Date.now() + 60_000) });
    assert.equal(await users.deleteSessionsOfUser(u.id, h('d')), 1);
    assert.ok(await users.getSession(h('d')));
    await users.setDisabled(u.id, true);
    assert.equal(await users.getSession(h('d')), null);
    assert.equal((await db.query('select 1 from sessions where user_id = $1', [u.id])).rows.length, 0);
    await users.setDisabled(u.id, false);
    assert.equal((await users.get(u.id))?.disabled, false);
    await assert.rejects(users.setDisabled('no-such-user', true), NotFoundError);
  });

  test('staff (008): employment dates, edits keep the position history, referenced employees are ended, not deleted', async () => {
    const { db, newUnit } = get();
    const staff = new StaffRepository(db);
    const users = new UserRepository(db);
    const unit = await newUnit();
    const m = await staff.create(unit, { id: `${unit}-s1`, name: 'Siri', competence: 'sykepleier', positionPercent: 60, employedFrom: '2027-01-01' });
    assert.equal(m.employedFrom, '2027-01-01');
    assert.equal(m.employedTo, null);
    assert.equal(m.unitId, unit);
    await assert.rejects(staff.create(unit, { id: `${unit}-s1`, name: 'Igjen', competence: 'assistent', positionPercent: 50 }), ConflictError);
    const edited = await staff.update(m.id, { positionPercent: 80, competence: 'vernepleier', canWorkLongShifts: true, weekendFrequency: 3 });
    assert.equal(edited.positionPercent, 80);
    assert.equal(edited.competence, 'vernepleier');
    assert.equal(edited.canWorkLongShifts, true);
    const hist = await db.query<{ position_percent: string | number }>('select position_percent from employee_positions where employee_id = $1 order by id', [m.id]);
    assert.deepEqual(hist.rows.map((r) => Number(r.position_percent)), [60, 80]);
    await assert.rejects(staff.update(m.id, { employedTo: '2026-12-31' }), ValidationError);
    await assert.rejects(staff.update(m.id, { positionPercent: 0 }), ValidationError);
    assert.deepEqual(await staff.competencesInUse(unit), ['vernepleier']);
    // A new main competence goes first in the list of competences.
    await createRepositories(db).employees.upsert(unit, [{ id: `${unit}-s3`, name: 'Flere', competences: ['assistent', 'helsefagarbeider'], positionPercent: 50 }]);
    const moved = await staff.update(`${unit}-s3`, { competence: 'helsefagarbeider' });
    assert.deepEqual([moved.competence, moved.competences], ['helsefagarbeider', ['helsefagarbeider', 'assistent']]);
    await staff.remove(`${unit}-s3`, '2027-06-30');
    // Not referenced: deleted.
    await staff.create(unit, { id: `${unit}-s2`, name: 'Kortvarig', competence: 'assistent', positionPercent: 20 });
    assert.equal((await staff.remove(`${unit}-s2`, '2027-06-30')).outcome, 'deleted');
    assert.equal(await staff.get(`${unit}-s2`), null);
    // Referenced by an account: ended on the day.
    await users.create({ organisationId: get().org, username: `${unit}@conf`, displayName: 'Siri', passwordHash: HASH, employeeId: m.id, roles: [{ role: 'employee', unitId: unit }] });
    assert.equal(await staff.isReferenced(m.id), true);
    const ended = await staff.remove(m.id, '2027-06-30');
    assert.equal(ended.outcome, 'ended');
    assert.equal(ended.member.employedTo, '2027-06-30');
    assert.deepEqual((await staff.list(unit)).map((x) => x.id), [m.id]);
    assert.deepEqual([...(await staff.homeUnits([m.id, 'nobody']))], [[m.id, unit]]);
    await assert.rejects(staff.update('nobody', { name: 'x' }), NotFoundError);
  });

  test('workflow: wish rounds, one employee’s wishes without re-versioning the plan, comments and approvals per version', async () => {
    const { db, org, newUnit } = get();
    const unit = await newUnit();
    const repos = createRepositories(db);
    const wf = new WorkflowRepository(db);
    const users = new UserRepository(db);
    const plan = parsePlan(fixturePlan({ prefix: `wf${unit}` }));
    assert.ok(plan.ok);
    const saved = await repos.plans.savePlan(unit, plan.value);
    const e1 = `wf${unit}-e1`;
    const e2 = `wf${unit}-e2`;

    assert.equal(await wf.getWishRound(saved.id), null);
    const round = await wf.openWishRound(saved.id, 'leder', '2027-02-20');
    assert.deepEqual([round.isOpen, round.deadline], [true, '2027-02-20']);
    assert.equal((await wf.closeWishRound(saved.id)).isOpen, false);
    await assert.rejects(wf.closeWishRound('no-such-plan'), NotFoundError);

    const sub = await wf.replaceWishes(
      saved.id,
      e1,
      [
        { date: '2027-03-08', shift: null, kind: 'want', weight: 1 },
        { date: '2027-03-09', shift: 'A', kind: 'avoid', weight: 2 },
      ],
      { desiredPositionPercent: 90, longShifts: 'yes', note: 'Helst fri mandager', preferredWeekends: ['2027-03-20', '2027-03-13'] },
    );
    assert.deepEqual([sub.employeeId, sub.wishCount, sub.desiredPositionPercent, sub.longShifts], [e1, 2, 90, 'yes']);
    assert.deepEqual(sub.preferredWeekends, ['2027-03-13', '2027-03-20'], 'the weekend preference is kept, in date order');
    const loaded = (await repos.plans.loadPlan(saved.id))!;
    assert.deepEqual(
      loaded.wishes.filter((w) => w.employee === e1).map((w) => [w.date, w.shift, w.kind, w.weight]),
      [
        ['2027-03-08', null, 'want', 1],
        ['2027-03-09', 'A', 'avoid', 2],
      ],
    );
    // The other employee's wishes are untouched, and the plan keeps its version.
    assert.deepEqual(loaded.wishes.filter((w) => w.employee === e2), plan.value.wishes.filter((w) => w.employee === e2));
    assert.equal((await repos.plans.getPlan(saved.id))!.version, saved.version);
    await assert.rejects(wf.replaceWishes(saved.id, e1, [{ date: '2027-03-08', shift: 'X', kind: 'want', weight: 1 }]), ValidationError);
    await assert.rejects(wf.replaceWishes(saved.id, 'not-in-plan', []), NotFoundError);
    // Re-saving the plan file keeps the wishes it carries.
    await repos.plans.savePlan(unit, loaded, { planId: saved.id });
    assert.equal((await repos.plans.loadPlan(saved.id))!.wishes.filter((w) => w.employee === e1).length, 2);

    const rep = await users.create({ organisationId: org, username: `tv-${unit}@conf`, displayName: 'Tillitsvalgt', passwordHash: HASH, roles: [{ role: 'union_rep', unitId: unit }] });
    const c = await wf.addComment({ planId: saved.id, planVersion: 1, userId: rep.id, role: 'union_rep', employeeId: e1, body: 'For mange kvelder' });
    assert.deepEqual([c.author, c.employeeId, c.planVersion], ['Tillitsvalgt', e1, 1]);
    const a1 = await wf.addApproval({ planId: saved.id, planVersion: 1, userId: rep.id, role: 'union_rep', comment: 'OK' });
    const again = await wf.addApproval({ planId: saved.id, planVersion: 1, userId: rep.id, role: 'union_rep' });
    assert.equal(again.id, a1.id);
    await wf.addApproval({ planId: saved.id, planVersion: 2, userId: rep.id, role: 'union_rep' });
    assert.deepEqual((await wf.listApprovals(saved.id)).map((a) => a.planVersion), [1, 2]);
  });
}
