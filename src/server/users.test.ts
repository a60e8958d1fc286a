import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

type UserView = { id: string; username: string; displayName: string; employeeId: string | null; disabled: boolean; passwordChangeRequired: boolean; roles: string[]; admin: boolean; manageable: boolean };

describe('user management per unit (in-memory PGlite)', () => {
  let w: TestWorld;
  let leader: TestClient;
  let planner: TestClient;
  let employee: TestClient;
  let leaderB: TestClient;
  let admin: TestClient;

  const audits = async (action: string) => (await w.db.query<{ actor: string; entity_id: string; details: Record<string, unknown> }>('select actor, entity_id, details from audit_log where action = $1 order by id', [action])).rows;
  const userId = async (username: string) => (await w.db.query<{ id: string }>('select id from users where username = $1', [username])).rows[0].id;

  before(async () => {
    w = await testWorld();
    [leader, planner, employee, leaderB, admin] = await Promise.all(['leder-a', 'planlegger-a', 'ansatt-a', 'leder-b', 'admin'].map((u) => login(w.app, u)));
  });
  after(async () => w.close());

  test('only admins and the unit’s leaders manage users: planners, employees and other units are refused', async () => {
    assert.equal((await planner.json('GET', `/api/units/${UNIT_A}/users`)).status, 403);
    assert.equal((await employee.json('GET', `/api/units/${UNIT_A}/users`)).status, 403);
    assert.equal((await leaderB.json('GET', `/api/units/${UNIT_A}/users`)).status, 403);
    assert.equal((await leaderB.json('POST', `/api/units/${UNIT_A}/users`, { username: 'x-b', roles: ['planner'], displayName: 'X' })).status, 403);
    assert.equal((await leader.json('GET', '/api/units/ingen-slik/users')).status, 404);
    const list = await leader.json<{ users: UserView[]; grantableRoles: string[] }>('GET', `/api/units/${UNIT_A}/users`);
    assert.equal(list.status, 200);
    assert.ok(list.body.users.some((u) => u.username === 'ansatt-a' && u.roles.includes('employee') && u.employeeId === 'a-e1'));
    assert.ok(!list.body.users.some((u) => u.username === 'ansatt-b'));
    assert.ok(!list.body.grantableRoles.includes('admin'));
    // A user of unit B is not found through unit A.
    const bId = await userId('ansatt-b');
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${bId}/password`)).status, 404);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${bId}/status`, { disabled: true })).status, 404);
  });

  test('a leader cannot grant admin; field errors; the employee role needs an employee of the unit', async () => {
    const adm = await leader.json('POST', `/api/units/${UNIT_A}/users`, { username: 'ny-admin', displayName: 'Ny', roles: ['admin'] });
    assert.equal(adm.status, 403);
    assert.equal((await w.db.query('select 1 from users where username = $1', ['ny-admin'])).rows.length, 0);
    const bad = await leader.json<{ errors: Array<{ path: string; message: string }> }>('POST', `/api/units/${UNIT_A}/users`, { username: 'X Y', roles: [] });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e) => e.path).sort(), ['body.roles', 'body.username']);
    assert.match(bad.body.errors.find((e) => e.path === 'body.roles')!.message, /velg minst én rolle/);
    const noEmp = await leader.json<{ errors: Array<{ path: string }> }>('POST', `/api/units/${UNIT_A}/users`, { username: 'uten-ansatt', displayName: 'U', roles: ['employee'] });
    assert.equal(noEmp.status, 400);
    assert.equal(noEmp.body.errors[0].path, 'body.employeeId');
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users`, { username: 'feil-enhet', roles: ['employee'], employeeId: 'b-e1' })).status, 400);
    // a-e1 already has an account.
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users`, { username: 'dobbel', roles: ['employee'], employeeId: 'a-e1' })).status, 409);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users`, { username: 'leder-a', displayName: 'x', roles: ['planner'] })).status, 409);
  });

  test('create an account with a one-time password; it signs in; reset and deactivate end its sessions; all audit-logged', async () => {
    const made = await leader.json<{ user: UserView; password: string }>('POST', `/api/units/${UNIT_A}/users`, { username: 'Ny.Ansatt', roles: ['employee'], employeeId: 'a-e3' });
    assert.equal(made.status, 201);
    assert.equal(made.body.user.username, 'ny.ansatt');
    assert.equal(made.body.user.passwordChangeRequired, true);
    assert.deepEqual(made.body.user.roles, ['employee']);
    assert.match(made.body.password, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const stored = (await w.db.query<{ password_hash: string }>('select password_hash from users where username = $1', ['ny.ansatt'])).rows[0].password_hash;
    assert.match(stored, /^\$argon2id\$/);
    assert.ok(!stored.includes(made.body.password));
    // The list never shows a password again.
    const list = await leader.json<{ users: UserView[] }>('GET', `/api/units/${UNIT_A}/users`);
    assert.ok(!JSON.stringify(list.body).includes(made.body.password));

    const newcomer = await login(w.app, 'ny.ansatt', made.body.password);
    const session = await newcomer.json<{ user: { employeeId: string } }>('GET', '/api/session');
    assert.equal(session.body.user.employeeId, 'a-e3');
    assert.equal((await newcomer.json('GET', `/api/units/${UNIT_A}/users`)).status, 403);

    // Choosing a new password: the one-time password stops working.
    assert.equal((await newcomer.json('POST', '/api/me/password', { currentPassword: 'feil-passord', newPassword: 'et-langt-nytt-passord' })).status, 400);
    const short = await newcomer.json<{ errors: Array<{ path: string }> }>('POST', '/api/me/password', { currentPassword: made.body.password, newPassword: 'kort' });
    assert.equal(short.body.errors[0].path, 'body.newPassword');
    assert.equal((await newcomer.json('POST', '/api/me/password', { currentPassword: made.body.password, newPassword: 'et-langt-nytt-passord' })).status, 200);
    assert.equal((await newcomer.json('GET', '/api/session')).status, 200, 'the session that changed the password goes on');
    await assert.rejects(login(w.app, 'ny.ansatt', made.body.password));
    const again = await login(w.app, 'ny.ansatt', 'et-langt-nytt-passord');

    const id = made.body.user.id;
    const reset = await leader.json<{ password: string; user: UserView }>('POST', `/api/units/${UNIT_A}/users/${id}/password`);
    assert.equal(reset.status, 200);
    assert.equal(reset.body.user.passwordChangeRequired, true);
    assert.equal((await again.json('GET', '/api/session')).status, 401, 'the reset ended the sessions');
    const third = await login(w.app, 'ny.ansatt', reset.body.password);

    const off = await leader.json<{ user: UserView }>('POST', `/api/units/${UNIT_A}/users/${id}/status`, { disabled: true });
    assert.equal(off.body.user.disabled, true);
    assert.equal((await third.json('GET', '/api/session')).status, 401, 'deactivation ended the sessions');
    await assert.rejects(login(w.app, 'ny.ansatt', reset.body.password));
    await leader.json('POST', `/api/units/${UNIT_A}/users/${id}/status`, { disabled: false });
    await login(w.app, 'ny.ansatt', reset.body.password);

    assert.deepEqual((await audits('user.create')).map((a) => [a.actor, a.entity_id]), [['leder-a', id]]);
    assert.equal((await audits('user.password.reset')).length, 1);
    assert.deepEqual((await audits('user.disable')).map((a) => a.entity_id), [id]);
    assert.equal((await audits('user.password.change')).length, 1);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${await userId('leder-a')}/status`, { disabled: true })).status, 400, 'not yourself');
  });

  test('roles: added and removed in the unit; a leader cannot touch accounts with roles elsewhere or admins; an admin can grant admin', async () => {
    const planner2 = await leader.json<{ user: UserView }>('POST', `/api/units/${UNIT_A}/users`, { username: 'planlegger2-a', displayName: 'Planlegger To', roles: ['planner'] });
    const id = planner2.body.user.id;
    const added = await leader.json<{ user: UserView }>('POST', `/api/units/${UNIT_A}/users/${id}/roles`, { role: 'union_rep' });
    assert.deepEqual(added.body.user.roles.sort(), ['planner', 'union_rep']);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${id}/roles`, { role: 'admin' })).status, 403);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${id}/roles`, { role: 'employee' })).status, 400);
    const p2 = await login(w.app, 'planlegger2-a', (await leader.json<{ password: string }>('POST', `/api/units/${UNIT_A}/users/${id}/password`)).body.password);
    const removed = await leader.json<{ user: UserView }>('DELETE', `/api/units/${UNIT_A}/users/${id}/roles/planner`);
    assert.deepEqual(removed.body.user.roles, ['union_rep']);
    assert.equal((await p2.json('GET', `/api/units/${UNIT_A}/employees`)).status, 403, 'the removed role is gone at the next request');
    assert.equal((await leader.json('DELETE', `/api/units/${UNIT_A}/users/${id}/roles/planner`)).status, 404);
    assert.equal((await leader.json('DELETE', `/api/units/${UNIT_A}/users/${id}/roles/boss`)).status, 400);

    // Roles in unit B too: leader A may not reset or deactivate; an admin may, and may grant admin.
    const both = await admin.json<{ user: UserView }>('POST', `/api/units/${UNIT_B}/users`, { username: 'to-enheter', displayName: 'To Enheter', roles: ['planner'] });
    await admin.json('POST', `/api/units/${UNIT_A}/users`, { username: 'x', displayName: 'x', roles: ['planner'] });
    await w.db.query("insert into user_roles (user_id, role, unit_id) values ($1, 'planner', $2)", [both.body.user.id, UNIT_A]);
    const seen = (await leader.json<{ users: UserView[] }>('GET', `/api/units/${UNIT_A}/users`)).body.users.find((u) => u.username === 'to-enheter')!;
    assert.equal(seen.manageable, false);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${both.body.user.id}/password`)).status, 403);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/users/${both.body.user.id}/status`, { disabled: true })).status, 403);
    assert.equal((await admin.json('POST', `/api/units/${UNIT_A}/users/${both.body.user.id}/status`, { disabled: true })).status, 200);
    const newAdmin = await admin.json<{ user: UserView }>('POST', `/api/units/${UNIT_A}/users/${both.body.user.id}/roles`, { role: 'admin' });
    assert.equal(newAdmin.body.user.admin, true);
    assert.equal((await leader.json('DELETE', `/api/units/${UNIT_A}/users/${both.body.user.id}/roles/admin`)).status, 403);
    assert.equal((await leader.json('DELETE', `/api/units/${UNIT_A}/users/${await userId('leder-a')}/roles/leader`)).status, 400, 'not your own leader role');
  });
});
