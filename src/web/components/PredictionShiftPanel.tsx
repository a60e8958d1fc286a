/**
 * Prediction shifts (prediksjonsvakter) for a draft: the two costs and the pooling, the
 * recommended number per day from the absence forecast and the newsvendor rule, whose
 * positions would grow, and one action to put them into the plan for the generator.
 */
import { useState } from 'react';
import { api } from '../api';
import { fmtDate, pick, useI18n } from '../i18n';

interface Advice {
  ratio: number;
  shifts: number;
  hours: number;
  expectedAbsentShifts: number;
  costWithout: number;
  costWith: number;
  days: Array<{ date: string; count: number; expectedAbsent: number }>;
  slots: Array<{ date: string; shift: string; competence: string | null; count: number; expectedAbsent: number; probUsed: number[] }>;
  positionChanges: Array<{ employee: string; name: string; from: number; to: number }>;
  applied: boolean;
  planVersion: number;
  warnings: string[];
}

const TEXT = {
  nb: {
    title: 'Prediksjonsvakter',
    intro: 'Planlagte ekstravakter til egne ansatte for fraværet som statistisk vil komme, i stedet for å ringe vikarer på kort varsel. Antallet per dag er der en vakt til lønner seg: P(fravær ≥ k) ≥ Co / (Cu + Co).',
    co: 'Kostnad ubrukt vakt (Co, i dagsverk)',
    cu: 'Merkostnad kort varsel (Cu, i dagsverk)',
    pooling: 'Samling',
    shift: 'per vakt (alle kompetanser)',
    day: 'hele enheten per dag',
    slot: 'hver vakt for seg',
    compute: 'Beregn',
    apply: 'Legg inn i planen',
    applied: 'Lagt inn som versjon',
    ratio: 'kritisk brøk',
    shifts: 'prediksjonsvakter',
    hours: 'timer',
    expected: 'forventet fraværsvakter',
    costs: 'forventet kostnad uten → med',
    positions: 'Stillinger som økes (ønsket større stilling)',
    perDay: 'Per dag',
    week: 'Uke',
    draftOnly: 'Prediksjonsvakter legges inn i et utkast, før turnusen genereres.',
  },
  en: {
    title: 'Prediction shifts',
    intro: 'Extra shifts planned on own staff for the absence that will statistically occur, instead of calling substitutes at short notice. The number per day is where one more shift pays: P(absence ≥ k) ≥ Co / (Cu + Co).',
    co: 'Cost of an unused shift (Co, in shift wages)',
    cu: 'Extra cost at short notice (Cu, in shift wages)',
    pooling: 'Pooling',
    shift: 'per shift (all competences)',
    day: 'whole unit per day',
    slot: 'each shift alone',
    compute: 'Compute',
    apply: 'Put into the plan',
    applied: 'Saved as version',
    ratio: 'critical ratio',
    shifts: 'prediction shifts',
    hours: 'hours',
    expected: 'expected absent shifts',
    costs: 'expected cost without → with',
    positions: 'Positions raised (asked for a larger position)',
    perDay: 'Per day',
    week: 'Week',
    draftOnly: 'Prediction shifts go into a draft, before the rota is generated.',
  },
} as const;

export function PredictionShiftPanel({ planId, version, editable, onChanged }: { planId: string; version: number; editable: boolean; onChanged: () => void }) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [co, setCo] = useState(0.5);
  const [cu, setCu] = useState(0.75);
  const [pooling, setPooling] = useState<'shift' | 'day' | 'slot'>('shift');
  const [advice, setAdvice] = useState<Advice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nf = (x: number, d = 1) => x.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: d });

  const run = async (apply: boolean) => {
    setError(null);
    setBusy(true);
    try {
      const r = await api<Advice>('POST', `/api/plans/${encodeURIComponent(planId)}/prediction-shifts`, {
        unusedCost: co,
        shortNoticeCost: cu,
        pooling,
        apply,
        ...(apply ? { baseVersion: version } : {}),
      });
      setAdvice(r);
      if (apply) onChanged();
    } catch (e) {
      setError(e instanceof Error ? pick(e.message, lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  // Days grouped by ISO week (Monday first) for a compact strip.
  const weeks: Array<{ monday: string; days: Advice['days'] }> = [];
  for (const d of advice?.days ?? []) {
    const wd = (new Date(`${d.date}T12:00:00Z`).getUTCDay() + 6) % 7;
    if (!weeks.length || wd === 0) weeks.push({ monday: d.date, days: [] });
    weeks[weeks.length - 1].days.push(d);
  }

  return (
    <details className="card panel" data-testid="prediction-panel">
      <summary>{T.title}</summary>
      <p className="muted small">{T.intro}</p>
      {!editable && <p className="muted small">{T.draftOnly}</p>}
      <div className="row">
        <label className="inline">
          {T.co} <input type="number" min={0.01} max={10} step={0.05} value={co} onChange={(e) => setCo(Number(e.target.value))} style={{ width: '5rem' }} />
        </label>
        <label className="inline">
          {T.cu} <input type="number" min={0.01} max={10} step={0.05} value={cu} onChange={(e) => setCu(Number(e.target.value))} style={{ width: '5rem' }} />
        </label>
        <label className="inline">
          {T.pooling}{' '}
          <select value={pooling} onChange={(e) => setPooling(e.target.value as 'shift' | 'day' | 'slot')}>
            <option value="shift">{T.shift}</option>
            <option value="day">{T.day}</option>
            <option value="slot">{T.slot}</option>
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => run(false)} data-testid="prediction-compute">
          {T.compute}
        </button>
        {editable && advice && !advice.applied && advice.shifts > 0 && (
          <button type="button" className="primary" disabled={busy} onClick={() => run(true)} data-testid="prediction-apply">
            {T.apply}
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {advice && (
        <div data-testid="prediction-advice">
          <p>
            <strong>{advice.shifts}</strong> {T.shifts} ({nf(advice.hours, 0)} {T.hours}) · {T.ratio} {nf(advice.ratio, 2)} · {T.expected} {nf(advice.expectedAbsentShifts)} · {T.costs}{' '}
            {nf(advice.costWithout)} → {nf(advice.costWith)}
            {advice.applied && (
              <>
                {' '}
                · <span className="ok">{T.applied} {advice.planVersion}</span>
              </>
            )}
          </p>
          {advice.warnings.map((w) => (
            <p key={w} className="warn small">
              {pick(w, lang)}
            </p>
          ))}
          <h4>{T.perDay}</h4>
          <table className="list prediction-strip">
            <tbody>
              {weeks.map((w) => (
                <tr key={w.monday}>
                  <td className="nowrap muted small">{fmtDate(w.monday, lang)}</td>
                  {w.days.map((d) => (
                    <td key={d.date} className="n" title={`${fmtDate(d.date, lang)}: ${nf(d.expectedAbsent, 2)}`}>
                      {d.count ? <span className="chip cat-prediction">{d.count}</span> : <span className="muted">·</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {advice.positionChanges.length > 0 && (
            <>
              <h4>{T.positions}</h4>
              <table className="list">
                <tbody>
                  {advice.positionChanges.map((p) => (
                    <tr key={p.employee}>
                      <td>{p.name}</td>
                      <td className="n">
                        {nf(p.from)} % → {nf(p.to)} %
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </details>
  );
}
