/**
 * The agreement and its compiled responsibility rules, loaded once per agreement folder. Used by
 * `samverkan assess` and by the HTTP endpoint, so both answer from the same tables.
 */
import { compileResponsibilityRules, type Agreement, type ResponsibilityRules } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';

const compiled = new WeakMap<Agreement, ResponsibilityRules>();

/** The agreement (default folder or SAMVERKAN_AGREEMENT_DIR) with its checked rule tables. */
export function loadResponsibility(dir?: string): { readonly agreement: Agreement; readonly rules: ResponsibilityRules } {
  const agreement = dir === undefined ? readAgreement() : readAgreement(dir);
  let rules = compiled.get(agreement);
  if (!rules) {
    rules = compileResponsibilityRules(agreement);
    compiled.set(agreement, rules);
  }
  return { agreement, rules };
}
