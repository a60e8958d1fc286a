/**
 * Final repair: law and agreement rules can always be kept by leaving people free, so any
 * hard violation other than understaffing left after the search is removed by freeing the
 * cell that lowers the hard score most (understaffing weighs far less than a breach of law).
 */
import type { ScoreDirector } from '../core/eval/score.js';
import { FREE, type Change } from './types.js';

export function repairHard(sd: ScoreDirector, staffingRules: readonly string[] = ['PRA-11']): number {
  let removed = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const raws = sd.rawViolations().filter((v) => v.employee >= 0 && sd.isHard(v.rule) && !staffingRules.includes(v.rule));
    if (raws.length === 0) break;
    const now = sd.score();
    let best: Change | null = null;
    let bestHard = now.hard;
    for (const v of raws) {
      const days = v.days ?? Array.from({ length: v.dayTo - v.day + 1 }, (_, i) => v.day + i);
      for (const d of days) {
        if (d < 0 || d >= sd.D || sd.get(v.employee, d) === FREE) continue;
        const sc = sd.peekMany([[v.employee, d, FREE]]);
        if (sc.hard < bestHard) {
          bestHard = sc.hard;
          best = [v.employee, d, FREE];
        }
      }
    }
    if (!best) break;
    sd.setMany([best]);
    removed++;
  }
  return removed;
}
