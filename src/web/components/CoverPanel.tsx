/**
 * The day of absence in the plan page (leaders and planners): absences that still need cover,
 * registering one, the proposed cover per lost shift (prediction shift → own staff → pool →
 * substitute) with one confirm action, and planned vs actual for the shifts that changed.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, get, type EmployeeRow } from '../api';
import { fmtDate, pick, useI18n } from '../i18n';

type Kind = 'self_certified' | 'doctor_certified' | 'sick_child' | 'leave';
type CoverKind = 'prediction' | 'own' | 'pool' | 'substitute';

interface Candidate {
  kind: CoverKind;
  employee: string | null;
  name: string;
  had: string | null;
  competenceMatch: boolean;
  hoursAfter: number | null;
  positionHours: number | null;
  coversTaken: number;
  overtime: boolean;
  cost: number;
}
interface Need {
  date: string;
  shift: string;
  competence: string | null;
  absentName: string;
  predictionShiftLost: boolean;
  candidates: Candidate[];
}
interface OpenAbsence {
  id: number;
  employee: string;
  name: string;
  from: string;
  to: string;
  kind: Kind;
  shifts: number;
}
interface Actual {
  date: string;
  shift: string;
  plannedEmployee: string | null;
  actualEmployee: string | null;
  actualCompetence: string | null;
  coverKind: string;
  substituteName?: string | null;
}

const TEXT = {
  nb: {
    title: 'Fravær og dekning',
    open: 'Fravær som mangler dekning',
    none: 'Ingen registrert fravær mangler dekning.',
    find: 'Finn dekning',
    register: 'Registrer fravær',
    employee: 'Ansatt',
    from: 'Fra',
    to: 'Til',
    kind: 'Type',
    shifts: 'vakter',
    proposals: 'Forslag til dekning',
    confirm: 'Bekreft dekning',
    confirmed: 'Dekningen er lagret som versjon',
    lost: 'Prediksjonsvakten faller bort – ingen dekning trengs.',
    need: 'trenger',
    anyComp: 'alle',
    actual: 'Planlagt mot faktisk (endrede vakter)',
    planned: 'Planlagt',
    worked: 'Faktisk',
    how: 'Dekning',
    nothing: 'Ingen endringer ennå.',
    hours: 'timer etter / stilling',
    covers: 'ekstravakter',
    overtime: 'overtid',
    match: 'riktig kompetanse',
    mismatch: 'annen kompetanse',
    cost: 'kostnad',
    kinds: { self_certified: 'Egenmelding', doctor_certified: 'Sykmelding', sick_child: 'Sykt barn', leave: 'Permisjon' },
    cover: { prediction: 'Prediksjonsvakt', own: 'Egen ansatt', pool: 'Ressurspool', substitute: 'Vikar', uncovered: 'Ikke dekket', planned: 'Som planlagt' },
  },
  en: {
    title: 'Absence and cover',
    open: 'Absences that need cover',
    none: 'No registered absence needs cover.',
    find: 'Find cover',
    register: 'Register absence',
    employee: 'Employee',
    from: 'From',
    to: 'To',
    kind: 'Kind',
    shifts: 'shifts',
    proposals: 'Proposed cover',
    confirm: 'Confirm cover',
    confirmed: 'The cover is saved as version',
    lost: 'The prediction shift is lost – no cover needed.',
    need: 'needs',
    anyComp: 'any',
    actual: 'Planned vs actual (changed shifts)',
    planned: 'Planned',
    worked: 'Actual',
    how: 'Cover',
    nothing: 'No changes yet.',
    hours: 'hours after / position',
    covers: 'extra shifts',
    overtime: 'overtime',
    match: 'right competence',
    mismatch: 'other competence',
    cost: 'cost',
    kinds: { self_certified: 'Self-certified', doctor_certified: 'Doctor-certified', sick_child: 'Sick child', leave: 'Leave' },
    cover: { prediction: 'Prediction shift', own: 'Own staff', pool: 'Pool', substitute: 'Substitute', uncovered: 'Not covered', planned: 'As planned' },
  },
} as const;

export function CoverPanel({ planId, version, employees, onChanged }: { planId: string; version: number; employees: EmployeeRow[]; onChanged: () => void }) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const base = `/api/plans/${encodeURIComponent(planId)}`;
  const [open, setOpen] = useState<OpenAbsence[] | null>(null);
  const [actuals, setActuals] = useState<Actual[] | null>(null);
  const [form, setForm] = useState<{ employee: string; from: string; to: string; kind: Kind }>({ employee: employees[0]?.id ?? '', from: '', to: '', kind: 'self_certified' });
  const [absenceId, setAbsenceId] = useState<number | undefined>(undefined);
  const [needs, setNeeds] = useState<Need[] | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const name = new Map(employees.map((e) => [e.id, e.name]));

  const reload = useCallback(() => {
    get<{ absences: OpenAbsence[] }>(`${base}/cover/open`).then((r) => setOpen(r.absences), () => setOpen([]));
    get<{ shifts: Actual[] }>(`${base}/actuals`).then((r) => setActuals(r.shifts.filter((s) => s.coverKind !== 'planned')), () => setActuals([]));
  }, [base]);
  useEffect(reload, [reload, version]);

  const propose = async (a: { employee: string; from: string; to: string; kind: Kind }, id?: number) => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const r = await api<{ needs: Need[] }>('POST', `${base}/cover/proposals`, a);
      setForm(a);
      setAbsenceId(id);
      setNeeds(r.needs);
      const first: Record<string, string> = {};
      for (const n of r.needs) if (n.candidates.length) first[`${n.date}|${n.shift}`] = n.candidates[0].employee ?? '';
      setChoice(first);
    } catch (e) {
      setError(e instanceof Error ? pick(e.message, lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!needs) return;
    setError(null);
    setBusy(true);
    try {
      const choices = needs
        .filter((n) => !n.predictionShiftLost && `${n.date}|${n.shift}` in choice)
        .map((n) => ({ date: n.date, shift: n.shift, employee: choice[`${n.date}|${n.shift}`] || null }));
      const r = await api<{ planVersion: number }>('POST', `${base}/cover`, { baseVersion: version, absence: form, ...(absenceId !== undefined ? { absenceId } : {}), choices });
      setDone(r.planVersion);
      setNeeds(null);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? pick(e.message, lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card panel" open data-testid="cover-panel">
      <summary>
        {T.title}
        {open && open.length > 0 && ` · ${open.length} ${T.open.toLowerCase()}`}
      </summary>

      <h4>{T.open}</h4>
      {open && open.length === 0 && <p className="muted small">{T.none}</p>}
      {open && open.length > 0 && (
        <table className="list">
          <tbody>
            {open.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td className="nowrap">
                  {fmtDate(a.from, lang)}–{fmtDate(a.to, lang)}
                </td>
                <td>{T.kinds[a.kind] ?? a.kind}</td>
                <td className="n">
                  {a.shifts} {T.shifts}
                </td>
                <td>
                  <button type="button" disabled={busy} onClick={() => propose({ employee: a.employee, from: a.from, to: a.to, kind: a.kind }, a.id)}>
                    {T.find}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>{T.register}</h4>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void propose(form);
        }}
      >
        <label className="inline">
          {T.employee}{' '}
          <select value={form.employee} onChange={(e) => setForm({ ...form, employee: e.target.value })} data-testid="cover-employee">
            {employees.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {T.from} <input type="date" required value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value, to: form.to && form.to >= e.target.value ? form.to : e.target.value })} data-testid="cover-from" />
        </label>
        <label className="inline">
          {T.to} <input type="date" required value={form.to} min={form.from} onChange={(e) => setForm({ ...form, to: e.target.value })} data-testid="cover-to" />
        </label>
        <label className="inline">
          {T.kind}{' '}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })} data-testid="cover-kind">
            {(Object.keys(T.kinds) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {T.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !form.employee} data-testid="cover-propose">
          {T.find}
        </button>
      </form>
      {error && <p className="error">{error}</p>}
      {done !== null && (
        <p className="ok" data-testid="cover-done">
          {T.confirmed} {done}.
        </p>
      )}

      {needs && (
        <div data-testid="cover-proposals">
          <h4>
            {T.proposals}: {name.get(form.employee) ?? form.employee}, {fmtDate(form.from, lang)}–{fmtDate(form.to, lang)}
          </h4>
          {needs.map((n) => {
            const key = `${n.date}|${n.shift}`;
            return (
              <fieldset key={key} className="cover-need">
                <legend>
                  {fmtDate(n.date, lang)} {n.shift} — {T.need} {n.competence ?? T.anyComp}
                </legend>
                {n.predictionShiftLost && <p className="muted small">{T.lost}</p>}
                {n.candidates.map((c, i) => (
                  <label key={`${c.kind}-${c.employee ?? 'sub'}`} className="cover-candidate">
                    <input type="radio" name={key} checked={(choice[key] ?? null) === (c.employee ?? '')} onChange={() => setChoice({ ...choice, [key]: c.employee ?? '' })} data-testid={`cover-choice-${i}`} />
                    <span className={`cover-kind ${c.kind}`}>{T.cover[c.kind]}</span> <strong>{c.name}</strong>
                    {c.had && <span className="chip cat-prediction">{c.had}</span>}{' '}
                    {c.kind !== 'substitute' && <span className={c.competenceMatch ? 'ok' : 'warn'}>{c.competenceMatch ? T.match : T.mismatch}</span>}
                    {c.hoursAfter !== null && (
                      <span className="muted small">
                        {' '}
                        · {c.hoursAfter} / {c.positionHours} {T.hours}
                      </span>
                    )}
                    {c.employee && (
                      <span className="muted small">
                        {' '}
                        · {c.coversTaken} {T.covers}
                      </span>
                    )}
                    {c.overtime && <span className="warn"> · {T.overtime}</span>}
                    <span className="muted small">
                      {' '}
                      · {T.cost} {c.cost.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB')}
                    </span>
                  </label>
                ))}
              </fieldset>
            );
          })}
          <button type="button" className="primary" disabled={busy} onClick={confirm} data-testid="cover-confirm">
            {T.confirm}
          </button>
        </div>
      )}

      <h4>{T.actual}</h4>
      {actuals && actuals.length === 0 && <p className="muted small">{T.nothing}</p>}
      {actuals && actuals.length > 0 && (
        <table className="list" data-testid="cover-actuals">
          <thead>
            <tr>
              <th />
              <th />
              <th>{T.planned}</th>
              <th>{T.worked}</th>
              <th>{T.how}</th>
            </tr>
          </thead>
          <tbody>
            {actuals.map((a, i) => (
              <tr key={i}>
                <td className="nowrap">{fmtDate(a.date, lang)}</td>
                <td>{a.shift}</td>
                <td>{a.plannedEmployee ? (name.get(a.plannedEmployee) ?? a.plannedEmployee) : ''}</td>
                <td>
                  {a.actualEmployee ? (name.get(a.actualEmployee) ?? a.actualEmployee) : (a.substituteName ?? '')}
                  {a.actualCompetence ? ` (${a.actualCompetence})` : ''}
                </td>
                <td>{T.cover[a.coverKind as keyof typeof T.cover] ?? a.coverKind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
