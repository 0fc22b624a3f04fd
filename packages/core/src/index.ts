/** Public API of @samverkan/core: pure domain, no I/O. */
export * from './errors.js';
export * from './rounding.js';
export * from './decimal.js';
export * from './money.js';
export * from './allocation.js';
export * from './trace.js';
export * from './personnummer.js';
export * from './dates.js';
export * from './agreement/schema.js';
export * from './agreement/validate.js';
export * from './agreement/load.js';
