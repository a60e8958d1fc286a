/** The wish form (ønskeskjema) for each plan with an open wish round: one choice per day, plus position size, long shifts and a note. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, get, type WishForm } from '../api';
import { addDaysIso, fmtDate, fmtDateTime, fmtLongDate, fmtPeriod, pick, useI18n } from '../i18n';

export function WishFormPage() {
  const { t } = useI18n();
  const [forms, setForms] = useState<WishForm[] | null>(null);
  useEffect(() => {
    get<{ forms: WishForm[] }>('/api/me/wish-forms').then((r) => setForms(r.forms), () => setForms([]));
  }, []);
  if (!forms) return <p className="loading">{t('loading')}</p>;
  return (
    <div className="wishpage">
      <h1>{t('wishForm')}</h1>
      {forms.length === 0 ? <p className="notice">{t('noOpenRounds')}</p> : forms.map((f) => <OneForm key={f.plan.id} form={f} />)}
    </div>
  );
}

/** "" = no wish; "off" = a day off; "cannot" = cannot work that day; "want:D" / "avoid:D". */
type Choice = string;

/** "Cannot work" is a stronger wish than "a day off". */
const CANNOT_WEIGHT = 3;

function choiceOf(w: WishForm['wishes'][number]): Choice {
  if (w.shift === null) return w.kind === 'avoid' ? 'cannot' : 'off';
  return `${w.kind}:${w.shift}`;
}

function OneForm({ form }: { form: WishForm }) {
  const { t, lang } = useI18n();
  const [choices, setChoices] = useState<Record<string, Choice>>(() => {
    const m: Record<string, Choice> = {};
    for (const w of form.wishes) if (!(w.date in m)) m[w.date] = choiceOf(w);
    return m;
  });
  const weights = Object.fromEntries(form.wishes.map((w) => [`${w.date}|${choiceOf(w)}`, w.weight]));
  const [desired, setDesired] = useState(form.submission?.desiredPositionPercent?.toString() ?? '');
  const [longShifts, setLongShifts] = useState(form.submission?.longShifts ?? '');
  const [note, setNote] = useState(form.submission?.note ?? '');
  const [weekends, setWeekends] = useState<Set<string>>(() => new Set(form.submission?.preferredWeekends ?? []));
  // The Saturdays of the period (a weekend whose Sunday starts the period counts by its Saturday).
  const saturdays = form.days.filter((d) => d.weekday === 5).map((d) => d.date);
  if (form.days[0]?.weekday === 6) saturdays.unshift(addDaysIso(form.days[0].date, -1));
  const weekOf = new Map(form.days.map((d) => [d.date, d.isoWeek]));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(form.submission ? { ok: true, text: `${t('lastSent')}: ${fmtDateTime(form.submission.submittedAt, lang)}` } : null);

  const weeks: Array<{ week: number; days: WishForm['days'] }> = [];
  for (const d of form.days) {
    const last = weeks[weeks.length - 1];
    if (last && last.week === d.isoWeek) last.days.push(d);
    else weeks.push({ week: d.isoWeek, days: [d] });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const wishes = Object.entries(choices)
        .filter(([, c]) => c)
        .map(([date, c]) => {
          if (c === 'cannot') return { date, shift: null, kind: 'avoid', weight: weights[`${date}|cannot`] ?? CANNOT_WEIGHT };
          const [kind, shift] = c === 'off' ? ['want', null] : c.split(':');
          return { date, shift, kind, weight: weights[`${date}|${c}`] ?? 1 };
        });
      const r = await api<{ wishCount: number; submittedAt: string }>('PUT', `/api/plans/${encodeURIComponent(form.plan.id)}/wishes/me`, {
        wishes,
        desiredPositionPercent: desired ? Number(desired) : null,
        longShifts: longShifts || null,
        note: note.trim() || null,
        preferredWeekends: weekends.size ? [...weekends].sort() : null,
      });
      setStatus({ ok: true, text: `${t('wishesSent')} (${r.wishCount}) – ${fmtDateTime(r.submittedAt, lang)}` });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? pick(err.message, lang) : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card wishform" onSubmit={submit} data-testid={`wish-form-${form.plan.id}`}>
      <h2>{form.plan.name}</h2>
      <p className="muted">
        {fmtPeriod(form.plan.start, form.plan.end, lang)}
        {form.round.deadline && ` · ${t('deadline')} ${fmtDate(form.round.deadline, lang)}`}
      </p>
      <p>{t('wishFormIntro')}</p>
      {weeks.map((w) => (
        <fieldset key={w.days[0].date} className="wishweek">
          <legend>
            {t('week')} {w.week}
          </legend>
          {w.days.map((d) => (
            <label key={d.date} className={`wishday${d.weekday >= 5 ? ' weekend' : ''}${d.red ? ' red' : ''}`}>
              <span className="date">
                {fmtLongDate(d.date, lang)}
                {d.holiday && <span className="muted small"> · {lang === 'nb' ? d.holiday : (d.holidayEn ?? d.holiday)}</span>}
              </span>
              <select value={choices[d.date] ?? ''} onChange={(e) => setChoices({ ...choices, [d.date]: e.target.value })} data-testid={`wish-${d.date}`}>
                <option value="">{t('wishNone')}</option>
                <option value="off">{t('wishDayOff')}</option>
                <option value="cannot">{t('wishCannot')}</option>
                {form.shiftTypes.map((s) => (
                  <option key={`want:${s.code}`} value={`want:${s.code}`}>
                    {t('wishWant')} {s.code} ({s.start}–{s.end})
                  </option>
                ))}
                {form.shiftTypes.map((s) => (
                  <option key={`avoid:${s.code}`} value={`avoid:${s.code}`}>
                    {t('wishAvoid')} {s.code} ({s.start}–{s.end})
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ))}
      {saturdays.length > 0 && (
        <fieldset className="wishweekends" data-testid="wish-weekends">
          <legend>{t('weekendPrefTitle')}</legend>
          <p className="muted small">{t('weekendPrefIntro')}</p>
          {saturdays.map((sat) => (
            <label key={sat} className="inline">
              <input
                type="checkbox"
                checked={weekends.has(sat)}
                onChange={(e) => {
                  const next = new Set(weekends);
                  if (e.target.checked) next.add(sat);
                  else next.delete(sat);
                  setWeekends(next);
                }}
                data-testid={`wish-weekend-${sat}`}
              />
              {t('weekendPrefWeek', { week: weekOf.get(sat) ?? weekOf.get(addDaysIso(sat, 1)) ?? '' })} ({fmtDate(sat, lang)})
            </label>
          ))}
        </fieldset>
      )}
      <div className="wishmeta">
        <label>
          {t('desiredPosition')}
          <input type="number" min={1} max={100} step={0.5} value={desired} onChange={(e) => setDesired(e.target.value)} inputMode="decimal" />
        </label>
        {form.canWorkLongShifts && (
          <label>
            {t('longShiftsQ')}
            <select value={longShifts} onChange={(e) => setLongShifts(e.target.value as typeof longShifts)}>
              <option value="">{t('wishNone')}</option>
              <option value="yes">{t('yes')}</option>
              <option value="no">{t('no')}</option>
              <option value="indifferent">{t('indifferent')}</option>
            </select>
          </label>
        )}
        <label>
          {t('note')}
          <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="send-wishes">
        {t('sendWishes')}
      </button>
      {status && (
        <p className={status.ok ? 'ok' : 'error'} role="status" data-testid="wish-status">
          {status.text}
        </p>
      )}
    </form>
  );
}
