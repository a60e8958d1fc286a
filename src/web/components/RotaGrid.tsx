/**
 * The rota grid: employees as rows, dates as columns (week numbers above), shift codes in
 * fixed colours by category, weekends and red days shaded, sticky name and hours columns,
 * coverage rows per shift and competence at the bottom (red where short), wish markers
 * (met / not met), and a marker on every cell that breaks a rule, opening a popover with
 * message, measured value, limit and legal reference. Editing is keyboard- and mouse-driven
 * and handled by the parent through `onEdit`.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GridView, Violation, Wish } from '../api';
import { absenceLabel, fmtDate, fmtDayMonth, fmtLongDate, fmtMeasure, fmtNum, useI18n, wdShort } from '../i18n';

export interface CellRef {
  e: number;
  d: number;
}

interface Props {
  view: GridView;
  /** The shift codes shown (the working copy while editing), [employee][day]. */
  cells: Array<Array<string | null>>;
  editable: boolean;
  selected: CellRef | null;
  onSelect: (c: CellRef | null) => void;
  onEdit?: (c: CellRef, code: string | null) => void;
  /** Highlight this employee's row (the signed-in employee). */
  highlight?: string | null;
}

type PopTarget = { kind: 'cell'; e: number; d: number } | { kind: 'row'; e: number } | { kind: 'day'; d: number };
type Popover = PopTarget & { x: number; y: number };

const isRowLevel = (v: Violation) => v.rule === 'TAR-04' || (v.dates.length === 2 && Date.parse(v.dates[1]) - Date.parse(v.dates[0]) > 13 * 86_400_000);

export function RotaGrid({ view, cells, editable, selected, onSelect, onEdit, highlight }: Props) {
  const { t, lang } = useI18n();
  const [pop, setPop] = useState<Popover | null>(null);
  const typed = useRef<{ buf: string; at: number }>({ buf: '', at: 0 });
  const gridRef = useRef<HTMLDivElement>(null);

  const dayIndex = useMemo(() => new Map(view.days.map((d, i) => [d.date, i])), [view.days]);
  const empIndex = useMemo(() => new Map(view.employees.map((e, i) => [e.id, i])), [view.employees]);
  const category = useMemo(() => new Map(view.shiftTypes.map((s) => [s.code, s.category])), [view.shiftTypes]);
  const shiftByCode = useMemo(() => new Map(view.shiftTypes.map((s) => [s.code, s])), [view.shiftTypes]);

  // Violations by cell, by row (period-long ones) and by day (unit-level ones).
  const { byCell, byRow, byDay } = useMemo(() => {
    const byCell = new Map<string, Violation[]>();
    const byRow = new Map<number, Violation[]>();
    const byDay = new Map<number, Violation[]>();
    const push = <K,>(m: Map<K, Violation[]>, k: K, v: Violation) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    for (const v of view.violations) {
      const e = v.employee === null ? undefined : empIndex.get(v.employee);
      if (e === undefined) {
        for (const date of v.dates) {
          const d = dayIndex.get(date);
          if (d !== undefined) push(byDay, d, v);
        }
      } else if (isRowLevel(v)) push(byRow, e, v);
      else {
        let any = false;
        for (const date of v.dates) {
          const d = dayIndex.get(date);
          if (d !== undefined) {
            push(byCell, `${e}:${d}`, v);
            any = true;
          }
        }
        if (!any) push(byRow, e, v);
      }
    }
    return { byCell, byRow, byDay };
  }, [view.violations, empIndex, dayIndex]);

  const wishesByCell = useMemo(() => {
    const m = new Map<string, Wish[]>();
    for (const w of view.wishes) {
      const e = empIndex.get(w.employee);
      const d = dayIndex.get(w.date);
      if (e === undefined || d === undefined) continue;
      const k = `${e}:${d}`;
      m.set(k, [...(m.get(k) ?? []), w]);
    }
    return m;
  }, [view.wishes, empIndex, dayIndex]);

  const weeks = useMemo(() => {
    const out: Array<{ week: number; span: number }> = [];
    for (const d of view.days) {
      const last = out[out.length - 1];
      if (last && last.week === d.isoWeek) last.span++;
      else out.push({ week: d.isoWeek, span: 1 });
    }
    return out;
  }, [view.days]);

  useEffect(() => {
    if (!pop) return;
    const close = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && setPop(null);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [pop]);

  // Keep the selected cell in view and focused.
  useEffect(() => {
    if (!selected) return;
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${selected.e}:${selected.d}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  const openAt = (target: HTMLElement, p: PopTarget) => {
    const r = target.getBoundingClientRect();
    const x = Math.min(window.innerWidth - 380, Math.max(8, r.left));
    const y = r.bottom + 6 + 320 > window.innerHeight ? Math.max(8, r.top - 6 - 320) : r.bottom + 6;
    setPop({ ...p, x, y });
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (!selected) return;
    const { e, d } = selected;
    const move = (de: number, dd: number) => {
      ev.preventDefault();
      onSelect({ e: Math.max(0, Math.min(view.employees.length - 1, e + de)), d: Math.max(0, Math.min(view.days.length - 1, d + dd)) });
    };
    if (ev.key === 'ArrowLeft') return move(0, -1);
    if (ev.key === 'ArrowRight' || (ev.key === 'Tab' && !ev.shiftKey)) return move(0, 1);
    if (ev.key === 'ArrowUp') return move(-1, 0);
    if (ev.key === 'ArrowDown') return move(1, 0);
    if (ev.key === 'Tab' && ev.shiftKey) return move(0, -1);
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${e}:${d}"]`);
      if (el) openAt(el, { kind: 'cell', e, d });
      return;
    }
    if (ev.key === 'Escape') {
      setPop(null);
      return;
    }
    if (!editable || !onEdit || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'Delete' || ev.key === 'Backspace' || ev.key === ' ' || ev.key === '-') {
      ev.preventDefault();
      onEdit({ e, d }, null);
      return;
    }
    if (ev.key.length === 1 && /[\p{L}\p{N}_-]/u.test(ev.key)) {
      const now = Date.now();
      const buf = (now - typed.current.at < 700 ? typed.current.buf : '') + ev.key.toUpperCase();
      typed.current = { buf, at: now };
      const codes = view.shiftTypes.map((s) => s.code);
      const exact = codes.find((c) => c.toUpperCase() === buf);
      const prefixed = codes.filter((c) => c.toUpperCase().startsWith(buf));
      if (exact && prefixed.length === 1) {
        ev.preventDefault();
        onEdit({ e, d }, exact);
        typed.current = { buf: '', at: 0 };
        if (d < view.days.length - 1) onSelect({ e, d: d + 1 });
      }
    }
  };

  const emp = (e: number) => view.employees[e];
  const popViolations: Violation[] = !pop ? [] : pop.kind === 'cell' ? (byCell.get(`${pop.e}:${pop.d}`) ?? []) : pop.kind === 'row' ? (byRow.get(pop.e) ?? []) : (byDay.get(pop.d) ?? []);
  const popWishes: Wish[] = pop?.kind === 'cell' ? (wishesByCell.get(`${pop.e}:${pop.d}`) ?? []) : [];

  const wishText = (w: Wish) => {
    const what = w.shift === null ? t('wishDayOff') : `${w.kind === 'want' ? t('wishWant') : t('wishAvoid')} ${w.shift}`;
    return `${t('wishes')}: ${what} – ${w.met ? t('wishMet').toLowerCase() : t('wishNotMet').toLowerCase()}`;
  };

  return (
    <div className="grid-wrap">
      <div className="grid-scroll" ref={gridRef} tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-label="Turnus" data-testid="rota-grid">
        <table className="rota">
          <thead>
            <tr className="weeks">
              <th className="sticky c-name" rowSpan={2}>
                {t('person')}
              </th>
              <th className="sticky c-hours" rowSpan={2}>
                {t('hoursCol')}
              </th>
              {weeks.map((w, i) => (
                <th key={i} colSpan={w.span} className="week">
                  {t('week')} {w.week}
                </th>
              ))}
            </tr>
            <tr className="days">
              {view.days.map((day, d) => {
                const unitV = byDay.get(d);
                const hard = unitV?.some((v) => v.severity === 'hard');
                return (
                  <th
                    key={day.date}
                    className={`day${day.weekend ? ' weekend' : ''}${day.red ? ' red' : ''}${day.weekday === 0 ? ' mon' : ''}`}
                    title={[fmtDate(day.date, lang), day.holiday ? (lang === 'nb' ? day.holiday : (day.holidayEn ?? day.holiday)) : ''].filter(Boolean).join(' – ')}
                  >
                    <span className="wd">{wdShort(day.weekday, lang)}</span>
                    <span className="dm">{fmtDayMonth(day.date, lang)}</span>
                    {unitV && (
                      <button
                        type="button"
                        className={`mark day-mark ${hard ? 'hard' : 'soft'}`}
                        aria-label={`${unitV.length} ${t('violations')}`}
                        data-testid={`day-violation-${day.date}`}
                        onClick={(ev) => openAt(ev.currentTarget, { kind: 'day', d })}
                      >
                        {unitV.length}
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {view.employees.map((row, e) => {
              const rowV = byRow.get(e);
              const off = row.positionHours !== null && Math.abs(row.plannedHours - row.positionHours) > 0.25 * (view.days.length / 7);
              return (
                <tr key={row.id} className={highlight === row.id ? 'me' : ''} data-employee={row.id}>
                  <th className="sticky c-name" scope="row">
                    <span className="ename">{row.name}</span>
                    <span className="emeta">
                      {row.competence ?? ''} · {fmtNum(row.positionPercent, lang)} %
                      {row.wishesTotal ? (
                        <span className="wishpct" title={t('fulfilment')}>
                          {' '}
                          · ♥ {Math.round((100 * (row.wishesMet ?? 0)) / row.wishesTotal)} %
                        </span>
                      ) : null}
                    </span>
                  </th>
                  <td className={`sticky c-hours${off ? ' off' : ''}`} title={`${t('planned')} / ${t('position')}`}>
                    <span data-testid={`hours-${row.id}`}>
                      {fmtNum(row.plannedHours, lang)}
                      {row.positionHours !== null && <span className="muted"> / {fmtNum(row.positionHours, lang)}</span>}
                    </span>
                    {rowV && (
                      <button
                        type="button"
                        className={`mark row-mark ${rowV.some((v) => v.severity === 'hard') ? 'hard' : 'soft'}`}
                        aria-label={t('rowViolations')}
                        onClick={(ev) => openAt(ev.currentTarget, { kind: 'row', e })}
                      >
                        !
                      </button>
                    )}
                  </td>
                  {view.days.map((day, d) => {
                    const code = cells[e]?.[d] ?? null;
                    const absence = row.absences[d];
                    const v = byCell.get(`${e}:${d}`);
                    const w = wishesByCell.get(`${e}:${d}`);
                    const sel = selected?.e === e && selected?.d === d;
                    const cls = [
                      'cell',
                      code ? `cat-${category.get(code) ?? 'day'}` : absence ? 'absence' : 'free',
                      day.weekend ? 'weekend' : '',
                      day.red ? 'red' : '',
                      day.weekday === 0 ? 'mon' : '',
                      sel ? 'selected' : '',
                      v ? (v.some((x) => x.severity === 'hard') ? 'v-hard' : 'v-soft') : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    const st = code ? shiftByCode.get(code) : undefined;
                    const title = [
                      `${row.name}, ${fmtLongDate(day.date, lang)}`,
                      st ? `${st.code} ${st.start}–${st.end}` : absence ? absenceLabel(absence, lang).name : t('free'),
                      ...(w ?? []).map(wishText),
                      ...(v ?? []).map((x) => (lang === 'nb' ? x.message : x.messageEn)),
                    ].join('\n');
                    return (
                      <td
                        key={day.date}
                        className={cls}
                        data-cell={`${e}:${d}`}
                        data-testid={`cell-${row.id}-${day.date}`}
                        title={title}
                        aria-selected={sel}
                        onMouseDown={() => onSelect({ e, d })}
                        onDoubleClick={(ev) => (v || w) && openAt(ev.currentTarget, { kind: 'cell', e, d })}
                      >
                        <span className="code">{code ?? (absence ? absenceLabel(absence, lang).code : '')}</span>
                        {w && (
                          <span className={`wish ${w.every((x) => x.met) ? 'met' : 'unmet'}`} aria-label={w.map(wishText).join('; ')}>
                            {w.every((x) => x.met) ? '✓' : '✗'}
                          </span>
                        )}
                        {v && (
                          <button
                            type="button"
                            className={`mark cell-mark ${v.some((x) => x.severity === 'hard') ? 'hard' : 'soft'}`}
                            aria-label={`${v.length} ${t('violations')}`}
                            data-testid="violation-marker"
                            onMouseDown={(ev) => ev.stopPropagation()}
                            onClick={(ev) => {
                              onSelect({ e, d });
                              openAt(ev.currentTarget, { kind: 'cell', e, d });
                            }}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          {view.coverage.length > 0 && (
            <tfoot>
              {view.coverage.map((c) => (
                <tr key={`${c.shift}|${c.competence ?? ''}`} className="coverage">
                  <th className="sticky c-name" scope="row">
                    <span className={`chip cat-${category.get(c.shift) ?? 'day'}`}>{c.shift}</span> {c.competence ?? t('total')}
                  </th>
                  <td className="sticky c-hours muted small">
                    {t('actual')}/{t('min')}
                  </td>
                  {c.days.map((x, d) => {
                    if (!x) return <td key={d} className={`cov none${view.days[d].weekend ? ' weekend' : ''}`} />;
                    const state = x.actual < x.min ? 'short' : x.actual < x.target ? 'below' : 'ok';
                    return (
                      <td
                        key={d}
                        className={`cov ${state}${view.days[d].weekend ? ' weekend' : ''}`}
                        title={`${c.shift}${c.competence ? ` (${c.competence})` : ''} ${fmtDate(view.days[d].date, lang)}: ${t('actual')} ${x.actual}, ${t('min')} ${x.min}, ${t('target')} ${x.target}`}
                        data-testid={state === 'short' ? 'coverage-short' : undefined}
                      >
                        {x.actual}/{x.min}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      </div>

      {pop && (
        <div className="popover" style={{ left: pop.x, top: pop.y }} role="dialog" data-testid="violation-popover">
          <div className="pop-head">
            <strong>
              {pop.kind === 'day' ? fmtLongDate(view.days[pop.d].date, lang) : emp(pop.e).name}
              {pop.kind === 'cell' && <span className="muted"> · {fmtLongDate(view.days[pop.d].date, lang)}</span>}
            </strong>
            <button type="button" className="linkbtn" onClick={() => setPop(null)} aria-label={t('close')}>
              ✕
            </button>
          </div>
          {popWishes.map((w, i) => (
            <p key={i} className={`pop-wish ${w.met ? 'met' : 'unmet'}`}>
              {w.met ? '✓' : '✗'} {wishText(w)}
            </p>
          ))}
          {popViolations.length === 0 && popWishes.length === 0 && <p className="muted">{t('noViolations')}</p>}
          {popViolations.map((v, i) => (
            <div key={i} className={`pop-v ${v.severity}`}>
              <div className="pop-title">
                <span className={`sev ${v.severity}`}>{v.severity === 'hard' ? '⛔' : '⚠'}</span> {lang === 'nb' ? v.title : v.titleEn} <span className="muted">({v.rule})</span>
              </div>
              <p>{lang === 'nb' ? v.message : v.messageEn}</p>
              <dl>
                <dt>{t('measured')}</dt>
                <dd data-testid="pop-measured">{fmtMeasure(v.measured, v.unit, lang)}</dd>
                <dt>{t('limit')}</dt>
                <dd data-testid="pop-limit">{fmtMeasure(v.limit, v.unit, lang)}</dd>
                <dt>{t('reference')}</dt>
                <dd data-testid="pop-reference">{v.reference}</dd>
              </dl>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
