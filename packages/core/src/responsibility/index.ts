/** The Ansvarsguide: responsibility rule tables as data, compiled and checked, and their evaluation. */
export * from './space.js';
export * from './condition.js';
export * from './decision-table.js';
export * from './inputs.js';
export * from './rule-files.js';
export * from './answer.js';
export * from './load-rules.js';
export * from './situation.js';
export * from './assess.js';
export * from './explain.js';
export * from './assess-input.js';
export * from './rates-for-date.js';
