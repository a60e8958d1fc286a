/**
 * Scenarios (leaders and planners): the weekend tangle of RULES.md § 8 for a unit's staffing
 * plan — up to three scenarios side by side (weekend frequency, long weekend shifts and their
 * length, weekly norm, annual or rolling rota, a shared pool with another unit), each with the
 * minimum headcount per competence, the position sizes, the average position and the full-time
 * shares; an infeasible scenario shows why, in numbers. "Prove with a rota" has the rota engine
 * make a real rota for the scenario. Below: the position plan towards a target average.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Session } from '../api';
import { fmtNum, pick, useI18n, type Lang, type MsgKey } from '../i18n';
import { Link, useRouter } from '../router';

type Text = { nb: string; en: string };
type Msg = Text & { code: string };

interface Choice {
  weekendEvery: number;
  longShifts: boolean;
  longShiftHours: number;
  weeklyNorm: string;
  planningForm: 'rolling' | 'annual';
  poolUnitId: string;
}

interface Group {
  group: string;
  label: Text;
  headcount: number;
  positions: number[];
  averagePositionPercent: number;
  effectiveWeekendEvery: number | null;
  boundBy: 'weekends' | 'hours';
  currentHeadcount?: number;
}

interface Scenario {
  name: Text;
  weekendEvery: number;
  weeklyNorm: number;
  headcount: number;
  fte: number;
  averagePositionPercent: number;
  fullTimeShares: { percent100: number; atLeast80: number; above90: number };
  byCompetence: Record<string, Group>;
  staffable: boolean;
  reasons: Msg[];
  notes: Msg[];
  currentStaff?: { headcount: number; averagePositionPercent: number; fullTimeShare: number };
  pool?: { pooledHeadcount: number; separateHeadcount: number; headcountSaving: number; averagePositionGain: number };
}

interface Proof {
  demandMet: boolean;
  rulesKept: boolean;
  proven: boolean;
  hardCount: number;
  missingShifts: number;
  people: number;
  hours: { maxAbsDeviation: number; tolerance: number; withinTolerance: number };
  weekends: { maxWorked: number; allowed: number; over: number };
  summary: Msg;
  notes: Msg[];
  period: { start: string; end: string };
}

interface PositionStep {
  order: number;
  kind: 'increase' | 'vacancy' | 'merge';
  groupLabel: Text;
  employee: string | null;
  merged: string[];
  fromPercent: number | null;
  toPercent: number;
  reason: Msg;
}
interface PositionSummary {
  headcount: number;
  fte: number;
  averagePositionPercent: number | null;
  fullTimeSharePercent: { percent100: number; atLeast80: number; above90: number } | null;
}
interface PositionPlan {
  steps: PositionStep[];
  before: PositionSummary;
  after: PositionSummary;
  target: { averagePercent: number; reached: boolean; gapPercentagePoints: number };
  notes: Msg[];
  names: Record<string, string>;
}

const DEFAULTS: Choice[] = [
  { weekendEvery: 3, longShifts: false, longShiftHours: 12.5, weeklyNorm: '', planningForm: 'rolling', poolUnitId: '' },
  { weekendEvery: 3, longShifts: true, longShiftHours: 12.5, weeklyNorm: '', planningForm: 'rolling', poolUnitId: '' },
  { weekendEvery: 2, longShifts: false, longShiftHours: 12.5, weeklyNorm: '', planningForm: 'rolling', poolUnitId: '' },
];

function toBody(c: Choice) {
  return {
    weekendEvery: c.weekendEvery,
    longShifts: c.longShifts,
    ...(c.longShifts ? { longShiftHours: c.longShiftHours } : {}),
    ...(c.weeklyNorm ? { weeklyNorm: Number(c.weeklyNorm) } : {}),
    planningForm: c.planningForm,
    ...(c.poolUnitId ? { poolUnitId: c.poolUnitId } : {}),
  };
}

const pct = (x: number, lang: Lang, digits = 1) => `${fmtNum(x, lang, digits)} %`;
const share = (x: number, lang: Lang) => pct(x * 100, lang, 0);
const txt = (m: Text, lang: Lang) => (lang === 'nb' ? m.nb : m.en);

/** 10 × 100 %, 14 × 17,8 % */
export function positionList(positions: number[], lang: Lang): string {
  const runs: Array<[number, number]> = [];
  for (const p of positions) {
    const last = runs[runs.length - 1];
    if (last && Math.abs(last[0] - p) < 1e-6) last[1]++;
    else runs.push([p, 1]);
  }
  return runs.map(([p, n]) => `${n} × ${pct(p, lang)}`).join(', ');
}

function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiError) return e.errors.map((x) => pick(x.message, lang)).join('; ') || e.message;
  return e instanceof Error ? e.message : String(e);
}

export function ScenarioPage({ unitId, session }: { unitId: string; session: Session }) {
  const { t, lang } = useI18n();
  const unit = session.units.find((u) => u.id === unitId);
  const poolUnits = session.units.filter((u) => u.id !== unitId && u.permissions.includes('plan.edit'));
  const [choices, setChoices] = useState<Choice[]>(DEFAULTS);
  const [results, setResults] = useState<Scenario[] | null>(null);
  const [planInfo, setPlanInfo] = useState<{ name: string; employees: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [proofs, setProofs] = useState<Record<number, Proof | 'running' | { error: string }>>({});

  const compute = useCallback(
    async (cs: Choice[]) => {
      setBusy(true);
      setError(null);
      setProofs({});
      try {
        const r = await api<{ plan: { name: string; employees: number }; scenarios: Scenario[] }>('POST', `/api/units/${encodeURIComponent(unitId)}/scenarios`, { scenarios: cs.map(toBody) });
        setResults(r.scenarios);
        setPlanInfo(r.plan);
      } catch (e) {
        setResults(null);
        setError(errorText(e, lang));
      } finally {
        setBusy(false);
      }
    },
    [unitId, lang],
  );

  // The default scenarios once per unit (not again when the language changes).
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  useEffect(() => {
    if (loadedFor === unitId) return;
    setLoadedFor(unitId);
    void compute(DEFAULTS);
  }, [unitId, loadedFor, compute]);

  const prove = async (i: number) => {
    setProofs((p) => ({ ...p, [i]: 'running' }));
    try {
      const r = await api<Proof>('POST', `/api/units/${encodeURIComponent(unitId)}/scenarios/prove`, { scenario: toBody(choices[i]), seconds: 10, weeks: 6 });
      setProofs((p) => ({ ...p, [i]: r }));
    } catch (e) {
      setProofs((p) => ({ ...p, [i]: { error: errorText(e, lang) } }));
    }
  };

  const update = (i: number, patch: Partial<Choice>) => {
    setChoices((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    setResults(null);
  };

  return (
    <div className="scenarios">
      <p>
        <Link to="/">← {t('back')}</Link>
      </p>
      <h1>
        {t('sc.title')} <span className="muted">· {unit?.name ?? unitId}</span>
      </h1>
      <p className="muted">{t('sc.intro')}</p>
      {planInfo && (
        <p className="muted" data-testid="sc-plan">
          {t('sc.from', { plan: planInfo.name, n: planInfo.employees })}
        </p>
      )}
      <div className="sc-columns" data-testid="sc-columns">
        {choices.map((c, i) => {
          const r = results?.[i];
          const proof = proofs[i];
          return (
            <section className="card sc-col" key={i} data-testid={`sc-col-${i}`}>
              <div className="sc-form">
                <label>
                  {t('sc.weekendEvery')}
                  <select value={c.weekendEvery} onChange={(e) => update(i, { weekendEvery: Number(e.target.value) })} data-testid={`sc-k-${i}`}>
                    {[2, 3, 4].map((k) => (
                      <option key={k} value={k}>
                        {t('sc.everyK', { k })}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="inline">
                  <input type="checkbox" checked={c.longShifts} onChange={(e) => update(i, { longShifts: e.target.checked })} data-testid={`sc-long-${i}`} />
                  {t('sc.longShifts')}
                </label>
                {c.longShifts && (
                  <label>
                    {t('sc.longShiftHours')}
                    <input type="number" min={8} max={16} step={0.25} value={c.longShiftHours} onChange={(e) => update(i, { longShiftHours: Number(e.target.value) })} />
                  </label>
                )}
                <label>
                  {t('sc.norm')}
                  <select value={c.weeklyNorm} onChange={(e) => update(i, { weeklyNorm: e.target.value })}>
                    <option value="">{t('sc.normAuto')}</option>
                    <option value="35.5">35,5</option>
                    <option value="37.5">37,5</option>
                    <option value="33.6">33,6</option>
                  </select>
                </label>
                <label>
                  {t('sc.form')}
                  <select value={c.planningForm} onChange={(e) => update(i, { planningForm: e.target.value as Choice['planningForm'] })}>
                    <option value="rolling">{t('sc.rolling')}</option>
                    <option value="annual">{t('sc.annual')}</option>
                  </select>
                </label>
                {poolUnits.length > 0 && (
                  <label>
                    {t('sc.pool')}
                    <select value={c.poolUnitId} onChange={(e) => update(i, { poolUnitId: e.target.value })}>
                      <option value="">{t('sc.noPool')}</option>
                      {poolUnits.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {choices.length > 1 && (
                  <button type="button" className="linkbtn" onClick={() => { setChoices((cs) => cs.filter((_, j) => j !== i)); setResults(null); }}>
                    {t('sc.remove')}
                  </button>
                )}
              </div>
              {r && <ScenarioResultView r={r} lang={lang} />}
              {r && (
                <div className="sc-proof">
                  <button type="button" onClick={() => void prove(i)} disabled={proof === 'running' || !!c.poolUnitId} data-testid={`sc-prove-${i}`}>
                    {proof === 'running' ? t('sc.proving') : t('sc.prove')}
                  </button>
                  {c.poolUnitId && <p className="muted">{t('sc.poolNoProof')}</p>}
                  {proof && proof !== 'running' && 'error' in proof && <p className="error">{proof.error}</p>}
                  {proof && proof !== 'running' && !('error' in proof) && <ProofView p={proof} lang={lang} />}
                </div>
              )}
            </section>
          );
        })}
      </div>
      <p className="row">
        {choices.length < 3 && (
          <button type="button" onClick={() => { setChoices((cs) => [...cs, DEFAULTS[cs.length]]); setResults(null); }} data-testid="sc-add">
            {t('sc.add')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => void compute(choices)} disabled={busy} data-testid="sc-compute">
          {busy ? t('loading') : t('sc.compute')}
        </button>
      </p>
      {error && <p className="error">{error}</p>}
      <PositionPlanSection unitId={unitId} choices={choices} results={results} />
    </div>
  );
}

function ScenarioResultView({ r, lang }: { r: Scenario; lang: Lang }) {
  const { t } = useI18n();
  return (
    <div className="sc-result">
      <h3>{txt(r.name, lang)}</h3>
      {r.staffable ? (
        <p className="ok">{t('sc.staffable')}</p>
      ) : (
        <div className="sc-infeasible" data-testid="sc-infeasible">
          <strong>{t('sc.notStaffable')}</strong>
          <ul>
            {r.reasons.map((m) => (
              <li key={m.code + m.nb}>{txt(m, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="sc-figures">
        <tbody>
          <tr>
            <th>{t('sc.headcount')}</th>
            <td className="n">{r.headcount}</td>
          </tr>
          <tr>
            <th>{t('sc.fte')}</th>
            <td className="n">{fmtNum(r.fte, lang, 1)}</td>
          </tr>
          <tr>
            <th>{t('sc.average')}</th>
            <td className="n">
              <strong>{pct(r.averagePositionPercent, lang)}</strong>
            </td>
          </tr>
          <tr>
            <th>{t('sc.ft100')}</th>
            <td className="n">{share(r.fullTimeShares.percent100, lang)}</td>
          </tr>
          <tr>
            <th>{t('sc.ft80')}</th>
            <td className="n">{share(r.fullTimeShares.atLeast80, lang)}</td>
          </tr>
          <tr>
            <th>{t('sc.ft90')}</th>
            <td className="n">{share(r.fullTimeShares.above90, lang)}</td>
          </tr>
          {r.currentStaff && (
            <tr className="muted">
              <th>{t('sc.today')}</th>
              <td className="n">
                {r.currentStaff.headcount} · {pct(r.currentStaff.averagePositionPercent, lang)}
              </td>
            </tr>
          )}
          {r.pool && (
            <tr>
              <th>{t('sc.poolSaving')}</th>
              <td className="n">
                {r.pool.separateHeadcount} → {r.pool.pooledHeadcount}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="sc-groups">
        <thead>
          <tr>
            <th>{t('sc.competence')}</th>
            <th className="n">{t('sc.min')}</th>
            <th>{t('sc.positions')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.values(r.byCompetence).map((g) => (
            <tr key={g.group}>
              <td>
                {txt(g.label, lang)}
                {g.effectiveWeekendEvery !== null && <div className="muted small">{t('sc.weekendsEvery', { k: fmtNum(g.effectiveWeekendEvery, lang, 2) })}</div>}
              </td>
              <td className="n">
                {g.headcount}
                {g.currentHeadcount !== undefined && <div className="muted small">{t('sc.now', { n: g.currentHeadcount })}</div>}
              </td>
              <td>{positionList(g.positions, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.notes.length > 0 && (
        <ul className="sc-notes">
          {r.notes.map((m) => (
            <li key={m.code + m.nb}>{txt(m, lang)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ProofView({ p, lang }: { p: Proof; lang: Lang }) {
  const { t } = useI18n();
  return (
    <div className={`sc-proofresult ${p.proven ? 'proven' : 'notproven'}`} data-testid="sc-proof">
      <p>
        <strong>{p.proven ? t('sc.proven') : t('sc.notProven')}</strong>
      </p>
      <ul>
        <li className={p.demandMet ? 'ok' : 'error'}>{p.demandMet ? t('sc.demandMet') : t('sc.demandNotMet', { n: p.missingShifts })}</li>
        <li className={p.rulesKept ? 'ok' : 'error'}>{p.rulesKept ? t('sc.rulesKept') : t('sc.rulesBroken', { n: p.hardCount })}</li>
        <li>{t('sc.weekendsProof', { max: p.weekends.maxWorked, allowed: p.weekends.allowed })}</li>
        <li>{t('sc.hoursProof', { within: p.hours.withinTolerance, n: p.people })}</li>
      </ul>
      <p className="muted small">{txt(p.summary, lang)}</p>
      {p.notes.map((m) => (
        <p className="muted small" key={m.code}>
          {txt(m, lang)}
        </p>
      ))}
    </div>
  );
}

function PositionPlanSection({ unitId, choices, results }: { unitId: string; choices: Choice[]; results: Scenario[] | null }) {
  const { t, lang } = useI18n();
  const [target, setTarget] = useState(80);
  const [scenario, setScenario] = useState<string>('1');
  const [plan, setPlan] = useState<PositionPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { navigate } = useRouter();
  const chosen = scenario === '' ? null : choices[Number(scenario)];
  const body = () => ({ targetAveragePercent: target, ...(chosen && !chosen.poolUnitId ? { scenario: toBody(chosen) } : {}) });
  const showRota = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ plan: { id: string } }>('POST', `/api/units/${encodeURIComponent(unitId)}/position-plan/draft`, { ...body(), seconds: 10 });
      navigate(`/planer/${encodeURIComponent(r.plan.id)}`);
    } catch (e) {
      setError(errorText(e, lang));
      setBusy(false);
    }
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setPlan(await api<PositionPlan>('POST', `/api/units/${encodeURIComponent(unitId)}/position-plan`, body()));
    } catch (e) {
      setPlan(null);
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const name = (id: string | null) => (id ? (plan?.names[id] ?? id) : t('sc.newPosition'));
  const summary = (s: PositionSummary) =>
    `${s.headcount} · ${s.averagePositionPercent === null ? '–' : pct(s.averagePositionPercent, lang)} · ${t('sc.ft100')} ${s.fullTimeSharePercent ? pct(s.fullTimeSharePercent.percent100, lang, 0) : '–'}`;
  return (
    <section className="card sc-positionplan" data-testid="sc-positionplan">
      <h2>{t('sc.pp.title')}</h2>
      <p className="muted">{t('sc.pp.intro')}</p>
      <div className="row">
        <label className="inline">
          {t('sc.pp.target')}
          <input type="number" min={1} max={100} value={target} onChange={(e) => setTarget(Number(e.target.value))} style={{ width: '5rem' }} />%
        </label>
        <label className="inline">
          {t('sc.pp.scenario')}
          <select value={scenario} onChange={(e) => setScenario(e.target.value)}>
            <option value="">{t('sc.pp.none')}</option>
            {choices.map((c, i) => (
              <option key={i} value={String(i)} disabled={!!c.poolUnitId}>
                {results?.[i] ? txt(results[i].name, lang) : `${t('sc.column')} ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void run()} disabled={busy} data-testid="sc-pp-run">
          {busy ? t('loading') : t('sc.pp.make')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {plan && (
        <>
          <p>
            {t('sc.pp.before')}: {summary(plan.before)} → {t('sc.pp.after')}: <strong>{summary(plan.after)}</strong>{' '}
            <span className={plan.target.reached ? 'ok' : 'error'}>{plan.target.reached ? t('sc.pp.reached') : t('sc.pp.gap', { gap: fmtNum(plan.target.gapPercentagePoints, lang, 1) })}</span>
          </p>
          {plan.steps.length === 0 ? (
            <p className="muted">{t('sc.pp.noSteps')}</p>
          ) : (
            <ol className="sc-steps">
              {plan.steps.map((s) => (
                <li key={s.order}>
                  <strong>{t(`sc.pp.kind.${s.kind}` as MsgKey)}</strong> · {txt(s.groupLabel, lang)} · {name(s.employee)}
                  {s.merged.length > 0 && ` ← ${s.merged.map((m) => name(m)).join(', ')}`}: {s.fromPercent === null ? '' : `${pct(s.fromPercent, lang)} → `}
                  {pct(s.toPercent, lang)}
                  <div className="muted small">{txt(s.reason, lang)}</div>
                </li>
              ))}
            </ol>
          )}
          {plan.notes.map((m) => (
            <p className="muted small" key={m.code + m.nb}>
              {txt(m, lang)}
            </p>
          ))}
          <div className="row">
            <button type="button" onClick={() => void showRota()} disabled={busy} data-testid="sc-pp-rota">
              {t('sc.pp.rota')}
            </button>
            <span className="muted small">{t('sc.pp.rotaHint')}</span>
          </div>
        </>
      )}
    </section>
  );
}
