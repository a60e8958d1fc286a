/**
 * One plan: the rota grid with its checks, editing with instant re-check and undo/redo,
 * background generation with progress and cancel, the wish round, the workflow
 * (hearing → approval → publishing), the hearing (comments, approvals) and the change log.
 * What is shown follows the caller's permissions for the plan's unit.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, get, type Assignment, type GridView, type Job, type PlanPage as PageData, type Session } from '../api';
import { AuditPanel } from '../components/AuditPanel';
import { CoverPanel } from '../components/CoverPanel';
import { PredictionShiftPanel } from '../components/PredictionShiftPanel';
import { GeneratePanel } from '../components/GeneratePanel';
import { HearingPanel } from '../components/HearingPanel';
import { RiskPanel } from '../components/RiskPanel';
import { RotaGrid, type CellRef } from '../components/RotaGrid';
import { StatusBadge } from '../components/StatusBadge';
import { ViolationList } from '../components/ViolationList';
import { WishRoundPanel } from '../components/WishRoundPanel';
import { fmtPeriod, pick, useI18n } from '../i18n';
import { Link } from '../router';

interface Edit {
  e: number;
  d: number;
  before: string | null;
  after: string | null;
}

const cellsOf = (view: GridView) => view.employees.map((r) => [...r.cells]);

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
  const [undo, setUndo] = useState<Edit[]>([]);
  const [redo, setRedo] = useState<Edit[]>([]);
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const previewSeq = useRef(0);
  const previewTimer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const p = await get<PageData>(`/api/plans/${encodeURIComponent(planId)}/page`);
      setPage(p);
      setView(p.view);
      setCells(cellsOf(p.view));
      setUndo([]);
      setRedo([]);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 403 ? t('forbidden') : e.status === 404 ? t('notFound') : pick(e.message, lang)) : t('error'));
    }
  }, [planId, t, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  const can = useCallback((perm: string) => !!page?.permissions.includes(perm), [page]);
  const editable = !!page && page.plan.status === 'draft' && can('plan.edit') && page.view.access === 'full' && !(page.job && (page.job.status === 'running' || page.job.status === 'saving'));
  const dirty = undo.length > 0;

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

  /** Instant re-check: the server checks the working copy (debounced), the newest answer wins. */
  const schedulePreview = useCallback(
    (next: Array<Array<string | null>>) => {
      if (!view) return;
      window.clearTimeout(previewTimer.current);
      const seq = ++previewSeq.current;
      setChecking(true);
      previewTimer.current = window.setTimeout(async () => {
        try {
          const v = await api<GridView>('POST', `/api/plans/${encodeURIComponent(planId)}/preview`, { assignments: assignmentsOf(view, next) });
          if (seq === previewSeq.current) {
            setView(v);
            setChecking(false);
          }
        } catch (e) {
          if (seq === previewSeq.current) {
            setChecking(false);
            setMessage({ kind: 'error', text: e instanceof Error ? pick(e.message, lang) : t('error') });
          }
        }
      }, 120);
    },
    [view, planId, lang, t],
  );

  const apply = useCallback(
    (edits: Edit[], dir: 'do' | 'undo') => {
      const next = cells.map((r) => [...r]);
      for (const ed of dir === 'do' ? edits : [...edits].reverse()) next[ed.e][ed.d] = dir === 'do' ? ed.after : ed.before;
      setCells(next);
      schedulePreview(next);
    },
    [cells, schedulePreview],
  );

  const onEdit = useCallback(
    (c: CellRef, code: string | null) => {
      if (!editable) return;
      const before = cells[c.e][c.d];
      if (before === code) return;
      const ed = { e: c.e, d: c.d, before, after: code };
      setUndo((u) => [...u, ed]);
      setRedo([]);
      apply([ed], 'do');
    },
    [cells, editable, apply],
  );

  const doUndo = useCallback(() => {
    const last = undo[undo.length - 1];
    if (!last) return;
    setUndo(undo.slice(0, -1));
    setRedo([...redo, last]);
    apply([last], 'undo');
    setSelected({ e: last.e, d: last.d });
  }, [undo, redo, apply]);

  const doRedo = useCallback(() => {
    const last = redo[redo.length - 1];
    if (!last) return;
    setRedo(redo.slice(0, -1));
    setUndo([...undo, last]);
    apply([last], 'do');
    setSelected({ e: last.e, d: last.d });
  }, [undo, redo, apply]);

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
      const p = await api<PageData>('PUT', `/api/plans/${encodeURIComponent(planId)}/assignments`, { baseVersion: page.plan.version, assignments: assignmentsOf(view, cells) });
      setPage(p);
      setView(p.view);
      setCells(cellsOf(p.view));
      setUndo([]);
      setRedo([]);
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

      {page.view.access === 'full' && status === 'draft' && can('plan.generate') && <GeneratePanel planId={planId} initialJob={page.job} disabled={dirty} onFinished={onJobFinished} />}

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
          <button type="button" onClick={doUndo} disabled={!undo.length} data-testid="undo">
            ↶ {t('undo')}
          </button>
          <button type="button" onClick={doRedo} disabled={!redo.length}>
            ↷ {t('redo')}
          </button>
          <button type="button" className="primary" onClick={save} disabled={!dirty || busy} data-testid="save">
            {t('save')}
            {dirty ? ` (${undo.length})` : ''}
          </button>
          <span className="muted small">{selEmp && selected ? `${selEmp.name}, ${view.days[selected.d].date}` : t('editHelp')}</span>
        </div>
      )}
      {!editable && page.view.access === 'full' && status !== 'draft' && <p className="muted small">{t('readOnly')}</p>}

      <RotaGrid view={view} cells={cells} editable={editable} selected={selected} onSelect={setSelected} onEdit={onEdit} highlight={session.user.employeeId} />
      <Legend view={view} />

      {page.view.access !== 'published' && <ViolationList view={view} />}
      {can('absence.forecast') && can('plan.edit') && page.view.access === 'full' && status === 'draft' && (
        <PredictionShiftPanel planId={planId} version={page.plan.version} editable={!dirty} onChanged={load} />
      )}
      {can('absence.manage') && page.view.access === 'full' && status !== 'draft' && <CoverPanel planId={planId} version={page.plan.version} employees={view.employees} onChanged={load} />}
      {can('wishes.manage') && page.view.access === 'full' && <WishRoundPanel planId={planId} status={status} round={page.wishRound} onChanged={load} />}
      {can('hearing.comment') && page.view.access !== 'published' && <RiskPanel planId={planId} version={page.plan.version} status={status} />}
      {can('hearing.comment') && page.view.access !== 'published' && <HearingPanel page={page} view={view} userId={session.user.id} />}
      {can('audit.view') && page.view.access !== 'published' && <AuditPanel planId={planId} version={page.plan.version} />}
    </div>
  );
}

function Legend({ view }: { view: GridView }) {
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
}
