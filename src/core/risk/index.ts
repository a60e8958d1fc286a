/**
 * The risk assessment (forsvarlighetsvurdering) of a rota plan for the union and safety
 * representatives. See README.md in this folder.
 */
export { assessRisk } from './assess.js';
export { agreementExceptions, EXCEPTION_DEFS } from './exceptions.js';
export { evaluate, type Evaluation } from './evaluation.js';
export * from './types.js';
