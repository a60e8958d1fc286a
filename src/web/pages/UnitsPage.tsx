/**
 * Units ("Enheter"): the list with kind, service area, beds and employee count; admins create
 * units of their organisation, and admins and a unit's leaders edit it (field errors from the
 * server shown at each field). A created unit appears on the overview (the session is reloaded).
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, get, type Session } from '../api';
import { pick, useI18n, type MsgKey } from '../i18n';
import { Link } from '../router';

export const UNIT_KINDS = ['sykehjem', 'hjemmetjeneste', 'bofellesskap', 'psykisk-helse'] as const;

export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  serviceArea: string | null;
  beds: number | null;
  employeeCount: number;
  planCount: number;
}

/** May the user open the units page: admins, and leaders (who edit their own units). */
export function canSeeUnits(session: Session): boolean {
  return session.user.roles.some((r) => r.role === 'admin') || session.units.some((u) => u.permissions.includes('unit.edit'));
}

export function UnitsPage({ session, onSessionChange }: { session: Session; onSessionChange: () => void }) {
  const { t } = useI18n();
  const isAdmin = session.user.roles.some((r) => r.role === 'admin');
  const editable = new Set(session.units.filter((u) => u.permissions.includes('unit.edit')).map((u) => u.id));
  const [units, setUnits] = useState<UnitRow[] | null>(null);
  const [error, setError] = useState(false);
  const [editing, setEditing] = useState<UnitRow | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    get<{ units: UnitRow[] }>('/api/units').then(
      (r) => setUnits(r.units),
      () => setError(true),
    );
  }, []);
  useEffect(load, [load]);
  if (!canSeeUnits(session)) return <p className="notice">{t('notFound')}</p>;
  if (error) return <p className="error">{t('error')}</p>;
  const shown = (units ?? []).filter((u) => isAdmin || editable.has(u.id));
  return (
    <div className="units-page">
      <h1>{t('un.title')}</h1>
      <p className="muted">{isAdmin ? t('un.introAdmin') : t('un.introLeader')}</p>
      {isAdmin && (
        <p className="row">
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="unit-add">
            {t('un.add')}
          </button>
        </p>
      )}
      {message && (
        <p className="ok" role="status" data-testid="unit-message">
          {message} <Link to="/">{t('un.toOverview')}</Link>
        </p>
      )}
      {editing && (
        <UnitForm
          key={editing === 'new' ? 'new' : editing.id}
          unit={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setMessage(editing === 'new' ? t('un.created', { name: saved.name }) : t('un.saved', { name: saved.name }));
              load();
              onSessionChange();
            }
          }}
        />
      )}
      {units === null ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <section className="card" data-testid="unit-list">
          <h2>
            {t('un.title')} <span className="pill">{shown.length}</span>
          </h2>
          {shown.length === 0 ? (
            <p className="muted">{t('un.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="list">
                <thead>
                  <tr>
                    <th>{t('un.name')}</th>
                    <th>{t('un.kind')}</th>
                    <th>{t('un.serviceArea')}</th>
                    <th className="n">{t('un.beds')}</th>
                    <th className="n">{t('un.employees')}</th>
                    <th className="n">{t('un.plans')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {shown.map((u) => (
                    <tr key={u.id} data-testid={`unit-row-${u.id}`}>
                      <td>
                        {u.name} <code className="muted">{u.id}</code>
                      </td>
                      <td>{kindLabel(u.kind, t)}</td>
                      <td>{u.serviceArea ?? '–'}</td>
                      <td className="n">{u.beds ?? '–'}</td>
                      <td className="n">{u.employeeCount}</td>
                      <td className="n">{u.planCount}</td>
                      <td className="nowrap">
                        {editable.has(u.id) || isAdmin ? (
                          <button type="button" className="linkbtn" onClick={() => setEditing(u)} data-testid={`unit-edit-${u.id}`}>
                            {t('un.edit')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function kindLabel(kind: string, t: (k: MsgKey) => string): string {
  return (UNIT_KINDS as readonly string[]).includes(kind) ? t(`un.kind.${kind}` as MsgKey) : kind;
}

interface FormState {
  name: string;
  kind: string;
  serviceArea: string;
  beds: string;
}

function UnitForm({ unit, onDone }: { unit: UnitRow | null; onDone: (saved: { name: string } | null) => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<FormState>(() => ({
    name: unit?.name ?? '',
    kind: unit?.kind ?? 'sykehjem',
    serviceArea: unit?.serviceArea ?? '',
    beds: unit?.beds != null ? String(unit.beds) : '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    const beds = form.beds.trim();
    const body = {
      name: form.name,
      kind: form.kind,
      serviceArea: form.serviceArea.trim() || null,
      // A non-number is sent as typed so the server names the field.
      beds: beds === '' ? null : Number.isNaN(Number(beds)) ? beds : Number(beds),
    };
    try {
      const r = unit
        ? await api<{ unit: { name: string } }>('PUT', `/api/units/${encodeURIComponent(unit.id)}`, body)
        : await api<{ unit: { name: string } }>('POST', '/api/units', body);
      onDone(r.unit);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        const rest: string[] = [];
        for (const x of err.errors) {
          const f = x.path.startsWith('body.') ? x.path.slice(5) : '';
          if (f) byField[f] = byField[f] ? `${byField[f]}; ${pick(x.message, lang)}` : pick(x.message, lang);
          else rest.push(pick(x.message, lang));
        }
        setErrors(byField);
        setGeneral(rest.length ? rest.join('; ') : err.status === 400 ? t('un.fixFields') : null);
      } else setGeneral(t('error'));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: string, label: MsgKey, input: ReactNode) => (
    <label className={errors[name] ? 'has-error' : ''}>
      {t(label)}
      {input}
      {errors[name] && (
        <span className="field-error" data-testid={`unit-error-${name}`}>
          {errors[name]}
        </span>
      )}
    </label>
  );
  return (
    <section className="card" data-testid="unit-form">
      <h2>{unit ? t('un.editTitle', { name: unit.name }) : t('un.addTitle')}</h2>
      <form className="staff-form" onSubmit={submit} noValidate>
        {field('name', 'un.name', <input value={form.name} onChange={set('name')} maxLength={200} data-testid="u-name" autoFocus />)}
        {field(
          'kind',
          'un.kind',
          <select value={form.kind} onChange={set('kind')} data-testid="u-kind">
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`un.kind.${k}` as MsgKey)}
              </option>
            ))}
          </select>,
        )}
        {field('serviceArea', 'un.serviceArea', <input value={form.serviceArea} onChange={set('serviceArea')} data-testid="u-area" />)}
        {field('beds', 'un.beds', <input inputMode="numeric" value={form.beds} onChange={set('beds')} data-testid="u-beds" />)}
        {general && (
          <p className="error" role="alert" data-testid="unit-form-error">
            {general}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="unit-save">
            {t('un.save')}
          </button>
          <button type="button" onClick={() => onDone(null)}>
            {t('un.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
