/**
 * Full-time culture (heltidskultur) dashboard for leaders, planners and representatives: key
 * figures as cards with their definitions, the monthly trend of the average position and the
 * three full-time shares, a comparison between units, the position distribution, benefit
 * tracking against a baseline date, and the Excel export. Everything comes from /api/metrics*.
 * Leaders, planners and admins also register hired hours here (HiredPanel, /api/units/:id/hired*).
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ApiError, get, type Session } from '../api';
import { HiredPanel } from '../components/HiredPanel';
import { addDaysIso, fmtDate, osloToday, fmtNum, useI18n, type Lang, type MsgKey } from '../i18n';

const MetricsChart = lazy(() => import('../components/MetricsChart'));

type Text = { nb: string; en: string };
type Msg = { code: string; nb: string; en: string };
interface Figure {
  key: string;
  value: number | null;
  unit: string;
  definition: Text;
  reason?: Msg;
}
interface Snapshot {
  snapshot: {
    date: string;
    window: { from: string; to: string };
    scope: { kind: string; id: string | null; name: Text; units: string[] };
    positions: { distribution: Array<{ bucket: { key: string; label: Text }; count: Figure; share: Figure }> };
    warnings: Msg[];
  };
  figures: Figure[];
  units: Array<{
    id: string;
    name: string;
    headcount: Figure;
    averagePosition: Figure;
    fullTimeShare: { percent100: Figure; atLeast80: Figure; above90: Figure };
    hired?: { agencyHours: Figure; extraHours: Figure; overtimeHours: Figure };
  }>;
  available: { units: Array<{ id: string; name: string; serviceArea: string }>; serviceAreas: string[] };
  notes: Msg[];
}
interface Trend {
  dates: string[];
  series: Array<{ key: string; unit: string; definition: Text; values: Array<number | null> }>;
}
interface Change {
  key: string;
  unit: string;
  definition: Text;
  baseline: number | null;
  current: number | null;
  change: number | null;
  changeUnit: string;
  reason?: Msg;
}

/** The figures shown as cards, in this order. */
const CARDS = [
  'averagePosition',
  'fullTimeShare.percent100',
  'fullTimeShare.atLeast80',
  'fullTimeShare.above90',
  'headcount',
  'fte',
  'small',
  'sickLeave.rate',
  'weekendHoursPerPersonYear',
  'staffing.actualVsPlanned',
  'wishes.fulfilment',
  'hired.agencyHours',
  'hired.extraHours',
  'hired.overtimeHours',
];
/** The figures in the benefit table (the rest are in the export). */
const BENEFIT = [...CARDS.filter((k) => k !== 'fte'), 'hired.extraShifts', 'staffing.sameCompetenceCover', 'predictionShifts.useRate'];
/** Which way is better, for the arrows' colour (1: up is better, -1: down is better). */
const BETTER: Record<string, 1 | -1> = {
  averagePosition: 1,
  'fullTimeShare.percent100': 1,
  'fullTimeShare.atLeast80': 1,
  'fullTimeShare.above90': 1,
  small: -1,
  'sickLeave.rate': -1,
  'staffing.actualVsPlanned': 1,
  'wishes.fulfilment': 1,
  'hired.agencyHours': -1,
  'hired.extraHours': -1,
  'hired.overtimeHours': -1,
  'staffing.sameCompetenceCover': 1,
};
const TREND_KEYS = ['averagePosition', 'fullTimeShare.percent100', 'fullTimeShare.atLeast80', 'fullTimeShare.above90'];
const HIRED_KEYS = ['hired.agencyHours', 'hired.extraHours', 'hired.overtimeHours'];
const COLOURS = ['#14527a', '#1e7a8c', '#c2410c', '#7c3aed'];

const UNIT_LABEL: Record<string, [string, string]> = {
  persons: ['personer', 'persons'],
  fte: ['årsverk', 'FTE'],
  percent: ['%', '%'],
  hours: ['t', 'h'],
  shifts: ['vakter', 'shifts'],
  hoursPerPersonYear: ['t/personår', 'h/person-year'],
  percentagePoints: ['p.p.', 'p.p.'],
};

/** The last day of the date's month: the trend's last point is the month so far (a point per month end). */
function monthEndOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDaysIso(next, -1);
}

function fmtValue(v: number, unit: string, lang: Lang): string {
  const one = Math.abs(v) === 1 && (unit === 'shifts' || unit === 'persons');
  const u = one ? (unit === 'shifts' ? (lang === 'nb' ? 'vakt' : 'shift') : 'person') : (UNIT_LABEL[unit]?.[lang === 'nb' ? 0 : 1] ?? unit);
  const digits = unit === 'persons' || unit === 'shifts' ? 0 : 1;
  return `${fmtNum(v, lang, digits)}${u === '%' ? ' %' : ` ${u}`}`;
}

/** A figure's name from its key (known keys in i18n; competences, buckets and cover kinds built). */
function useLabel() {
  const { t } = useI18n();
  return (key: string): string => {
    const known = `hk.f.${key}` as MsgKey;
    const s = t(known);
    if (s !== known) return s;
    if (key.startsWith('averagePositionByCompetence.')) return `${t('hk.f.byCompetence')}: ${key.slice(28)}`;
    const d = /^distribution\.(.+)\.(count|share)$/.exec(key);
    if (d) return `${t(d[2] === 'count' ? 'hk.f.distributionCount' : 'hk.f.distributionShare')} ${d[1] === 'under20' ? '< 20' : d[1].replace('to', '–')} %`;
    if (key.startsWith('staffing.byCoverKind.')) return `${t('hk.f.staffing.byCoverKind')} ${key.slice(21)}`;
    return key;
  };
}

export function HeltidPage({ session }: { session?: Session }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const today = useMemo(() => osloToday(), []);
  const [scope, setScope] = useState('organisation');
  const [date, setDate] = useState(today);
  const [from, setFrom] = useState(() => `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`);
  const [baseline, setBaseline] = useState(() => addDaysIso(today, -365));
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [trend, setTrend] = useState<Trend | null>(null);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when hired hours are registered or imported: the figures are fetched again.
  const [reload, setReload] = useState(0);
  const hiredUnits = useMemo(() => (session?.units ?? []).filter((u) => u.permissions.includes('absence.manage')).map((u) => ({ id: u.id, name: u.name })), [session]);

  const scopeQuery = useMemo(() => {
    const [kind, ...rest] = scope.split(':');
    const id = rest.join(':');
    return kind === 'organisation' ? 'scope=organisation' : `scope=${kind}&id=${encodeURIComponent(id)}`;
  }, [scope]);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : t('error'));

  useEffect(() => {
    let live = true;
    setError(null);
    get<Snapshot>(`/api/metrics?${scopeQuery}&date=${date}`).then((r) => live && setSnap(r), (e) => live && fail(e));
    return () => {
      live = false;
    };
  }, [scopeQuery, date, reload]);
  useEffect(() => {
    let live = true;
    if (from > date) return;
    get<Trend>(`/api/metrics/trend?${scopeQuery}&from=${from}&to=${monthEndOf(date)}`).then((r) => live && setTrend(r), (e) => live && fail(e));
    return () => {
      live = false;
    };
  }, [scopeQuery, from, date, reload]);
  useEffect(() => {
    let live = true;
    if (baseline > date) return;
    get<{ changes: Change[] }>(`/api/metrics/compare?${scopeQuery}&baseline=${baseline}&date=${date}`).then((r) => live && setChanges(r.changes), (e) => live && fail(e));
    return () => {
      live = false;
    };
  }, [scopeQuery, baseline, date, reload]);

  const figures = useMemo(() => new Map((snap?.figures ?? []).map((f) => [f.key, f])), [snap]);
  const fig = (f: Figure) => (f.value === null ? '–' : fmtValue(f.value, f.unit, lang));

  const trendOption = useMemo(() => {
    if (!trend) return null;
    const series = TREND_KEYS.map((k, i) => {
      const s = trend.series.find((x) => x.key === k);
      return { name: label(k), type: 'line', data: s?.values ?? [], connectNulls: false, symbolSize: 6, lineStyle: { width: k === 'averagePosition' ? 3 : 2 }, itemStyle: { color: COLOURS[i] } };
    });
    return {
      grid: { left: 44, right: 16, top: 56, bottom: 30 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : `${fmtNum(v, lang, 1)} %`) },
      xAxis: { type: 'category', data: trend.dates.map((d) => fmtDate(d, lang).slice(3)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series,
    };
  }, [trend, lang]);

  const hiredOption = useMemo(() => {
    if (!trend) return null;
    const series = HIRED_KEYS.map((k, i) => {
      const s = trend.series.find((x) => x.key === k);
      return { name: label(k), type: 'bar', stack: 'hired', data: s?.values ?? [], itemStyle: { color: COLOURS[(i + 1) % COLOURS.length] } };
    });
    if (series.every((s) => s.data.every((v) => v === null))) return null;
    return {
      grid: { left: 50, right: 16, top: 40, bottom: 30 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : `${fmtNum(v, lang, 1)} ${lang === 'nb' ? 't' : 'h'}`) },
      xAxis: { type: 'category', data: trend.dates.map((d) => fmtDate(d, lang).slice(3)) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: lang === 'nb' ? '{value} t' : '{value} h' } },
      series,
    };
  }, [trend, lang]);

  const unitsOption = useMemo(() => {
    if (!snap || snap.units.length === 0) return null;
    const u = snap.units;
    const bar = (name: string, pick: (x: Snapshot['units'][number]) => Figure, colour: string) => ({ name, type: 'bar', data: u.map((x) => pick(x).value), itemStyle: { color: colour } });
    return {
      grid: { left: 44, right: 16, top: 40, bottom: 50 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : `${fmtNum(v, lang, 1)} %`) },
      xAxis: { type: 'category', data: u.map((x) => x.name), axisLabel: { interval: 0, width: 110, overflow: 'truncate' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        bar(label('averagePosition'), (x) => x.averagePosition, COLOURS[0]),
        bar(label('fullTimeShare.percent100'), (x) => x.fullTimeShare.percent100, COLOURS[1]),
        bar(label('fullTimeShare.atLeast80'), (x) => x.fullTimeShare.atLeast80, COLOURS[2]),
      ],
    };
  }, [snap, lang]);

  const distOption = useMemo(() => {
    if (!snap) return null;
    const d = snap.snapshot.positions.distribution;
    return {
      grid: { left: 44, right: 16, top: 20, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: d.map((x) => x.bucket.label[lang]), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, name: t('hk.persons') },
      series: [{ name: t('hk.count'), type: 'bar', data: d.map((x) => x.count.value), itemStyle: { color: COLOURS[1] }, label: { show: true, position: 'top' } }],
    };
  }, [snap, lang, t]);

  const exportHref = `/api/metrics/export.xlsx?${scopeQuery}&date=${date}&from=${from <= date ? from : date}${baseline <= date ? `&baseline=${baseline}` : ''}&lang=${lang}`;
  const available = snap?.available;

  return (
    <div className="heltid" data-testid="heltid-page">
      <h1>{t('hk.title')}</h1>
      <p className="muted">{t('hk.intro')}</p>
      <section className="card row hk-controls">
        <label className="inline">
          {t('hk.scope')}
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="hk-scope">
            <option value="organisation">{t('hk.scope.organisation')}</option>
            {available?.serviceAreas.map((a) => (
              <option key={a} value={`serviceArea:${a}`}>
                {t('hk.scope.area')}: {a}
              </option>
            ))}
            {available?.units.map((u) => (
              <option key={u.id} value={`unit:${u.id}`}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('hk.date')}
          <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="hk-date" />
        </label>
        <a className="button" href={exportHref} download data-testid="hk-export">
          {t('hk.export')}
        </a>
      </section>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {snap && (
        <>
          <p className="muted">
            {snap.snapshot.scope.name[lang]} · {t('hk.window', { date: fmtDate(snap.snapshot.date, lang), from: fmtDate(snap.snapshot.window.from, lang), to: fmtDate(snap.snapshot.window.to, lang) })}
          </p>
          <div className="hk-cards" data-testid="hk-cards">
            {CARDS.map((k) => {
              const f = figures.get(k);
              if (!f) return null;
              return (
                <div key={k} className={`hk-card${f.value === null ? ' missing' : ''}`} title={f.definition[lang]} data-testid={`hk-card-${k}`}>
                  <div className="hk-label">{label(k)}</div>
                  <div className="hk-value">{fig(f)}</div>
                  {f.reason && <div className="hk-reason">{f.reason[lang]}</div>}
                  <div className="hk-def">
                    <span className="hk-i" aria-hidden="true">
                      i
                    </span>{' '}
                    {f.definition[lang]}
                  </div>
                </div>
              );
            })}
          </div>
          {hiredUnits.length > 0 && <HiredPanel units={hiredUnits} initialUnit={scope.startsWith('unit:') ? scope.slice(5) : undefined} onChanged={() => setReload((x) => x + 1)} />}
          {[...snap.notes, ...snap.snapshot.warnings].length > 0 && (
            <ul className="abs-warnings">
              {[...snap.notes, ...snap.snapshot.warnings].map((n, i) => (
                <li key={i}>{n[lang]}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="hk-charts">
        <section className="card">
          <h2>{t('hk.trendTitle')}</h2>
          <label className="inline">
            {t('hk.trendFrom')}
            <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} data-testid="hk-from" />
          </label>
          <Suspense fallback={<div className="metrics-chart loading">{t('loading')}</div>}>{trendOption && <MetricsChart option={trendOption} testId="hk-trend" />}</Suspense>
        </section>
        <section className="card">
          <h2>{t('hk.compareTitle')}</h2>
          <Suspense fallback={<div className="metrics-chart loading">{t('loading')}</div>}>{unitsOption && <MetricsChart option={unitsOption} testId="hk-units" />}</Suspense>
          {snap && snap.units.length > 0 && snap.units.some((u) => u.hired) && (
            <div className="hk-scroll">
            <table className="hk-table hk-unit-hired" data-testid="hk-unit-hired">
              <caption className="muted small">{t('hk.unitHiredTable')}</caption>
              <thead>
                <tr>
                  <th>{t('hk.unit')}</th>
                  {(['hi.total.agency', 'hi.total.extra', 'hi.total.overtime'] as const).map((k) => (
                    <th key={k} className="n">
                      {t(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {snap.units.map((u) => (
                  <tr key={u.id}>
                    <td>{u.name}</td>
                    {(['agencyHours', 'extraHours', 'overtimeHours'] as const).map((k) => {
                      const f = u.hired?.[k];
                      return (
                        <td key={k} className="n" title={f?.reason?.[lang] ?? f?.definition[lang]}>
                          {f ? fig(f) : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </section>
        <section className="card">
          <h2>{t('hk.hiredChart')}</h2>
          <Suspense fallback={<div className="metrics-chart loading">{t('loading')}</div>}>
            {hiredOption ? <MetricsChart option={hiredOption} testId="hk-hired" height={260} /> : <p className="muted">{figures.get('hired.agencyHours')?.reason?.[lang] ?? '–'}</p>}
          </Suspense>
        </section>
        <section className="card">
          <h2>{t('hk.distributionTitle')}</h2>
          <Suspense fallback={<div className="metrics-chart loading">{t('loading')}</div>}>{distOption && <MetricsChart option={distOption} testId="hk-distribution" height={260} />}</Suspense>
        </section>
      </div>
      <section className="card" data-testid="hk-benefit">
        <h2>{t('hk.benefitTitle')}</h2>
        <p className="muted">{t('hk.benefitIntro')}</p>
        <label className="inline">
          {t('hk.baseline')}
          <input type="date" value={baseline} max={date} onChange={(e) => e.target.value && setBaseline(e.target.value)} data-testid="hk-baseline" />
        </label>
        {changes && (
          <table className="hk-table">
            <thead>
              <tr>
                <th>{t('hk.figure')}</th>
                <th className="n">
                  {t('hk.baseline')} {fmtDate(baseline, lang)}
                </th>
                <th className="n">
                  {t('hk.current')} {fmtDate(date, lang)}
                </th>
                <th className="n">{t('hk.change')}</th>
              </tr>
            </thead>
            <tbody>
              {BENEFIT.map((k) => changes.find((c) => c.key === k))
                .filter((c): c is Change => !!c)
                .map((c) => {
                  const dir = c.change === null || Math.abs(c.change) < 1e-9 ? 0 : c.change > 0 ? 1 : -1;
                  const good = BETTER[c.key] ? (dir === BETTER[c.key] ? 'good' : dir === 0 ? '' : 'bad') : '';
                  return (
                    <tr key={c.key} title={c.definition[lang]} data-testid={`hk-benefit-${c.key}`}>
                      <td>{label(c.key)}</td>
                      <td className="n">{c.baseline === null ? '–' : fmtValue(c.baseline, c.unit, lang)}</td>
                      <td className="n">{c.current === null ? '–' : fmtValue(c.current, c.unit, lang)}</td>
                      <td className={`n hk-change ${good}`}>
                        {c.change === null ? (
                          <span className="muted" title={c.reason?.[lang]}>
                            {t('hk.missing')}
                          </span>
                        ) : (
                          <>
                            {dir > 0 ? '▲' : dir < 0 ? '▼' : '●'} {c.change > 0 ? '+' : ''}
                            {fmtValue(c.change, c.changeUnit, lang)}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        )}
      </section>
      {snap && (
        <details className="card">
          <summary>{t('hk.allFigures')}</summary>
          <table className="hk-table">
            <thead>
              <tr>
                <th>{t('hk.figure')}</th>
                <th className="n">{t('hk.current')}</th>
                <th>{t('hk.definition')}</th>
              </tr>
            </thead>
            <tbody>
              {snap.figures.map((f) => (
                <tr key={f.key}>
                  <td>{label(f.key)}</td>
                  <td className="n">{fig(f)}</td>
                  <td className="muted small">{f.reason ? `${f.reason[lang]} — ` : ''}{f.definition[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
