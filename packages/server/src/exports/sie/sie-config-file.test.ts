import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invoiceFixture } from '../render-fixtures.testkit.js';
import { parseSie } from './sie-parse.testkit.js';
import { renderSie } from './render-sie.js';
import { defaultSieAccounts } from './sie-accounts.js';
import { configuredSieAccounts, parseSieAccountConfig } from './sie-config-file.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-sie-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const plan = `
chartOfAccounts: Kommin
series: F
defaults:
  revenue: { number: "3510", name: "Ersättning från kommuner" }
parties:
  region:
    flows:
      dagtid:
        revenue: { number: "3520", name: "Uppdrag dagtid" }
        costCentre: { id: "410", name: "Primärvård" }
`;

describe('the SIE account plan file (SAMVERKAN_SIE_ACCOUNTS)', () => {
  it('without the variable the BAS defaults apply', () => {
    expect(configuredSieAccounts({})).toBe(defaultSieAccounts);
  });

  it('applies defaults, party and flow accounts and objects from the file to the vouchers', () => {
    const file = join(dir, 'konton.yaml');
    writeFileSync(file, plan);
    const config = configuredSieAccounts({ SAMVERKAN_SIE_ACCOUNTS: file });
    expect(config.defaults.revenue).toEqual({ number: '3510', name: 'Ersättning från kommuner' });
    expect(config.defaults.receivable).toEqual(defaultSieAccounts.defaults.receivable);
    const doc = invoiceFixture('dagtid');
    const parsed = parseSie(renderSie([doc], { side: 'seller', config }));
    expect(parsed.records.find((r) => r[0] === '#KPTYP')?.slice(1)).toEqual(['Kommin']);
    const rows = parsed.vouchers[0]?.rows ?? [];
    expect(rows.slice(1).every((r) => r.account === '3520')).toBe(true);
    expect(rows.reduce((s, r) => s + r.amountOre, 0n)).toBe(0n);
  });

  it('refuses an unknown key, a bad account and a missing file in Swedish, naming the file and the key', () => {
    expect(() => parseSieAccountConfig('defaults:\n  intakt: { number: "3000", name: "x" }\n', 'k.yaml')).toThrow(
      /SIE-kontoplanen k\.yaml: defaults\.intakt: okänd nyckel/,
    );
    expect(() => parseSieAccountConfig('defaults:\n  revenue: { number: "3000" }\n', 'k.yaml')).toThrow(
      /defaults\.revenue\.name: ska vara en text/,
    );
    expect(() => parseSieAccountConfig('defaults: [1, 2]\n', 'k.yaml')).toThrow(/defaults: ska vara en tabell/);
    expect(() => parseSieAccountConfig('a: [\n', 'k.yaml')).toThrow(/ogiltig YAML/);
    expect(() => configuredSieAccounts({ SAMVERKAN_SIE_ACCOUNTS: join(dir, 'saknas.yaml') })).toThrow(
      /SAMVERKAN_SIE_ACCOUNTS: filen .* kan inte läsas/,
    );
    // An account number that is not 4–6 digits is refused when a voucher uses it.
    const config = parseSieAccountConfig('defaults:\n  revenue: { number: "30A0", name: "x" }\n', 'k.yaml');
    expect(() => renderSie([invoiceFixture('dagtid')], { side: 'seller', config })).toThrow(/kontonumret "30A0" ska vara 4–6 siffror/);
  });
});
