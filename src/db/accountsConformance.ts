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
      { desiredPositionPercent: 90, longShifts: 'yes', note: 'Helst fri mandager' },
    );
    assert.deepEqual([sub.employeeId, sub.wishCount, sub.desiredPositionPercent, sub.longShifts], [e1, 2, 90, 'yes']);
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
