/**
 * The risk assessment (forsvarlighetsvurdering) of the saved rota, shown with the hearing:
 * an overall traffic light, then one section per risk (competence, quick returns, long-shift
 * series, nights in a row, hours, weekends, local agreements) with its light, explanation,
 * legal sources and table. From GET /api/plans/:id/risk (src/core/risk on the server).
 */
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { get } from '../api';
import { fmtDate, fmtNum, pick, useI18n, type Lang, type MsgKey } from '../i18n';

type Level = 'green' | 'yellow' | 'red';
interface Text {
  nb: string;
  en: string;
}
interface Section {
  id: string;
  level: Level;
  title: Text;
  explanation: Text;
  sources: string[];
}
interface Person {
  employee: string;
  employeeName: string;
}

/** The response of GET /api/plans/:id/risk (documented in /api/openapi.json). */
export interface RiskAssessment {
  check: { hardCount: number; softCount: number; byRule: Array<{ rule: string; title: Text; severity: 'hard' | 'soft'; count: number; reference: string }> };
  overall: { level: Level; explanation: Text };
  sections: {
    competence: Section & {
      hasDemand: boolean;
      gaps: Array<{ date: string; shift: string; competence: string | null; actual: number; min: number; target: number; missingMin: number; missingTarget: number; belowMin: boolean; source: string }>;
      byCompetence: Array<{ competence: string | null; cellsBelowMin: number; missingMin: number; cellsBelowTarget: number; missingTarget: number }>;
    };
    quickReturns: Section & {
      events: Array<Person & { fromDate: string; fromShift: string; toDate: string; toShift: string; restHours: number; kind: 'breach' | 'agreement'; eveningToDay: boolean; source: string }>;
      persons: Array<Person & { count: number; agreementUses: number; breaches: number; shortestRestHours: number }>;
    };
    longShifts: Section & {
      maxInRow: number;
      persons: Array<Person & { longShifts: number; series: number; longestSeries: number; longestFrom: string | null; longestTo: string | null; overLimit: number; otherFindings: number }>;
    };
    nights: Section & {
      maxInRow: number;
      persons: Array<Person & { nights: number; runs: number; longestRun: number; longestFrom: string | null; longestTo: string | null; runsOverLimit: number; shortRestAfter: number; hardFindings: number }>;
    };
    hours: Section & {
      toleranceHours: number;
      persons: Array<Person & { positionPercent: number; weeklyNorm: number; plannedHours: number; requiredHours: number; deviationHours: number; outside: boolean }>;
    };
    weekends: Section & {
      persons: Array<Person & { weekendsWorked: number; weekendsInPeriod: number; frequency: number; personalFrequency: boolean; allowed: number; everyNth: number | null; longestRow: number; findings: number }>;
    };
    agreements: Section & {
      exceptions: Array<{ path: string; label: Text; law: string; unit: string | null; defaultValue: number | string | boolean; value: number | string | boolean; direction: 'relaxed' | 'stricter' | 'changed'; agreementRef: string | null; uses: number | null }>;
      problems: Text[];
    };
  };
}

const COLOURS: Record<Level, { bg: string; ink: string }> = {
  green: { bg: '#1f7a3a', ink: '#fff' },
  yellow: { bg: '#f2b705', ink: '#3a2c00' },
  red: { bg: '#c4231c', ink: '#fff' },
};

/** A traffic light with its word (not colour alone). */
export function Light({ level }: { level: Level }) {
  const { t } = useI18n();
  const c = COLOURS[level];
  const style: CSSProperties = { display: 'inline-block', minWidth: '3.2rem', textAlign: 'center', padding: '0.1rem 0.5rem', borderRadius: 99, background: c.bg, color: c.ink, fontSize: '0.78rem', fontWeight: 700, verticalAlign: 'middle' };
  return (
    <span className={`risk-light risk-${level}`} style={style} data-level={level}>
      ● {t(`risk.${level}` as MsgKey)}
    </span>
  );
}

const scroll: CSSProperties = { maxHeight: '22rem', overflow: 'auto' };
const warn: CSSProperties = { color: 'var(--hard)', fontWeight: 600 };
const num = (x: number, lang: Lang, digits = 1) => fmtNum(x, lang, digits);
const span = (from: string | null, to: string | null, lang: Lang) => (from && to ? (from === to ? fmtDate(from, lang) : `${fmtDate(from, lang)}–${fmtDate(to, lang)}`) : '–');
const val = (v: number | string | boolean, lang: Lang) => (typeof v === 'number' ? num(v, lang, 2) : typeof v === 'boolean' ? (v ? (lang === 'nb' ? 'ja' : 'yes') : lang === 'nb' ? 'nei' : 'no') : v);

function Table({ head, children, testId }: { head: ReactNode[]; children: ReactNode; testId?: string }) {
  return (
    <div style={scroll}>
      <table className="list small" data-testid={testId}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function SectionView({ s, children }: { s: Section; children: ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <details className="risk-section" open={s.level !== 'green'} data-testid={`risk-${s.id}`} style={{ borderTop: '1px solid var(--line)', padding: '0.5rem 0' }}>
      <summary style={{ cursor: 'pointer' }}>
        <Light level={s.level} /> <strong>{s.title[lang]}</strong>
        <div style={{ margin: '0.25rem 0 0 0.2rem' }}>{s.explanation[lang]}</div>
      </summary>
      <div style={{ marginTop: '0.5rem' }}>
        {children}
        <p className="muted small">
          {t('reference')}: {s.sources.join(' · ')}
        </p>
      </div>
    </details>
  );
}

export function RiskPanel({ planId, version, status }: { planId: string; version: number; status: string }) {
  const { t, lang } = useI18n();
  const [risk, setRisk] = useState<RiskAssessment | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    get<RiskAssessment>(`/api/plans/${encodeURIComponent(planId)}/risk`).then(
      (r) => live && setRisk(r),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [planId, version, status]);

  if (error)
    return (
      <section className="card panel" data-testid="risk-panel">
        <h2>{t('risk.title')}</h2>
        <p className="error">{pick(error, lang)}</p>
      </section>
    );
  if (!risk)
    return (
      <section className="card panel" data-testid="risk-panel">
        <h2>{t('risk.title')}</h2>
        <p className="muted">{t('loading')}</p>
      </section>
    );

  const { competence, quickReturns, longShifts, nights, hours, weekends, agreements } = risk.sections;
  const none = <p className="muted small">{t('risk.none')}</p>;
  return (
    <section className="card panel risk" data-testid="risk-panel" data-level={risk.overall.level}>
      <h2>
        {t('risk.title')} <Light level={risk.overall.level} />
      </h2>
      <p data-testid="risk-overall">{risk.overall.explanation[lang]}</p>
      <p className="muted small">{t('risk.basis', { v: version, hard: risk.check.hardCount, soft: risk.check.softCount })}</p>

      <SectionView s={competence}>
        {competence.byCompetence.length > 0 && (
          <Table head={[t('competence'), t('risk.belowMin'), t('risk.missing'), t('risk.belowTarget'), t('risk.missing')]}>
            {competence.byCompetence.map((c) => (
              <tr key={c.competence ?? ''}>
                <td>{c.competence ?? t('risk.allStaff')}</td>
                <td className="n" style={c.cellsBelowMin ? warn : undefined}>
                  {c.cellsBelowMin}
                </td>
                <td className="n">{c.missingMin}</td>
                <td className="n">{c.cellsBelowTarget}</td>
                <td className="n">{c.missingTarget}</td>
              </tr>
            ))}
          </Table>
        )}
        {competence.gaps.length > 0 ? (
          <Table head={[t('risk.date'), t('shift'), t('competence'), t('risk.actual'), t('risk.min'), t('risk.target'), t('risk.missing')]} testId="risk-gaps">
            {competence.gaps.map((g, i) => (
              <tr key={i}>
                <td className="nowrap">{fmtDate(g.date, lang)}</td>
                <td>{g.shift}</td>
                <td>{g.competence ?? t('risk.allStaff')}</td>
                <td className="n">{g.actual}</td>
                <td className="n">{g.min}</td>
                <td className="n">{g.target}</td>
                <td className="n" style={g.belowMin ? warn : undefined}>
                  {g.belowMin ? `${g.missingMin} (${t('risk.min')})` : `${g.missingTarget} (${t('risk.target')})`}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          none
        )}
      </SectionView>

      <SectionView s={quickReturns}>
        {quickReturns.events.length > 0 ? (
          <>
            <Table head={[t('person'), t('risk.count'), t('risk.agreementUse'), t('risk.breach'), t('risk.shortest')]}>
              {quickReturns.persons.map((p) => (
                <tr key={p.employee}>
                  <td>{p.employeeName}</td>
                  <td className="n">{p.count}</td>
                  <td className="n">{p.agreementUses}</td>
                  <td className="n" style={p.breaches ? warn : undefined}>
                    {p.breaches}
                  </td>
                  <td className="n nowrap">
                    {num(p.shortestRestHours, lang, 2)} {t('hours')}
                  </td>
                </tr>
              ))}
            </Table>
            <Table head={[t('person'), t('risk.from'), t('risk.to'), t('risk.rest'), t('risk.kind'), t('reference')]} testId="risk-quick-returns">
              {quickReturns.events.map((e, i) => (
                <tr key={i}>
                  <td>{e.employeeName}</td>
                  <td className="nowrap">
                    {e.fromShift} {fmtDate(e.fromDate, lang)}
                  </td>
                  <td className="nowrap">
                    {e.toShift} {fmtDate(e.toDate, lang)}
                  </td>
                  <td className="n nowrap">
                    {num(e.restHours, lang, 2)} {t('hours')}
                  </td>
                  <td style={e.kind === 'breach' ? warn : undefined}>
                    {t(e.kind === 'breach' ? 'risk.breach' : 'risk.agreementUse')}
                    {e.eveningToDay && <span className="muted"> · {t('risk.eveningToDay')}</span>}
                  </td>
                  <td className="small">{e.source}</td>
                </tr>
              ))}
            </Table>
          </>
        ) : (
          none
        )}
      </SectionView>

      <SectionView s={longShifts}>
        {longShifts.persons.length > 0 ? (
          <Table head={[t('person'), t('risk.longShifts'), t('risk.series'), t('risk.longest'), t('risk.overLimit'), t('risk.otherFindings')]}>
            {longShifts.persons.map((p) => (
              <tr key={p.employee}>
                <td>{p.employeeName}</td>
                <td className="n">{p.longShifts}</td>
                <td className="n">{p.series}</td>
                <td className="nowrap">
                  {p.longestSeries} <span className="muted">({span(p.longestFrom, p.longestTo, lang)})</span>
                </td>
                <td className="n" style={p.overLimit ? warn : undefined}>
                  {p.overLimit}
                </td>
                <td className="n" style={p.otherFindings ? warn : undefined}>
                  {p.otherFindings}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          none
        )}
      </SectionView>

      <SectionView s={nights}>
        {nights.persons.length > 0 ? (
          <Table head={[t('person'), t('risk.nights'), t('risk.series'), t('risk.longest'), `${t('risk.overLimit')} (${nights.maxInRow})`, t('risk.restAfter'), t('risk.nightBreaches')]}>
            {nights.persons.map((p) => (
              <tr key={p.employee}>
                <td>{p.employeeName}</td>
                <td className="n">{p.nights}</td>
                <td className="n">{p.runs}</td>
                <td className="nowrap">
                  {p.longestRun} <span className="muted">({span(p.longestFrom, p.longestTo, lang)})</span>
                </td>
                <td className="n">{p.runsOverLimit}</td>
                <td className="n">{p.shortRestAfter}</td>
                <td className="n" style={p.hardFindings ? warn : undefined}>
                  {p.hardFindings}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          none
        )}
      </SectionView>

      <SectionView s={hours}>
        <Table head={[t('person'), t('position'), t('risk.norm'), t('planned'), t('risk.required'), t('risk.deviation')]}>
          {hours.persons.map((p) => (
            <tr key={p.employee}>
              <td>{p.employeeName}</td>
              <td className="n">{num(p.positionPercent, lang)} %</td>
              <td className="n">{num(p.weeklyNorm, lang, 2)}</td>
              <td className="n">{num(p.plannedHours, lang)}</td>
              <td className="n">{num(p.requiredHours, lang)}</td>
              <td className="n nowrap" style={p.outside ? warn : undefined}>
                {p.deviationHours > 0 ? '+' : ''}
                {num(p.deviationHours, lang)} {t('hours')}
              </td>
            </tr>
          ))}
        </Table>
      </SectionView>

      <SectionView s={weekends}>
        <Table head={[t('person'), t('risk.weekendsWorked'), t('risk.frequency'), t('risk.allowed'), t('risk.everyNth'), t('risk.inRow'), t('risk.findings')]}>
          {weekends.persons.map((p) => (
            <tr key={p.employee}>
              <td>{p.employeeName}</td>
              <td className="n" style={p.weekendsWorked > p.allowed ? warn : undefined}>
                {p.weekendsWorked} / {p.weekendsInPeriod}
              </td>
              <td className="n">
                {p.frequency}
                {p.personalFrequency && <span className="muted"> ({t('risk.personal')})</span>}
              </td>
              <td className="n">{p.allowed}</td>
              <td className="n">{p.everyNth === null ? '–' : num(p.everyNth, lang)}</td>
              <td className="n">{p.longestRow}</td>
              <td className="n">{p.findings}</td>
            </tr>
          ))}
        </Table>
      </SectionView>

      <SectionView s={agreements}>
        {agreements.problems.length > 0 && (
          <div>
            <strong>{t('risk.problems')}</strong>
            <ul>
              {agreements.problems.map((p, i) => (
                <li key={i} style={warn}>
                  {p[lang]}
                </li>
              ))}
            </ul>
          </div>
        )}
        {agreements.exceptions.length > 0 ? (
          <Table head={[t('risk.parameter'), t('risk.value'), t('risk.default'), t('risk.direction'), t('risk.uses'), t('risk.agreementRef'), t('reference')]} testId="risk-exceptions">
            {agreements.exceptions.map((x) => (
              <tr key={x.path} data-path={x.path}>
                <td>{x.label[lang]}</td>
                <td className="n nowrap">
                  <strong>{val(x.value, lang)}</strong>
                </td>
                <td className="n nowrap">{val(x.defaultValue, lang)}</td>
                <td>{t(`risk.${x.direction}` as MsgKey)}</td>
                <td className="n" style={x.uses ? warn : undefined}>
                  {x.uses === null ? '–' : `${x.uses}×`}
                </td>
                <td>{x.agreementRef ?? '–'}</td>
                <td className="small">{x.law}</td>
              </tr>
            ))}
          </Table>
        ) : (
          none
        )}
      </SectionView>

      {risk.check.byRule.length > 0 && (
        <details className="risk-section" style={{ borderTop: '1px solid var(--line)', padding: '0.5rem 0' }}>
          <summary style={{ cursor: 'pointer' }}>
            <strong>{t('risk.byRule')}</strong>
          </summary>
          <Table head={['', t('violations'), t('risk.count'), t('reference')]}>
            {risk.check.byRule.map((r) => (
              <tr key={r.rule} className={r.severity}>
                <td>{r.severity === 'hard' ? '⛔' : '⚠'}</td>
                <td>
                  {r.title[lang]} <span className="muted">({r.rule})</span>
                </td>
                <td className="n">{r.count}</td>
                <td className="small">{r.reference}</td>
              </tr>
            ))}
          </Table>
        </details>
      )}
    </section>
  );
}
