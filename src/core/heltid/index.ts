/**
 * Full-time culture (heltidskultur): the weekend-tangle scenario planner of RULES.md § 8 and
 * its proof with the rota engine. See README.md in this folder.
 */
export { ANY, demandProfile, type DemandProfile, type GroupProfile, type LongShiftMode, type LongShiftChoice, type ProfileOptions, type ProfileDay, type LongShiftType } from './profile.js';
export {
  computeScenario,
  compareScenarios,
  positionSizes,
  fullTimeCounts,
  poolProfiles,
  groupLabel,
  type ScenarioOptions,
  type ScenarioResult,
  type GroupResult,
  type PoolResult,
  type FullTimeCounts,
  type PlanningForm,
} from './scenario.js';
export { formatScenarios, positionSummary } from './format.js';
export { ScenarioInputError, type Message } from './messages.js';
export { staffingPlan, type StaffingPlanInput } from './handPlan.js';
export { proposePositionPlan, type PositionPlanInput, type PositionPlanEmployee, type PositionPlanResult, type PositionStep, type PositionStepKind, type PositionSummary, type PositionAfter, type GroupPositionPlan } from './positionPlan.js';
export { planAfterPositionPlan, type PositionPlanChange, type PositionPlanDraft } from './positionPlanRota.js';
