import { useState } from 'react';
import type { GridView } from '../api';
import { fmtDate, fmtMeasure, useI18n } from '../i18n';

export function ViolationList({ view }: { view: GridView }) {
  const { t, lang } = useI18n();
  // A year's rota can have thousands of violations: the table is built only when the list is opened.
  const [open, setOpen] = useState(false);
  if (view.violations.length === 0) return null;
  return (
    <details className="card panel" data-testid="violation-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('allViolations')} ({view.violations.length})
      </summary>
      {open && (
        <table className="list">
          <thead>
            <tr>
              <th />
              <th>{t('person')}</th>
              <th>{t('period')}</th>
              <th>{t('violations')}</th>
              <th className="n">{t('measured')}</th>
              <th className="n">{t('limit')}</th>
              <th>{t('reference')}</th>
            </tr>
          </thead>
          <tbody>
            {view.violations.map((v, i) => (
              <tr key={i} className={v.severity}>
                <td>{v.severity === 'hard' ? '⛔' : '⚠'}</td>
                <td>{v.employeeName ?? '–'}</td>
                <td className="nowrap">{v.dates.length > 1 ? `${fmtDate(v.dates[0], lang)}–${fmtDate(v.dates[v.dates.length - 1], lang)}` : v.dates[0] ? fmtDate(v.dates[0], lang) : ''}</td>
                <td>
                  <strong>{lang === 'nb' ? v.title : v.titleEn}</strong> <span className="muted">({v.rule})</span>
                  <br />
                  {lang === 'nb' ? v.message : v.messageEn}
                </td>
                <td className="n nowrap">{fmtMeasure(v.measured, v.unit, lang)}</td>
                <td className="n nowrap">{fmtMeasure(v.limit, v.unit, lang)}</td>
                <td>{v.reference}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
