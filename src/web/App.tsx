/** The app shell: session, language, navigation, and the pages. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, get, setCsrf, setUnauthorizedHandler, type Session } from './api';
import { I18nContext, initialLang, makeT, useI18n, type Lang } from './i18n';
import { AbsencePage } from './pages/AbsencePage';
import { HeltidPage } from './pages/HeltidPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MyAbsencePage } from './pages/MyAbsencePage';
import { MyRotaPage } from './pages/MyRotaPage';
import { PlanPage } from './pages/PlanPage';
import { NewPlanPage, PlanSettingsPage } from './pages/PlanSettingsPage';
import { ScenarioPage } from './pages/ScenarioPage';
import { StaffPage } from './pages/StaffPage';
import { canSeeUnits, UnitsPage } from './pages/UnitsPage';
import { ChangePasswordPage, UsersPage } from './pages/UsersPage';
import { WishFormPage } from './pages/WishFormPage';
import { Link, match, Router, useRouter } from './router';

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(
    () => ({
      lang,
      t: makeT(lang),
      setLang: (l: Lang) => {
        setLangState(l);
        try {
          localStorage.setItem('bemanna.lang', l);
        } catch {
          /* ignore */
        }
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang === 'nb' ? 'nb' : 'en';
  }, [lang]);
  return (
    <I18nContext.Provider value={i18n}>
      <Router>
        <Shell />
      </Router>
    </I18nContext.Provider>
  );
}

function Shell() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const onSession = useCallback((s: Session | null) => {
    if (s) setCsrf(s.csrfToken);
    setSession(s);
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => setSession(null));
    get<Session>('/api/session').then(onSession, () => onSession(null));
  }, [onSession]);

  if (session === undefined) return <div className="loading">{t('loading')}</div>;
  if (session === null) return <LoginPage onLogin={onSession} />;
  const reload = () => get<Session>('/api/session').then(onSession, () => onSession(null));
  if (session.user.passwordChangeRequired)
    return (
      <main className="content">
        <ChangePasswordPage required onChanged={reload} />
      </main>
    );
  return <SignedIn session={session} onLogout={() => setSession(null)} onReload={reload} />;
}

function SignedIn({ session, onLogout, onReload }: { session: Session; onLogout: () => void; onReload: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { path } = useRouter();
  const isEmployee = !!session.user.employeeId && session.user.roles.some((r) => r.role === 'employee');
  const canMetrics = session.units.some((u) => u.permissions.includes('absence.history'));
  const scenarioUnit = session.units.find((u) => u.permissions.includes('plan.edit'));
  const canScenarios = !!scenarioUnit;
  const canUnits = canSeeUnits(session);
  const logout = async () => {
    try {
      await api('POST', '/api/logout');
    } finally {
      onLogout();
    }
  };
  let page;
  let m: Record<string, string> | null;
  if (path === '/' || path === '') page = <HomePage session={session} />;
  else if ((m = match('/planer/:id', path))) page = <PlanPage key={m.id} planId={m.id} session={session} />;
  else if ((m = match('/planer/:id/innstillinger', path))) page = <PlanSettingsPage key={m.id} planId={m.id} session={session} />;
  else if ((m = match('/enheter/:id/ny-plan', path))) page = <NewPlanPage key={m.id} unitId={m.id} session={session} />;
  else if (path === '/min-turnus') page = <MyRotaPage />;
  else if (path === '/onsker') page = <WishFormPage />;
  else if (path === '/meld-fravaer') page = <MyAbsencePage session={session} />;
  else if ((m = match('/enheter/:id/fravaer', path))) page = <AbsencePage key={m.id} unitId={m.id} session={session} />;
  else if (path === '/heltid' && canMetrics) page = <HeltidPage session={session} />;
  else if ((m = match('/enheter/:id/scenarioer', path)) && canScenarios) page = <ScenarioPage key={m.id} unitId={m.id} session={session} />;
  else if ((m = match('/enheter/:id/ansatte', path))) page = <StaffPage key={m.id} unitId={m.id} session={session} />;
  else if ((m = match('/enheter/:id/brukere', path))) page = <UsersPage key={m.id} unitId={m.id} session={session} />;
  else if (path === '/enheter' && canUnits) page = <UnitsPage session={session} onSessionChange={onReload} />;
  else if (path === '/passord') page = <ChangePasswordPage required={false} onChanged={() => {}} />;
  else page = <p className="notice">{t('notFound')}</p>;

  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <nav className="mainnav">
          <Link to="/" className={path === '/' ? 'active' : ''}>
            {t('home')}
          </Link>
          {isEmployee && (
            <Link to="/min-turnus" className={path === '/min-turnus' ? 'active' : ''}>
              {t('myRota')}
            </Link>
          )}
          {isEmployee && (
            <Link to="/onsker" className={path === '/onsker' ? 'active' : ''}>
              {t('wishForm')}
            </Link>
          )}
          {isEmployee && (
            <Link to="/meld-fravaer" className={path === '/meld-fravaer' ? 'active' : ''}>
              {t('abs.report')}
            </Link>
          )}
          {canMetrics && (
            <Link to="/heltid" className={path === '/heltid' ? 'active' : ''}>
              {t('hk.link')}
            </Link>
          )}
          {canUnits && (
            <Link to="/enheter" className={path === '/enheter' ? 'active' : ''}>
              {t('un.link')}
            </Link>
          )}
          {scenarioUnit && (
            <Link to={`/enheter/${encodeURIComponent(scenarioUnit.id)}/scenarioer`} className={path.endsWith('/scenarioer') ? 'active' : ''}>
              {t('sc.link')}
            </Link>
          )}
        </nav>
        <div className="userbox">
          <button type="button" className="linkbtn" onClick={() => setLang(lang === 'nb' ? 'en' : 'nb')} data-testid="lang-switch">
            {t('language')}
          </button>
          <Link to="/passord" className="username">
            {session.user.displayName}
          </Link>
          <button type="button" className="linkbtn" onClick={logout} data-testid="logout">
            {t('logout')}
          </button>
        </div>
      </header>
      <main className="content">{page}</main>
    </div>
  );
}
