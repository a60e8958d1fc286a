/** The overview: each unit the user has a role in, with the plans they may see and what to do next. */
import { useEffect, useState } from 'react';
import { get, type PlanSummary, type Session, type WishForm } from '../api';
import { fmtPeriod, useI18n, type MsgKey } from '../i18n';
import { Link } from '../router';
import { StatusBadge } from '../components/StatusBadge';

export function HomePage({ session }: { session: Session }) {
  const { t } = useI18n();
  const isEmployee = !!session.user.employeeId && session.user.roles.some((r) => r.role === 'employee');
  const [forms, setForms] = useState<WishForm[]>([]);
  useEffect(() => {
    if (isEmployee) get<{ forms: WishForm[] }>('/api/me/wish-forms').then((r) => setForms(r.forms), () => setForms([]));
  }, [isEmployee]);

  return (
    <div className="home">
      <h1>
        {t('overview')} <span className="muted">· {session.user.displayName}</span>
      </h1>
      {isEmployee && (
        <section className="card quick">
          <Link to="/min-turnus" className="bigbtn">
            {t('myRota')}
          </Link>
          <Link to="/onsker" className="bigbtn">
            {t('wishForm')}
            {forms.length > 0 && <span className="pill warn">{t('wishesOpen')}</span>}
          </Link>
          <Link to="/meld-fravaer" className="bigbtn">
            {t('abs.report')}
          </Link>
        </section>
      )}
      {session.units.some((u) => u.permissions.includes('absence.history')) && (
        <p className="unit-links">
          <Link to="/heltid" className="button">
            {t('hk.link')}
          </Link>
        </p>
      )}
      {session.units.map((u) => (
        <UnitCard key={u.id} unitId={u.id} name={u.name} roles={u.roles} permissions={u.permissions} />
      ))}
    </div>
  );
}

function UnitCard({ unitId, name, roles, permissions }: { unitId: string; name: string; roles: string[]; permissions: string[] }) {
  const { t, lang } = useI18n();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  useEffect(() => {
    get<{ plans: PlanSummary[] }>(`/api/units/${encodeURIComponent(unitId)}/plans`).then((r) => setPlans(r.plans), () => setPlans([]));
  }, [unitId]);
  return (
    <section className="card unit" data-testid={`unit-${unitId}`}>
      <h2>
        {name}
        <span className="roles">
          {roles.map((r) => (
            <span key={r} className="pill">
              {t(`role.${r}` as MsgKey)}
            </span>
          ))}
        </span>
      </h2>
      {permissions.includes('employees.manage') && (
        <p className="unit-links">
          <Link to={`/enheter/${encodeURIComponent(unitId)}/ansatte`} className="button">
            {t('st.link')}
          </Link>
          {permissions.includes('users.manage') && (
            <Link to={`/enheter/${encodeURIComponent(unitId)}/brukere`} className="button">
              {t('us.link')}
            </Link>
          )}
        </p>
      )}
      {permissions.includes('absence.forecast') && (
        <p className="unit-links">
          <Link to={`/enheter/${encodeURIComponent(unitId)}/fravaer`} className="button">
            {t('abs.link')}
          </Link>
          {permissions.includes('plan.edit') && (
            <Link to={`/enheter/${encodeURIComponent(unitId)}/scenarioer`} className="button">
              {t('sc.link')}
            </Link>
          )}
        </p>
      )}
      {permissions.includes('plan.edit') && plans !== null && (
        <p className="unit-links">
          <Link to={`/enheter/${encodeURIComponent(unitId)}/ny-plan`} className="button">
            {lang === 'nb' ? '+ Ny plan' : '+ New plan'}
          </Link>
        </p>
      )}
      {plans === null ? (
        <p className="muted">{t('loading')}</p>
      ) : plans.length === 0 ? (
        <p className="muted">{t('noPlans')}</p>
      ) : (
        <table className="plans">
          <thead>
            <tr>
              <th>{t('plans')}</th>
              <th>{t('period')}</th>
              <th>{t('status')}</th>
              <th className="n">{t('version')}</th>
              <th className="n">{t('employees')}</th>
              <th className="n">{t('shifts')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/planer/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                </td>
                <td>{fmtPeriod(p.start, p.end, lang)}</td>
                <td>
                  <StatusBadge status={p.status} />
                </td>
                <td className="n">{p.version}</td>
                <td className="n">{p.employeeCount}</td>
                <td className="n">{p.assignmentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
