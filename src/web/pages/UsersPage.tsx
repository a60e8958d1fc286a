/**
 * User management of a unit (admins, the unit's leaders): the accounts with roles here, a form
 * to create an account (linked to an employee for the employee role) whose generated one-time
 * password is shown once, adding and removing roles, password reset and deactivation.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, get, type Role, type Session } from '../api';
import { pick, useI18n, type MsgKey } from '../i18n';
import { Link } from '../router';
import type { StaffMember } from './StaffPage';

interface UserView {
  id: string;
  username: string;
  displayName: string;
  employeeId: string | null;
  employeeName: string | null;
  disabled: boolean;
  passwordChangeRequired: boolean;
  roles: Role[];
  admin: boolean;
  otherUnits: number;
  manageable: boolean;
}

interface Shown {
  username: string;
  displayName: string;
  password: string;
}

export function UsersPage({ unitId, session }: { unitId: string; session: Session }) {
  const { t, lang } = useI18n();
  const unit = session.units.find((u) => u.id === unitId);
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [grantable, setGrantable] = useState<Role[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const base = `/api/units/${encodeURIComponent(unitId)}`;
  const load = useCallback(() => {
    get<{ users: UserView[]; grantableRoles: Role[] }>(`${base}/users`).then(
      (r) => {
        setUsers(r.users);
        setGrantable(r.grantableRoles);
      },
      () => setUsers([]),
    );
    get<{ employees: StaffMember[] }>(`${base}/employees`).then(
      (r) => setStaff(r.employees),
      () => setStaff([]),
    );
  }, [base]);
  useEffect(load, [load]);
  if (!unit || !unit.permissions.includes('users.manage')) return <p className="notice">{t('notFound')}</p>;

  const act = async (fn: () => Promise<unknown>, ok?: string) => {
    setMessage(null);
    try {
      await fn();
      if (ok) setMessage({ ok: true, text: ok });
      load();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.errors.map((x) => pick(x.message, lang)).join('; ') : t('error') });
    }
  };
  const reset = (u: UserView) =>
    act(async () => {
      if (!window.confirm(t('us.resetConfirm', { name: u.displayName }))) return;
      const r = await api<{ password: string }>('POST', `${base}/users/${encodeURIComponent(u.id)}/password`);
      setShown({ username: u.username, displayName: u.displayName, password: r.password });
    });
  const linked = new Set((users ?? []).filter((u) => !u.disabled && u.employeeId).map((u) => u.employeeId));
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  const withoutAccount = staff.filter((s) => !linked.has(s.id) && !(s.employedTo && s.employedTo < today));

  return (
    <div className="users-page">
      <h1>
        {t('us.title')} – {unit.name}
      </h1>
      <p className="row">
        <Link to={`/enheter/${encodeURIComponent(unitId)}/ansatte`} className="button">
          {t('st.link')}
        </Link>
      </p>
      {shown && (
        <section className="card onetime" role="status" data-testid="onetime-password">
          <h2>{t('us.passwordTitle', { name: shown.displayName })}</h2>
          <p>
            {t('username')}: <code data-testid="onetime-username">{shown.username}</code>
          </p>
          <p>
            {t('password')}: <code className="big" data-testid="onetime-value">{shown.password}</code>
          </p>
          <p className="muted small">{t('us.passwordOnce')}</p>
          <button type="button" onClick={() => setShown(null)} data-testid="onetime-done">
            {t('us.passwordDone')}
          </button>
        </section>
      )}
      <CreateUser base={base} grantable={grantable} candidates={withoutAccount} onCreated={(s) => (setShown(s), load())} />
      <section className="card" data-testid="users-list">
        <h2>
          {t('us.accounts')} <span className="pill">{users?.length ?? 0}</span>
        </h2>
        {message && (
          <p className={message.ok ? 'ok' : 'error'} role="status" data-testid="users-message">
            {message.text}
          </p>
        )}
        {users === null ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <div className="table-scroll">
            <table className="list users-table">
              <thead>
                <tr>
                  <th>{t('username')}</th>
                  <th>{t('st.name')}</th>
                  <th>{t('us.employee')}</th>
                  <th>{t('us.roles')}</th>
                  <th>{t('status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className={u.disabled ? 'ended' : ''} data-testid={`user-row-${u.username}`}>
                    <td>
                      <code>{u.username}</code>
                    </td>
                    <td>{u.displayName}</td>
                    <td>{u.employeeName ?? '–'}</td>
                    <td>
                      {u.admin && <span className="pill">{t('role.admin')}</span>}
                      {u.roles.map((r) => (
                        <span key={r} className="pill role-pill">
                          {t(`role.${r}` as MsgKey)}
                          {grantable.includes(r) && u.id !== session.user.id && (
                            <button
                              type="button"
                              className="linkbtn x"
                              title={t('us.removeRole')}
                              aria-label={`${t('us.removeRole')}: ${t(`role.${r}` as MsgKey)}`}
                              onClick={() => act(() => api('DELETE', `${base}/users/${encodeURIComponent(u.id)}/roles/${r}`))}
                            >
                              ×
                            </button>
                          )}
                        </span>
                      ))}
                      {u.otherUnits > 0 && <span className="muted small"> {t('us.otherUnits', { n: u.otherUnits })}</span>}
                      <AddRole roles={grantable.filter((r) => !u.roles.includes(r) && r !== 'admin' && (r !== 'employee' || u.employeeId))} onAdd={(role) => act(() => api('POST', `${base}/users/${encodeURIComponent(u.id)}/roles`, { role }))} />
                    </td>
                    <td>{u.disabled ? <span className="pill">{t('us.disabled')}</span> : u.passwordChangeRequired ? <span className="pill warn">{t('us.oneTime')}</span> : t('us.active')}</td>
                    <td className="nowrap">
                      {u.manageable && u.id !== session.user.id && (
                        <>
                          <button type="button" className="linkbtn" onClick={() => reset(u)} data-testid={`reset-${u.username}`}>
                            {t('us.reset')}
                          </button>{' '}
                          <button
                            type="button"
                            className="linkbtn"
                            onClick={() => act(() => api('POST', `${base}/users/${encodeURIComponent(u.id)}/status`, { disabled: !u.disabled }), u.disabled ? t('us.enabledMsg', { name: u.displayName }) : t('us.disabledMsg', { name: u.displayName }))}
                            data-testid={`toggle-${u.username}`}
                          >
                            {u.disabled ? t('us.enable') : t('us.disable')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function AddRole({ roles, onAdd }: { roles: Role[]; onAdd: (r: Role) => void }) {
  const { t } = useI18n();
  if (!roles.length) return null;
  return (
    <select className="add-role" value="" onChange={(e) => e.target.value && onAdd(e.target.value as Role)} aria-label={t('us.addRole')}>
      <option value="">+ {t('us.addRole')}</option>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}` as MsgKey)}
        </option>
      ))}
    </select>
  );
}

function CreateUser({ base, grantable, candidates, onCreated }: { base: string; grantable: Role[]; candidates: StaffMember[]; onCreated: (s: Shown) => void }) {
  const { t, lang } = useI18n();
  const empty = { username: '', displayName: '', employeeId: '', roles: ['employee'] as Role[] };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    const body: Record<string, unknown> = { username: form.username, roles: form.roles };
    if (form.displayName.trim()) body.displayName = form.displayName.trim();
    if (form.employeeId) body.employeeId = form.employeeId;
    try {
      const r = await api<{ user: { username: string; displayName: string }; password: string }>('POST', `${base}/users`, body);
      onCreated({ username: r.user.username, displayName: r.user.displayName, password: r.password });
      setForm(empty);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        const rest: string[] = [];
        for (const x of err.errors) {
          const f = x.path.startsWith('body.') ? x.path.slice(5).replace(/\[\d+\]$/, '') : '';
          if (f) byField[f] = pick(x.message, lang);
          else rest.push(pick(x.message, lang));
        }
        setErrors(byField);
        setGeneral(rest.length ? rest.join('; ') : null);
      } else setGeneral(t('error'));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (r: Role) => setForm({ ...form, roles: form.roles.includes(r) ? form.roles.filter((x) => x !== r) : [...form.roles, r] });
  const err = (f: string) =>
    errors[f] && (
      <span className="field-error" data-testid={`error-${f}`}>
        {errors[f]}
      </span>
    );
  return (
    <section className="card" data-testid="user-create">
      <h2>{t('us.create')}</h2>
      <form className="staff-form" onSubmit={submit} noValidate>
        <label className={errors.employeeId ? 'has-error' : ''}>
          {t('us.employee')}
          <select
            value={form.employeeId}
            onChange={(e) => {
              const emp = candidates.find((c) => c.id === e.target.value);
              const suggested = emp ? emp.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') : '';
              setForm({ ...form, employeeId: e.target.value, username: form.username || suggested });
            }}
            data-testid="u-employee"
          >
            <option value="">{t('us.noEmployee')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.id})
              </option>
            ))}
          </select>
          {err('employeeId')}
        </label>
        <label className={errors.username ? 'has-error' : ''}>
          {t('username')}
          <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} data-testid="u-username" autoComplete="off" />
          {err('username')}
        </label>
        <label className={errors.displayName ? 'has-error' : ''}>
          {t('us.displayName')}
          <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} placeholder={t('us.displayNameHint')} data-testid="u-name" />
          {err('displayName')}
        </label>
        <fieldset className={errors.roles ? 'has-error roles' : 'roles'}>
          <legend>{t('us.roles')}</legend>
          {grantable.map((r) => (
            <label key={r} className="inline">
              <input type="checkbox" checked={form.roles.includes(r)} onChange={() => toggle(r)} data-testid={`u-role-${r}`} />
              {t(`role.${r}` as MsgKey)}
            </label>
          ))}
          {err('roles')}
        </fieldset>
        {general && (
          <p className="error" role="alert" data-testid="user-create-error">
            {general}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="u-submit">
          {t('us.createButton')}
        </button>
      </form>
    </section>
  );
}

/** Choosing one's own password: required after a one-time password, available any time at /passord. */
export function ChangePasswordPage({ required, onChanged }: { required: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    if (form.next !== form.repeat) {
      setErrors({ repeat: t('pw.mismatch') });
      return;
    }
    setBusy(true);
    try {
      await api('POST', '/api/me/password', { currentPassword: form.current, newPassword: form.next });
      setDone(true);
      setForm({ current: '', next: '', repeat: '' });
      onChanged();
    } catch (err) {
      const byField: Record<string, string> = {};
      if (err instanceof ApiError)
        for (const x of err.errors) byField[x.path === 'body.currentPassword' ? 'current' : x.path === 'body.newPassword' ? 'next' : 'general'] = pick(x.message, lang);
      else byField.general = t('error');
      setErrors(byField);
    } finally {
      setBusy(false);
    }
  };
  const input = (k: 'current' | 'next' | 'repeat', label: MsgKey, auto: string) => (
    <label className={errors[k] ? 'has-error' : ''}>
      {t(label)}
      <input type="password" autoComplete={auto} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} data-testid={`pw-${k}`} />
      {errors[k] && <span className="field-error">{errors[k]}</span>}
    </label>
  );
  return (
    <section className="card pw-card" data-testid="change-password">
      <h1>{t('pw.title')}</h1>
      {required && <p>{t('pw.intro')}</p>}
      {done && !required ? (
        <p className="ok" role="status">
          {t('pw.saved')}
        </p>
      ) : (
        <form className="staff-form" onSubmit={submit} noValidate>
          {input('current', 'pw.current', 'current-password')}
          {input('next', 'pw.new', 'new-password')}
          {input('repeat', 'pw.repeat', 'new-password')}
          {errors.general && (
            <p className="error" role="alert">
              {errors.general}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="pw-save">
            {t('pw.save')}
          </button>
        </form>
      )}
    </section>
  );
}
