/**
 * Hired hours on the full-time culture dashboard (leaders, planners, admins): the last year's
 * agency hours, extra shifts and overtime of one unit, a form to register one record, and the
 * import of a CSV or .xlsx file with its line-by-line report (nothing stored if a line is bad).
 * Everything goes through /api/units/:id/hired*; `onChanged` lets the page reload its figures.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, get, getCsrf } from '../api';
import { fmtDate, fmtNum, osloToday, pick, useI18n, type MsgKey } from '../i18n';

type Kind = 'agency' | 'extra' | 'overtime';
interface HiredRecord {
  id: number;
  date: string;
  kind: Kind;
  hours: number;
  employee: string | null;
  employeeName: string | null;
  shift: string | null;
  source: 'manual' | 'import' | 'cover';
  note: string | null;
}
interface HiredList {
  from: string;
  to: string;
  firstDate: string | null;
  totals: { agencyHours: number; extraHours: number; extraShifts: number; overtimeHours: number };
  records: HiredRecord[];
  employees: Array<{ id: string; name: string }>;
  shifts: string[];
}
interface LineError {
  line: number;
  field: string;
  reason: string;
}
type ImportOk = { lines: number; inserted: number; skipped: number; hours: { agency: number; extra: number; overtime: number } };

const KINDS: Kind[] = ['agency', 'extra', 'overtime'];
const RECENT = 8;

async function uploadHired(unitId: string, file: File): Promise<{ ok: true; body: ImportOk } | { ok: false; errors: LineError[]; message: string }> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  const res = await fetch(`/api/units/${encodeURIComponent(unitId)}/hired/import`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-csrf-token': getCsrf(), accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => null)) as { errors?: Array<Partial<LineError> & { message: string }> } | null;
  if (res.ok) return { ok: true, body: data as unknown as ImportOk };
  const errors = (data?.errors ?? []).filter((e): e is LineError & { message: string } => typeof e.line === 'number');
  return { ok: false, errors, message: data?.errors?.[0]?.message ?? `HTTP ${res.status}` };
}

export function HiredPanel({ units, initialUnit, onChanged }: { units: Array<{ id: string; name: string }>; initialUnit?: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [unitId, setUnitId] = useState(() => (initialUnit && units.some((u) => u.id === initialUnit) ? initialUnit : units[0]?.id ?? ''));
  const [list, setList] = useState<HiredList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = osloToday();
  const [form, setForm] = useState({ date: today, kind: 'agency' as Kind, hours: '7,5', employee: '', shift: '', note: '' });
  const [formMsg, setFormMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: LineError[] } | null>(null);

  useEffect(() => {
    if (initialUnit && units.some((u) => u.id === initialUnit)) setUnitId(initialUnit);
  }, [initialUnit, units]);

  const load = useCallback(() => {
    if (!unitId) return;
    get<HiredList>(`/api/units/${encodeURIComponent(unitId)}/hired`).then(setList, (e) => setError(e instanceof ApiError ? pick(e.message, lang) : t('error')));
  }, [unitId, lang, t]);
  useEffect(load, [load]);

  const kindLabel = (k: Kind) => t(`hi.kind.${k}` as MsgKey);
  const hoursText = (h: number) => `${fmtNum(h, lang, h % 1 === 0 ? 0 : 2)} ${lang === 'nb' ? 't' : 'h'}`;

  const register = async (e: FormEvent) => {
    e.preventDefault();
    setFormMsg(null);
    const hours = Number(form.hours.replace(',', '.'));
    try {
      const r = await api<{ record: HiredRecord }>('POST', `/api/units/${encodeURIComponent(unitId)}/hired`, {
        date: form.date,
        kind: form.kind,
        hours,
        ...(form.kind !== 'agency' && form.employee ? { employee: form.employee } : {}),
        ...(form.shift ? { shift: form.shift } : {}),
        ...(form.note.trim() ? { note: form.note.trim() } : {}),
      });
      setFormMsg({ ok: true, text: t('hi.registered', { kind: kindLabel(r.record.kind).toLowerCase(), hours: hoursText(r.record.hours), date: fmtDate(r.record.date, lang) }) });
      setForm((f) => ({ ...f, note: '' }));
      load();
      onChanged();
    } catch (err) {
      setFormMsg({ ok: false, text: err instanceof ApiError ? err.errors.map((x) => pick(x.message, lang)).join('; ') : t('error') });
    }
  };

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const r = await uploadHired(unitId, file);
      if (r.ok) {
        const b = r.body;
        setResult({ ok: true, errors: [], text: t('hi.imported', { n: b.inserted, s: b.skipped, a: fmtNum(b.hours.agency, lang, 1), e: fmtNum(b.hours.extra, lang, 1), o: fmtNum(b.hours.overtime, lang, 1) }) });
        load();
        onChanged();
      } else if (r.errors.length) setResult({ ok: false, errors: r.errors, text: t('hi.importErrors', { n: r.errors.length }) });
      else setResult({ ok: false, errors: [], text: pick(r.message, lang) });
    } catch {
      setResult({ ok: false, errors: [], text: t('error') });
    } finally {
      setBusy(false);
    }
  };

  if (!units.length) return null;
  const recent = list ? [...list.records].reverse().slice(0, RECENT) : [];
  return (
    <section className="card hired-panel" data-testid="hired-panel">
      <h2>{t('hi.title')}</h2>
      <p className="muted small">{t('hi.intro')}</p>
      {units.length > 1 && (
        <label className="inline">
          {t('hi.unit')}
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)} data-testid="hired-unit">
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {list && (
        <div className="hired-summary" data-testid="hired-summary">
          <span className="muted">{t('hi.period', { from: fmtDate(list.from, lang), to: fmtDate(list.to, lang) })}:</span>
          <span>
            <b>{t('hi.total.agency')}</b> {hoursText(list.totals.agencyHours)}
          </span>
          <span>
            <b>{t('hi.total.extra')}</b> {hoursText(list.totals.extraHours)} ({list.totals.extraShifts})
          </span>
          <span>
            <b>{t('hi.total.overtime')}</b> {hoursText(list.totals.overtimeHours)}
          </span>
          <span className="muted small">{list.firstDate ? t('hi.since', { date: fmtDate(list.firstDate, lang) }) : t('hi.never')}</span>
        </div>
      )}
      <div className="hired-forms">
        <form className="hired-form" onSubmit={register} data-testid="hired-form">
          <label>
            {t('hi.date')}
            <input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} required data-testid="hired-date" />
          </label>
          <label>
            {t('hi.kind')}
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind, employee: e.target.value === 'agency' ? '' : form.employee })} data-testid="hired-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('hi.hours')}
            <input inputMode="decimal" value={form.hours} onChange={(e) => setForm({ ...form, hours: e.target.value })} required size={5} data-testid="hired-hours" />
          </label>
          <label>
            {t('hi.employee')}
            <select value={form.employee} disabled={form.kind === 'agency'} onChange={(e) => setForm({ ...form, employee: e.target.value })} data-testid="hired-employee">
              <option value="">{t('hi.employeeNone')}</option>
              {list?.employees.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('hi.shift')}
            <select value={form.shift} onChange={(e) => setForm({ ...form, shift: e.target.value })} data-testid="hired-shift">
              <option value="">{t('hi.shiftNone')}</option>
              {list?.shifts.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            {t('hi.note')}
            <input value={form.note} maxLength={500} onChange={(e) => setForm({ ...form, note: e.target.value })} data-testid="hired-note" />
          </label>
          <button type="submit" className="primary" data-testid="hired-submit">
            {t('hi.register')}
          </button>
        </form>
        {formMsg && (
          <p className={formMsg.ok ? 'ok' : 'error'} role="status" data-testid="hired-form-result">
            {formMsg.text}
          </p>
        )}
        <form className="row" onSubmit={upload}>
          <strong>{t('hi.importTitle')}</strong>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="hired-file"
            aria-label={t('abs.chooseFile')}
          />
          <button type="submit" disabled={!file || busy} data-testid="hired-upload">
            {t('abs.upload')}
          </button>
        </form>
        <p className="muted small">{t('hi.importIntro')}</p>
        {result && (
          <div role="status" data-testid="hired-import-result">
            <p className={result.ok ? 'ok' : 'error'}>{result.text}</p>
            {result.errors.length > 0 && (
              <div className="abs-errors">
                <table className="list" data-testid="hired-import-errors">
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
      </div>
      {recent.length > 0 && (
        <details className="hired-recent">
          <summary>{t('hi.recent')}</summary>
          <table className="hk-table" data-testid="hired-records">
            <thead>
              <tr>
                <th>{t('hi.date')}</th>
                <th>{t('hi.kind')}</th>
                <th className="n">{t('hi.hours')}</th>
                <th>{t('hi.employee')}</th>
                <th>{t('hi.shift')}</th>
                <th>{t('hi.source')}</th>
                <th>{t('hi.note')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <td>{fmtDate(r.date, lang)}</td>
                  <td>{kindLabel(r.kind)}</td>
                  <td className="n">{hoursText(r.hours)}</td>
                  <td>{r.employeeName ?? '–'}</td>
                  <td>{r.shift ?? '–'}</td>
                  <td>{t(`hi.source.${r.source}` as MsgKey)}</td>
                  <td className="muted small">{r.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
