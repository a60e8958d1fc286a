/** Scenario results as text: up to three scenarios side by side, then their reasons and notes. */
import type { ScenarioResult } from './scenario.js';
import { fmtNum } from './messages.js';

type Lang = 'nb' | 'en';

/** "10 × 100 %, 14 × 17,8 %". */
export function positionSummary(positions: number[], lang: Lang): string {
  const groups = new Map<number, number>();
  for (const p of positions) groups.set(p, (groups.get(p) ?? 0) + 1);
  return [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([p, n]) => `${n} × ${fmtNum(p, lang, 1)} %`)
    .join(', ');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ').trimEnd()).join('\n');
}

export function formatScenarios(results: ScenarioResult[], lang: Lang = 'nb'): string {
  const nb = lang === 'nb';
  const n = (x: number, d = 1) => fmtNum(x, lang, d);
  const pc = (x: number) => `${n(x * 100, 1)} %`;
  const out: string[] = [];
  const unit = results[0]?.unit ?? '';
  out.push(nb ? `Scenarier for ${unit} (helgefloken, RULES § 8)` : `Scenarios for ${unit} (the weekend tangle, RULES § 8)`);
  out.push('');
  const head = [nb ? '' : '', ...results.map((r, i) => `${String.fromCharCode(65 + i)}`)];
  const rows: string[][] = [head];
  const row = (label: string, f: (r: ScenarioResult) => string) => rows.push([label, ...results.map(f)]);
  row(nb ? 'Helg' : 'Weekend', (r) => (nb ? `hver ${r.weekendEvery}.` : `every ${r.weekendEvery}`));
  row(nb ? 'Langvakter' : 'Long shifts', (r) =>
    r.longShifts === 'on' ? `${n(r.longShiftHours ?? 0, 2)} ${nb ? 't' : 'h'}` : r.longShifts === 'off' ? (nb ? 'av' : 'off') : nb ? 'som planlagt' : 'as planned',
  );
  row(nb ? 'Ukenorm' : 'Weekly norm', (r) => `${n(r.weeklyNorm, 2)} ${nb ? 't' : 'h'}`);
  row(nb ? 'Turnusform' : 'Rota form', (r) => (r.planningForm === 'annual' ? (nb ? 'årsturnus' : 'annual') : nb ? 'grunnturnus' : 'rolling'));
  if (results.some((r) => r.pool)) row(nb ? 'Felles pool' : 'Shared pool', (r) => (r.pool ? r.pool.units[1] : '–'));
  row(nb ? 'Hverdagstimer/uke (Wd)' : 'Weekday hours/week (Wd)', (r) => n(r.weekdayHours));
  row(nb ? 'Helgetimer/uke (We)' : 'Weekend hours/week (We)', (r) => n(r.weekendHours));
  row(nb ? 'Personer per helg (Pw)' : 'People per weekend (Pw)', (r) => String(r.weekendPersons));
  row(nb ? 'Antall ansatte' : 'Headcount', (r) => String(r.headcount));
  row(nb ? 'Årsverk' : 'FTE', (r) => n(r.fte, 2));
  row(nb ? 'Timer per person/uke' : 'Hours per person/week', (r) => n(r.averageHoursPerWeek, 1));
  row(nb ? 'Stillingssnitt' : 'Average position', (r) => `${n(r.averagePositionPercent, 1)} %`);
  row(nb ? 'Heltidsandel (100 %)' : 'Full-time share (100 %)', (r) => pc(r.fullTimeShare));
  row(nb ? 'Heltidsandel (≥ 80 %)' : 'Full-time share (≥ 80 %)', (r) => pc(r.fullTimeShares.atLeast80));
  row(nb ? 'Heltidsandel (> 90 %)' : 'Full-time share (> 90 %)', (r) => pc(r.fullTimeShares.above90));
  const groups = [...new Set(results.flatMap((r) => Object.keys(r.byCompetence)))];
  for (const g of groups) {
    const label = results.map((r) => r.byCompetence[g]).find(Boolean)!.label[lang];
    row(`  ${label}`, (r) => {
      const x = r.byCompetence[g];
      return x ? `${x.headcount} ${nb ? 'pers.' : 'ppl'}, ${n(x.averagePositionPercent, 1)} %` : '–';
    });
  }
  row(nb ? 'Kan bemannes' : 'Can be staffed', (r) => (r.staffable ? (nb ? 'ja' : 'yes') : nb ? 'NEI' : 'NO'));
  out.push(table(rows));
  results.forEach((r, i) => {
    out.push('');
    out.push(`${String.fromCharCode(65 + i)}: ${r.name[lang]}`);
    for (const g of Object.values(r.byCompetence)) {
      const kmax = g.maxWeekendEveryForFullTime;
      out.push(
        nb
          ? `  ${g.label.nb}: ${g.headcount} personer (${g.boundBy === 'weekends' ? `${g.weekendPersons} per helg × ${r.weekendEvery}` : `timene / ${n(r.weeklyNorm, 2)} t`}), stillinger ${positionSummary(g.positions, lang)}${kmax !== null ? (kmax < 2 ? `; heltid for alle er umulig (krever k ≤ ${n(kmax, 2)}, men minst annenhver helg skal være fri)` : `; heltid for alle krever k ≤ ${n(kmax, 2)}`) : ''}`
          : `  ${g.label.en}: ${g.headcount} people (${g.boundBy === 'weekends' ? `${g.weekendPersons} per weekend × ${r.weekendEvery}` : `the hours / ${n(r.weeklyNorm, 2)} h`}), positions ${positionSummary(g.positions, lang)}${kmax !== null ? (kmax < 2 ? `; full time for all is impossible (needs k ≤ ${n(kmax, 2)}, but at least every other weekend must be free)` : `; full time for all needs k ≤ ${n(kmax, 2)}`) : ''}`,
      );
    }
    for (const m of r.reasons) out.push(`  ${nb ? 'KAN IKKE' : 'CANNOT'}: ${m[lang]}`);
    for (const m of r.notes) out.push(`  ${nb ? 'merk' : 'note'}: ${m[lang]}`);
  });
  return out.join('\n');
}
