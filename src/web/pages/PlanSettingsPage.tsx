/**
 * The planner's settings of a draft plan: shift types, the staffing plan as a weekday × shift ×
 * competence grid (min and target), and the rule set — every parameter with its KS default, the
 * range the law allows (alone and with an agreement) and the legal reference, checked as it is
 * typed (bokmål field errors) and again by the server (GET/PUT /api/plans/:id/settings).
 * Also the "new plan" form (/enheter/:id/ny-plan): a draft for a period from the unit's latest plan.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, get, type PlanSummary, type Session } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { fmtNum, fmtPeriod, pick, useI18n, type Lang } from '../i18n';
import { Link, useRouter } from '../router';

interface ShiftType {
  code: string;
  name?: string;
  start: string;
  end: string;
  breakMinutes?: number;
  breakPaid?: boolean;
  category?: string;
  predictionFor?: string;
}
interface DemandLine {
  shift: string;
  days?: string[];
  dates?: string[];
  min: number;
  target?: number;
  competence?: string;
}
interface Bound {
  path: string;
  labelNb: string;
  labelEn: string;
  default: number;
  integer: boolean;
  min?: number;
  max?: number;
  lawMin?: number;
  lawMax?: number;
  agreementNb?: string;
  agreementEn?: string;
  agreementRef?: string;
  unit: string;
  law: string;
  basis: string;
}
interface Choice {
  path: string;
  labelNb: string;
  labelEn: string;
  default: string | number | boolean;
  options: Array<{ value: string | number | boolean; labelNb: string; labelEn: string }>;
  law: string;
}
type Rules = Record<string, Record<string, unknown>>;
interface Settings {
  plan: PlanSummary;
  editable: boolean;
  planningForm: string;
  shiftTypes: ShiftType[];
  demand: DemandLine[];
  rules: Rules;
  bounds: Bound[];
  choices: Choice[];
  night: { minHours: number; law: string; default: { start: string; end: string } };
  competences: string[];
  usage: Record<string, number>;
  check: { hardCount: number; softCount: number };
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WD_NB = ['Man', 'Tir', 'Ons', 'Tor', 'Fre', 'Lør', 'Søn'];
const WD_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CATEGORIES = ['', 'day', 'evening', 'night', 'long', 'middle'] as const;

const L = {
  nb: {
    title: 'Innstillinger',
    back: 'Tilbake til planen',
    shiftTypes: 'Vakttyper',
    code: 'Kode',
    name: 'Navn',
    start: 'Start',
    end: 'Slutt',
    category: 'Type',
    breakMin: 'Pause (min)',
    auto: 'automatisk',
    'cat.day': 'dag',
    'cat.evening': 'kveld',
    'cat.night': 'natt',
    'cat.long': 'langvakt',
    'cat.middle': 'mellomvakt',
    overMidnight: 'over midnatt',
    addShift: '+ Vakttype',
    remove: 'Fjern',
    inUse: 'brukes i {n} vakter',
    staffing: 'Bemanningsplan (minimum / mål per ukedag)',
    staffingHelp: 'Én rad per vakt og kompetanse. Minimum er et krav; mål er ønsket bemanning.',
    shift: 'Vakt',
    competence: 'Kompetanse',
    anyCompetence: 'alle',
    addRow: '+ Rad',
    datedLines: '{n} datoavhengige linjer beholdes uendret.',
    rules: 'Regelsett og lokale avtaler',
    rulesHelp: 'Hver parameter med standard (KS), tillatt område og hjemmel. Verdier utenfor grensene avvises.',
    parameter: 'Parameter',
    value: 'Verdi',
    default: 'Standard',
    allowed: 'Tillatt',
    lawAlone: 'Uten avtale',
    reference: 'Hjemmel',
    agreementRef: 'Avtalereferanse',
    night: 'Nattvindu',
    save: 'Lagre innstillinger',
    saved: 'Lagret – versjon {v}: {h} brudd, {s} kvalitetsavvik',
    notEditable: 'Bare utkast kan endres. Trekk planen tilbake til utkast for å endre innstillingene.',
    fixErrors: 'Rett feilene som er merket før du lagrer.',
    planningForm: 'Planform',
    'pf.calendar': 'kalenderplan',
    'pf.rolling': 'rullerende (grunnturnus)',
    'pf.annual': 'årsturnus',
    // field errors
    'e.code': 'Koden må være 1–8 tegn: bokstaver, tall, _ eller -',
    'e.codeDup': 'Koden «{c}» finnes allerede',
    'e.time': 'Skriv klokkeslett som tt:mm',
    'e.same': 'Slutt må være etter start (eller over midnatt)',
    'e.break': 'Pause må være 0–240 minutter',
    'e.min': 'Minimum må være et helt tall 0 eller mer',
    'e.target': 'Målet kan ikke være lavere enn minimum',
    'e.number': 'Skriv et tall',
    'e.integer': 'Må være et helt tall',
    'e.below': 'Under nedre grense {b} ({law})',
    'e.above': 'Over øvre grense {b} ({law})',
    'e.needsRef': 'Utenfor lovens grense ({b}) – krever {a}; oppgi avtalereferanse ({law})',
    'e.night': 'Nattvinduet må være minst 8 t og omfatte 00–06 ({law})',
    'e.rowDup': 'Raden finnes allerede',
  },
  en: {
    title: 'Settings',
    back: 'Back to the plan',
    shiftTypes: 'Shift types',
    code: 'Code',
    name: 'Name',
    start: 'Start',
    end: 'End',
    category: 'Kind',
    breakMin: 'Break (min)',
    auto: 'automatic',
    'cat.day': 'day',
    'cat.evening': 'evening',
    'cat.night': 'night',
    'cat.long': 'long shift',
    'cat.middle': 'middle',
    overMidnight: 'crosses midnight',
    addShift: '+ Shift type',
    remove: 'Remove',
    inUse: 'used by {n} shifts',
    staffing: 'Staffing plan (minimum / target per weekday)',
    staffingHelp: 'One row per shift and competence. The minimum is a requirement; the target is the wanted staffing.',
    shift: 'Shift',
    competence: 'Competence',
    anyCompetence: 'any',
    addRow: '+ Row',
    datedLines: '{n} date-specific lines are kept unchanged.',
    rules: 'Rule set and local agreements',
    rulesHelp: 'Every parameter with its default (KS), allowed range and legal reference. Values outside the bounds are refused.',
    parameter: 'Parameter',
    value: 'Value',
    default: 'Default',
    allowed: 'Allowed',
    lawAlone: 'Without agreement',
    reference: 'Reference',
    agreementRef: 'Agreement reference',
    night: 'Night window',
    save: 'Save settings',
    saved: 'Saved – version {v}: {h} breaches, {s} quality deviations',
    notEditable: 'Only drafts can be changed. Take the plan back to draft to change its settings.',
    fixErrors: 'Correct the marked errors before saving.',
    planningForm: 'Planning form',
    'pf.calendar': 'calendar plan',
    'pf.rolling': 'rolling (base rota)',
    'pf.annual': 'annual rota',
    'e.code': 'The code must be 1–8 characters: letters, digits, _ or -',
    'e.codeDup': 'The code «{c}» exists already',
    'e.time': 'Write the time as hh:mm',
    'e.same': 'The end must be after the start (or cross midnight)',
    'e.break': 'The break must be 0–240 minutes',
    'e.min': 'The minimum must be a whole number, 0 or more',
    'e.target': 'The target cannot be below the minimum',
    'e.number': 'Write a number',
    'e.integer': 'Must be a whole number',
    'e.below': 'Below the lower bound {b} ({law})',
    'e.above': 'Above the upper bound {b} ({law})',
    'e.needsRef': 'Beyond the law’s bound ({b}) – requires {a}; give the agreement reference ({law})',
    'e.night': 'The night window must be at least 8 h and contain 00–06 ({law})',
    'e.rowDup': 'The row exists already',
  },
};
type Key = keyof (typeof L)['nb'];
function useL() {
  const { lang } = useI18n();
  return useCallback((k: Key, vars: Record<string, string | number> = {}) => L[lang][k].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? '')), [lang]);
}

const UNIT: Record<string, [string, string]> = { h: ['t', 'h'], min: ['min', 'min'], weeks: ['uker', 'weeks'], days: ['dager', 'days'], count: ['', ''], k: ['', ''] };
const withUnit = (x: number, unit: string, lang: Lang) => {
  const u = UNIT[unit]?.[lang === 'nb' ? 0 : 1] ?? unit;
  return `${fmtNum(x, lang, 2)}${u ? ` ${u}` : ''}`;
};
const range = (lo: number | undefined, hi: number | undefined, unit: string, lang: Lang) =>
  lo !== undefined && hi !== undefined ? `${withUnit(lo, unit, lang).replace(/ \S+$/, '')}–${withUnit(hi, unit, lang)}` : lo !== undefined ? `≥ ${withUnit(lo, unit, lang)}` : hi !== undefined ? `≤ ${withUnit(hi, unit, lang)}` : '–';

const getPath = (rules: Rules, path: string): unknown => {
  const [g, k] = path.split('.');
  return rules[g]?.[k];
};
const setPath = (rules: Rules, path: string, v: unknown): Rules => {
  const [g, k] = path.split('.');
  return { ...rules, [g]: { ...(rules[g] ?? {}), [k]: v } };
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CODE = /^[A-Za-zÆØÅæøå0-9_-]{1,8}$/;
const toMin = (c: string) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3, 5));

/** One row of the staffing grid: a shift and a competence (or any), min and target per weekday (text while typed). */
interface GridRow {
  shift: string;
  competence: string;
  min: string[];
  target: string[];
}

function gridFromDemand(demand: DemandLine[]): { rows: GridRow[]; dated: DemandLine[] } {
  const rows: GridRow[] = [];
  const dated: DemandLine[] = [];
  const sums = new Map<string, { min: number[]; target: number[] }>();
  for (const d of demand) {
    if (d.dates) {
      dated.push(d);
      continue;
    }
    const key = `${d.shift}|${d.competence ?? ''}`;
    let s = sums.get(key);
    if (!s) {
      sums.set(key, (s = { min: Array(7).fill(0), target: Array(7).fill(0) }));
      rows.push({ shift: d.shift, competence: d.competence ?? '', min: [], target: [] });
    }
    const days = d.days ?? WEEKDAYS;
    for (const day of days) {
      const i = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]);
      s.min[i] += d.min;
      s.target[i] += Math.max(d.target ?? d.min, d.min);
    }
  }
  for (const r of rows) {
    const s = sums.get(`${r.shift}|${r.competence}`)!;
    r.min = s.min.map(String);
    r.target = s.target.map(String);
  }
  return { rows, dated };
}

/** The grid back into staffing lines: weekdays with equal min and target share one line. */
function demandFromGrid(rows: GridRow[], dated: DemandLine[]): DemandLine[] {
  const out: DemandLine[] = [];
  for (const r of rows) {
    const groups = new Map<string, string[]>();
    WEEKDAYS.forEach((day, i) => {
      const min = Number(r.min[i] || 0);
      const target = Math.max(Number(r.target[i] || 0), min);
      if (min === 0 && target === 0) return;
      const k = `${min}|${target}`;
      groups.set(k, [...(groups.get(k) ?? []), day]);
    });
    for (const [k, days] of groups) {
      const [min, target] = k.split('|').map(Number);
      out.push({ shift: r.shift, ...(days.length < 7 ? { days } : {}), min, ...(target > min ? { target } : {}), ...(r.competence ? { competence: r.competence } : {}) });
    }
  }
  return [...out, ...dated];
}

export function PlanSettingsPage({ planId }: { planId: string; session: Session }) {
  const { t, lang } = useI18n();
  const l = useL();
  const [s, setS] = useState<Settings | null>(null);
  const [shifts, setShifts] = useState<ShiftType[]>([]);
  const [rows, setRows] = useState<GridRow[]>([]);
  const [dated, setDated] = useState<DemandLine[]>([]);
  const [rules, setRules] = useState<Rules>({});
  const [ruleText, setRuleText] = useState<Record<string, string>>({});
  const [planningForm, setPlanningForm] = useState('calendar');
  const [serverErrors, setServerErrors] = useState<Array<{ path: string; message: string }>>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [newRow, setNewRow] = useState({ shift: '', competence: '' });

  // Numbers are shown with the decimal comma in bokmål (both are read).
  const langNow = useRef(lang);
  langNow.current = lang;
  const apply = useCallback((x: Settings) => {
    setS(x);
    setShifts(x.shiftTypes.map((st) => ({ ...st })));
    const g = gridFromDemand(x.demand);
    setRows(g.rows);
    setDated(g.dated);
    setRules(x.rules);
    const num = (v: unknown) => (langNow.current === 'nb' ? String(v).replace('.', ',') : String(v));
    setRuleText(Object.fromEntries(x.bounds.map((b) => [b.path, num(getPath(x.rules, b.path) ?? b.default)])));
    setPlanningForm(x.planningForm);
  }, []);

  // Loaded once per plan (a language switch keeps the edits).
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  useEffect(() => {
    get<Settings>(`/api/plans/${encodeURIComponent(planId)}/settings`).then(apply, setLoadFailure);
  }, [planId, apply]);
  const loadError =
    loadFailure === null ? null : loadFailure instanceof ApiError ? (loadFailure.status === 403 ? t('forbidden') : loadFailure.status === 404 ? t('notFound') : pick(loadFailure.message, lang)) : t('error');

  // Field errors, as typed (the server checks the same again).
  const shiftErrors = useMemo(() => {
    const out: Record<string, string> = {};
    const seen = new Set<string>();
    shifts.forEach((st, i) => {
      if (!CODE.test(st.code)) out[`${i}.code`] = l('e.code');
      else if (seen.has(st.code)) out[`${i}.code`] = l('e.codeDup', { c: st.code });
      seen.add(st.code);
      if (!CLOCK.test(st.start)) out[`${i}.start`] = l('e.time');
      if (!CLOCK.test(st.end)) out[`${i}.end`] = l('e.time');
      else if (CLOCK.test(st.start) && st.start === st.end) out[`${i}.end`] = l('e.same');
      if (st.breakMinutes !== undefined && (!Number.isInteger(st.breakMinutes) || st.breakMinutes < 0 || st.breakMinutes > 240)) out[`${i}.break`] = l('e.break');
    });
    return out;
  }, [shifts, l]);

  const gridErrors = useMemo(() => {
    const out: Record<string, string> = {};
    rows.forEach((r, i) =>
      WEEKDAYS.forEach((_, d) => {
        const min = r.min[d] === '' ? 0 : Number(r.min[d]);
        const target = r.target[d] === '' ? 0 : Number(r.target[d]);
        if (!Number.isInteger(min) || min < 0) out[`${i}.${d}.min`] = l('e.min');
        else if (!Number.isInteger(target) || target < 0) out[`${i}.${d}.target`] = l('e.min');
        else if (r.target[d] !== '' && target < min) out[`${i}.${d}.target`] = l('e.target');
      }),
    );
    return out;
  }, [rows, l]);

  const ruleErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!s) return out;
    for (const b of s.bounds) {
      const text = (ruleText[b.path] ?? '').replace(',', '.').trim();
      const v = Number(text);
      if (text === '' || !Number.isFinite(v)) out[b.path] = l('e.number');
      else if (b.integer && !Number.isInteger(v)) out[b.path] = l('e.integer');
      else if (b.min !== undefined && v < b.min) out[b.path] = l('e.below', { b: withUnit(b.min, b.unit, lang), law: b.law });
      else if (b.max !== undefined && v > b.max) out[b.path] = l('e.above', { b: withUnit(b.max, b.unit, lang), law: b.law });
      else if (b.agreementRef && ((b.lawMin !== undefined && v < b.lawMin) || (b.lawMax !== undefined && v > b.lawMax))) {
        const ref = getPath(rules, b.agreementRef);
        if (typeof ref !== 'string' || !ref.trim())
          out[b.agreementRef] = l('e.needsRef', { b: range(b.lawMin, b.lawMax, b.unit, lang), a: (lang === 'nb' ? b.agreementNb : b.agreementEn) ?? '', law: b.law });
      }
    }
    const ns = String(getPath(rules, 'night.start') ?? '');
    const ne = String(getPath(rules, 'night.end') ?? '');
    if (!CLOCK.test(ns) || !CLOCK.test(ne)) out.night = l('e.time');
    else {
      const a = toMin(ns);
      const e = toMin(ne);
      const len = (e - a + 1440) % 1440;
      const contains = (a >= 720 && e >= 360 && e < 720) || (a === 0 && e >= 360);
      if (len < 480 || !contains) out.night = l('e.night', { law: s.night.law });
    }
    return out;
  }, [s, ruleText, rules, l, lang]);

  const hasErrors = Object.keys(shiftErrors).length + Object.keys(gridErrors).length + Object.keys(ruleErrors).length > 0;
  const serverError = (path: string) => serverErrors.find((e) => e.path === path)?.message;

  const save = async () => {
    if (!s) return;
    if (hasErrors) {
      setMessage({ kind: 'error', text: l('fixErrors') });
      return;
    }
    let next = rules;
    for (const b of s.bounds) next = setPath(next, b.path, Number((ruleText[b.path] ?? '').replace(',', '.')));
    setBusy(true);
    try {
      const x = await api<Settings>('PUT', `/api/plans/${encodeURIComponent(planId)}/settings`, {
        baseVersion: s.plan.version,
        planningForm,
        shiftTypes: shifts.map((st) => Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined && v !== ''))),
        demand: demandFromGrid(rows, dated),
        rules: next,
      });
      apply(x);
      setServerErrors([]);
      setMessage({ kind: 'ok', text: l('saved', { v: x.plan.version, h: x.check.hardCount, s: x.check.softCount }) });
    } catch (e) {
      if (e instanceof ApiError) {
        setServerErrors(e.errors);
        setMessage({ kind: 'error', text: e.errors.map((x) => `${x.path}: ${pick(x.message, lang)}`).join(' · ') });
      } else setMessage({ kind: 'error', text: t('error') });
    } finally {
      setBusy(false);
    }
  };

  if (loadError)
    return (
      <div className="card">
        <p className="error" role="alert" data-testid="page-error">
          {loadError}
        </p>
        <Link to="/">{t('back')}</Link>
      </div>
    );
  if (!s) return <p className="loading">{t('loading')}</p>;
  const ro = !s.editable;
  const shiftCodes = shifts.map((x) => x.code).filter((c) => CODE.test(c));
  const rowKeys = new Set(rows.map((r) => `${r.shift}|${r.competence}`));
  const fieldErr = (msg: string | undefined, testid?: string) =>
    msg ? (
      <span className="field-error" role="alert" data-testid={testid}>
        {msg}
      </span>
    ) : null;

  return (
    <div className="settingspage" data-testid="settings-page">
      <div className="planhead">
        <div>
          <div className="crumbs">
            <Link to="/">{t('home')}</Link> › <Link to={`/planer/${encodeURIComponent(planId)}`}>{s.plan.name}</Link> › {l('title')}
          </div>
          <h1>
            {l('title')}: {s.plan.name} <StatusBadge status={s.plan.status} />
          </h1>
          <p className="muted">
            {fmtPeriod(s.plan.start, s.plan.end, lang)} · {t('version')} <span data-testid="settings-version">{s.plan.version}</span> · {s.check.hardCount} {t('hard')}, {s.check.softCount} {t('soft')}
          </p>
        </div>
        <div className="actions">
          <Link to={`/planer/${encodeURIComponent(planId)}`} className="button">
            {l('back')}
          </Link>
          {!ro && (
            <button type="button" className="primary" onClick={save} disabled={busy} data-testid="settings-save">
              {l('save')}
            </button>
          )}
        </div>
      </div>
      {ro && <p className="notice">{l('notEditable')}</p>}
      {message && (
        <p className={message.kind === 'ok' ? 'ok' : 'error'} role="status" data-testid="settings-message">
          {message.text}
        </p>
      )}

      <section className="card">
        <h2>{l('planningForm')}</h2>
        <select value={planningForm} onChange={(e) => setPlanningForm(e.target.value)} disabled={ro} data-testid="planning-form">
          {(['calendar', 'rolling', 'annual'] as const).map((f) => (
            <option key={f} value={f}>
              {l(`pf.${f}`)}
            </option>
          ))}
        </select>
      </section>

      <section className="card">
        <h2>{l('shiftTypes')}</h2>
        <table className="settings-table" data-testid="shift-types">
          <thead>
            <tr>
              <th>{l('code')}</th>
              <th>{l('name')}</th>
              <th>{l('start')}</th>
              <th>{l('end')}</th>
              <th>{l('breakMin')}</th>
              <th>{l('category')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shifts.map((st, i) => {
              const upd = (p: Partial<ShiftType>) => setShifts((xs) => xs.map((x, j) => (j === i ? { ...x, ...p } : x)));
              const used = s.usage[st.code] ?? 0;
              const crosses = CLOCK.test(st.start) && CLOCK.test(st.end) && toMin(st.end) < toMin(st.start);
              const codeErr = shiftErrors[`${i}.code`] ?? serverError(`shiftTypes[${i}].code`);
              const endErr = shiftErrors[`${i}.end`] ?? serverError(`shiftTypes[${i}].end`);
              return (
                <tr key={i} data-testid={`shift-row-${i}`}>
                  <td>
                    <input className={`code ${codeErr ? 'invalid' : ''}`} value={st.code} onChange={(e) => upd({ code: e.target.value.trim() })} disabled={ro} aria-label={l('code')} aria-invalid={!!codeErr} />
                    {fieldErr(codeErr)}
                  </td>
                  <td>
                    <input value={st.name ?? ''} onChange={(e) => upd({ name: e.target.value || undefined })} disabled={ro} aria-label={l('name')} />
                  </td>
                  <td>
                    <input className={`clock ${shiftErrors[`${i}.start`] ? 'invalid' : ''}`} value={st.start} onChange={(e) => upd({ start: e.target.value })} disabled={ro} aria-label={l('start')} />
                    {fieldErr(shiftErrors[`${i}.start`])}
                  </td>
                  <td>
                    <input className={`clock ${endErr ? 'invalid' : ''}`} value={st.end} onChange={(e) => upd({ end: e.target.value })} disabled={ro} aria-label={l('end')} />
                    {crosses && <span className="muted small"> {l('overMidnight')}</span>}
                    {fieldErr(endErr)}
                  </td>
                  <td>
                    <input
                      className={`num ${shiftErrors[`${i}.break`] ? 'invalid' : ''}`}
                      type="number"
                      value={st.breakMinutes ?? ''}
                      onChange={(e) => upd({ breakMinutes: e.target.value === '' ? undefined : Number(e.target.value) })}
                      disabled={ro}
                      aria-label={l('breakMin')}
                    />
                    {fieldErr(shiftErrors[`${i}.break`])}
                  </td>
                  <td>
                    <span className={`chip cat-${st.predictionFor ? 'prediction' : st.category || 'day'}`}>{st.code || '?'}</span>{' '}
                    <select value={st.category ?? ''} onChange={(e) => upd({ category: e.target.value || undefined })} disabled={ro} aria-label={l('category')}>
                      {CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {c ? l(`cat.${c}` as Key) : l('auto')}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {used > 0 ? (
                      <span className="muted small">{l('inUse', { n: used })}</span>
                    ) : (
                      !ro && (
                        <button type="button" className="linkbtn" onClick={() => setShifts((xs) => xs.filter((_, j) => j !== i))}>
                          {l('remove')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!ro && (
          <button type="button" onClick={() => setShifts((xs) => [...xs, { code: '', start: '07:00', end: '15:00' }])} data-testid="add-shift">
            {l('addShift')}
          </button>
        )}
        {serverErrors.filter((e) => e.path === 'shiftTypes').map((e, i) => (
          <p key={i} className="error small">
            {pick(e.message, lang)}
          </p>
        ))}
      </section>

      <section className="card">
        <h2>{l('staffing')}</h2>
        <p className="muted small">{l('staffingHelp')}</p>
        <table className="settings-table staffing-grid" data-testid="staffing-grid">
          <thead>
            <tr>
              <th>{l('shift')}</th>
              <th>{l('competence')}</th>
              {WEEKDAYS.map((d, i) => (
                <th key={d} className={i >= 5 ? 'weekend' : ''}>
                  {(lang === 'nb' ? WD_NB : WD_EN)[i]}
                  <div className="muted small">min / {lang === 'nb' ? 'mål' : 'target'}</div>
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.shift}|${r.competence}`} data-testid={`staffing-row-${r.shift}-${r.competence || 'alle'}`}>
                <td>
                  <span className={`chip cat-${shifts.find((x) => x.code === r.shift)?.category ?? 'day'}`}>{r.shift}</span>
                </td>
                <td>{r.competence || <span className="muted">{l('anyCompetence')}</span>}</td>
                {WEEKDAYS.map((d, di) => {
                  const set = (field: 'min' | 'target', v: string) => setRows((xs) => xs.map((x, j) => (j === i ? { ...x, [field]: x[field].map((y, k) => (k === di ? v : y)) } : x)));
                  const err = gridErrors[`${i}.${di}.min`] ?? gridErrors[`${i}.${di}.target`];
                  return (
                    <td key={d} className={di >= 5 ? 'weekend' : ''}>
                      <span className="minmax">
                        <input className={`num ${gridErrors[`${i}.${di}.min`] ? 'invalid' : ''}`} inputMode="numeric" value={r.min[di]} onChange={(e) => set('min', e.target.value)} disabled={ro} aria-label={`${r.shift} ${r.competence} ${d} min`} data-testid={`min-${r.shift}-${r.competence || 'alle'}-${d}`} />
                        /
                        <input className={`num ${gridErrors[`${i}.${di}.target`] ? 'invalid' : ''}`} inputMode="numeric" value={r.target[di]} onChange={(e) => set('target', e.target.value)} disabled={ro} aria-label={`${r.shift} ${r.competence} ${d} target`} data-testid={`target-${r.shift}-${r.competence || 'alle'}-${d}`} />
                      </span>
                      {fieldErr(err)}
                    </td>
                  );
                })}
                <td>
                  {!ro && (
                    <button type="button" className="linkbtn" onClick={() => setRows((xs) => xs.filter((_, j) => j !== i))}>
                      {l('remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!ro && (
          <div className="row">
            <select value={newRow.shift} onChange={(e) => setNewRow((x) => ({ ...x, shift: e.target.value }))} aria-label={l('shift')} data-testid="new-row-shift">
              <option value="">{l('shift')} …</option>
              {shiftCodes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <select value={newRow.competence} onChange={(e) => setNewRow((x) => ({ ...x, competence: e.target.value }))} aria-label={l('competence')}>
              <option value="">{l('anyCompetence')}</option>
              {s.competences.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!newRow.shift || rowKeys.has(`${newRow.shift}|${newRow.competence}`)}
              title={rowKeys.has(`${newRow.shift}|${newRow.competence}`) ? l('e.rowDup') : undefined}
              onClick={() => setRows((xs) => [...xs, { shift: newRow.shift, competence: newRow.competence, min: Array(7).fill('0'), target: Array(7).fill('0') }])}
              data-testid="add-row"
            >
              {l('addRow')}
            </button>
          </div>
        )}
        {dated.length > 0 && <p className="muted small">{l('datedLines', { n: dated.length })}</p>}
        {serverErrors.filter((e) => e.path.startsWith('demand')).map((e, i) => (
          <p key={i} className="error small">
            {pick(e.message, lang)}
          </p>
        ))}
      </section>

      <section className="card">
        <h2>{l('rules')}</h2>
        <p className="muted small">{l('rulesHelp')}</p>
        <table className="settings-table rules-table" data-testid="rules-table">
          <thead>
            <tr>
              <th>{l('parameter')}</th>
              <th>{l('value')}</th>
              <th>{l('default')}</th>
              <th>{l('allowed')}</th>
              <th>{l('lawAlone')}</th>
              <th>{l('reference')}</th>
            </tr>
          </thead>
          <tbody>
            {s.bounds.map((b) => {
              const err = ruleErrors[b.path] ?? serverError(`rules.${b.path}`);
              const refErr = b.agreementRef ? (ruleErrors[b.agreementRef] ?? serverError(`rules.${b.agreementRef}`)) : undefined;
              const testid = `rule-${b.path.replace('.', '-')}`;
              return (
                <tr key={b.path} data-testid={`${testid}-row`}>
                  <td>{lang === 'nb' ? b.labelNb : b.labelEn}</td>
                  <td>
                    <input
                      className={`num ${err ? 'invalid' : ''}`}
                      inputMode="decimal"
                      value={ruleText[b.path] ?? ''}
                      onChange={(e) => setRuleText((x) => ({ ...x, [b.path]: e.target.value }))}
                      disabled={ro}
                      aria-label={lang === 'nb' ? b.labelNb : b.labelEn}
                      aria-invalid={!!err}
                      data-testid={testid}
                    />{' '}
                    <span className="muted small">{UNIT[b.unit]?.[lang === 'nb' ? 0 : 1] ?? ''}</span>
                    {fieldErr(err, `${testid}-error`)}
                    {b.agreementRef && (
                      <div className="agreement-ref">
                        <input
                          className={refErr ? 'invalid' : ''}
                          placeholder={l('agreementRef')}
                          value={String(getPath(rules, b.agreementRef) ?? '')}
                          onChange={(e) => setRules((r) => setPath(r, b.agreementRef!, e.target.value.trim() ? e.target.value : null))}
                          disabled={ro}
                          aria-label={`${l('agreementRef')}: ${lang === 'nb' ? b.labelNb : b.labelEn}`}
                          data-testid={`${testid}-ref`}
                        />
                        {fieldErr(refErr, `${testid}-ref-error`)}
                      </div>
                    )}
                  </td>
                  <td className="nowrap">{withUnit(b.default, b.unit, lang)}</td>
                  <td className="nowrap">{range(b.min, b.max, b.unit, lang)}</td>
                  <td className="small">
                    {b.lawMin !== undefined || b.lawMax !== undefined ? (
                      <>
                        {range(b.lawMin, b.lawMax, b.unit, lang)}
                        {(b.agreementNb || b.agreementEn) && <div className="muted">{lang === 'nb' ? `utover: ${b.agreementNb}` : `beyond: ${b.agreementEn}`}</div>}
                      </>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td className="small">{b.law}</td>
                </tr>
              );
            })}
            <tr data-testid="rule-night-row">
              <td>{l('night')}</td>
              <td>
                <input className={`clock ${ruleErrors.night ? 'invalid' : ''}`} value={String(getPath(rules, 'night.start') ?? '')} onChange={(e) => setRules((r) => setPath(r, 'night.start', e.target.value))} disabled={ro} aria-label={`${l('night')} ${l('start')}`} />–
                <input className={`clock ${ruleErrors.night ? 'invalid' : ''}`} value={String(getPath(rules, 'night.end') ?? '')} onChange={(e) => setRules((r) => setPath(r, 'night.end', e.target.value))} disabled={ro} aria-label={`${l('night')} ${l('end')}`} />
                {fieldErr(ruleErrors.night ?? serverError('rules.night'))}
              </td>
              <td className="nowrap">
                {s.night.default.start}–{s.night.default.end}
              </td>
              <td className="small">{lang === 'nb' ? '≥ 8 t, omfatter 00–06' : '≥ 8 h, contains 00–06'}</td>
              <td className="small">{lang === 'nb' ? 'partene i tariffavtalen kan flytte det' : 'the tariff parties may move it'}</td>
              <td className="small">{s.night.law}</td>
            </tr>
            {s.choices.map((c) => {
              const v = getPath(rules, c.path);
              return (
                <tr key={c.path}>
                  <td>{lang === 'nb' ? c.labelNb : c.labelEn}</td>
                  <td colSpan={3}>
                    <select
                      value={String(v)}
                      onChange={(e) => {
                        const o = c.options.find((x) => String(x.value) === e.target.value);
                        if (o) setRules((r) => setPath(r, c.path, o.value));
                      }}
                      disabled={ro}
                      aria-label={lang === 'nb' ? c.labelNb : c.labelEn}
                    >
                      {c.options.map((o) => (
                        <option key={String(o.value)} value={String(o.value)}>
                          {lang === 'nb' ? o.labelNb : o.labelEn}
                          {o.value === c.default ? ` (${l('default').toLowerCase()})` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td />
                  <td className="small">{c.law}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {serverErrors.filter((e) => e.path.startsWith('rules') && !s.bounds.some((b) => `rules.${b.path}` === e.path || `rules.${b.agreementRef}` === e.path) && e.path !== 'rules.night').map((e, i) => (
          <p key={i} className="error small">
            {e.path}: {pick(e.message, lang)}
          </p>
        ))}
      </section>
      {!ro && (
        <p>
          <button type="button" className="primary" onClick={save} disabled={busy} data-testid="settings-save-bottom">
            {l('save')}
          </button>
        </p>
      )}
    </div>
  );
}

/** A new draft plan for a period, from the unit's latest plan as a template. */
export function NewPlanPage({ unitId }: { unitId: string; session: Session }) {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const [form, setForm] = useState({ start: '', end: '', planningForm: 'calendar', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nb = lang === 'nb';

  const submit = async () => {
    const e: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.start)) e.start = nb ? 'Velg startdato' : 'Choose a start date';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.end)) e.end = nb ? 'Velg sluttdato' : 'Choose an end date';
    else if (form.start && form.end < form.start) e.end = nb ? 'Sluttdato må være etter startdato' : 'The end date must be after the start date';
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const r = await api<{ plan: PlanSummary }>('POST', `/api/units/${encodeURIComponent(unitId)}/plans/new`, {
        start: form.start,
        end: form.end,
        planningForm: form.planningForm,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
      });
      navigate(`/planer/${encodeURIComponent(r.plan.id)}/innstillinger`);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const x of err.errors) byField[x.path.replace(/^body\./, '')] = pick(x.message, lang);
        setErrors(byField);
        setMessage(err.errors.map((x) => pick(x.message, lang)).join(' · '));
      } else setMessage(t('error'));
    } finally {
      setBusy(false);
    }
  };
  const field = (k: 'start' | 'end' | 'name', label: string, type: string) => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} aria-invalid={!!errors[k]} data-testid={`new-plan-${k}`} />
      {errors[k] && (
        <span className="field-error" role="alert">
          {errors[k]}
        </span>
      )}
    </label>
  );
  return (
    <div className="card newplan" data-testid="new-plan-page">
      <div className="crumbs">
        <Link to="/">{t('home')}</Link>
      </div>
      <h1>{nb ? 'Ny turnusplan' : 'New rota plan'}</h1>
      <p className="muted">
        {nb
          ? 'Et nytt utkast for perioden, med ansatte, vakttyper, bemanningsplan og regelsett fra enhetens siste plan. Ingen vakter er satt opp. Har enheten ingen plan ennå, starter den blank: dag-, kveld- og nattevakt, KS-standard regelsett, ansatte fra ansattlisten – bemanningsplanen fyller du inn i innstillingene.'
          : 'A new draft for the period, with employees, shift types, staffing plan and rule set from the unit’s latest plan. No shifts are assigned. A unit without plans starts blank: day, evening and night shifts, the KS default rules, the employees from the staff list – fill in the staffing plan in the settings.'}
      </p>
      <div className="newplan-fields">
        {field('start', nb ? 'Fra dato' : 'From', 'date')}
        {field('end', nb ? 'Til dato' : 'To', 'date')}
        <label className="field">
          <span>{nb ? 'Planform' : 'Planning form'}</span>
          <select value={form.planningForm} onChange={(e) => setForm((f) => ({ ...f, planningForm: e.target.value }))} data-testid="new-plan-form">
            <option value="calendar">{L[lang]['pf.calendar']}</option>
            <option value="rolling">{L[lang]['pf.rolling']}</option>
            <option value="annual">{L[lang]['pf.annual']}</option>
          </select>
        </label>
        {field('name', nb ? 'Navn (valgfritt)' : 'Name (optional)', 'text')}
      </div>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <button type="button" className="primary" onClick={submit} disabled={busy} data-testid="new-plan-create">
        {nb ? 'Opprett utkast' : 'Create draft'}
      </button>
    </div>
  );
}
