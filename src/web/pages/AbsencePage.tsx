/**
 * A unit's absence (leaders and planners): the forecast chart (expected absent per day with
 * the 80 % interval, against the last 12 weeks), the split by the staffing plan's shifts,
 * the import of an absence history file with its line-by-line report, registering one
 * absence, and the absences registered in the last 90 days.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, get, getCsrf, type Session } from '../api';
import type { ChartLabels, ForecastRow } from '../components/ForecastChart';
import { absenceLabel, addDaysIso, fmtDate, fmtNum, osloToday, pick, useI18n, type Lang } from '../i18n';
import { Link } from '../router';

const ForecastChart = lazy(() => import('../components/ForecastChart'));

export const REPORT_KINDS = ['self_certified', 'sick_child', 'doctor_certified', 'leave'] as const;

interface Forecast {
  unit: { id: string; name: string };
  from: string;
  days: number;
  staff: number;
  staffEstimated: boolean;
  historyStart: string;
  historyEnd: string;
  spellsUsed: number;
  calibrationOrigins: number;
  rows: ForecastRow[];
  history: Array<{ date: string; absent: number }>;
  byShift: { planId: string; planName: string; rows: Array<{ date: string; shift: string; competence: string | null; planned: number; mean: number }> } | null;
  warnings: string[];
}

interface HistoryItem {
  id: number;
  employee: string;
  employeeName: string;
  from: string;
  to: string;
  kind: string | null;
  source: string;
}

interface LineError {
  line: number;
  field: string;
  reason: string;
}

/** 28.11.2026, or 28.11.2026–30.11.2026. */
export function fmtSpan(from: string, to: string, lang: Lang): string {
  return from === to ? fmtDate(from, lang) : `${fmtDate(from, lang)}–${fmtDate(to, lang)}`;
}

export { osloToday };

export function AbsencePage({ unitId, session }: { unitId: string; session: Session }) {
  const { t } = useI18n();
  const unit = session.units.find((u) => u.id === unitId);
  const [historyVersion, setHistoryVersion] = useState(0);
  const changed = useCallback(() => setHistoryVersion((v) => v + 1), []);
  if (!unit || !unit.permissions.includes('absence.forecast')) return <p className="notice">{t('forbidden')}</p>;
  return (
    <div className="absencepage">
      <div className="crumbs">
        <Link to="/">{t('home')}</Link> › {unit.name}
      </div>
      <h1>
        {t('abs.title')} <span className="muted">· {unit.name}</span>
      </h1>
      <ForecastCard unitId={unitId} version={historyVersion} />
      <div className="abs-cols">
        <ImportCard unitId={unitId} onImported={changed} />
        <RegisterCard unitId={unitId} onRegistered={changed} />
      </div>
      <RecentCard unitId={unitId} version={historyVersion} />
    </div>
  );
}

function ForecastCard({ unitId, version }: { unitId: string; version: number }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(osloToday);
  const [days, setDays] = useState(28);
  const [data, setData] = useState<Forecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    get<Forecast>(`/api/units/${encodeURIComponent(unitId)}/forecast?from=${from}&days=${days}`).then(
      (f) => {
        if (!live) return;
        setData(f);
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setData(null);
        setError(e instanceof ApiError ? pick(e.message, lang) : t('error'));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [unitId, from, days, version]);

  const labels: ChartLabels = useMemo(
    () => ({ actual: t('abs.actual'), expected: t('abs.expected'), interval: t('abs.interval'), median: t('abs.median'), start: t('abs.start'), persons: t('abs.persons') }),
    [t],
  );
  const stats = useMemo(() => {
    if (!data || data.rows.length === 0) return null;
    const mean = data.rows.reduce((s, r) => s + r.mean, 0) / data.rows.length;
    const peak = data.rows.reduce((m, r) => (r.mean > m.mean ? r : m), data.rows[0]);
    const hist = data.history.length ? data.history.reduce((s, h) => s + h.absent, 0) / data.history.length : null;
    return { mean, peak, hist };
  }, [data]);

  return (
    <section className="card" data-testid="forecast-card">
      <h2>{t('abs.forecastTitle')}</h2>
      <p className="muted">{t('abs.forecastIntro')}</p>
      <div className="row">
        <label className="inline">
          {t('abs.from')}
          <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} data-testid="forecast-from" />
        </label>
        <label className="inline">
          {t('abs.days')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="forecast-days">
            {[14, 28, 56, 84].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {loading && <span className="muted">{t('abs.computing')}</span>}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="forecast-error">
          {error}
        </p>
      )}
      {data && (
        <>
          <Suspense fallback={<div className="forecast-chart loading">{t('loading')}</div>}>
            <ForecastChart rows={data.rows} history={data.history} lang={lang} labels={labels} />
          </Suspense>
          {stats && (
            <p className="abs-stats" data-testid="forecast-stats">
              <span>
                {t('abs.avgPerDay')} {fmtDate(data.rows[0].date, lang)}–{fmtDate(data.rows[data.rows.length - 1].date, lang)}: <b>{fmtNum(stats.mean, lang, 1)}</b>
              </span>
              {stats.hist !== null && (
                <span>
                  {t('abs.last12')}: <b>{fmtNum(stats.hist, lang, 1)}</b>
                </span>
              )}
              <span>
                {t('abs.peak')}: <b>{fmtNum(stats.peak.mean, lang, 1)}</b> ({fmtDate(stats.peak.date, lang)})
              </span>
              <span>
                {t('abs.staff')}: <b>{fmtNum(data.staff, lang, 0)}</b>
                {data.staffEstimated && ` (${t('abs.estimated')})`}
              </span>
              <span className="muted">
                {t('abs.historyRange')}: {fmtDate(data.historyStart, lang)}–{fmtDate(data.historyEnd, lang)}
              </span>
            </p>
          )}
          {data.warnings.length > 0 && (
            <ul className="abs-warnings" data-testid="forecast-warnings">
              {data.warnings.map((w) => (
                <li key={w}>{pick(w, lang)}</li>
              ))}
            </ul>
          )}
          {data.byShift && <ShiftTable byShift={data.byShift} lang={lang} />}
        </>
      )}
    </section>
  );
}

function ShiftTable({ byShift, lang }: { byShift: NonNullable<Forecast['byShift']>; lang: Lang }) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const dates = new Set(byShift.rows.map((r) => r.date)).size || 1;
    const m = new Map<string, { shift: string; competence: string | null; planned: number; mean: number }>();
    for (const r of byShift.rows) {
      const k = `${r.shift}|${r.competence ?? ''}`;
      const x = m.get(k) ?? { shift: r.shift, competence: r.competence, planned: 0, mean: 0 };
      x.planned += r.planned;
      x.mean += r.mean;
      m.set(k, x);
    }
    return [...m.values()].map((x) => ({ ...x, planned: x.planned / dates, mean: x.mean / dates }));
  }, [byShift]);
  return (
    <details className="abs-shifts">
      <summary>
        {t('abs.byShift')} <span className="muted">({byShift.planName})</span>
      </summary>
      <table className="list">
        <thead>
          <tr>
            <th>{t('shift')}</th>
            <th>{t('competence')}</th>
            <th className="n">{t('abs.planned')}</th>
            <th className="n">{t('abs.expectedAbsent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.shift}|${r.competence ?? ''}`}>
              <td>{r.shift}</td>
              <td>{r.competence ?? '–'}</td>
              <td className="n">{fmtNum(r.planned, lang, 1)}</td>
              <td className="n">{fmtNum(r.mean, lang, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('abs.shiftNote')}</p>
    </details>
  );
}

/** Sends a file to the import route (raw body, its own content type) and returns the answer. */
async function uploadFile(unitId: string, file: File, csrf: string): Promise<{ ok: true; body: { lines: number; inserted: number; skipped: number; employees: number; from: string | null; to: string | null } } | { ok: false; status: number; errors: LineError[]; message: string }> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const res = await fetch(`/api/units/${encodeURIComponent(unitId)}/absences/import`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-csrf-token': csrf, accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => null)) as { errors?: Array<Partial<LineError> & { message: string }> } | null;
  if (res.ok) return { ok: true, body: data as never };
  const errors = (data?.errors ?? []).filter((e): e is LineError & { message: string } => typeof e.line === 'number');
  return { ok: false, status: res.status, errors, message: data?.errors?.[0]?.message ?? `HTTP ${res.status}` };
}

function ImportCard({ unitId, onImported }: { unitId: string; onImported: () => void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: LineError[] } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const r = await uploadFile(unitId, file, getCsrf());
      if (r.ok) {
        const b = r.body;
        setResult({
          ok: true,
          errors: [],
          text: t('abs.imported', { n: b.inserted, s: b.skipped, e: b.employees, from: b.from ? fmtDate(b.from, lang) : '–', to: b.to ? fmtDate(b.to, lang) : '–' }),
        });
        onImported();
      } else if (r.errors.length) setResult({ ok: false, errors: r.errors, text: t('abs.importErrors', { n: r.errors.length }) });
      else setResult({ ok: false, errors: [], text: pick(r.message, lang) });
    } catch {
      setResult({ ok: false, errors: [], text: t('error') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="import-card">
      <h2>{t('abs.importTitle')}</h2>
      <p className="muted small">{t('abs.importIntro')}</p>
      <form className="row" onSubmit={submit}>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="import-file"
          aria-label={t('abs.chooseFile')}
        />
        <button type="submit" className="primary" disabled={!file || busy} data-testid="import-submit">
          {t('abs.upload')}
        </button>
      </form>
      {result && (
        <div role="status" data-testid="import-result">
          <p className={result.ok ? 'ok' : 'error'}>{result.text}</p>
          {result.errors.length > 0 && (
            <div className="abs-errors">
              <table className="list" data-testid="import-errors">
                <thead>
                  <tr>
                    <th className="n">{t('abs.line')}</th>
                    <th>{t('abs.field')}</th>
                    <th>{t('abs.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((er, i) => (
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
        </div>
      )}
    </section>
  );
}

function RegisterCard({ unitId, onRegistered }: { unitId: string; onRegistered: () => void }) {
  const { t, lang } = useI18n();
  const [employees, setEmployees] = useState<Array<{ id: string; name: string }>>([]);
  const today = osloToday();
  const [form, setForm] = useState({ employee: '', from: today, to: today, kind: 'self_certified' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    get<{ employees: Array<{ id: string; name: string }> }>(`/api/units/${encodeURIComponent(unitId)}/employees`).then(
      (r) => setEmployees(r.employees),
      () => setEmployees([]),
    );
  }, [unitId]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const r = await api<{ absence: { employee: string; from: string; to: string } }>('POST', `/api/units/${encodeURIComponent(unitId)}/absences`, form);
      const name = employees.find((x) => x.id === r.absence.employee)?.name ?? r.absence.employee;
      setStatus({ ok: true, text: t('abs.registered', { name, period: fmtSpan(r.absence.from, r.absence.to, lang) }) });
      onRegistered();
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? err.errors.map((x) => pick(x.message, lang)).join('; ') : t('error') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="register-card">
      <h2>{t('abs.registerTitle')}</h2>
      <form className="abs-form" onSubmit={submit}>
        <label>
          {t('abs.employee')}
          <select required value={form.employee} onChange={(e) => setForm({ ...form, employee: e.target.value })} data-testid="register-employee">
            <option value="">–</option>
            {employees.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <KindAndDates form={form} setForm={setForm} kinds={REPORT_KINDS} />
        <button type="submit" className="primary" disabled={busy || !form.employee} data-testid="register-submit">
          {t('abs.register')}
        </button>
      </form>
      {status && (
        <p className={status.ok ? 'ok' : 'error'} role="status" data-testid="register-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

/** The kind, from and to fields, shared with the employee's own form. */
export function KindAndDates<F extends { from: string; to: string; kind: string }>({ form, setForm, kinds }: { form: F; setForm: (f: F) => void; kinds: readonly string[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <label>
        {t('abs.kind')}
        <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })} data-testid="absence-kind">
          {kinds.map((k) => (
            <option key={k} value={k}>
              {absenceLabel(k, lang).name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('abs.from')}
        <input type="date" required value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value, to: form.to < e.target.value ? e.target.value : form.to })} data-testid="absence-from" />
      </label>
      <label>
        {t('abs.to')}
        <input type="date" required min={form.from} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} data-testid="absence-to" />
      </label>
    </>
  );
}

function RecentCard({ unitId, version }: { unitId: string; version: number }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  useEffect(() => {
    const today = osloToday();
    get<{ absences: HistoryItem[] }>(`/api/units/${encodeURIComponent(unitId)}/absences?from=${addDaysIso(today, -90)}&to=${addDaysIso(today, 60)}`).then(
      (r) => setItems([...r.absences].reverse()),
      () => setItems([]),
    );
  }, [unitId, version]);
  return (
    <details className="card panel" data-testid="recent-absences">
      <summary>{t('abs.recent')}</summary>
      {items === null ? (
        <p className="muted">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('abs.none')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{t('abs.employee')}</th>
              <th>{t('abs.from')}</th>
              <th>{t('abs.to')}</th>
              <th>{t('abs.kind')}</th>
              <th>{t('abs.source')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{a.employeeName}</td>
                <td className="nowrap">{fmtDate(a.from, lang)}</td>
                <td className="nowrap">{fmtDate(a.to, lang)}</td>
                <td>{absenceLabel(a.kind ?? 'absent', lang).name}</td>
                <td className="muted">{t(`abs.source.${a.source}` as never)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
