/**
 * The rota grid: employees as rows, dates as columns (week numbers above), shift codes in
 * fixed colours by category, weekends and red days shaded, sticky name and hours columns,
 * coverage rows per shift and competence at the bottom (red where short), wish markers
 * (met / not met), and a marker on every cell that breaks a rule, opening a popover with
 * message, measured value, limit and legal reference. Editing is keyboard- and mouse-driven
 * and handled by the parent through `onEdit`.
 *
 * A year is 30 × 364 cells, all in the DOM: rows, day headers and coverage rows are memoised
 * components, and the violations and wishes are grouped per row in arrays that keep their
 * identity while their members do (the page merges a re-check into the grid without replacing
 * unchanged parts), so an edit or a selection re-renders only the rows it touches. The table is
 * laid out as independent rows (styles.css), with the hours column sized here as a table would
 * size it, so an edit lays out one row. Cell events are delegated.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { CoverageRow, Day, EmployeeRow, GridView, ShiftType, Violation, Wish } from '../api';
import { absenceLabel, fmtDate, fmtDayMonth, fmtLongDate, fmtMeasure, fmtNum, useI18n, wdShort, type Lang } from '../i18n';

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
  /** Selects a cell; the parent may show it a moment later (with an edit's re-check): keys act on the newest selection meanwhile. */
  onSelect: (c: CellRef | null) => void;
  onEdit?: (c: CellRef, code: string | null) => void;
  /** Highlight this employee's row (the signed-in employee). */
  highlight?: string | null;
}

type PopTarget = { kind: 'cell'; e: number; d: number } | { kind: 'row'; e: number } | { kind: 'day'; d: number };
type Popover = PopTarget & { x: number; y: number };

/** Each body row: name, hours, then one cell per day. */
const FIRST_DAY_CELL = 2;

const isRowLevel = (v: Violation) => v.rule === 'TAR-04' || (v.dates.length === 2 && Date.parse(v.dates[1]) - Date.parse(v.dates[0]) > 13 * 86_400_000);

/** One employee's violations: all of them, by day (cell markers) and the period-long ones (row marker). */
interface RowMarks {
  list: Violation[];
  byDay: Map<number, Violation[]>;
  row: Violation[] | undefined;
}

const NO_MARKS: RowMarks = { list: [], byDay: new Map(), row: undefined };
const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function rowMarks(list: Violation[], dayIndex: Map<string, number>): RowMarks {
  if (!list.length) return NO_MARKS;
  const byDay = new Map<number, Violation[]>();
  const row: Violation[] = [];
  for (const v of list) {
    if (isRowLevel(v)) {
      row.push(v);
      continue;
    }
    let any = false;
    for (const date of v.dates) {
      const d = dayIndex.get(date);
      if (d === undefined) continue;
      const l = byDay.get(d);
      if (l) l.push(v);
      else byDay.set(d, [v]);
      any = true;
    }
    if (!any) row.push(v);
  }
  return { list, byDay, row: row.length ? row : undefined };
}

/**
 * `items` grouped by row (`slot`), each group made by `build`; a group holding the same objects
 * as in the last render is reused as it was (while `slot` and `build` stay the same).
 */
function useStableGroups<T, G extends { list: readonly T[] }>(items: readonly T[], count: number, slot: (x: T) => number | undefined, build: (list: T[]) => G): G[] {
  const prev = useRef<{ groups: G[]; slot: unknown; build: unknown }>({ groups: [], slot: null, build: null });
  return useMemo(() => {
    const lists: T[][] = Array.from({ length: count }, () => []);
    for (const x of items) {
      const i = slot(x);
      if (i !== undefined) lists[i].push(x);
    }
    const reuse = prev.current.slot === slot && prev.current.build === build;
    const groups = lists.map((list, i) => {
      const old = reuse ? prev.current.groups[i] : undefined;
      return old !== undefined && sameItems(old.list, list) ? old : build(list);
    });
    prev.current = { groups, slot, build };
    return groups;
  }, [items, count, slot, build]);
}

/** What every row needs and that changes only with the period, the shift types or the language. */
interface RowContext {
  days: Day[];
  /** «mandag 4. januar» per day, for the cell titles. */
  dayNames: string[];
  lang: Lang;
  t: ReturnType<typeof useI18n>['t'];
  category: Map<string, string>;
  shiftByCode: Map<string, ShiftType>;
  /** TAR-04's tolerance over the period: 0.25 h per week. */
  hoursTolerance: number;
  openRow: (target: HTMLElement, e: number) => void;
}

export function RotaGrid({ view, cells, editable, selected, onSelect, onEdit, highlight }: Props) {
  const { t, lang } = useI18n();
  const [pop, setPop] = useState<Popover | null>(null);
  const typed = useRef<{ buf: string; at: number }>({ buf: '', at: 0 });
  const gridRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  /** The cell of employee e on day d (rows and cells by position: name and hours come first). */
  const cellElement = (e: number, d: number) => tableRef.current?.tBodies[0]?.rows[e]?.cells[FIRST_DAY_CELL + d];

  // The newest selection: the one shown, or a newer one this grid asked for and the parent has not shown yet.
  const asked = useRef<{ shown: CellRef | null; now: CellRef | null }>({ shown: null, now: null });
  const newest = () => (asked.current.shown === selected ? asked.current.now : selected);
  const select = (c: CellRef | null) => {
    asked.current = { shown: selected, now: c };
    onSelect(c);
  };

  const dayIndex = useMemo(() => new Map(view.days.map((d, i) => [d.date, i])), [view.days]);
  // By the ids, not the row objects: a re-check replaces the rows it reports.
  const empIds = view.employees.map((e) => e.id).join('\n');
  const empIndex = useMemo(() => new Map(empIds ? empIds.split('\n').map((id, i) => [id, i]) : []), [empIds]);
  const category = useMemo(() => new Map(view.shiftTypes.map((s) => [s.code, s.category])), [view.shiftTypes]);
  const shiftByCode = useMemo(() => new Map(view.shiftTypes.map((s) => [s.code, s])), [view.shiftTypes]);

  // Violations by row (an employee's) and by day (unit-level ones, or of someone not in the grid).
  const rowOf = useCallback((v: Violation) => (v.employee === null ? undefined : empIndex.get(v.employee)), [empIndex]);
  const buildMarks = useCallback((list: Violation[]) => rowMarks(list, dayIndex), [dayIndex]);
  const marks = useStableGroups(view.violations, view.employees.length, rowOf, buildMarks);
  const unitViolations = useMemo(() => view.violations.filter((v) => rowOf(v) === undefined), [view.violations, rowOf]);
  const byDay = useMemo(() => {
    const lists: Violation[][] = view.days.map(() => []);
    for (const v of unitViolations)
      for (const date of v.dates) {
        const d = dayIndex.get(date);
        if (d !== undefined) lists[d].push(v);
      }
    return lists;
  }, [unitViolations, view.days, dayIndex]);
  const prevByDay = useRef<Violation[][]>([]);
  const stableByDay = useMemo(() => {
    const out = byDay.map((list, d) => (prevByDay.current[d] && sameItems(prevByDay.current[d], list) ? prevByDay.current[d] : list));
    prevByDay.current = out;
    return out;
  }, [byDay]);

  const wishRow = useCallback((w: Wish) => (dayIndex.has(w.date) ? empIndex.get(w.employee) : undefined), [empIndex, dayIndex]);
  const buildWishes = useCallback(
    (list: Wish[]) => {
      const byDay = new Map<number, Wish[]>();
      for (const w of list) {
        const d = dayIndex.get(w.date)!;
        byDay.set(d, [...(byDay.get(d) ?? []), w]);
      }
      return { list, byDay };
    },
    [dayIndex],
  );
  const wishes = useStableGroups(view.wishes, view.employees.length, wishRow, buildWishes);

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
    cellElement(selected.e, selected.d)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  // The hours column is as wide as its widest cell (at least its min-width), as a table column
  // would be: the rows are laid out one by one (see styles.css), so the width is set on each cell.
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const cells = [...table.querySelectorAll<HTMLElement>('.c-hours')];
    if (!cells.length) return;
    const range = document.createRange();
    const st = getComputedStyle(cells[0]);
    const extra = parseFloat(st.paddingLeft) + parseFloat(st.paddingRight) + parseFloat(st.borderLeftWidth) + parseFloat(st.borderRightWidth);
    let widest = 0;
    for (const cell of cells) {
      range.selectNodeContents(cell);
      widest = Math.max(widest, range.getBoundingClientRect().width + extra);
    }
    const px = `${Math.ceil(widest * 64) / 64}px`;
    for (const cell of cells) if (cell.style.width !== px) cell.style.width = px;
  });

  const openAt = useCallback((target: HTMLElement, p: PopTarget) => {
    const r = target.getBoundingClientRect();
    const x = Math.min(window.innerWidth - 380, Math.max(8, r.left));
    const y = r.bottom + 6 + 320 > window.innerHeight ? Math.max(8, r.top - 6 - 320) : r.bottom + 6;
    setPop({ ...p, x, y });
  }, []);

  const rowCtx = useMemo<RowContext>(
    () => ({
      days: view.days,
      dayNames: view.days.map((d) => fmtLongDate(d.date, lang)),
      lang,
      t,
      category,
      shiftByCode,
      hoursTolerance: 0.25 * (view.days.length / 7),
      openRow: (target, e) => openAt(target, { kind: 'row', e }),
    }),
    [view.days, lang, t, category, shiftByCode, openAt],
  );
  const openDay = useCallback((target: HTMLElement, d: number) => openAt(target, { kind: 'day', d }), [openAt]);

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const current = newest();
    if (!current) return;
    const { e, d } = current;
    const move = (de: number, dd: number) => {
      ev.preventDefault();
      select({ e: Math.max(0, Math.min(view.employees.length - 1, e + de)), d: Math.max(0, Math.min(view.days.length - 1, d + dd)) });
    };
    if (ev.key === 'ArrowLeft') return move(0, -1);
    if (ev.key === 'ArrowRight' || (ev.key === 'Tab' && !ev.shiftKey)) return move(0, 1);
    if (ev.key === 'ArrowUp') return move(-1, 0);
    if (ev.key === 'ArrowDown') return move(1, 0);
    if (ev.key === 'Tab' && ev.shiftKey) return move(0, -1);
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const el = cellElement(e, d);
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
        if (d < view.days.length - 1) select({ e, d: d + 1 });
      }
    }
  };

  // Cell events, delegated: a press selects the cell, the corner marker opens the popover, a double click too.
  const cellAt = (target: EventTarget): { td: HTMLTableCellElement; e: number; d: number } | null => {
    const td = (target as HTMLElement).closest?.<HTMLTableCellElement>('tbody td.cell');
    if (!td || !gridRef.current?.contains(td)) return null;
    return { td, e: (td.parentElement as HTMLTableRowElement).sectionRowIndex, d: td.cellIndex - FIRST_DAY_CELL };
  };
  const onMouseDown = (ev: MouseEvent<HTMLDivElement>) => {
    if ((ev.target as HTMLElement).closest?.('.cell-mark')) return;
    const c = cellAt(ev.target);
    if (c) select({ e: c.e, d: c.d });
  };
  const onClick = (ev: MouseEvent<HTMLDivElement>) => {
    const mark = (ev.target as HTMLElement).closest?.<HTMLElement>('.cell-mark');
    const c = mark && cellAt(mark);
    if (!mark || !c) return;
    select({ e: c.e, d: c.d });
    openAt(mark, { kind: 'cell', e: c.e, d: c.d });
  };
  const onDoubleClick = (ev: MouseEvent<HTMLDivElement>) => {
    const c = cellAt(ev.target);
    if (c && c.td.querySelector('.cell-mark, .wish')) openAt(c.td, { kind: 'cell', e: c.e, d: c.d });
  };

  const emp = (e: number) => view.employees[e];
  const popViolations: Violation[] = !pop ? [] : pop.kind === 'cell' ? (marks[pop.e]?.byDay.get(pop.d) ?? []) : pop.kind === 'row' ? (marks[pop.e]?.row ?? []) : stableByDay[pop.d];
  const popWishes: Wish[] = pop?.kind === 'cell' ? (wishes[pop.e]?.byDay.get(pop.d) ?? []) : [];

  return (
    <div className="grid-wrap">
      <div
        className="grid-scroll"
        ref={gridRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        role="grid"
        aria-label="Turnus"
        data-testid="rota-grid"
      >
        <table className="rota" ref={tableRef}>
          <thead style={{ gridTemplateColumns: `auto auto repeat(${view.days.length}, 2.6rem)` }}>
            <tr className="weeks">
              <th className="sticky c-name" rowSpan={2}>
                {t('person')}
              </th>
              <th className="sticky c-hours" rowSpan={2}>
                {t('hoursCol')}
              </th>
              {weeks.map((w, i) => (
                <th key={i} colSpan={w.span} className="week" style={{ gridColumn: `span ${w.span}` }}>
                  {t('week')} {w.week}
                </th>
              ))}
            </tr>
            <tr className="days">
              {view.days.map((day, d) => (
                <DayHead key={day.date} day={day} d={d} unitV={stableByDay[d]} lang={lang} violationsLabel={t('violations')} onOpen={openDay} />
              ))}
            </tr>
          </thead>
          <tbody>
            {view.employees.map((row, e) => (
              <GridRow
                key={row.id}
                row={row}
                e={e}
                codes={cells[e]}
                marks={marks[e]}
                wishes={wishes[e].byDay}
                sel={selected?.e === e ? selected.d : -1}
                me={highlight === row.id}
                ctx={rowCtx}
              />
            ))}
          </tbody>
          {view.coverage.length > 0 && (
            <tfoot>
              {view.coverage.map((c) => (
                <CoverageLine key={`${c.shift}|${c.competence ?? ''}`} c={c} days={view.days} category={category} lang={lang} t={t} />
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
              {w.met ? '✓' : '✗'} {wishText(w, t)}
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

function wishText(w: Wish, t: RowContext['t']): string {
  const what = w.shift === null ? t('wishDayOff') : `${w.kind === 'want' ? t('wishWant') : t('wishAvoid')} ${w.shift}`;
  return `${t('wishes')}: ${what} – ${w.met ? t('wishMet').toLowerCase() : t('wishNotMet').toLowerCase()}`;
}

const DayHead = memo(function DayHead({
  day,
  d,
  unitV,
  lang,
  violationsLabel,
  onOpen,
}: {
  day: Day;
  d: number;
  unitV: Violation[];
  lang: Lang;
  violationsLabel: string;
  onOpen: (target: HTMLElement, d: number) => void;
}) {
  const hard = unitV.some((v) => v.severity === 'hard');
  return (
    <th
      className={`day${day.weekend ? ' weekend' : ''}${day.red ? ' red' : ''}${day.weekday === 0 ? ' mon' : ''}`}
      title={[fmtDate(day.date, lang), day.holiday ? (lang === 'nb' ? day.holiday : (day.holidayEn ?? day.holiday)) : ''].filter(Boolean).join(' – ')}
    >
      <span className="wd">{wdShort(day.weekday, lang)}</span>
      <span className="dm">{fmtDayMonth(day.date, lang)}</span>
      {unitV.length > 0 && (
        <button
          type="button"
          className={`mark day-mark ${hard ? 'hard' : 'soft'}`}
          aria-label={`${unitV.length} ${violationsLabel}`}
          data-testid={`day-violation-${day.date}`}
          onClick={(ev) => onOpen(ev.currentTarget, d)}
        >
          {unitV.length}
        </button>
      )}
    </th>
  );
});

const GridRow = memo(function GridRow({
  row,
  e,
  codes,
  marks,
  wishes,
  sel,
  me,
  ctx,
}: {
  row: EmployeeRow;
  e: number;
  codes: Array<string | null> | undefined;
  marks: RowMarks;
  wishes: Map<number, Wish[]>;
  /** The selected day in this row, or -1. */
  sel: number;
  me: boolean;
  ctx: RowContext;
}) {
  const { days, dayNames, lang, t, category, shiftByCode } = ctx;
  const rowV = marks.row;
  const off = row.positionHours !== null && Math.abs(row.plannedHours - row.positionHours) > ctx.hoursTolerance;
  return (
    <tr className={me ? 'me' : ''} data-employee={row.id}>
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
            onClick={(ev) => ctx.openRow(ev.currentTarget, e)}
          >
            !
          </button>
        )}
      </td>
      {days.map((day, d) => {
        const code = codes?.[d] ?? null;
        const absence = row.absences[d];
        const v = marks.byDay.get(d);
        const w = wishes.get(d);
        const selected = sel === d;
        const hard = v?.some((x) => x.severity === 'hard');
        let cls = code ? `cell cat-${category.get(code) ?? 'day'}` : absence ? 'cell absence' : 'cell free';
        if (day.weekend) cls += ' weekend';
        if (day.red) cls += ' red';
        if (day.weekday === 0) cls += ' mon';
        if (selected) cls += ' selected';
        if (v) cls += hard ? ' v-hard' : ' v-soft';
        if (w) cls += ' wished';
        const st = code ? shiftByCode.get(code) : undefined;
        let title = `${row.name}, ${dayNames[d]}\n${st ? `${st.code} ${st.start}–${st.end}` : absence ? absenceLabel(absence, lang).name : t('free')}`;
        if (w) for (const x of w) title += `\n${wishText(x, t)}`;
        if (v) for (const x of v) title += `\n${lang === 'nb' ? x.message : x.messageEn}`;
        return (
          <td key={day.date} className={cls} data-testid={`cell-${row.id}-${day.date}`} title={title} aria-selected={selected}>
            <span className="code">{code ?? (absence ? absenceLabel(absence, lang).code : '')}</span>
            {w && (
              <span className={`wish ${w.every((x) => x.met) ? 'met' : 'unmet'}`} aria-label={w.map((x) => wishText(x, t)).join('; ')}>
                {w.every((x) => x.met) ? '✓' : '✗'}
              </span>
            )}
            {v && <button type="button" className={`mark cell-mark ${hard ? 'hard' : 'soft'}`} aria-label={`${v.length} ${t('violations')}`} data-testid="violation-marker" />}
          </td>
        );
      })}
    </tr>
  );
});

const CoverageLine = memo(function CoverageLine({ c, days, category, lang, t }: { c: CoverageRow; days: Day[]; category: Map<string, string>; lang: Lang; t: RowContext['t'] }) {
  return (
    <tr className="coverage">
      <th className="sticky c-name" scope="row">
        <span className={`chip cat-${category.get(c.shift) ?? 'day'}`}>{c.shift}</span> {c.competence ?? t('total')}
      </th>
      <td className="sticky c-hours muted small">
        {t('actual')}/{t('min')}
      </td>
      {c.days.map((x, d) => {
        if (!x) return <td key={d} className={`cov none${days[d].weekend ? ' weekend' : ''}`} />;
        const state = x.actual < x.min ? 'short' : x.actual < x.target ? 'below' : 'ok';
        return (
          <td
            key={d}
            className={`cov ${state}${days[d].weekend ? ' weekend' : ''}`}
            title={`${c.shift}${c.competence ? ` (${c.competence})` : ''} ${fmtDate(days[d].date, lang)}: ${t('actual')} ${x.actual}, ${t('min')} ${x.min}, ${t('target')} ${x.target}`}
            data-testid={state === 'short' ? 'coverage-short' : undefined}
          >
            {x.actual}/{x.min}
          </td>
        );
      })}
    </tr>
  );
});
