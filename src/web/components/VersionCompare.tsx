/**
 * Compare two versions of a plan (GET /api/plans/:id/compare): the changed cells as a small
 * grid (people × changed dates, "before → after", highlighted), each person's hours change, and
 * the change in hard and soft violations (per rule, and the ones added or resolved).
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiError, get, type Violation } from '../api';
import { fmtDayMonth, fmtNum, pick, useI18n, weekdayOf, wdShort } from '../i18n';

interface CompareResult {
  from: { version: number; assignmentCount: number; hardCount: number; softCount: number };
  to: { version: number; assignmentCount: number; hardCount: number; softCount: number };
  cells: Array<{ employee: string; name: string; date: string; before: string | null; after: string | null }>;
  hours: Array<{ employee: string; name: string; before: number | null; after: number | null; delta: number }>;
  violations: {
    hardDelta: number;
    softDelta: number;
    byRule: Array<{ rule: string; title: string; titleEn: string; severity: string; before: number; after: number }>;
    added: Violation[];
    resolved: Violation[];
  };
  settingsChanged: string[];
}

const T = {
  nb: {
    title: 'Sammenlign versjoner',
    from: 'Fra versjon',
    to: 'til versjon',
    compare: 'Sammenlign',
    cells: 'Endrede vakter',
    noCells: 'Ingen vakter er endret.',
    hours: 'Timer per person',
    violations: 'Brudd og avvik',
    hard: 'brudd på lov/avtale',
    soft: 'kvalitetsavvik',
    added: 'Nye',
    resolved: 'Løst',
    settings: 'Endrede innstillinger',
    free: 'fri',
    person: 'Person',
    rule: 'Regel',
    none: 'Bare én versjon er lagret ennå.',
  },
  en: {
    title: 'Compare versions',
    from: 'From version',
    to: 'to version',
    compare: 'Compare',
    cells: 'Changed shifts',
    noCells: 'No shifts changed.',
    hours: 'Hours per person',
    violations: 'Breaches and deviations',
    hard: 'breaches of law/agreement',
    soft: 'quality deviations',
    added: 'New',
    resolved: 'Resolved',
    settings: 'Changed settings',
    free: 'free',
    person: 'Person',
    rule: 'Rule',
    none: 'Only one version is saved so far.',
  },
};

const signed = (x: number, digits: number, lang: 'nb' | 'en') => (x > 0 ? '+' : x < 0 ? '−' : '±') + fmtNum(Math.abs(x), lang, digits);

export function VersionCompare({ planId, version }: { planId: string; version: number }) {
  const { lang } = useI18n();
  const L = T[lang];
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<number[] | null>(null);
  const [from, setFrom] = useState(Math.max(1, version - 1));
  const [to, setTo] = useState(version);
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    get<{ current: number; versions: Array<{ version: number }> }>(`/api/plans/${encodeURIComponent(planId)}/versions`).then(
      (r) => {
        const vs = r.versions.map((v) => v.version);
        setVersions(vs);
        setTo(r.current);
        setFrom(vs.find((v) => v < r.current) ?? r.current);
      },
      () => setVersions([]),
    );
  }, [open, planId, version]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await get<CompareResult>(`/api/plans/${encodeURIComponent(planId)}/compare?from=${from}&to=${to}`));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? pick(e.message, lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  // The changed cells as a grid: people × the dates where something changed.
  const grid = useMemo(() => {
    if (!result) return null;
    const dates = [...new Set(result.cells.map((c) => c.date))].sort();
    const people: Array<{ id: string; name: string }> = [];
    const cell = new Map<string, CompareResult['cells'][number]>();
    for (const c of result.cells) {
      if (!people.some((p) => p.id === c.employee)) people.push({ id: c.employee, name: c.name });
      cell.set(`${c.employee}|${c.date}`, c);
    }
    return { dates, people, cell };
  }, [result]);

  return (
    <details className="card panel version-compare" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="version-compare">
      <summary>{L.title}</summary>
      {versions !== null && versions.length < 2 ? (
        <p className="muted">{L.none}</p>
      ) : (
        <div className="row vc-controls">
          <label>
            {L.from}{' '}
            <select value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="vc-from">
              {(versions ?? [from]).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            {L.to}{' '}
            <select value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="vc-to">
              {(versions ?? [to]).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={run} disabled={busy || from === to} data-testid="vc-run">
            {L.compare}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && grid && (
        <div className="vc-result" data-testid="vc-result">
          <div className="summary">
            <span className={`count ${result.violations.hardDelta > 0 ? 'hard' : 'zero'}`} data-testid="vc-hard">
              {result.from.hardCount} → {result.to.hardCount}
            </span>{' '}
            {L.hard} ({signed(result.violations.hardDelta, 0, lang)})
            <span className={`count ${result.violations.softDelta > 0 ? 'soft' : 'zero'}`}>
              {result.from.softCount} → {result.to.softCount}
            </span>{' '}
            {L.soft} ({signed(result.violations.softDelta, 0, lang)})
          </div>
          {result.settingsChanged.length > 0 && (
            <p className="small">
              <strong>{L.settings}:</strong> {result.settingsChanged.join(', ')}
            </p>
          )}
          <h3>
            {L.cells} ({result.cells.length})
          </h3>
          {result.cells.length === 0 ? (
            <p className="muted">{L.noCells}</p>
          ) : (
            <div className="grid-scroll">
              <table className="vc-grid" data-testid="vc-cells">
                <thead>
                  <tr>
                    <th>{L.person}</th>
                    {grid.dates.map((d) => (
                      <th key={d} className="nowrap">
                        {wdShort(weekdayOf(d), lang)} {fmtDayMonth(d, lang)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {grid.people.map((p) => (
                    <tr key={p.id}>
                      <td className="nowrap">{p.name}</td>
                      {grid.dates.map((d) => {
                        const c = grid.cell.get(`${p.id}|${d}`);
                        return (
                          <td key={d} className={c ? 'vc-changed' : ''} data-testid={c ? `vc-cell-${p.id}-${d}` : undefined}>
                            {c && (
                              <>
                                <span className="vc-before">{c.before ?? L.free}</span> → <strong>{c.after ?? L.free}</strong>
                              </>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.hours.length > 0 && (
            <>
              <h3>{L.hours}</h3>
              <table className="list" data-testid="vc-hours">
                <tbody>
                  {result.hours.map((h) => (
                    <tr key={h.employee}>
                      <td>{h.name}</td>
                      <td className="n">{h.before === null ? '–' : fmtNum(h.before, lang)}</td>
                      <td>→</td>
                      <td className="n">{h.after === null ? '–' : fmtNum(h.after, lang)}</td>
                      <td className={`n ${h.delta > 0 ? 'vc-up' : 'vc-down'}`}>{signed(h.delta, 1, lang)} t</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {result.violations.byRule.length > 0 && (
            <>
              <h3>{L.violations}</h3>
              <table className="list" data-testid="vc-rules">
                <tbody>
                  {result.violations.byRule.map((r) => (
                    <tr key={r.rule}>
                      <td className="nowrap">
                        <span className={`mark ${r.severity} demo`} /> {r.rule}
                      </td>
                      <td>{lang === 'nb' ? r.title : r.titleEn}</td>
                      <td className="n">
                        {r.before} → {r.after}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {(['added', 'resolved'] as const).map((k) =>
                result.violations[k].length ? (
                  <details key={k}>
                    <summary>
                      {L[k]} ({result.violations[k].length})
                    </summary>
                    <ul className="small">
                      {result.violations[k].slice(0, 50).map((v, i) => (
                        <li key={i}>
                          {v.rule}: {lang === 'nb' ? v.message : v.messageEn}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null,
              )}
            </>
          )}
        </div>
      )}
    </details>
  );
}
