/** The compiled responsibility rules of the served agreement, compiled once (shared by the assess and CFS routes). */
import { compileResponsibilityRules, type Agreement, type ResponsibilityRules } from '@samverkan/core';

const compiled = new WeakMap<Agreement, ResponsibilityRules>();

/** The checked rule tables of `agreement`. */
export function rulesFor(agreement: Agreement): ResponsibilityRules {
  let rules = compiled.get(agreement);
  if (!rules) {
    rules = compileResponsibilityRules(agreement);
    compiled.set(agreement, rules);
  }
  return rules;
}
