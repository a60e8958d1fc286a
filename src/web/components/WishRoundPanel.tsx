import { useEffect, useState } from 'react';
import { api, get, type PlanStatus, type WishRound } from '../api';
import { fmtDate, fmtDateTime, pick, useI18n } from '../i18n';

interface Submission {
  employeeId: string;
  name: string;
  submittedAt: string | null;
  wishCount: number;
  desiredPositionPercent: number | null;
  longShifts: string | null;
  note: string | null;
}

export function WishRoundPanel({ planId, status, round, onChanged }: { planId: string; status: PlanStatus; round: WishRound | null; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [subs, setSubs] = useState<Submission[] | null>(null);
  const [deadline, setDeadline] = useState(round?.deadline ?? '');
  const [error, setError] = useState<string | null>(null);
  const path = `/api/plans/${encodeURIComponent(planId)}/wish-round`;

  useEffect(() => {
    get<{ submissions: Submission[] }>(path).then((r) => setSubs(r.submissions), () => setSubs([]));
  }, [path, round]);

  const toggle = async (open: boolean) => {
    setError(null);
    try {
      await api('POST', path, { open, deadline: deadline || null });
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? pick(e.message, lang) : String(e));
    }
  };

  const sent = subs?.filter((s) => s.submittedAt) ?? [];
  return (
    <details className="card panel" open={!!round?.isOpen} data-testid="wish-round-panel">
      <summary>
        {t('wishRound')}: <strong>{round?.isOpen ? t('wishRoundOpen') : t('wishRoundClosed')}</strong>
        {round?.deadline && ` · ${t('deadline')} ${fmtDate(round.deadline, lang)}`}
        {subs && ` · ${sent.length} ${t('of')} ${subs.length} ${t('submitted')}`}
      </summary>
      <div className="row">
        {status === 'draft' && !round?.isOpen && (
          <>
            <label className="inline">
              {t('deadline')} <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
            </label>
            <button type="button" onClick={() => toggle(true)} data-testid="open-wish-round">
              {t('openWishRound')}
            </button>
          </>
        )}
        {round?.isOpen && (
          <button type="button" onClick={() => toggle(false)} data-testid="close-wish-round">
            {t('closeWishRound')}
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {sent.length > 0 && (
        <table className="list">
          <tbody>
            {sent.map((s) => (
              <tr key={s.employeeId}>
                <td>{s.name}</td>
                <td className="nowrap">{s.submittedAt && fmtDateTime(s.submittedAt, lang)}</td>
                <td className="n">{s.wishCount}</td>
                <td>{s.desiredPositionPercent ? `${s.desiredPositionPercent} %` : ''}</td>
                <td>{s.longShifts ? t(s.longShifts === 'yes' ? 'yes' : s.longShifts === 'no' ? 'no' : 'indifferent') : ''}</td>
                <td>{s.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
