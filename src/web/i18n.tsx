/**
 * Bokmål by default, English on request (remembered in localStorage). Norwegian date
 * formats (dd.mm.yyyy, short weekdays ma–sø) and ISO week numbers ("uke 2").
 */
import { createContext, useContext } from 'react';

export type Lang = 'nb' | 'en';

const nb = {
  appName: 'Bemanna',
  tagline: 'Turnus og bemanning',
  login: 'Logg inn',
  logout: 'Logg ut',
  username: 'Brukernavn',
  password: 'Passord',
  loginFailed: 'Feil brukernavn eller passord',
  loggingIn: 'Logger inn …',
  language: 'English',
  home: 'Oversikt',
  units: 'Enheter',
  myRota: 'Min turnus',
  wishForm: 'Ønskeskjema',
  unitRota: 'Enhetens turnus',
  plans: 'Turnusplaner',
  noPlans: 'Ingen planer du har tilgang til.',
  period: 'Periode',
  status: 'Status',
  version: 'Versjon',
  employees: 'Ansatte',
  shifts: 'Vakter',
  open: 'Åpne',
  'status.draft': 'Utkast',
  'status.hearing': 'På høring',
  'status.approved': 'Godkjent',
  'status.published': 'Publisert',
  'role.admin': 'Administrator',
  'role.leader': 'Leder',
  'role.planner': 'Planlegger',
  'role.employee': 'Ansatt',
  'role.union_rep': 'Tillitsvalgt',
  'role.safety_rep': 'Verneombud',
  week: 'uke',
  weekShort: 'U',
  hours: 't',
  planned: 'Planlagt',
  position: 'Stilling',
  hoursCol: 'Timer (plan/stilling)',
  coverage: 'Bemanning',
  hard: 'brudd på lov/avtale',
  soft: 'kvalitetsavvik',
  noViolations: 'Ingen brudd',
  measured: 'Målt',
  limit: 'Grense',
  reference: 'Hjemmel',
  close: 'Lukk',
  generate: 'Generer turnus',
  generating: 'Genererer …',
  cancel: 'Avbryt',
  seconds: 'sek',
  bestSoFar: 'Beste så langt',
  generateDone: 'Ny turnus lagret som versjon',
  generateCancelled: 'Genereringen ble avbrutt – planen er uendret.',
  generateFailed: 'Genereringen feilet',
  undo: 'Angre',
  redo: 'Gjør om',
  save: 'Lagre endringer',
  saved: 'Lagret',
  unsaved: 'ulagrede endringer',
  free: 'Fri',
  editHelp: 'Velg en celle og skriv vaktkoden (eller Delete for fri). Piltaster flytter. Ctrl+Z angrer.',
  readOnly: 'Bare utkast kan endres.',
  sendToHearing: 'Send til høring',
  exportExcel: 'Excel',
  exportPdf: 'Veggturnus (PDF)',
  approve: 'Godkjenn planen',
  publish: 'Publiser',
  backToDraft: 'Tilbake til utkast',
  confirmHearingHard: 'Planen har {n} brudd på lov/avtale. Send til høring likevel?',
  confirmDraft: 'Sette planen tilbake til utkast? Godkjenninger gjelder bare versjonen de ble gitt for.',
  wishRound: 'Ønskerunde',
  wishRoundOpen: 'Åpen',
  wishRoundClosed: 'Stengt',
  openWishRound: 'Åpne ønskerunde',
  closeWishRound: 'Steng ønskerunde',
  deadline: 'Frist',
  submitted: 'har sendt',
  of: 'av',
  hearing: 'Høring',
  comments: 'Kommentarer',
  noComments: 'Ingen kommentarer ennå.',
  addComment: 'Legg til kommentar',
  aboutPerson: 'Gjelder',
  wholePlan: 'Hele planen',
  send: 'Send',
  approvals: 'Godkjenninger',
  noApprovals: 'Ingen godkjenninger ennå.',
  approveAs: 'Godkjenn som',
  approvedVersion: 'versjon',
  staleApproval: 'gjelder en eldre versjon',
  auditLog: 'Endringslogg',
  violations: 'Regelbrudd',
  allViolations: 'Alle regelbrudd',
  wishes: 'Ønsker',
  wishMet: 'Ønske oppfylt',
  wishNotMet: 'Ønske ikke oppfylt',
  list: 'Liste',
  month: 'Måned',
  downloadIcal: 'Legg i kalenderen (iCal)',
  noShifts: 'Ingen publiserte vakter ennå.',
  absent: 'Fravær',
  noOpenRounds: 'Ingen åpne ønskerunder nå.',
  wishFormIntro: 'Kryss av for hva du ønsker de enkelte dagene. Ønskene vektes rettferdig mellom alle ansatte.',
  wishNone: '–',
  wishDayOff: 'Fri',
  wishWant: 'Ønsker',
  wishAvoid: 'Ikke',
  desiredPosition: 'Ønsket stillingsprosent',
  longShiftsQ: 'Langvakter i helgene?',
  yes: 'Ja',
  no: 'Nei',
  indifferent: 'Likegyldig',
  note: 'Kommentar til lederen',
  sendWishes: 'Send ønskene',
  wishesSent: 'Ønskene er sendt',
  lastSent: 'Sist sendt',
  loading: 'Laster …',
  error: 'Noe gikk galt',
  forbidden: 'Du har ikke tilgang til dette.',
  notFound: 'Finnes ikke.',
  back: 'Tilbake',
  person: 'Person',
  shift: 'Vakt',
  min: 'min',
  target: 'mål',
  actual: 'faktisk',
  short: 'mangler',
  holiday: 'Helligdag',
  legend: 'Forklaring',
  weekend: 'Helg',
  redDay: 'Rød dag',
  hearingView: 'Høringsvisning',
  approvedBy: 'Godkjent av',
  rowViolations: 'Regelbrudd for personen',
  conflict: 'Planen er endret av noen andre. Last siden på nytt.',
  demoHint: 'Demokontoene og passordene ble skrevet ut i terminalen da serveren startet første gang.',
  myPlans: 'Mine planer',
  overview: 'Oversikt',
  openRota: 'Åpne turnus',
  tasks: 'Å gjøre',
  toHearing: 'Planer på høring',
  wishesOpen: 'Åpen ønskerunde',
  fulfilment: 'Ønsker oppfylt',
  competence: 'Kompetanse',
  total: 'i alt',
  optionalNote: 'Merknad (valgfri)',
  'risk.title': 'Risikovurdering (forsvarlighet)',
  'risk.basis': 'Beregnet fra lagret versjon {v} med de samme reglene som kontrollen: {hard} brudd på lov/avtale, {soft} kvalitetsavvik.',
  'risk.green': 'Grønn',
  'risk.yellow': 'Gul',
  'risk.red': 'Rød',
  'risk.none': 'Ingen funn.',
  'risk.date': 'Dato',
  'risk.actual': 'Faktisk',
  'risk.min': 'min.',
  'risk.target': 'mål',
  'risk.missing': 'Mangler',
  'risk.belowMin': 'Under minimum',
  'risk.belowTarget': 'Under mål',
  'risk.allStaff': 'Alle ansatte',
  'risk.count': 'Antall',
  'risk.agreementUse': 'Lokal avtale',
  'risk.breach': 'Brudd',
  'risk.shortest': 'Korteste',
  'risk.from': 'Fra',
  'risk.to': 'Til',
  'risk.rest': 'Hvile',
  'risk.kind': 'Type',
  'risk.eveningToDay': 'kveld–dag',
  'risk.longShifts': 'Langvakter',
  'risk.series': 'Serier',
  'risk.longest': 'Lengste',
  'risk.overLimit': 'Over grensen',
  'risk.otherFindings': 'Andre brudd',
  'risk.nights': 'Netter',
  'risk.restAfter': 'For lite fri etter',
  'risk.nightBreaches': 'Brudd nattarbeid',
  'risk.norm': 'Ukenorm',
  'risk.required': 'Stillingens timer',
  'risk.deviation': 'Avvik',
  'risk.weekendsWorked': 'Helger arbeidet',
  'risk.frequency': 'Hver k-te helg',
  'risk.personal': 'personlig',
  'risk.allowed': 'Tillatt',
  'risk.everyNth': 'Arbeider hver',
  'risk.inRow': 'Flest på rad',
  'risk.findings': 'Funn',
  'risk.parameter': 'Parameter',
  'risk.value': 'Verdi',
  'risk.default': 'KS-standard',
  'risk.direction': 'Virkning',
  'risk.relaxed': 'lemper',
  'risk.stricter': 'strengere',
  'risk.changed': 'endret',
  'risk.uses': 'Brukt',
  'risk.agreementRef': 'Avtale',
  'risk.problems': 'Feil i regelsettet',
  'risk.byRule': 'Alle funn per regel',
  'abs.title': 'Fravær',
  'abs.link': 'Fravær og prognose',
  'abs.forecastTitle': 'Fraværsprognose',
  'abs.forecastIntro': 'Forventet antall ansatte borte per dag (alle typer unntatt permisjon) med 80 % intervall, mot faktisk fravær de siste 12 ukene.',
  'abs.from': 'Fra',
  'abs.to': 'Til',
  'abs.days': 'Dager',
  'abs.computing': 'Beregner prognose …',
  'abs.expected': 'Forventet fravær',
  'abs.interval': '80 % intervall',
  'abs.median': 'Median',
  'abs.actual': 'Faktisk fravær',
  'abs.start': 'Prognosestart',
  'abs.persons': 'personer',
  'abs.avgPerDay': 'Forventet snitt per dag',
  'abs.last12': 'Faktisk snitt siste 12 uker',
  'abs.peak': 'Høyest',
  'abs.staff': 'Ansatte',
  'abs.estimated': 'anslått',
  'abs.historyRange': 'Historikk',
  'abs.byShift': 'Forventet fravær per vakt (etter bemanningsplanen)',
  'abs.planned': 'Planlagt per dag',
  'abs.expectedAbsent': 'Forventet borte per dag',
  'abs.shiftNote': 'Fordelingen antar at fraværet ikke avhenger av vakten.',
  'abs.importTitle': 'Importer fraværshistorikk',
  'abs.importIntro': 'CSV eller Excel (.xlsx) med kolonnene employee, unit, from, to, type (self_certified, doctor_certified, sick_child, leave). Aldri diagnose eller årsak. Alt eller ingenting: har filen feil, lagres ingenting.',
  'abs.chooseFile': 'Velg fil',
  'abs.upload': 'Importer',
  'abs.imported': '{n} fravær lagret ({s} fantes fra før), {e} ansatte, {from}–{to}.',
  'abs.importErrors': 'Filen ble avvist, ingenting er lagret. {n} feil:',
  'abs.line': 'Linje',
  'abs.field': 'Felt',
  'abs.reason': 'Feil',
  'abs.registerTitle': 'Registrer fravær',
  'abs.employee': 'Ansatt',
  'abs.kind': 'Type',
  'abs.register': 'Registrer',
  'abs.registered': 'Fravær registrert: {name} {period}.',
  'abs.recent': 'Registrert fravær siste 90 dager',
  'abs.none': 'Ingen registrert fravær.',
  'abs.source': 'Kilde',
  'abs.source.import': 'Import',
  'abs.source.registered': 'Registrert',
  'abs.source.demo': 'Demo',
  'abs.source.plan': 'Plan',
  'abs.report': 'Meld fravær',
  'abs.reportIntro': 'Meld fra når du er syk eller har sykt barn. Lederen ser det med en gang. Ikke skriv diagnose eller årsak.',
  'abs.myAbsences': 'Mitt registrerte fravær',
  'abs.reported': 'Fraværet er meldt: {period}.',
  'abs.unit': 'Enhet',
} as const;

export type MsgKey = keyof typeof nb;

const en: Record<MsgKey, string> = {
  appName: 'Bemanna',
  tagline: 'Rotas and staffing',
  login: 'Sign in',
  logout: 'Sign out',
  username: 'User name',
  password: 'Password',
  loginFailed: 'Wrong user name or password',
  loggingIn: 'Signing in …',
  language: 'Norsk',
  home: 'Overview',
  units: 'Units',
  myRota: 'My rota',
  wishForm: 'Wish form',
  unitRota: 'Unit rota',
  plans: 'Rota plans',
  noPlans: 'No plans you have access to.',
  period: 'Period',
  status: 'Status',
  version: 'Version',
  employees: 'Employees',
  shifts: 'Shifts',
  open: 'Open',
  'status.draft': 'Draft',
  'status.hearing': 'On hearing',
  'status.approved': 'Approved',
  'status.published': 'Published',
  'role.admin': 'Administrator',
  'role.leader': 'Leader',
  'role.planner': 'Planner',
  'role.employee': 'Employee',
  'role.union_rep': 'Union representative',
  'role.safety_rep': 'Safety representative',
  week: 'week',
  weekShort: 'W',
  hours: 'h',
  planned: 'Planned',
  position: 'Position',
  hoursCol: 'Hours (plan/position)',
  coverage: 'Staffing',
  hard: 'breaches of law/agreement',
  soft: 'quality deviations',
  noViolations: 'No violations',
  measured: 'Measured',
  limit: 'Limit',
  reference: 'Legal reference',
  close: 'Close',
  generate: 'Generate rota',
  generating: 'Generating …',
  cancel: 'Cancel',
  seconds: 's',
  bestSoFar: 'Best so far',
  generateDone: 'New rota saved as version',
  generateCancelled: 'Generation was cancelled – the plan is unchanged.',
  generateFailed: 'Generation failed',
  undo: 'Undo',
  redo: 'Redo',
  save: 'Save changes',
  saved: 'Saved',
  unsaved: 'unsaved changes',
  free: 'Off',
  editHelp: 'Select a cell and type the shift code (or Delete for off). Arrow keys move. Ctrl+Z undoes.',
  readOnly: 'Only drafts can be edited.',
  sendToHearing: 'Send to hearing',
  exportExcel: 'Excel',
  exportPdf: 'Wall rota (PDF)',
  approve: 'Approve the plan',
  publish: 'Publish',
  backToDraft: 'Back to draft',
  confirmHearingHard: 'The plan has {n} breaches of law/agreement. Send to hearing anyway?',
  confirmDraft: 'Move the plan back to draft? Approvals hold only for the version they were given for.',
  wishRound: 'Wish round',
  wishRoundOpen: 'Open',
  wishRoundClosed: 'Closed',
  openWishRound: 'Open wish round',
  closeWishRound: 'Close wish round',
  deadline: 'Deadline',
  submitted: 'have sent',
  of: 'of',
  hearing: 'Hearing',
  comments: 'Comments',
  noComments: 'No comments yet.',
  addComment: 'Add comment',
  aboutPerson: 'About',
  wholePlan: 'The whole plan',
  send: 'Send',
  approvals: 'Approvals',
  noApprovals: 'No approvals yet.',
  approveAs: 'Approve as',
  approvedVersion: 'version',
  staleApproval: 'for an older version',
  auditLog: 'Change log',
  violations: 'Rule violations',
  allViolations: 'All rule violations',
  wishes: 'Wishes',
  wishMet: 'Wish met',
  wishNotMet: 'Wish not met',
  list: 'List',
  month: 'Month',
  downloadIcal: 'Add to calendar (iCal)',
  noShifts: 'No published shifts yet.',
  absent: 'Absent',
  noOpenRounds: 'No open wish rounds now.',
  wishFormIntro: 'Mark what you would like on each day. Wishes are weighed fairly across all employees.',
  wishNone: '–',
  wishDayOff: 'Day off',
  wishWant: 'Want',
  wishAvoid: 'Not',
  desiredPosition: 'Desired position %',
  longShiftsQ: 'Long shifts at weekends?',
  yes: 'Yes',
  no: 'No',
  indifferent: "Don't mind",
  note: 'Note to your leader',
  sendWishes: 'Send wishes',
  wishesSent: 'Your wishes have been sent',
  lastSent: 'Last sent',
  loading: 'Loading …',
  error: 'Something went wrong',
  forbidden: 'You do not have access to this.',
  notFound: 'Not found.',
  back: 'Back',
  person: 'Person',
  shift: 'Shift',
  min: 'min',
  target: 'target',
  actual: 'actual',
  short: 'short',
  holiday: 'Public holiday',
  legend: 'Legend',
  weekend: 'Weekend',
  redDay: 'Red day',
  hearingView: 'Hearing view',
  approvedBy: 'Approved by',
  rowViolations: 'Violations for this person',
  conflict: 'Someone else changed the plan. Reload the page.',
  demoHint: 'The demo accounts and passwords were printed in the terminal when the server first started.',
  myPlans: 'My plans',
  overview: 'Overview',
  openRota: 'Open rota',
  tasks: 'To do',
  toHearing: 'Plans on hearing',
  wishesOpen: 'Open wish round',
  fulfilment: 'Wishes met',
  competence: 'Competence',
  total: 'total',
  optionalNote: 'Note (optional)',
  'risk.title': 'Risk assessment (professional safety)',
  'risk.basis': 'Computed from saved version {v} with the same rules as the check: {hard} breaches of law/agreement, {soft} quality deviations.',
  'risk.green': 'Green',
  'risk.yellow': 'Yellow',
  'risk.red': 'Red',
  'risk.none': 'No findings.',
  'risk.date': 'Date',
  'risk.actual': 'Actual',
  'risk.min': 'min.',
  'risk.target': 'target',
  'risk.missing': 'Missing',
  'risk.belowMin': 'Below minimum',
  'risk.belowTarget': 'Below target',
  'risk.allStaff': 'All staff',
  'risk.count': 'Count',
  'risk.agreementUse': 'Local agreement',
  'risk.breach': 'Breach',
  'risk.shortest': 'Shortest',
  'risk.from': 'From',
  'risk.to': 'To',
  'risk.rest': 'Rest',
  'risk.kind': 'Kind',
  'risk.eveningToDay': 'evening–day',
  'risk.longShifts': 'Long shifts',
  'risk.series': 'Series',
  'risk.longest': 'Longest',
  'risk.overLimit': 'Over the limit',
  'risk.otherFindings': 'Other breaches',
  'risk.nights': 'Nights',
  'risk.restAfter': 'Too little rest after',
  'risk.nightBreaches': 'Night-work breaches',
  'risk.norm': 'Weekly norm',
  'risk.required': 'Position hours',
  'risk.deviation': 'Deviation',
  'risk.weekendsWorked': 'Weekends worked',
  'risk.frequency': 'Every k-th weekend',
  'risk.personal': 'personal',
  'risk.allowed': 'Allowed',
  'risk.everyNth': 'Works every',
  'risk.inRow': 'Most in a row',
  'risk.findings': 'Findings',
  'risk.parameter': 'Parameter',
  'risk.value': 'Value',
  'risk.default': 'KS default',
  'risk.direction': 'Effect',
  'risk.relaxed': 'relaxes',
  'risk.stricter': 'stricter',
  'risk.changed': 'changed',
  'risk.uses': 'Used',
  'risk.agreementRef': 'Agreement',
  'risk.problems': 'Problems in the rule set',
  'risk.byRule': 'All findings per rule',
  'abs.title': 'Absence',
  'abs.link': 'Absence and forecast',
  'abs.forecastTitle': 'Absence forecast',
  'abs.forecastIntro': 'Expected number of employees absent per day (every kind except leave) with the 80 % interval, against the actual absence of the last 12 weeks.',
  'abs.from': 'From',
  'abs.to': 'To',
  'abs.days': 'Days',
  'abs.computing': 'Computing the forecast …',
  'abs.expected': 'Expected absent',
  'abs.interval': '80 % interval',
  'abs.median': 'Median',
  'abs.actual': 'Actual absent',
  'abs.start': 'Forecast start',
  'abs.persons': 'persons',
  'abs.avgPerDay': 'Expected average per day',
  'abs.last12': 'Actual average last 12 weeks',
  'abs.peak': 'Highest',
  'abs.staff': 'Employees',
  'abs.estimated': 'estimated',
  'abs.historyRange': 'History',
  'abs.byShift': 'Expected absence per shift (from the staffing plan)',
  'abs.planned': 'Planned per day',
  'abs.expectedAbsent': 'Expected absent per day',
  'abs.shiftNote': 'The split assumes that absence does not depend on the shift.',
  'abs.importTitle': 'Import absence history',
  'abs.importIntro': 'CSV or Excel (.xlsx) with the columns employee, unit, from, to, type (self_certified, doctor_certified, sick_child, leave). Never a diagnosis or cause. All or nothing: if the file has errors, nothing is stored.',
  'abs.chooseFile': 'Choose file',
  'abs.upload': 'Import',
  'abs.imported': '{n} absences stored ({s} already there), {e} employees, {from}–{to}.',
  'abs.importErrors': 'The file was rejected, nothing is stored. {n} problems:',
  'abs.line': 'Line',
  'abs.field': 'Field',
  'abs.reason': 'Problem',
  'abs.registerTitle': 'Register absence',
  'abs.employee': 'Employee',
  'abs.kind': 'Kind',
  'abs.register': 'Register',
  'abs.registered': 'Absence registered: {name} {period}.',
  'abs.recent': 'Registered absence, last 90 days',
  'abs.none': 'No registered absence.',
  'abs.source': 'Source',
  'abs.source.import': 'Import',
  'abs.source.registered': 'Registered',
  'abs.source.demo': 'Demo',
  'abs.source.plan': 'Plan',
  'abs.report': 'Report absence',
  'abs.reportIntro': 'Report when you are ill or have a sick child. Your leader sees it at once. Do not write a diagnosis or cause.',
  'abs.myAbsences': 'My registered absence',
  'abs.reported': 'Your absence is reported: {period}.',
  'abs.unit': 'Unit',
};

export const MESSAGES: Record<Lang, Record<MsgKey, string>> = { nb, en };

export interface I18n {
  lang: Lang;
  t: (key: MsgKey, vars?: Record<string, string | number>) => string;
  setLang: (l: Lang) => void;
}

export function makeT(lang: Lang) {
  return (key: MsgKey, vars?: Record<string, string | number>) => {
    let s = MESSAGES[lang][key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
    return s;
  };
}

export const I18nContext = createContext<I18n>({ lang: 'nb', t: makeT('nb'), setLang: () => {} });
export const useI18n = () => useContext(I18nContext);

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('bemanna.lang');
    if (saved === 'nb' || saved === 'en') return saved;
  } catch {
    /* no storage */
  }
  return 'nb';
}

/** Server messages come as "bokmål / English"; show the part for the language. */
export function pick(msg: string, lang: Lang): string {
  const i = msg.indexOf(' / ');
  if (i < 0) return msg;
  return lang === 'nb' ? msg.slice(0, i) : msg.slice(i + 3);
}

const WD_NB = ['ma', 'ti', 'on', 'to', 'fr', 'lø', 'sø'];
const WD_EN = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const WD_LONG_NB = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const WD_LONG_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 0 = Monday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function isoWeekOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((t.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

export const wdShort = (wd: number, lang: Lang) => (lang === 'nb' ? WD_NB : WD_EN)[wd];
export const wdLong = (wd: number, lang: Lang) => (lang === 'nb' ? WD_LONG_NB : WD_LONG_EN)[wd];
export const monthName = (m: number, lang: Lang) => (lang === 'nb' ? MONTH_NB : MONTH_EN)[m];

/** 04.01.2027 (nb) or 4 Jan 2027 (en). */
export function fmtDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-');
  if (lang === 'nb') return `${d}.${m}.${y}`;
  return `${Number(d)} ${MONTH_EN[Number(m) - 1].slice(0, 3)} ${y}`;
}

/** 04.01. (nb) or 4/1 (en): column headers. */
export function fmtDayMonth(date: string, lang: Lang): string {
  const [, m, d] = date.split('-');
  return lang === 'nb' ? `${d}.${m}.` : `${Number(d)}/${Number(m)}`;
}

/** «mandag 4. januar» / «Monday 4 January». */
export function fmtLongDate(date: string, lang: Lang): string {
  const [, m, d] = date.split('-').map(Number);
  const wd = weekdayOf(date);
  return lang === 'nb' ? `${wdLong(wd, lang)} ${d}. ${MONTH_NB[m - 1]}` : `${wdLong(wd, lang)} ${d} ${MONTH_EN[m - 1]}`;
}

export function fmtPeriod(start: string, end: string, lang: Lang): string {
  const w0 = isoWeekOf(start);
  const w1 = isoWeekOf(end);
  return `${fmtDate(start, lang)}–${fmtDate(end, lang)} (${lang === 'nb' ? 'uke' : 'weeks'} ${w0}–${w1})`;
}

export function fmtDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return d.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });
}

/** 1 234,5 (nb) / 1,234.5 (en). */
export function fmtNum(x: number, lang: Lang, digits = 1): string {
  return x.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits });
}

export function addDaysIso(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

const ABSENCE_NB: Record<string, [string, string]> = {
  vacation: ['FE', 'Ferie'],
  parental_leave: ['FP', 'Foreldrepermisjon'],
  self_certified: ['EM', 'Egenmelding'],
  doctor_certified: ['SM', 'Sykmelding'],
  sick_child: ['SB', 'Sykt barn'],
  leave: ['PE', 'Permisjon'],
  course: ['KU', 'Kurs'],
  absent: ['F', 'Fravær'],
};
const ABSENCE_EN: Record<string, [string, string]> = {
  vacation: ['VA', 'Vacation'],
  parental_leave: ['PL', 'Parental leave'],
  self_certified: ['SC', 'Self-certified sick leave'],
  doctor_certified: ['DC', 'Sick leave (doctor)'],
  sick_child: ['CH', 'Sick child'],
  leave: ['LV', 'Leave'],
  course: ['CO', 'Course'],
  absent: ['A', 'Absent'],
};

export function absenceLabel(kind: string, lang: Lang): { code: string; name: string } {
  const [code, name] = (lang === 'nb' ? ABSENCE_NB : ABSENCE_EN)[kind] ?? ['?', kind];
  return { code, name };
}

const UNIT_LABEL: Record<string, [string, string]> = {
  h: ['t', 'h'],
  min: ['min', 'min'],
  count: ['', ''],
  days: ['dager', 'days'],
  percent: ['%', '%'],
};
export function fmtMeasure(x: number, unit: string, lang: Lang): string {
  const u = UNIT_LABEL[unit]?.[lang === 'nb' ? 0 : 1] ?? unit;
  return `${fmtNum(x, lang, 2)}${u ? (u === '%' ? ' %' : ` ${u}`) : ''}`;
}
