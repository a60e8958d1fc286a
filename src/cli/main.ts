/**
 * `npx bemanna …` – the command line. A thin shell: it reads files, calls the pure core,
 * prints, and returns an exit code (0 ok, 1 hard violations, 2 invalid input).
 */
import { parseArgs } from 'node:util';
import { parsePlan } from '../core/model/validatePlan.js';
import { checkPlan, type Violation } from '../core/eval/checker.js';
import { planJsonSchema } from '../core/model/jsonSchema.js';
import { readJsonFile, type Io } from './io.js';
import { generateCommand, GENERATE_HELP } from './generate.js';
import { scenarioCommand, SCENARIO_HELP } from './scenario.js';
import { curtoisCommand, CURTOIS_HELP } from './curtois.js';
import { forecastCommand, FORECAST_HELP } from './forecast.js';

export type { Io } from './io.js';

const HELP = `Bemanna – turnus og bemanning

Bruk:
  bemanna check <plan.json> [--json] [--lang nb|en]   Sjekk en turnus mot lov- og avtaleverk
${GENERATE_HELP}
${SCENARIO_HELP}
${CURTOIS_HELP}
${FORECAST_HELP}
  bemanna schema                                      Skriv JSON Schema for planfilen
  bemanna help                                        Denne hjelpen

Exit-koder: 0 = ingen harde brudd, 1 = harde brudd, 2 = ugyldig fil.`;

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return check(rest, io);
    case 'generate':
      return generateCommand(rest, io);
    case 'scenario':
      return scenarioCommand(rest, io);
    case 'curtois':
      return curtoisCommand(rest, io);
    case 'forecast':
      return forecastCommand(rest, io);
    case 'schema':
      io.out(JSON.stringify(planJsonSchema(), null, 2));
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Ukjent kommando «${command}» / unknown command\n\n${HELP}`);
      return 2;
  }
}

function check(args: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, lang: { type: 'string', default: 'nb' } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file) {
    io.err(`Mangler planfil / missing plan file\n\n${HELP}`);
    return 2;
  }
  const lang = parsed.values.lang === 'en' ? 'en' : 'nb';
  const raw = readJsonFile(file, io);
  if (!raw.ok) return 2;
  const plan = parsePlan(raw.value);
  if (!plan.ok) {
    if (parsed.values.json) io.out(JSON.stringify({ file, errors: plan.problems }, null, 2));
    for (const p of plan.problems) io.err(`${file}: ${p.path}: ${p.message}`);
    return 2;
  }
  const result = checkPlan(plan.value);
  if (parsed.values.json) {
    io.out(
      JSON.stringify(
        {
          unit: plan.value.unit,
          period: { start: plan.value.start, end: plan.value.end },
          hardCount: result.hardCount,
          softCount: result.softCount,
          score: result.score,
          violations: result.violations.map((v) => ({ ...v, message: lang === 'en' ? v.messageEn : v.message })),
        },
        null,
        2,
      ),
    );
  } else io.out(report(plan.value.unit, plan.value.start, plan.value.end, result.violations, lang));
  return result.hardCount > 0 ? 1 : 0;
}

function fmtDate(iso: string, lang: 'nb' | 'en'): string {
  return lang === 'nb' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

export function report(unit: string, start: string, end: string, violations: Violation[], lang: 'nb' | 'en'): string {
  const nb = lang === 'nb';
  const lines: string[] = [];
  lines.push(nb ? `Turnuskontroll: ${unit}, ${fmtDate(start, lang)}–${fmtDate(end, lang)}` : `Rota check: ${unit}, ${start} to ${end}`);
  const hard = violations.filter((v) => v.severity === 'hard').length;
  const soft = violations.length - hard;
  lines.push(nb ? `${hard} harde brudd (lov/avtale), ${soft} myke (anbefalinger)` : `${hard} hard violations (law/agreement), ${soft} soft (recommendations)`);
  if (violations.length === 0) {
    lines.push(nb ? 'Ingen brudd funnet.' : 'No violations found.');
    return lines.join('\n');
  }
  const groups = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = v.employee ? `${v.employeeName} (${v.employee})` : nb ? 'Enheten (bemanning)' : 'The unit (staffing)';
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const [who, list] of groups) {
    lines.push('', who);
    for (const v of list) {
      const tag = v.severity === 'hard' ? (nb ? 'BRUDD' : 'HARD ') : nb ? 'råd  ' : 'soft ';
      lines.push(`  ${tag} ${v.rule.padEnd(7)} ${nb ? v.message : v.messageEn}`);
      lines.push(`          ${nb ? 'Hjemmel' : 'Source'}: ${v.reference}`);
    }
  }
  return lines.join('\n');
}
