/** `bemanna forecast <absences.csv> --unit <unit> --from <date> --days <n> [--staff N] [--json]` */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseAbsenceCsv } from '../forecast/absenceCsv.js';
import { forecastAbsence, ForecastInputError, type UnitForecastResult } from '../forecast/unitForecast.js';
import { weekday } from '../core/time/localDate.js';
import type { Io } from './io.js';

export const FORECAST_HELP = `  bemanna forecast <fravær.csv> --unit <enhet> --from <dato> --days <n> [--staff N] [--json]
                                                      Prognose for antall ansatte borte per dag (fraværspredikering)`;

const USAGE = `Bruk: bemanna forecast <fravær.csv> --unit <enhet> --from <ÅÅÅÅ-MM-DD> --days <n> [--staff N] [--json]
  CSV-kolonner: employee,unit,from,to,type (type: self_certified, doctor_certified, sick_child, leave)`;

const WEEKDAYS_NB = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'];

const nbNumber = (x: number, digits = 1) => x.toFixed(digits).replace('.', ',');
const nbDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function forecastTable(unit: string, r: UnitForecastResult): string {
  const lines: string[] = [];
  const first = r.rows[0].date;
  const last = r.rows[r.rows.length - 1].date;
  lines.push(`Fraværsprognose for ${unit}, ${nbDate(first)}–${nbDate(last)} (${r.rows.length} dager)`);
  lines.push('Antall ansatte borte per dag: egenmelding, sykt barn og sykmelding (ikke permisjon).');
  lines.push('');
  lines.push('Dato        Dag  Forventet  Median  80 %-intervall');
  for (const row of r.rows) {
    const iv = row.p10 === row.p90 ? `${row.p10}` : `${row.p10}–${row.p90}`;
    lines.push(`${nbDate(row.date)}  ${WEEKDAYS_NB[weekday(row.date)]}  ${nbNumber(row.mean).padStart(9)}  ${String(row.p50).padStart(6)}  ${iv.padStart(14)}`);
  }
  const total = r.rows.reduce((s, x) => s + x.mean, 0);
  lines.push('');
  lines.push(`Sum forventede fraværsdager i perioden: ${nbNumber(total)}.`);
  lines.push(
    `Grunnlag: ${r.spellsUsed} sykefravær i historikken ${nbDate(r.historyStart)}–${nbDate(r.historyEnd)}, ` +
      `${r.staff[unit]} ansatte i enheten, intervaller kalibrert på ${r.calibrator.samples} tidligere prognoser (${r.calibrationOrigins} startdatoer).`,
  );
  lines.push('80 %-intervallet: 1 av 10 dager ventes under, 1 av 10 over.');
  if (r.staffEstimated)
    lines.push(`Merk: antall ansatte (${r.staff[unit]}) er anslått som antall personer med fravær i enheten siste 365 dager; oppgi --staff for riktig antall.`);
  if (r.calibrator.samples === 0) lines.push('Merk: for kort historikk til å kalibrere intervallene; de er modellens egne (ukalibrerte).');
  return lines.join('\n');
}

export async function forecastCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        unit: { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        staff: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const v = parsed.values;
  const missing = [!file && 'fravær.csv', !v.unit && '--unit', !v.from && '--from', !v.days && '--days'].filter(Boolean);
  if (missing.length) {
    io.err(`Mangler ${missing.join(', ')} / missing ${missing.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    io.err(`For mange argumenter / too many arguments: ${parsed.positionals.slice(1).join(' ')}\n\n${USAGE}`);
    return 2;
  }
  if (!/^\d+$/.test(v.days!)) {
    io.err(`--days: «${v.days}» er ikke et heltall / not a whole number`);
    return 2;
  }
  let staff: number | undefined;
  if (v.staff !== undefined) {
    staff = Number(v.staff);
    if (!Number.isInteger(staff) || staff < 1) {
      io.err(`--staff: «${v.staff}» må være et heltall ≥ 1 / must be a whole number ≥ 1`);
      return 2;
    }
  }
  let text: string;
  try {
    text = readFileSync(file!, 'utf8');
  } catch (e) {
    io.err(`${file}: kan ikke lese filen / cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
    return 2;
  }
  const csv = parseAbsenceCsv(text);
  if (!csv.ok) {
    const shown = csv.errors.slice(0, 50);
    for (const e of shown) io.err(`${file}:${e.line}: ${e.field}: ${e.reason}`);
    if (csv.errors.length > shown.length) io.err(`… og ${csv.errors.length - shown.length} feil til / and ${csv.errors.length - shown.length} more`);
    io.err(`${file}: ugyldig fraværsfil, ingenting importert / invalid absence file, nothing imported`);
    return 2;
  }
  let result: UnitForecastResult;
  try {
    result = forecastAbsence(csv.records, { unit: v.unit!, from: v.from!, days: Number(v.days), ...(staff !== undefined ? { staff } : {}) });
  } catch (e) {
    if (e instanceof ForecastInputError || e instanceof RangeError) {
      io.err(`${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
  if (v.json) io.out(`[\n${result.rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]`);
  else io.out(forecastTable(v.unit!, result));
  return 0;
}
