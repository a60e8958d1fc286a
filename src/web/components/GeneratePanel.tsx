/**
 * Generate in the background: start, a progress bar polled from the server, cancel. The job
 * lives on the server, so leaving the page and coming back picks the running job up again.
 */
import { useEffect, useRef, useState } from 'react';
import { api, get, type Job } from '../api';
import { fmtNum, pick, useI18n } from '../i18n';

const CHOICES = [5, 15, 30, 60, 120];

export function GeneratePanel({ planId, initialJob, disabled, onFinished }: { planId: string; initialJob: Job | null; disabled: boolean; onFinished: (job: Job) => void }) {
  const { t, lang } = useI18n();
  const [job, setJob] = useState<Job | null>(initialJob);
  const [seconds, setSeconds] = useState(30);
  const [error, setError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const running = job?.status === 'running' || job?.status === 'saving';
  const path = `/api/plans/${encodeURIComponent(planId)}/generate`;

  useEffect(() => {
    if (!running) return;
    let stop = false;
    const tick = async () => {
      try {
        const r = await get<{ job: Job | null }>(path);
        if (stop) return;
        setJob(r.job);
        if (r.job && r.job.status !== 'running' && r.job.status !== 'saving') finished.current(r.job);
      } catch (e) {
        if (!stop) setError(e instanceof Error ? pick(e.message, lang) : String(e));
      }
    };
    const id = window.setInterval(tick, 600);
    return () => {
      stop = true;
      window.clearInterval(id);
    };
  }, [running, path, lang]);

  const start = async () => {
    setError(null);
    try {
      const r = await api<{ job: Job }>('POST', path, { seconds });
      setJob(r.job);
    } catch (e) {
      setError(e instanceof Error ? pick(e.message, lang) : String(e));
    }
  };
  const cancel = async () => {
    try {
      const r = await api<{ job: Job | null }>('DELETE', path);
      if (r.job) setJob(r.job);
    } catch (e) {
      setError(e instanceof Error ? pick(e.message, lang) : String(e));
    }
  };

  const pct = job ? Math.round(job.fraction * 100) : 0;
  return (
    <div className="card generate" data-testid="generate-panel">
      {!running ? (
        <div className="row">
          <button type="button" className="primary" onClick={start} disabled={disabled} data-testid="generate">
            {t('generate')}
          </button>
          <label className="inline">
            <select value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} data-testid="generate-seconds">
              {CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s} {t('seconds')}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : (
        <div className="row">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="generate-progress">
            <div className="bar" style={{ width: `${pct}%` }} />
            <span className="label">
              {t('generating')} {pct} %
            </span>
          </div>
          <button type="button" onClick={cancel} disabled={job?.status === 'saving'} data-testid="generate-cancel">
            {t('cancel')}
          </button>
          {job?.best && (
            <span className="muted small">
              {t('bestSoFar')}: {fmtNum(job.best.hard, lang, 0)} / {fmtNum(job.best.soft, lang, 0)} · {fmtNum(job.elapsedMs / 1000, lang, 0)} {t('seconds')}
            </span>
          )}
        </div>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
