import { useEffect, useState } from 'react';
import { get, type AuditEntry } from '../api';
import { fmtDateTime, useI18n } from '../i18n';

const ACTIONS: Record<string, [string, string]> = {
  'plan.save': ['Plan lagret', 'Plan saved'],
  'plan.edit': ['Turnus endret', 'Rota edited'],
  'plan.generate': ['Turnus generert', 'Rota generated'],
  'plan.generate.start': ['Generering startet', 'Generation started'],
  'plan.generate.cancel': ['Generering avbrutt', 'Generation cancelled'],
  'plan.status.hearing': ['Sendt til høring', 'Sent to hearing'],
  'plan.status.approved': ['Plan godkjent', 'Plan approved'],
  'plan.status.published': ['Publisert', 'Published'],
  'plan.status.draft': ['Tilbake til utkast', 'Back to draft'],
  'hearing.comment': ['Kommentar', 'Comment'],
  'hearing.approve': ['Godkjenning (høring)', 'Approval (hearing)'],
  'wishes.round.open': ['Ønskerunde åpnet', 'Wish round opened'],
  'wishes.round.close': ['Ønskerunde stengt', 'Wish round closed'],
  'wishes.submit': ['Ønsker sendt', 'Wishes sent'],
  'plan.create': ['Plan opprettet', 'Plan created'],
  'plan.settings': ['Innstillinger endret', 'Settings changed'],
  'plan.predictionShifts': ['Prediksjonsvakter lagt inn', 'Prediction shifts added'],
  'cover.confirm': ['Fravær dekket', 'Absence covered'],
};

/** A readable name for an action the list above does not know: never the raw code alone. */
function actionLabel(action: string, lang: 'nb' | 'en'): string {
  const known = ACTIONS[action];
  if (known) return known[lang === 'nb' ? 0 : 1];
  return `${lang === 'nb' ? 'Endring' : 'Change'} (${action})`;
}

export function AuditPanel({ planId, version }: { planId: string; version: number }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    if (!open) return;
    get<{ entries: AuditEntry[] }>(`/api/plans/${encodeURIComponent(planId)}/audit`).then((r) => setEntries(r.entries), () => setEntries([]));
  }, [open, planId, version]);
  return (
    <details className="card panel" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="audit-panel">
      <summary>{t('auditLog')}</summary>
      {entries === null ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <table className="list">
          <tbody>
            {entries.map((e) => {
              const d = e.details as { version?: number; changedCells?: number; role?: string; from?: string; to?: string; hardCount?: number | null };
              return (
                <tr key={e.id}>
                  <td className="nowrap">{fmtDateTime(e.at, lang)}</td>
                  <td>{e.actor}</td>
                  <td>{actionLabel(e.action, lang)}</td>
                  <td className="muted">
                    {d.version !== undefined && `${t('version').toLowerCase()} ${d.version}`}
                    {d.changedCells !== undefined && ` · ${d.changedCells} ${lang === 'nb' ? 'celler' : 'cells'}`}
                    {d.hardCount !== undefined && d.hardCount !== null && ` · ${d.hardCount} ${t('hard')}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}
