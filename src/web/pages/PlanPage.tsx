/**
 * One plan: the rota grid with its checks, editing with instant re-check and undo/redo,
 * background generation with progress and cancel, the wish round, the workflow
 * (hearing → approval → publishing), the hearing (comments, approvals) and the change log.
 * What is shown follows the caller's permissions for the plan's unit.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, get, type Assignment, type GridPatch, type GridView, type Job, type PlanPage as PageData, type Session } from '../api';
import { AuditPanel } from '../components/AuditPanel';
import { CoverPanel } from '../components/CoverPanel';
import { PredictionShiftPanel } from '../components/PredictionShiftPanel';
import { GeneratePanel } from '../components/GeneratePanel';
import { HearingPanel } from '../components/HearingPanel';
import { RiskPanel } from '../components/RiskPanel';
import { RotaGrid, type CellRef } from '../components/RotaGrid';
import { StatusBadge } from '../components/StatusBadge';
import { ViolationList } from '../components/ViolationList';
import { VersionCompare } from '../components/VersionCompare';
import { WishRoundPanel } from '../components/WishRoundPanel';
import { applyGridPatch } from '../gridPatch';
import { fmtPeriod, pick, useI18n } from '../i18n';
import { Link, match } from '../router';

const pagePath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/page`;

/** The page's data asked for as the app starts on a plan's address, alongside the session check rather than after it. */
let early: { path: string; answer: Promise<PageData> } | null = null;
export function requestPlanPageEarly(path: string): void {
  const m = match('/planer/:id', path);
  if (!m) return;
  const answer = get<PageData>(pagePath(m.id));
  answer.catch(() => {}); // used (or asked again) by the page
  early = { path: pagePath(m.id), answer };
}
function pageData(planId: string): Promise<PageData> {
  const path = pagePath(planId);
  const e = early?.path === path ? early.answer : null;
  early = null;
  // A failed early answer (not signed in yet, say) is asked again.
  return e ? e.catch(() => get<PageData>(path)) : get<PageData>(path);
}

// The panels around the grid depend on the plan, not on the cells being edited: an edit does not re-render them.
const GeneratePanelM = memo(GeneratePanel);
const PredictionShiftPanelM = memo(PredictionShiftPanel);
const WishRoundPanelM = memo(WishRoundPanel);
const RiskPanelM = memo(RiskPanel);
const AuditPanelM = memo(AuditPanel);
const HearingPanelM = memo(HearingPanel);
const ViolationListM = memo(ViolationList);

interface Edit {
  e: number;
  d: number;
  before: string | null;
  after: string | null;
}

const cellsOf = (view: GridView) => view.employees.map((r) => [...r.cells]);

/** The cells that differ from the grid's own rota. */
function changesOf(view: GridView, cells: Array<Array<string | null>>) {
  const out: Array<{ employee: string; date: string; shift: string | null }> = [];
  view.employees.forEach((emp, e) => emp.cells.forEach((s, d) => cells[e][d] !== s && out.push({ employee: emp.id, date: view.days[d].date, shift: cells[e][d] })));
  return out;
}

const isTokenConflict = (e: unknown) => e instanceof ApiError && e.status === 409 && e.errors.some((x) => x.path === 'token');

function assignmentsOf(view: GridView, cells: Array<Array<string | null>>): Assignment[] {
  const out: Assignment[] = [];
  view.employees.forEach((emp, e) =>
    view.days.forEach((day, d) => {
      const s = cells[e][d];
      if (s) out.push({ employee: emp.id, date: day.date, shift: s });
    }),
  );
  return out;
}

export function PlanPage({ planId, session }: { planId: string; session: Session }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState<PageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<GridView | null>(null);
  const [cells, setCells] = useState<Array<Array<string | null>>>([]);
  const [history, setHistory] = useState({ undo: 0, redo: 0 });
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  // The instant re-check: the grid the edits start from (its rota and check token), the cells
  // edited since the last answer was applied, the newest cells, and one request at a time.
  const base = useRef<GridView | null>(null);
  const unreported = useRef(new Set<string>());
  const cellsNow = useRef<Array<Array<string | null>>>([]);
  const checkRun = useRef({ busy: false, again: false });
  const epoch = useRef(0);
  // An edit is recorded here at once and shown together with its re-check – the code, the moved
  // selection, the undo count and the new markers in one frame –, or after 50 ms when the answer
  // takes longer (then with "checking …").
  const undoNow = useRef<Edit[]>([]);
  const redoNow = useRef<Edit[]>([]);
  const selectedNow = useRef<CellRef | null>(null);
  const showTimer = useRef<number | undefined>(undefined);

  /** Shows the newest cells, selection and undo history. */
  const showEdits = useCallback(() => {
    window.clearTimeout(showTimer.current);
    showTimer.current = undefined;
    setCells(cellsNow.current);
    setSelected(selectedNow.current);
    setHistory({ undo: undoNow.current.length, redo: redoNow.current.length });
  }, []);

  const select = useCallback((c: CellRef | null) => {
    selectedNow.current = c;
    if (showTimer.current === undefined) setSelected(c);
  }, []);

  /** A grid from the server as the new starting point: shown as it is, edits start from it. */
  const reset = useCallback((v: GridView) => {
    epoch.current++;
    window.clearTimeout(showTimer.current);
    showTimer.current = undefined;
    base.current = v;
    unreported.current = new Set();
    const c = cellsOf(v);
    cellsNow.current = c;
    undoNow.current = [];
    redoNow.current = [];
    setView(v);
    setCells(c);
    setHistory({ undo: 0, redo: 0 });
  }, []);

  const load = useCallback(async () => {
    try {
      const p = await pageData(planId);
      setPage(p);
      reset(p.view);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 403 ? t('forbidden') : e.status === 404 ? t('notFound') : pick(e.message, lang)) : t('error'));
    }
  }, [planId, t, lang, reset]);

  useEffect(() => {
    void load();
  }, [load]);

  const can = useCallback((perm: string) => !!page?.permissions.includes(perm), [page]);
  const editable = !!page && page.plan.status === 'draft' && can('plan.edit') && page.view.access === 'full' && !(page.job && (page.job.status === 'running' || page.job.status === 'saving'));
  const dirty = history.undo > 0;

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  /**
   * One re-check of the newest cells: incrementally on the server (…/recheck: only the rows,
   * violations and coverage of the cells edited since the last answer come back and are merged
   * into the grid), or – without a valid check token – the whole rota (…/preview), as a new start.
   */
  const checkOnce = useCallback(async () => {
    const b = base.current;
    const sent = [...unreported.current];
    if (!b || !sent.length) return;
    const at = epoch.current;
    const cur = cellsNow.current;
    const path = `/api/plans/${encodeURIComponent(planId)}`;
    try {
      if (b.checkToken) {
        try {
          const edited = sent.map((k) => {
            const [e, d] = k.split(':').map(Number);
            return { employee: b.employees[e].id, date: b.days[d].date };
          });
          const patch = await api<GridPatch>('POST', `${path}/recheck`, { token: b.checkToken, changes: changesOf(b, cur), edited });
          if (at !== epoch.current) return;
          for (const k of sent) unreported.current.delete(k);
          showEdits();
          setView((v) => v && applyGridPatch(v, patch));
          return;
        } catch (e) {
          if (!isTokenConflict(e)) throw e;
        }
      }
      const v = await api<GridView>('POST', `${path}/preview`, { assignments: assignmentsOf(b, cur) });
      if (at !== epoch.current) return;
      for (const k of sent) unreported.current.delete(k);
      base.current = v;
      showEdits();
      setView(v);
    } catch (e) {
      if (at !== epoch.current) return;
      showEdits();
      setMessage({ kind: 'error', text: e instanceof Error ? pick(e.message, lang) : t('error') });
    }
  }, [planId, lang, t, showEdits]);

  /** Re-checks after an edit: at once, or – while a check is under way – right after it, with the newest cells. */
  const recheck = useCallback(async () => {
    const run = checkRun.current;
    if (run.busy) {
      run.again = true;
      return;
    }
    run.busy = true;
    try {
      do {
        run.again = false;
        await checkOnce();
      } while (run.again);
    } finally {
      run.busy = false;
      setChecking(false);
    }
  }, [checkOnce]);

  const apply = useCallback(
    (edits: Edit[], dir: 'do' | 'undo') => {
      // Only the edited rows get new arrays: the grid re-renders only those.
      const prev = cellsNow.current;
      const next = [...prev];
      for (const ed of dir === 'do' ? edits : [...edits].reverse()) {
        if (next[ed.e] === prev[ed.e]) next[ed.e] = [...prev[ed.e]];
        next[ed.e][ed.d] = dir === 'do' ? ed.after : ed.before;
        unreported.current.add(`${ed.e}:${ed.d}`);
      }
      cellsNow.current = next;
      if (showTimer.current === undefined)
        showTimer.current = window.setTimeout(() => {
          showEdits();
          if (checkRun.current.busy) setChecking(true);
        }, 50);
      void recheck();
    },
    [recheck, showEdits],
  );

  const onEdit = useCallback(
    (c: CellRef, code: string | null) => {
      if (!editable) return;
      const before = cellsNow.current[c.e][c.d];
      if (before === code) return;
      const ed = { e: c.e, d: c.d, before, after: code };
      undoNow.current = [...undoNow.current, ed];
      redoNow.current = [];
      apply([ed], 'do');
    },
    [editable, apply],
  );

  const doUndo = useCallback(() => {
    const last = undoNow.current[undoNow.current.length - 1];
    if (!last) return;
    undoNow.current = undoNow.current.slice(0, -1);
    redoNow.current = [...redoNow.current, last];
    apply([last], 'undo');
    select({ e: last.e, d: last.d });
  }, [apply, select]);

  const doRedo = useCallback(() => {
    const last = redoNow.current[redoNow.current.length - 1];
    if (!last) return;
    redoNow.current = redoNow.current.slice(0, -1);
    undoNow.current = [...undoNow.current, last];
    apply([last], 'do');
    select({ e: last.e, d: last.d });
  }, [apply, select]);

  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        doUndo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        doRedo();
      }
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [doUndo, doRedo]);

  const save = async () => {
    if (!page || !view) return;
    setBusy(true);
    try {
      const p = await api<PageData>('PUT', `/api/plans/${encodeURIComponent(planId)}/assignments`, { baseVersion: page.plan.version, assignments: assignmentsOf(view, cellsNow.current) });
      setPage(p);
      reset(p.view);
      setMessage({ kind: 'ok', text: `${t('saved')} – ${t('version').toLowerCase()} ${p.plan.version}` });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError && e.status === 409 ? pick(e.message, lang) : e instanceof Error ? pick(e.message, lang) : t('error') });
    } finally {
      setBusy(false);
    }
  };

  const move = async (status: string) => {
    if (!page || !view) return;
    if (status === 'hearing' && view.hardCount > 0 && !window.confirm(t('confirmHearingHard', { n: view.hardCount }))) return;
    if (status === 'draft' && !window.confirm(t('confirmDraft'))) return;
    setBusy(true);
    try {
      await api('POST', `/api/plans/${encodeURIComponent(planId)}/status`, { status });
      await load();
      setMessage(null);
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? pick(e.message, lang) : t('error') });
    } finally {
      setBusy(false);
    }
  };

  const onJobFinished = useCallback(
    async (job: Job) => {
      if (job.status === 'done') {
        await load();
        setMessage({ kind: 'ok', text: `${t('generateDone')} ${job.version}` });
      } else if (job.status === 'cancelled') setMessage({ kind: 'ok', text: t('generateCancelled') });
      else if (job.status === 'failed') setMessage({ kind: 'error', text: `${t('generateFailed')}: ${job.error ?? ''}` });
    },
    [load, t],
  );

  // Whether the grid has been painted once (then the panels below it are rendered).
  const [gridShown, setGridShown] = useState(false);
  useEffect(() => {
    if (!view || gridShown) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setGridShown(true))));
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [view, gridShown]);

  const totals = useMemo(() => {
    if (!view) return null;
    let met = 0;
    let total = 0;
    for (const e of view.employees) {
      met += e.wishesMet ?? 0;
      total += e.wishesTotal ?? 0;
    }
    return { wishPct: total > 0 ? Math.round((100 * met) / total) : null };
  }, [view]);

  if (error)
    return (
      <div className="card">
        <p className="error" role="alert" data-testid="page-error">
          {error}
        </p>
        <Link to="/">{t('back')}</Link>
      </div>
    );
  if (!page || !view) return <p className="loading">{t('loading')}</p>;

  const status = page.plan.status;
  const running = page.job && (page.job.status === 'running' || page.job.status === 'saving');
  const selEmp = selected ? view.employees[selected.e] : null;

  return (
    <div className="planpage">
      <div className="planhead">
        <div>
          <div className="crumbs">
            <Link to="/">{t('home')}</Link> › {page.unit.name}
          </div>
          <h1>
            {page.plan.name} <StatusBadge status={status} />
          </h1>
          <p className="muted">
            {fmtPeriod(page.plan.start, page.plan.end, lang)} · {t('version')} <span data-testid="plan-version">{page.plan.version}</span> · {view.employees.length} {t('employees').toLowerCase()}
          </p>
        </div>
        <div className="actions">
          {status === 'draft' && can('plan.edit') && page.view.access === 'full' && (
            <Link to={`/planer/${encodeURIComponent(planId)}/innstillinger`} className="button">
              {lang === 'nb' ? 'Innstillinger' : 'Settings'}
            </Link>
          )}
          <a className="button" href={`/api/plans/${page.plan.id}/export.xlsx`} data-testid="export-xlsx">
            {t('exportExcel')}
          </a>
          <a className="button" href={`/api/plans/${page.plan.id}/export.pdf`} target="_blank" rel="noreferrer" data-testid="export-pdf">
            {t('exportPdf')}
          </a>
          {status === 'draft' && can('plan.sendToHearing') && (
            <button type="button" onClick={() => move('hearing')} disabled={busy || dirty || !!running || page.plan.assignmentCount === 0} data-testid="to-hearing">
              {t('sendToHearing')}
            </button>
          )}
          {status === 'hearing' && can('plan.approve') && (
            <button type="button" className="primary" onClick={() => move('approved')} disabled={busy} data-testid="approve-plan">
              {t('approve')}
            </button>
          )}
          {status === 'approved' && can('plan.publish') && (
            <button type="button" className="primary" onClick={() => move('published')} disabled={busy} data-testid="publish">
              {t('publish')}
            </button>
          )}
          {((status === 'hearing' || status === 'approved') && can('plan.edit')) || (status === 'published' && can('plan.approve')) ? (
            <button type="button" onClick={() => move('draft')} disabled={busy} data-testid="to-draft">
              {t('backToDraft')}
            </button>
          ) : null}
        </div>
      </div>

      {message && (
        <p className={message.kind === 'ok' ? 'ok' : 'error'} role="status" data-testid="message">
          {message.text}
        </p>
      )}

      {view.access !== 'published' && (
        <div className="summary" data-testid="summary">
          <span className={`count ${view.hardCount ? 'hard' : 'zero'}`} data-testid="hard-count">
            {view.hardCount}
          </span>{' '}
          {t('hard')}
          <span className={`count ${view.softCount ? 'soft' : 'zero'}`}>{view.softCount}</span> {t('soft')}
          {totals?.wishPct !== null && totals?.wishPct !== undefined && (
            <>
              <span className="count neutral">{totals.wishPct} %</span> {t('fulfilment').toLowerCase()}
            </>
          )}
          {checking && <span className="muted small"> · {t('loading')}</span>}
        </div>
      )}

      {page.view.access === 'full' && status === 'draft' && can('plan.generate') && <GeneratePanelM planId={planId} initialJob={page.job} disabled={dirty} onFinished={onJobFinished} />}

      {editable && (
        <div className="editbar">
          <div className="palette" role="toolbar" aria-label={t('shift')}>
            {view.shiftTypes.map((s) => (
              <button
                key={s.code}
                type="button"
                className={`chip cat-${s.category}`}
                disabled={!selected}
                title={`${s.code} ${s.name} ${s.start}–${s.end}`}
                onClick={() => selected && onEdit(selected, s.code)}
                data-testid={`palette-${s.code}`}
              >
                {s.code}
              </button>
            ))}
            <button type="button" className="chip free" disabled={!selected} onClick={() => selected && onEdit(selected, null)} data-testid="palette-free">
              {t('free')}
            </button>
          </div>
          <button type="button" onClick={doUndo} disabled={!history.undo} data-testid="undo">
            ↶ {t('undo')}
          </button>
          <button type="button" onClick={doRedo} disabled={!history.redo}>
            ↷ {t('redo')}
          </button>
          <button type="button" className="primary" onClick={save} disabled={!dirty || busy} data-testid="save">
            {t('save')}
            {dirty ? ` (${history.undo})` : ''}
          </button>
          <span className="muted small">{selEmp && selected ? `${selEmp.name}, ${view.days[selected.d].date}` : t('editHelp')}</span>
        </div>
      )}
      {!editable && page.view.access === 'full' && status !== 'draft' && <p className="muted small">{t('readOnly')}</p>}

      <RotaGrid view={view} cells={cells} editable={editable} selected={selected} onSelect={select} onEdit={onEdit} highlight={session.user.employeeId} />
      <LegendM view={view} />

      {page.view.access !== 'published' && <ViolationListM view={view} />}
      {/* The panels below the grid come a frame after it: their requests do not compete with its first paint. */}
      {gridShown && can('absence.forecast') && can('plan.edit') && page.view.access === 'full' && status === 'draft' && (
        <PredictionShiftPanelM planId={planId} version={page.plan.version} editable={!dirty} onChanged={load} />
      )}
      {gridShown && can('absence.manage') && page.view.access === 'full' && status !== 'draft' && <CoverPanel planId={planId} version={page.plan.version} employees={view.employees} onChanged={load} />}
      {gridShown && can('wishes.manage') && page.view.access === 'full' && <WishRoundPanelM planId={planId} status={status} round={page.wishRound} onChanged={load} />}
      {gridShown && can('hearing.comment') && page.view.access !== 'published' && <RiskPanelM planId={planId} version={page.plan.version} status={status} />}
      {gridShown && can('hearing.comment') && page.view.access !== 'published' && <HearingPanelM page={page} view={view} userId={session.user.id} />}
      {gridShown && page.view.access !== 'published' && page.plan.version > 1 && <VersionCompare planId={planId} version={page.plan.version} />}
      {gridShown && can('audit.view') && page.view.access !== 'published' && <AuditPanelM planId={planId} version={page.plan.version} />}
    </div>
  );
}

const LegendM = memo(function Legend({ view }: { view: GridView }) {
  const { t } = useI18n();
  return (
    <div className="legend">
      <strong>{t('legend')}:</strong>
      {view.shiftTypes.map((s) => (
        <span key={s.code} className="legend-item">
          <span className={`chip cat-${s.category}`}>{s.code}</span> {s.name} {s.start}–{s.end}
        </span>
      ))}
      <span className="legend-item">
        <span className="swatch weekend" /> {t('weekend')}
      </span>
      <span className="legend-item">
        <span className="swatch red" /> {t('redDay')}
      </span>
      {view.access !== 'published' && (
        <>
          <span className="legend-item">
            <span className="mark hard demo" /> {t('hard')}
          </span>
          <span className="legend-item">
            <span className="mark soft demo" /> {t('soft')}
          </span>
        </>
      )}
      <span className="legend-item">
        <span className="wish met">✓</span> {t('wishMet')}
      </span>
      <span className="legend-item">
        <span className="wish unmet">✗</span> {t('wishNotMet')}
      </span>
    </div>
  );
});
