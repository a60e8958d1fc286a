/** The search's view of a problem; defined in the pure core next to the scoring it abstracts. */
export { FREE, compareScores, type Change, type IncrementalScorer, type Score } from '../core/eval/scorer.js';
