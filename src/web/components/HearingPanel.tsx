/** The hearing: comments on the plan or on one person's line, and recorded approvals (who, when, which version). */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, get, type Approval, type Comment, type GridView, type PlanPage } from '../api';
import { fmtDateTime, pick, useI18n, type MsgKey } from '../i18n';

export function HearingPanel({ page, view, userId }: { page: PlanPage; view: GridView; userId: string }) {
  const { t, lang } = useI18n();
  const [comments, setComments] = useState<Comment[]>([]);
  const [approvals, setApprovals] = useState<Approval[]>([]);
  const [body, setBody] = useState('');
  const [about, setAbout] = useState('');
  const [approvalNote, setApprovalNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const base = `/api/plans/${encodeURIComponent(page.plan.id)}`;
  const names = new Map(view.employees.map((e) => [e.id, e.name]));

  const load = useCallback(async () => {
    const r = await get<{ comments: Comment[]; approvals: Approval[] }>(`${base}/hearing`);
    setComments(r.comments);
    setApprovals(r.approvals);
  }, [base]);
  useEffect(() => {
    void load();
  }, [load, page.plan.version, page.plan.status]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', `${base}/comments`, { body, employee: about || null });
      setBody('');
      await load();
    } catch (err) {
      setError(err instanceof Error ? pick(err.message, lang) : String(err));
    }
  };

  const myRepRoles = (['union_rep', 'safety_rep'] as const).filter(
    (r) => page.permissions.includes('hearing.approve') && page.roles.includes(r) && !approvals.some((a) => a.userId === userId && a.role === r && a.planVersion === page.plan.version),
  );
  const approve = async (role: 'union_rep' | 'safety_rep') => {
    setError(null);
    try {
      await api('POST', `${base}/approvals`, { role, comment: approvalNote || undefined });
      setApprovalNote('');
      await load();
    } catch (err) {
      setError(err instanceof Error ? pick(err.message, lang) : String(err));
    }
  };

  return (
    <section className="card panel hearing" data-testid="hearing-panel">
      <h2>{t('hearing')}</h2>
      <div className="hearing-cols">
        <div>
          <h3>{t('approvals')}</h3>
          {approvals.length === 0 ? (
            <p className="muted">{t('noApprovals')}</p>
          ) : (
            <ul className="approvals" data-testid="approvals">
              {approvals.map((a) => (
                <li key={a.id} className={a.planVersion === page.plan.version ? '' : 'stale'}>
                  ✔ <strong>{a.approver}</strong> ({t(`role.${a.role}` as MsgKey)}) · {fmtDateTime(a.approvedAt, lang)} · {t('approvedVersion')} {a.planVersion}
                  {a.planVersion !== page.plan.version && <span className="muted"> – {t('staleApproval')}</span>}
                  {a.comment && <div className="muted">«{a.comment}»</div>}
                </li>
              ))}
            </ul>
          )}
          {page.plan.status === 'hearing' && myRepRoles.length > 0 && (
            <div className="approve-box">
              <input placeholder={t('optionalNote')} value={approvalNote} onChange={(e) => setApprovalNote(e.target.value)} />
              {myRepRoles.map((r) => (
                <button key={r} type="button" className="primary" onClick={() => approve(r)} data-testid={`approve-as-${r}`}>
                  {t('approveAs')} {t(`role.${r}` as MsgKey).toLowerCase()}
                </button>
              ))}
            </div>
          )}
        </div>
        <div>
          <h3>{t('comments')}</h3>
          {comments.length === 0 ? (
            <p className="muted">{t('noComments')}</p>
          ) : (
            <ul className="comments" data-testid="comments">
              {comments.map((c) => (
                <li key={c.id}>
                  <div className="muted small">
                    {c.author} ({t(`role.${c.role}` as MsgKey)}) · {fmtDateTime(c.createdAt, lang)} · {t('approvedVersion')} {c.planVersion}
                    {c.employeeId && (
                      <>
                        {' '}
                        · {t('aboutPerson')}: <strong>{names.get(c.employeeId) ?? c.employeeId}</strong>
                      </>
                    )}
                  </div>
                  <div>{c.body}</div>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={submit} className="comment-form">
            <label>
              {t('aboutPerson')}{' '}
              <select value={about} onChange={(e) => setAbout(e.target.value)} data-testid="comment-about">
                <option value="">{t('wholePlan')}</option>
                {view.employees.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </label>
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} required maxLength={4000} placeholder={t('addComment')} data-testid="comment-body" />
            <button type="submit" disabled={!body.trim()} data-testid="comment-send">
              {t('send')}
            </button>
          </form>
          {error && <p className="error">{error}</p>}
        </div>
      </div>
    </section>
  );
}

