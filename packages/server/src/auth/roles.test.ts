import { describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { actions, can, requireAction, roles } from './roles.js';
import { isPartyOf, municipalityScope } from './scope.js';

describe('policy', () => {
  it('gives the administrator every action and nobody else user management, audit or reference changes', () => {
    for (const a of actions) expect(can('admin', a)).toBe(true);
    for (const r of roles.filter((x) => x !== 'admin')) {
      expect(can(r, 'users:manage')).toBe(false);
      expect(can(r, 'audit:read')).toBe(false);
      expect(can(r, 'reference:change')).toBe(false);
      expect(can(r, 'terminations:record')).toBe(false);
    }
  });

  it('lets managers and viewers read only', () => {
    for (const r of ['manager', 'viewer'] as const) {
      expect(actions.filter((a) => can(r, a))).toEqual(['calculations:run', 'reference:read', 'records:read', 'disputes:read']);
    }
  });

  it('lets both kinds of economist change records, run billing and decide invoices', () => {
    for (const r of ['region_economist', 'municipality_economist'] as const) {
      for (const a of ['records:change', 'billing:run', 'invoices:decide', 'disputes:change'] as const) expect(can(r, a)).toBe(true);
    }
  });

  it('explains a refusal in Swedish', () => {
    let caught: unknown;
    try {
      requireAction('viewer', 'records:change');
    } catch (e) {
      caught = e;
    }
    expect(isSamverkanError(caught) && caught.code).toBe('SAMV_ERR_FORBIDDEN');
    expect(caught instanceof Error && caught.message).toBe('Rollen läsare får inte importera eller ändra underlag.');
  });
});

describe('municipality scope', () => {
  const ost = { id: '1', username: 'a', displayName: 'a', role: 'municipality_economist' as const, municipality: '2380' };
  it('limits only municipality economists', () => {
    expect(municipalityScope(ost)).toBe('2380');
    expect(municipalityScope({ ...ost, role: 'region_economist', municipality: null })).toBeUndefined();
    expect(isPartyOf(ost, ['region', '2380'])).toBe(true);
    expect(isPartyOf(ost, ['region', '2309'])).toBe(false);
  });
  it('fails closed for a municipality economist without a municipality', () => {
    expect(() => municipalityScope({ ...ost, municipality: null })).toThrow('saknar kommun');
  });
});
