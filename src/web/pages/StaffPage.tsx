/**
 * A unit's staff (leaders, planners): the employee list, a form to add or edit one (field
 * errors from the server shown at each field), ending an employment, and importing an
 * employee file (CSV or .xlsx) — checked first (a dry run with a line-by-line report or what
 * would change), then imported on confirmation.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, get, getCsrf, type Session } from '../api';
import { fmtDate, fmtNum, osloToday, pick, useI18n, type MsgKey } from '../i18n';
import { Link } from '../router';

export interface StaffMember {
  id: string;
  name: string;
  unitId: string;
  competence?: string;
  competences?: string[];
  positionPercent: number;
  employedFrom: string | null;
  employedTo: string | null;
  canWorkLongShifts?: boolean;
  weekendFrequency?: number;
}

interface LineError {
  line: number;
  field: string;
  reason: string;
}

interface ImportPlan {
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  lines: number;
  create: Array<{ line: number; id: string; name: string; competence: string; positionPercent: number; employedFrom: string; employedTo: string | null }>;
  update: Array<{ line: number; id: string; name: string; changes: Record<string, { from: unknown; to: unknown }> }>;
  unchanged: Array<{ line: number; id: string; name: string }>;
}

const STANDARD_COMPETENCES = ['sykepleier', 'vernepleier', 'helsefagarbeider', 'assistent'];

/** The main competence: `competence`, else the first of `competences`. */
export const mainCompetence = (m: StaffMember): string | undefined => m.competence ?? m.competences?.[0];

export function StaffPage({ unitId, session }: { unitId: string; session: Session }) {
  const { t } = useI18n();
  const unit = session.units.find((u) => u.id === unitId);
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState(false);
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const load = useCallback(() => {
    get<{ employees: StaffMember[] }>(`/api/units/${encodeURIComponent(unitId)}/employees`).then(
      (r) => setStaff(r.employees),
      () => setError(true),
    );
  }, [unitId]);
  useEffect(load, [load]);
  if (!unit || !unit.permissions.includes('employees.manage')) return <p className="notice">{t('notFound')}</p>;
  if (error) return <p className="error">{t('error')}</p>;
  const competences = [...new Set([...STANDARD_COMPETENCES, ...(staff ?? []).flatMap((s) => [s.competence ?? '', ...(s.competences ?? [])]).filter(Boolean)])];
  return (
    <div className="staff-page">
      <h1>
        {t('st.title')} – {unit.name}
      </h1>
      <p className="row">
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="staff-add">
          {t('st.add')}
        </button>
        {unit.permissions.includes('users.manage') && (
          <Link to={`/enheter/${encodeURIComponent(unitId)}/brukere`} className="button">
            {t('us.link')}
          </Link>
        )}
      </p>
      {editing && (
        <EmployeeForm
          key={editing === 'new' ? 'new' : editing.id}
          unitId={unitId}
          member={editing === 'new' ? null : editing}
          competences={competences}
          onDone={(saved) => {
            setEditing(null);
            if (saved) load();
          }}
        />
      )}
      <StaffTable staff={staff} unitId={unitId} onEdit={setEditing} onChanged={load} />
      <ImportCard unitId={unitId} onImported={load} />
    </div>
  );
}

function StaffTable({ staff, unitId, onEdit, onChanged }: { staff: StaffMember[] | null; unitId: string; onEdit: (m: StaffMember) => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const today = osloToday();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const end = async (m: StaffMember) => {
    if (!window.confirm(t('st.endConfirm', { name: m.name }))) return;
    try {
      const r = await api<{ outcome: 'deleted' | 'ended'; employee: StaffMember }>('DELETE', `/api/units/${encodeURIComponent(unitId)}/employees/${encodeURIComponent(m.id)}`);
      setMessage({ ok: true, text: r.outcome === 'deleted' ? t('st.deleted', { name: m.name }) : t('st.ended', { name: m.name, date: fmtDate(r.employee.employedTo ?? today, lang) }) });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.errors.map((x) => pick(x.message, lang)).join('; ') : t('error') });
    }
  };
  if (staff === null) return <p className="muted">{t('loading')}</p>;
  return (
    <section className="card" data-testid="staff-list">
      <h2>
        {t('employees')} <span className="pill">{staff.filter((s) => !s.employedTo || s.employedTo >= today).length}</span>
      </h2>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
      {staff.length === 0 ? (
        <p className="muted">{t('st.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="list staff-table">
            <thead>
              <tr>
                <th>{t('st.name')}</th>
                <th>{t('st.id')}</th>
                <th>{t('st.competence')}</th>
                <th className="n">{t('st.percent')}</th>
                <th>{t('st.start')}</th>
                <th>{t('st.end')}</th>
                <th>{t('st.longShifts')}</th>
                <th className="n">{t('st.weekendFrequency')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {staff.map((m) => {
                const ended = !!m.employedTo && m.employedTo < today;
                return (
                  <tr key={m.id} className={ended ? 'ended' : ''} data-testid={`staff-row-${m.id}`}>
                    <td>
                      {m.name}
                      {ended && <span className="pill">{t('st.endedPill')}</span>}
                    </td>
                    <td>
                      <code>{m.id}</code>
                    </td>
                    <td>{mainCompetence(m) ?? '–'}</td>
                    <td className="n">{fmtNum(m.positionPercent, lang, m.positionPercent % 1 ? 1 : 0)} %</td>
                    <td>{m.employedFrom ? fmtDate(m.employedFrom, lang) : '–'}</td>
                    <td>{m.employedTo ? fmtDate(m.employedTo, lang) : '–'}</td>
                    <td>{m.canWorkLongShifts === undefined ? '–' : m.canWorkLongShifts ? t('st.yes') : t('st.no')}</td>
                    <td className="n">{m.weekendFrequency ?? '–'}</td>
                    <td className="nowrap">
                      <button type="button" className="linkbtn" onClick={() => onEdit(m)} data-testid={`staff-edit-${m.id}`}>
                        {t('st.edit')}
                      </button>{' '}
                      {!ended && (
                        <button type="button" className="linkbtn" onClick={() => end(m)} data-testid={`staff-end-${m.id}`}>
                          {t('st.endEmployment')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface FormState {
  id: string;
  name: string;
  competence: string;
  positionPercent: string;
  employedFrom: string;
  employedTo: string;
  longShifts: '' | 'yes' | 'no';
  weekendFrequency: string;
}

function EmployeeForm({ unitId, member, competences, onDone }: { unitId: string; member: StaffMember | null; competences: string[]; onDone: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<FormState>(() => ({
    id: member?.id ?? '',
    name: member?.name ?? '',
    competence: (member && mainCompetence(member)) ?? '',
    positionPercent: member ? String(member.positionPercent) : '',
    employedFrom: member?.employedFrom ?? osloToday(),
    employedTo: member?.employedTo ?? '',
    longShifts: member?.canWorkLongShifts === undefined ? '' : member.canWorkLongShifts ? 'yes' : 'no',
    weekendFrequency: member?.weekendFrequency ? String(member.weekendFrequency) : '',
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
    const pct = form.positionPercent.trim().replace(',', '.');
    const body: Record<string, unknown> = {
      name: form.name,
      competence: form.competence,
      positionPercent: pct === '' || Number.isNaN(Number(pct)) ? pct : Number(pct),
      employedFrom: form.employedFrom || null,
      employedTo: form.employedTo || null,
      canWorkLongShifts: form.longShifts === '' ? null : form.longShifts === 'yes',
      weekendFrequency: form.weekendFrequency ? Number(form.weekendFrequency) : null,
    };
    if (!member && form.id.trim()) body.id = form.id.trim();
    try {
      if (member) await api('PUT', `/api/units/${encodeURIComponent(unitId)}/employees/${encodeURIComponent(member.id)}`, body);
      else await api('POST', `/api/units/${encodeURIComponent(unitId)}/employees`, body);
      onDone(true);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        const rest: string[] = [];
        for (const x of err.errors) {
          const f = x.path.startsWith('body.') ? x.path.slice(5) : x.path === 'id' ? 'id' : '';
          if (f) byField[f] = byField[f] ? `${byField[f]}; ${pick(x.message, lang)}` : pick(x.message, lang);
          else rest.push(pick(x.message, lang));
        }
        setErrors(byField);
        setGeneral(rest.length ? rest.join('; ') : err.status === 400 ? t('st.fixFields') : null);
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
        <span className="field-error" data-testid={`error-${name}`}>
          {errors[name]}
        </span>
      )}
    </label>
  );
  return (
    <section className="card" data-testid="staff-form">
      <h2>{member ? t('st.editTitle', { name: member.name }) : t('st.addTitle')}</h2>
      <form className="staff-form" onSubmit={submit} noValidate>
        {field('name', 'st.name', <input value={form.name} onChange={set('name')} data-testid="f-name" autoFocus />)}
        {!member && field('id', 'st.idOptional', <input value={form.id} onChange={set('id')} data-testid="f-id" placeholder={t('st.idPlaceholder')} />)}
        {field(
          'competence',
          'st.competence',
          <select value={form.competence} onChange={set('competence')} data-testid="f-competence">
            <option value="">–</option>
            {competences.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>,
        )}
        {field('positionPercent', 'st.percent', <input inputMode="decimal" value={form.positionPercent} onChange={set('positionPercent')} data-testid="f-percent" />)}
        {field('employedFrom', 'st.start', <input type="date" value={form.employedFrom} onChange={set('employedFrom')} data-testid="f-start" />)}
        {field('employedTo', 'st.end', <input type="date" value={form.employedTo} onChange={set('employedTo')} data-testid="f-end" />)}
        {field(
          'canWorkLongShifts',
          'st.longShifts',
          <select value={form.longShifts} onChange={set('longShifts')} data-testid="f-long">
            <option value="">{t('st.notAsked')}</option>
            <option value="yes">{t('st.yes')}</option>
            <option value="no">{t('st.no')}</option>
          </select>,
        )}
        {field(
          'weekendFrequency',
          'st.weekendFrequency',
          <select value={form.weekendFrequency} onChange={set('weekendFrequency')} data-testid="f-weekend">
            <option value="">–</option>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={n}>
                {t('st.everyNth', { n })}
              </option>
            ))}
          </select>,
        )}
        {general && (
          <p className="error" role="alert" data-testid="staff-form-error">
            {general}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="staff-save">
            {t('st.save')}
          </button>
          <button type="button" onClick={() => onDone(false)}>
            {t('st.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Sends the file to the import route (raw body with its own content type). */
async function sendFile(unitId: string, file: File, dryRun: boolean): Promise<{ ok: true; plan: ImportPlan } | { ok: false; errors: LineError[]; message: string }> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const res = await fetch(`/api/units/${encodeURIComponent(unitId)}/employees/import${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-csrf-token': getCsrf(), accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => null)) as { errors?: Array<Partial<LineError> & { message: string }> } | null;
  if (res.ok) return { ok: true, plan: data as ImportPlan };
  const errors = (data?.errors ?? []).filter((e): e is LineError & { message: string } => typeof e.line === 'number');
  return { ok: false, errors, message: data?.errors?.[0]?.message ?? `HTTP ${res.status}` };
}

const FIELD_LABEL: Record<string, MsgKey> = {
  name: 'st.name',
  competence: 'st.competence',
  positionPercent: 'st.percent',
  employedFrom: 'st.start',
  employedTo: 'st.end',
  canWorkLongShifts: 'st.longShifts',
  weekendFrequency: 'st.weekendFrequency',
};

function ImportCard({ unitId, onImported }: { unitId: string; onImported: () => void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [errors, setErrors] = useState<LineError[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setPlan(null);
    setErrors([]);
    setMessage(null);
    try {
      const r = await sendFile(unitId, file, true);
      if (r.ok) setPlan(r.plan);
      else if (r.errors.length) {
        setErrors(r.errors);
        setMessage({ ok: false, text: t('st.importErrors', { n: r.errors.length }) });
      } else setMessage({ ok: false, text: pick(r.message, lang) });
    } catch {
      setMessage({ ok: false, text: t('error') });
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!file || !plan) return;
    setBusy(true);
    try {
      const r = await sendFile(unitId, file, false);
      if (r.ok) {
        setMessage({ ok: true, text: t('st.imported', { c: r.plan.create.length, u: r.plan.update.length }) });
        setPlan(null);
        onImported();
      } else {
        setErrors(r.errors);
        setPlan(null);
        setMessage({ ok: false, text: r.errors.length ? t('st.importErrors', { n: r.errors.length }) : pick(r.message, lang) });
      }
    } catch {
      setMessage({ ok: false, text: t('error') });
    } finally {
      setBusy(false);
    }
  };
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : typeof v === 'boolean' ? (v ? t('st.yes') : t('st.no')) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v, lang) : String(v));
  return (
    <section className="card" data-testid="staff-import">
      <h2>{t('st.importTitle')}</h2>
      <p className="muted small">{t('st.importIntro')}</p>
      <pre className="small staff-example">{'ansattnummer;navn;kompetanse;stillingsprosent;startdato\n1042;Kari Nordmann;sykepleier;80;01.02.2027'}</pre>
      <form className="row" onSubmit={check}>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPlan(null);
            setErrors([]);
            setMessage(null);
          }}
          data-testid="staff-import-file"
          aria-label={t('abs.chooseFile')}
        />
        <button type="submit" className="primary" disabled={!file || busy} data-testid="staff-import-check">
          {t('st.check')}
        </button>
      </form>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status" data-testid="staff-import-message">
          {message.text}
        </p>
      )}
      {errors.length > 0 && (
        <div className="abs-errors">
          <table className="list" data-testid="staff-import-errors">
            <thead>
              <tr>
                <th className="n">{t('abs.line')}</th>
                <th>{t('abs.field')}</th>
                <th>{t('abs.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((er, i) => (
                <tr key={i}>
                  <td className="n">{er.line}</td>
                  <td>
                    <code>{er.field}</code>
                  </td>
                  <td>{pick(er.reason, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan && (
        <div data-testid="staff-import-plan">
          <p className="ok">{t('st.planOk', { n: plan.lines, c: plan.create.length, u: plan.update.length, s: plan.unchanged.length })}</p>
          {(plan.create.length > 0 || plan.update.length > 0) && (
            <table className="list">
              <thead>
                <tr>
                  <th className="n">{t('abs.line')}</th>
                  <th>{t('st.action')}</th>
                  <th>{t('st.name')}</th>
                  <th>{t('st.details')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.create.map((c) => (
                  <tr key={`c${c.line}`}>
                    <td className="n">{c.line}</td>
                    <td>
                      <span className="pill">{t('st.new')}</span>
                    </td>
                    <td>{c.name}</td>
                    <td>
                      {c.competence}, {fmtNum(c.positionPercent, lang, c.positionPercent % 1 ? 1 : 0)} %, {t('st.from')} {fmtDate(c.employedFrom, lang)}
                    </td>
                  </tr>
                ))}
                {plan.update.map((u) => (
                  <tr key={`u${u.line}`}>
                    <td className="n">{u.line}</td>
                    <td>
                      <span className="pill warn">{t('st.changed')}</span>
                    </td>
                    <td>{u.name}</td>
                    <td>
                      {Object.entries(u.changes)
                        .map(([k, v]) => `${FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k}: ${show(v.from)} → ${show(v.to)}`)
                        .join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="row">
            <button type="button" className="primary" onClick={confirm} disabled={busy || (plan.create.length === 0 && plan.update.length === 0)} data-testid="staff-import-confirm">
              {t('st.confirmImport')}
            </button>
            <button type="button" onClick={() => setPlan(null)}>
              {t('st.cancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
