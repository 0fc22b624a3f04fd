import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/load.js';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { isSamverkanError } from '../errors.js';
import { compileResponsibilityRules, responsibilityRuleFiles } from './load-rules.js';

type Json = Record<string, unknown>;

/** The shipped agreement with one rule file changed (a deep copy is edited). */
function withFile(path: string, edit: (data: Json) => void): Agreement {
  const a = shippedAgreement();
  const data = structuredClone(a.extra.get(path)) as Json;
  edit(data);
  return { ...a, extra: new Map(a.extra).set(path, data) };
}

function rulesOf(data: Json): Json[] {
  return data['rules'] as Json[];
}

function rule(data: Json, id: string): Json {
  const r = rulesOf(data).find((x) => x['id'] === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

function errorOf(a: Agreement): { code: string; message: string; details: readonly unknown[] } {
  try {
    compileResponsibilityRules(a);
  } catch (e) {
    if (isSamverkanError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('expected the rules to be refused');
}

const care = responsibilityRuleFiles.care;

describe('compileResponsibilityRules on the shipped agreement', () => {
  it('loads every table, checked, with the care rules R1–R7 and R4o as the decided outcomes', () => {
    const rules = compileResponsibilityRules(shippedAgreement());
    expect(rules.careRuleIds).toEqual(['R1', 'R2', 'R3', 'R4', 'R4o', 'R5', 'R6', 'R7']);
    expect(rules.care.views.map((v) => v.id)).toEqual(['R1', 'R2', 'R2u', 'R3', 'R3u', 'R4', 'R4o', 'R4u', 'R5', 'R6', 'R6u', 'R7', 'R8']);
    expect(rules.criteria.map((c) => c.id)).toEqual(['safeAtHome', 'needOver14Days', 'frailty', 'cannotReachHealthCentre']);
    expect(rules.products.views.map((v) => v.id)).toContain('M2-oxygen');
    expect(rules.cfs.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rules.cfs.levels[5]?.name).toBe('Måttligt skör');
    expect(rules.cfs.dementia.text).toContain('Skörhetsgraden motsvarar demensgraden');
    // Clauses are resolved with their quotes.
    expect(rules.care.views[0]?.clauses.ordinart[0]?.quote).toContain('folkbokförda');
  });
});

describe('compileResponsibilityRules refuses bad rule data', () => {
  it('two overlapping rules without a declared priority: SAMV_ERR_RULE_CONFLICT naming both', () => {
    // R1 (not registered) and R2 (Storsjögläntan) can both hold; drop R1's declared priorities.
    const a = withFile(care, (d) => {
      delete rule(d, 'R1')['before'];
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('reglerna R1 och R2 kan båda gälla samma situation');
    expect(e.message).toContain('registered=false, storsjoglantan=true');
    // The same table with the priority declared (as shipped) compiles.
    expect(() => compileResponsibilityRules(shippedAgreement())).not.toThrow();
  });

  it('a priority declared both ways round is a cycle, not a silent choice', () => {
    const a = withFile(care, (d) => {
      (rule(d, 'R3')['before'] as string[]).push('R1');
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('prioriteringarna bildar en cirkel mellan R1, R2, R2u, R3');
  });

  it('an unknown key on a rule is an error naming file, path and key', () => {
    const a = withFile(care, (d) => {
      rule(d, 'R4')['priority'] = 1;
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('rules/care-responsibility.yaml');
    expect(e.message).toContain('priority');
  });

  it('an unknown key inside a condition is an error', () => {
    const a = withFile(care, (d) => {
      rule(d, 'R4')['when'] = { input: 'housing', in: ['sarskilt_boende', 'korttidsplats', 'lss_bostad'], note: 'x' };
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('note');
  });

  it('a clause id that does not exist is an error naming it', () => {
    const a = withFile(responsibilityRuleFiles.products, (d) => {
      rule(d, 'P4')['clauses'] = ['ORD.sjukvardsmaterial.finns-inte'];
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('klausulen "ORD.sjukvardsmaterial.finns-inte"');
  });

  it('a condition on an input the table does not have, or a value outside it, is an error', () => {
    const a = withFile(responsibilityRuleFiles.physician, (d) => {
      rule(d, 'L4')['when'] = { input: 'boende', equals: 'lss_bostad' };
      rule(d, 'L5')['when'] = { input: 'housing', equals: 'hemma' };
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    const messages = (e.details as { message: string }[]).map((p) => p.message).join('\n');
    expect(messages).toContain('okänd indata "boende"');
    expect(messages).toContain('värdet "hemma"');
  });

  it('a rule that decides although the answer depends on an unknown input is an error', () => {
    // Without R2u, situations where Storsjögläntan is unknown would be decided by R3–R7 as if
    // the person were not connected.
    const a = withFile(care, (d) => {
      d['rules'] = rulesOf(d).filter((r) => r['id'] !== 'R2u');
      for (const r of rulesOf(d)) if (Array.isArray(r['before'])) r['before'] = (r['before'] as string[]).filter((x) => x !== 'R2u');
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('storsjoglantan=unknown');
    expect(e.message).toContain('beror på en okänd uppgift');
  });

  it('a gap (no rule for some situation) is an error', () => {
    const a = withFile(care, (d) => {
      d['rules'] = rulesOf(d).filter((r) => r['id'] !== 'R8');
      for (const r of rulesOf(d)) if (Array.isArray(r['before'])) r['before'] = (r['before'] as string[]).filter((x) => x !== 'R8');
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toContain('ingen regel gäller situationen');
  });

  it('a rule that can never decide anything is an error', () => {
    const a = withFile(responsibilityRuleFiles.physician, (d) => {
      rulesOf(d).push({
        id: 'L9',
        title: 'Aldrig',
        when: {
          allOf: [
            { input: 'storsjoglantan', is: true },
            { input: 'housing', equals: 'ordinart' },
          ],
        },
        outcome: { party: 'region', reason: 'x' },
        clauses: ['PALL.lakarmedverkan'],
        before: ['L5'],
      });
      (rule(d, 'L1')['before'] as string[]).push('L9');
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('regeln L9 avgör aldrig något');
    expect(e.message).toContain('L1');
  });

  it('a performing rule billed per hour without a rate parameter, or with an unknown one, is an error', () => {
    const a = withFile(responsibilityRuleFiles.performing, (d) => {
      delete (rule(d, 'U4')['outcome'] as Json)['parameter'];
      (rule(d, 'U6')['outcome'] as Json)['parameter'] = 'dagtid.finns-inte';
    });
    const messages = (errorOf(a).details as { message: string }[]).map((p) => p.message).join('\n');
    expect(messages).toContain('U4 fakturerar per påbörjad timme men anger ingen "parameter"');
    expect(messages).toContain('parametern "dagtid.finns-inte"');
  });

  it('a missing rule file is an error naming it', () => {
    const a = shippedAgreement();
    const extra = new Map(a.extra);
    extra.delete(responsibilityRuleFiles.cfs);
    const e = errorOf({ ...a, extra });
    expect(e.message).toContain('rules/cfs.yaml saknas');
  });

  it('criteria whose met and not-met conditions overlap are refused', () => {
    const a = withFile(care, (d) => {
      const frailty = (d['criteria'] as Json[]).find((c) => c['id'] === 'frailty');
      if (frailty) frailty['notMet'] = { input: 'cfs', in: [1, 2, 3, 4, 5] };
    });
    const e = errorOf(a);
    expect(e.code).toBe('SAMV_ERR_RULE_CONFLICT');
    expect(e.message).toContain('frailty.met och frailty.not_met');
  });
});
