import { useState, type FormEvent } from 'react';
import { api, ApiError, type Session } from '../api';
import { pick, useI18n } from '../i18n';

export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await api<Session>('POST', '/api/login', { username, password }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('loginFailed') : err instanceof Error ? pick(err.message, lang) : t('error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card loginbox" onSubmit={submit}>
        <div className="login-head">
          <h1>{t('appName')}</h1>
          <button type="button" className="linkbtn" onClick={() => setLang(lang === 'nb' ? 'en' : 'nb')} data-testid="lang-switch">
            {t('language')}
          </button>
        </div>
        <p className="muted">{t('tagline')}</p>
        <label>
          {t('username')}
          <input name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('loggingIn') : t('login')}
        </button>
        <p className="muted small">{t('demoHint')}</p>
      </form>
    </div>
  );
}
