/** "Meld fravær": an employee reports their own sickness (works on a phone), and sees what they have reported. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, get, type Session } from '../api';
import { absenceLabel, pick, useI18n } from '../i18n';
import { fmtSpan, KindAndDates, osloToday } from './AbsencePage';

const OWN_KINDS = ['self_certified', 'sick_child', 'doctor_certified'] as const;

interface MyAbsence {
  id: number;
  unitId: string | null;
  from: string;
  to: string;
  kind: string;
  source: string;
}

export function MyAbsencePage({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const units = session.units.filter((u) => u.permissions.includes('absence.own'));
  const today = osloToday();
  const [form, setForm] = useState({ unit: units[0]?.id ?? '', from: today, to: today, kind: 'self_certified' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [mine, setMine] = useState<MyAbsence[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    get<{ absences: MyAbsence[] }>('/api/me/absences').then((r) => setMine([...r.absences].reverse()), () => setMine([]));
  }, [version]);

  if (units.length === 0) return <p className="notice">{t('forbidden')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const r = await api<{ absence: MyAbsence }>('POST', `/api/units/${encodeURIComponent(form.unit)}/absences`, { from: form.from, to: form.to, kind: form.kind });
      setStatus({ ok: true, text: t('abs.reported', { period: fmtSpan(r.absence.from, r.absence.to, lang) }) });
      setVersion((v) => v + 1);
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? err.errors.map((x) => pick(x.message, lang)).join('; ') : t('error') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="myabsence">
      <h1>{t('abs.report')}</h1>
      <form className="card abs-form" onSubmit={submit} data-testid="report-form">
        <p className="muted">{t('abs.reportIntro')}</p>
        {units.length > 1 && (
          <label>
            {t('abs.unit')}
            <select value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <KindAndDates form={form} setForm={setForm} kinds={OWN_KINDS} />
        <button type="submit" className="primary" disabled={busy} data-testid="report-submit">
          {t('abs.report')}
        </button>
        {status && (
          <p className={status.ok ? 'ok' : 'error'} role="status" data-testid="report-status">
            {status.text}
          </p>
        )}
      </form>
      <section className="card">
        <h2>{t('abs.myAbsences')}</h2>
        {mine === null ? (
          <p className="muted">{t('loading')}</p>
        ) : mine.length === 0 ? (
          <p className="muted">{t('abs.none')}</p>
        ) : (
          <ul className="abs-mine" data-testid="my-absences">
            {mine.map((a) => (
              <li key={a.id}>
                <span className="chip absence">{absenceLabel(a.kind, lang).name}</span> {fmtSpan(a.from, a.to, lang)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
