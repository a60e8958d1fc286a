/**
 * Absence forecasting (fraværspredikering): CSV import, the NB regression with pooling, level,
 * durations and calibration, baselines and backtests. Pure: no file or network access.
 * See README.md in this folder.
 */
export { parseAbsenceCsv, formatAbsenceCsv, ABSENCE_CSV_COLUMNS, type AbsenceCsvResult, type AbsenceRecord, type CsvError } from './absenceCsv.js';
export { prepareHistory, ABSENCE_TYPES, SICKNESS_TYPES, ONSET_GROUPS, type AbsenceSpell, type AbsenceType, type HistoryInput, type PreparedHistory } from './history.js';
export { fitAbsenceModel, fitIncidence, forecastUnit, DEFAULT_MODEL_OPTIONS, type AbsenceModel, type AbsenceModelOptions, type DayForecast } from './model.js';
export { forecastAbsence, estimateStaff, ForecastInputError, type ForecastRow, type UnitForecastRequest, type UnitForecastResult } from './unitForecast.js';
export { Calibrator, pitSample, HORIZON_BUCKETS, MEAN_BUCKETS, type PitSample } from './calibration.js';
export { negBinomial, negBinomialFromMoments, poissonBinomial, convolve, thin, quantile, cdf, pit, type CountDist } from './distribution.js';
export { fitNb2, DesignBuilder, estimateTheta, type Nb2Fit, type Nb2Options } from './glm.js';
export { kaplanMeier, projectOngoing, survival, type SurvivalCurve } from './survival.js';
export { plannedCells, splitByShift, type ShiftCell, type ShiftForecast } from './shifts.js';
export { dailyBaselines } from './baselines.js';
export { runDailyBacktest, type DailyBacktestResult } from './backtest.js';
export { runAggregateBacktest, forecastAggregate } from './aggregate.js';
export { summarise, pinball, type Summary } from './metrics.js';
export { isSchoolHoliday, dayFeatures } from './calendar.js';
export { syntheticUnits } from './synthetic.js';
export { criticalRatio, newsvendorCount, expectedCost, probAtLeast, allocate, sizePredictionShifts, poolAcrossUnits, DEFAULT_COSTS, NewsvendorInputError, type NewsvendorCosts, type PooledDay, type Slot, type PredictionShiftSlot, type SizingResult } from './newsvendor.js';
export { recommendPredictionShifts, pooledDays, type RecommendInput } from './predictionShifts.js';
