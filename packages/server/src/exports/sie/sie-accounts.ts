/**
 * Which accounts (and optional cost-centre / project objects) a voucher uses, per party and per
 * flow. Seller side: kundfordran debet, intäkt kredit; buyer side: kostnad debet,
 * leverantörsskuld kredit. The defaults are accounts of the BAS chart of accounts (BAS2014):
 * 1510 Kundfordringar, 3004 Försäljning inom Sverige, momsfri, 4600 Legoarbeten och
 * underentreprenader, 2440 Leverantörsskulder. Regions and municipalities book in their own
 * charts (Rik-BAS, Kommin), so each party overrides them here (decision 0160); the party
 * register may later hold the same shape.
 */
import { SamverkanError } from '@samverkan/core';

/** An account: number and name as the receiving ledger knows it. */
export interface SieAccount {
  readonly number: string;
  readonly name: string;
}

/** A cost centre (dimension 1) or project (dimension 6) object. */
export interface SieObject {
  readonly id: string;
  readonly name: string;
}

/** The accounts and objects of one voucher. */
export interface SiePostingAccounts {
  readonly receivable: SieAccount;
  readonly revenue: SieAccount;
  readonly expense: SieAccount;
  readonly payable: SieAccount;
  /** Dimension 1 (kostnadsställe), on the revenue or expense rows. */
  readonly costCentre: SieObject | null;
  /** Dimension 6 (projekt), on the revenue or expense rows. */
  readonly project: SieObject | null;
}

/** Overrides for one party, and per flow within it. */
export interface SiePartyAccounts {
  readonly accounts?: Partial<SiePostingAccounts>;
  readonly flows?: Readonly<Record<string, Partial<SiePostingAccounts>>>;
}

/** The configuration: defaults, then per party code (`region`, `2380`), then per flow. */
export interface SieAccountConfig {
  readonly defaults: SiePostingAccounts;
  readonly parties: Readonly<Record<string, SiePartyAccounts>>;
  /** Written as #KPTYP; null leaves it out. */
  readonly chartOfAccounts: string | null;
  /** Voucher series (#VER serie). */
  readonly series: string;
}

/** BAS2014 defaults. */
export const defaultSieAccounts: SieAccountConfig = {
  defaults: {
    receivable: { number: '1510', name: 'Kundfordringar' },
    revenue: { number: '3004', name: 'Försäljning inom Sverige, momsfri' },
    expense: { number: '4600', name: 'Legoarbeten och underentreprenader' },
    payable: { number: '2440', name: 'Leverantörsskulder' },
    costCentre: null,
    project: null,
  },
  parties: {},
  chartOfAccounts: 'BAS2014',
  series: 'A',
};

function checkAccount(a: SieAccount, field: string): SieAccount {
  if (!/^\d{4,6}$/.test(a.number))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${field}: kontonumret "${a.number}" ska vara 4–6 siffror.`, {
      field,
      value: a.number,
    });
  if (a.name.trim() === '')
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${field}: konto ${a.number} saknar namn.`, { field, value: a.number });
  return a;
}

function checkObject(o: SieObject | null, field: string): SieObject | null {
  if (o !== null && (o.id.trim() === '' || o.id.length > 40))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `${field}: objektets id ska vara 1–40 tecken.`, { field, value: o.id });
  return o;
}

/** The accounts for a voucher of `flow` in the books of party `company`, checked. */
export function accountsFor(config: SieAccountConfig, company: string, flow: string): SiePostingAccounts {
  const party = config.parties[company];
  const a: SiePostingAccounts = { ...config.defaults, ...party?.accounts, ...party?.flows?.[flow] };
  const at = `sie.${company}.${flow}`;
  return {
    receivable: checkAccount(a.receivable, `${at}.receivable`),
    revenue: checkAccount(a.revenue, `${at}.revenue`),
    expense: checkAccount(a.expense, `${at}.expense`),
    payable: checkAccount(a.payable, `${at}.payable`),
    costCentre: checkObject(a.costCentre, `${at}.costCentre`),
    project: checkObject(a.project, `${at}.project`),
  };
}
