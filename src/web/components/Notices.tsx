/** The employee's notices: changes to their shifts (a cover they were given, their absence registered). */
import { useEffect, useState } from 'react';
import { api, get } from '../api';
import { fmtDateTime, useI18n } from '../i18n';

interface Notice {
  id: number;
  messageNb: string;
  messageEn: string;
  createdAt: string;
  readAt: string | null;
}

export function Notices() {
  const { lang } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    get<{ notices: Notice[] }>('/api/me/notices').then((r) => setNotices(r.notices), () => setNotices([]));
  }, []);
  const unread = notices.filter((n) => !n.readAt);
  if (!unread.length) return null;
  const markRead = async () => {
    await api('POST', '/api/me/notices/read');
    setNotices(notices.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })));
  };
  return (
    <div className="card notices" role="status" data-testid="notices">
      <strong>{lang === 'nb' ? 'Endringer i vaktene dine' : 'Changes to your shifts'}</strong>
      <ul>
        {unread.map((n) => (
          <li key={n.id}>
            {lang === 'nb' ? n.messageNb : n.messageEn} <span className="muted small">{fmtDateTime(n.createdAt, lang)}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={markRead} data-testid="notices-read">
        {lang === 'nb' ? 'Merk som lest' : 'Mark as read'}
      </button>
    </div>
  );
}
