/**
 * The SIE account plan each party books with, from a YAML file named by `SAMVERKAN_SIE_ACCOUNTS`
 * (decision 0160): regions and municipalities keep their own charts (Rik-BAS, Kommin), so the
 * accounts, cost centres and projects are configured per party and per flow, on top of the BAS
 * defaults. Read at each export (the file is small), so a corrected plan applies without a
 * restart; a wrong file is refused with a Swedish message naming the file and the key, never
 * silently ignored (unknown keys are errors, as in the agreement data).
 *
 * ```yaml
 * chartOfAccounts: Kommin     # written as #KPTYP
 * series: F                   # voucher series (#VER)
 * defaults:                   # any of receivable, revenue, expense, payable, costCentre, project
 *   revenue: { number: "3510", name: "Ersättning från regionen" }
 * parties:
 *   "2380":                   # party code: region or a municipality code
 *     accounts: { expense: { number: "4610", name: "Köpta vårdtjänster" } }
 *     flows:
 *       dagtid: { costCentre: { id: "410", name: "Hemsjukvård" } }
 * ```
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SamverkanError } from '@samverkan/core';
import {
  defaultSieAccounts,
  type SieAccount,
  type SieAccountConfig,
  type SieObject,
  type SiePartyAccounts,
  type SiePostingAccounts,
} from './sie-accounts.js';

const ACCOUNT_KEYS = ['receivable', 'revenue', 'expense', 'payable'] as const;
const OBJECT_KEYS = ['costCentre', 'project'] as const;
const POSTING_KEYS: readonly string[] = [...ACCOUNT_KEYS, ...OBJECT_KEYS];

function refuse(file: string, path: string, problem: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', `SIE-kontoplanen ${file}: ${path}: ${problem}`, { file, field: path });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(file: string, path: string, v: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(v))
    if (!allowed.includes(k)) throw refuse(file, `${path}.${k}`, `okänd nyckel; tillåtna är ${allowed.join(', ')}.`);
}

function text(file: string, path: string, v: unknown): string {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  throw refuse(file, path, 'ska vara en text.');
}

function account(file: string, path: string, v: unknown): SieAccount {
  if (!isRecord(v)) throw refuse(file, path, 'ska vara { number, name }.');
  onlyKeys(file, path, v, ['number', 'name']);
  return { number: text(file, `${path}.number`, v['number']), name: text(file, `${path}.name`, v['name']) };
}

function object(file: string, path: string, v: unknown): SieObject | null {
  if (v === null) return null;
  if (!isRecord(v)) throw refuse(file, path, 'ska vara { id, name } eller null.');
  onlyKeys(file, path, v, ['id', 'name']);
  return { id: text(file, `${path}.id`, v['id']), name: text(file, `${path}.name`, v['name']) };
}

function postings(file: string, path: string, v: unknown): Partial<SiePostingAccounts> {
  if (!isRecord(v)) throw refuse(file, path, 'ska vara en tabell med konton.');
  onlyKeys(file, path, v, POSTING_KEYS);
  const out: { -readonly [K in keyof SiePostingAccounts]?: SiePostingAccounts[K] } = {};
  for (const k of ACCOUNT_KEYS) if (v[k] !== undefined) out[k] = account(file, `${path}.${k}`, v[k]);
  for (const k of OBJECT_KEYS) if (v[k] !== undefined) out[k] = object(file, `${path}.${k}`, v[k]);
  return out;
}

function party(file: string, path: string, v: unknown): SiePartyAccounts {
  if (!isRecord(v)) throw refuse(file, path, 'ska vara { accounts, flows }.');
  onlyKeys(file, path, v, ['accounts', 'flows']);
  const flows = v['flows'];
  if (flows !== undefined && !isRecord(flows)) throw refuse(file, `${path}.flows`, 'ska vara en tabell per flöde.');
  return {
    ...(v['accounts'] === undefined ? {} : { accounts: postings(file, `${path}.accounts`, v['accounts']) }),
    ...(flows === undefined
      ? {}
      : { flows: Object.fromEntries(Object.entries(flows).map(([flow, p]) => [flow, postings(file, `${path}.flows.${flow}`, p)])) }),
  };
}

/** Parse a SIE account plan (YAML text) over the BAS defaults; errors name `file` and the key. */
export function parseSieAccountConfig(yamlText: string, file: string): SieAccountConfig {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    throw refuse(file, '(filen)', `ogiltig YAML (${e instanceof Error ? (e.message.split('\n')[0] ?? '') : ''}).`);
  }
  if (doc === null || doc === undefined) return defaultSieAccounts;
  if (!isRecord(doc)) throw refuse(file, '(filen)', 'ska vara en tabell med chartOfAccounts, series, defaults och parties.');
  onlyKeys(file, '', doc, ['chartOfAccounts', 'series', 'defaults', 'parties']);
  const parties = doc['parties'];
  if (parties !== undefined && !isRecord(parties)) throw refuse(file, 'parties', 'ska vara en tabell per partskod.');
  return {
    defaults: { ...defaultSieAccounts.defaults, ...(doc['defaults'] === undefined ? {} : postings(file, 'defaults', doc['defaults'])) },
    parties:
      parties === undefined
        ? {}
        : Object.fromEntries(Object.entries(parties).map(([code, p]) => [code, party(file, `parties.${code}`, p)])),
    chartOfAccounts:
      doc['chartOfAccounts'] === undefined
        ? defaultSieAccounts.chartOfAccounts
        : doc['chartOfAccounts'] === null
          ? null
          : text(file, 'chartOfAccounts', doc['chartOfAccounts']),
    series: doc['series'] === undefined ? defaultSieAccounts.series : text(file, 'series', doc['series']),
  };
}

/** The configured account plan: the file named by `SAMVERKAN_SIE_ACCOUNTS`, or the BAS defaults. */
export function configuredSieAccounts(env: NodeJS.ProcessEnv = process.env): SieAccountConfig {
  const file = env['SAMVERKAN_SIE_ACCOUNTS'];
  if (file === undefined || file.trim() === '') return defaultSieAccounts;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `SAMVERKAN_SIE_ACCOUNTS: filen ${file} kan inte läsas.`, {
      field: 'SAMVERKAN_SIE_ACCOUNTS',
      value: file,
    });
  }
  return parseSieAccountConfig(content, file);
}
