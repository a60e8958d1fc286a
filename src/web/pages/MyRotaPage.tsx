/** The employee's own rota (works on a phone): a list by week or a month calendar, wish results, iCal export. */
import { useEffect, useMemo, useState } from 'react';
import { get, type MyRota } from '../api';
import { absenceLabel, addDaysIso, fmtDate, fmtLongDate, isoWeekOf, monthName, useI18n, wdShort, weekdayOf } from '../i18n';
import { Link } from '../router';
import { Notices } from '../components/Notices';

type ByDate = Map<string, { shift?: MyRota['shifts'][number]; absence?: string; wishes: MyRota['wishes']; red?: boolean; holiday?: string | null }>;

export function MyRotaPage() {
  const { t, lang } = useI18n();
  const [rota, setRota] = useState<MyRota | null>(null);
  const [mode, setMode] = useState<'list' | 'month'>('list');
  const [error, setError] = useState(false);
  useEffect(() => {
    get<MyRota>('/api/me/rota').then(setRota, () => setError(true));
  }, []);

  const byDate = useMemo(() => {
    const m: ByDate = new Map();
    if (!rota) return m;
    const at = (d: string) => {
      let x = m.get(d);
      if (!x) m.set(d, (x = { wishes: [] }));
      return x;
    };
    for (const d of rota.days) Object.assign(at(d.date), { red: d.red, holiday: lang === 'nb' ? d.holiday : (d.holidayEn ?? d.holiday) });
    for (const s of rota.shifts) at(s.date).shift = s;
    for (const a of rota.absences) at(a.date).absence = a.kind;
    for (const w of rota.wishes) at(w.date).wishes.push(w);
    return m;
  }, [rota, lang]);

  if (error) return <p className="error">{t('error')}</p>;
  if (!rota) return <p className="loading">{t('loading')}</p>;

  const wishText = (w: MyRota['wishes'][number]) =>
    `${w.shift === null ? t('wishDayOff') : `${w.kind === 'want' ? t('wishWant') : t('wishAvoid')} ${w.shift}`}: ${w.met ? t('wishMet').toLowerCase() : t('wishNotMet').toLowerCase()}`;
  const totalHours = rota.shifts.reduce((s, x) => s + x.hours, 0);
  const metCount = rota.wishes.filter((w) => w.met).length;

  return (
    <div className="myrota">
      <div className="myrota-head">
        <h1>{t('myRota')}</h1>
        <div className="seg" role="tablist">
          <button type="button" className={mode === 'list' ? 'on' : ''} onClick={() => setMode('list')} data-testid="mode-list">
            {t('list')}
          </button>
          <button type="button" className={mode === 'month' ? 'on' : ''} onClick={() => setMode('month')} data-testid="mode-month">
            {t('month')}
          </button>
        </div>
      </div>
      <Notices />
      {rota.shifts.length === 0 && rota.absences.length === 0 ? (
        <p className="notice">{t('noShifts')}</p>
      ) : (
        <>
          <p className="muted">
            {rota.shifts.length} {t('shifts').toLowerCase()} · {totalHours.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 })} {t('hours')}
            {rota.wishes.length > 0 && (
              <span data-testid="wish-summary">
                {' '}
                · {t('fulfilment')}: {metCount} {t('of')} {rota.wishes.length}
              </span>
            )}
          </p>
          <p>
            <a className="button" href="/api/me/rota.ics" download="turnus.ics" data-testid="ical">
              {t('downloadIcal')}
            </a>{' '}
            {rota.plans.map((p) => (
              <Link key={p.id} to={`/planer/${encodeURIComponent(p.id)}`} className="button">
                {t('unitRota')}: {p.unitName}
              </Link>
            ))}
          </p>
          {mode === 'list' ? <ListView rota={rota} byDate={byDate} wishText={wishText} /> : <MonthView rota={rota} byDate={byDate} />}
        </>
      )}
    </div>
  );
}

function ListView({ rota, byDate, wishText }: { rota: MyRota; byDate: ByDate; wishText: (w: MyRota['wishes'][number]) => string }) {
  const { t, lang } = useI18n();
  const dates = [...new Set([...rota.shifts.map((s) => s.date), ...rota.absences.map((a) => a.date), ...rota.wishes.map((w) => w.date)])].sort();
  const weeks: Array<{ week: number; dates: string[] }> = [];
  for (const d of dates) {
    const w = isoWeekOf(d);
    const last = weeks[weeks.length - 1];
    if (last && last.week === w) last.dates.push(d);
    else weeks.push({ week: w, dates: [d] });
  }
  return (
    <div className="weeklist" data-testid="my-shifts">
      {weeks.map((w) => (
        <section key={w.dates[0]} className="card week">
          <h2>
            {t('week')} {w.week}
          </h2>
          <ul>
            {w.dates.map((d) => {
              const x = byDate.get(d)!;
              return (
                <li key={d} className={`${x.red ? 'red' : ''}`}>
                  <span className="date">{fmtLongDate(d, lang)}</span>
                  {x.shift ? (
                    <span className={`chip cat-${x.shift.category}`} data-testid="my-shift">
                      {x.shift.code}
                    </span>
                  ) : x.absence ? (
                    <span className="chip absence">{absenceLabel(x.absence, lang).name}</span>
                  ) : (
                    <span className="chip free">{t('free')}</span>
                  )}
                  {x.shift && (
                    <span className="time">
                      {x.shift.start}–{x.shift.end} <span className="muted">{x.shift.name}</span>
                    </span>
                  )}
                  {x.wishes.map((wi, i) => (
                    <span key={i} className={`wishnote ${wi.met ? 'met' : 'unmet'}`} data-testid="my-wish">
                      {wi.met ? '✓' : '✗'} {wishText(wi)}
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function MonthView({ rota, byDate }: { rota: MyRota; byDate: ByDate }) {
  const { lang } = useI18n();
  const all = rota.days.map((d) => d.date).sort();
  const months = [...new Set(all.map((d) => d.slice(0, 7)))];
  return (
    <div className="months">
      {months.map((ym) => {
        const first = `${ym}-01`;
        const [y, m] = ym.split('-').map(Number);
        const daysIn = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const lead = weekdayOf(first);
        const cells: Array<string | null> = [...Array.from({ length: lead }, () => null), ...Array.from({ length: daysIn }, (_, i) => addDaysIso(first, i))];
        while (cells.length % 7) cells.push(null);
        return (
          <section key={ym} className="card month">
            <h2>
              {monthName(m - 1, lang)} {y}
            </h2>
            <div className="cal">
              <div className="cal-wk" />
              {[0, 1, 2, 3, 4, 5, 6].map((wd) => (
                <div key={wd} className="cal-h">
                  {wdShort(wd, lang)}
                </div>
              ))}
              {cells.map((d, i) => {
                const weekCell = i % 7 === 0 ? (
                  <div key={`w${i}`} className="cal-wk">
                    {isoWeekOf(d ?? cells.slice(i, i + 7).find(Boolean) ?? first)}
                  </div>
                ) : null;
                if (!d)
                  return [
                    weekCell,
                    <div key={i} className="cal-d empty" />,
                  ];
                const x = byDate.get(d);
                return [
                  weekCell,
                  <div key={i} className={`cal-d${weekdayOf(d) >= 5 ? ' weekend' : ''}${x?.red ? ' red' : ''}`} title={[fmtDate(d, lang), x?.holiday ?? ''].filter(Boolean).join(' – ')}>
                    <span className="n">{Number(d.slice(8))}</span>
                    {x?.shift && <span className={`chip cat-${x.shift.category}`}>{x.shift.code}</span>}
                    {!x?.shift && x?.absence && <span className="chip absence">{absenceLabel(x.absence, lang).code}</span>}
                    {x && x.wishes.length > 0 && <span className={`wish ${x.wishes.every((w) => w.met) ? 'met' : 'unmet'}`}>{x.wishes.every((w) => w.met) ? '✓' : '✗'}</span>}
                  </div>,
                ];
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
