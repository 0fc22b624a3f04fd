/**
 * The demo's party register: every party and the region's separately invoicing units with real
 * names but placeholder identifiers — Luhn-valid organisationsnummer in the 202100-xxxx test
 * range, bankgiro numbers, addresses and references marked EXEMPEL — so exports of the demo data
 * work, and real (non-demo) bases are refused until someone enters the real values.
 */
import type { Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import { luhnCheckDigit } from './party-checks.js';
import { placeholderFieldNames, recordParty, type PartyInput, type PlaceholderField } from './party-register.js';

/** A Luhn-valid placeholder organisationsnummer `202100NNNc` for demo party number `n`. */
export function demoOrganisationNumber(n: number): string {
  const body = `202100${String(n).padStart(3, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** A Luhn-valid placeholder bankgiro `5NNN-NNNc`. */
export function demoBankgiro(n: number): string {
  const body = `5${String(n).padStart(6, '0')}`;
  const digits = `${body}${luhnCheckDigit(body)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/** Municipality names that take a genitive s in their legal name ("Östersunds kommun", but "Åre kommun"). */
const genitiveS = new Set(['Berg', 'Härjedalen', 'Krokom', 'Strömsund', 'Östersund']);

const PLACEHOLDERS = Object.keys(placeholderFieldNames) as PlaceholderField[];

/** The demo register's inputs (valid from 2026-01-01). */
export function demoPartyInputs(agreement: Agreement): PartyInput[] {
  const region = agreement.meta.region;
  // Every Swedish region and municipality is VAT-registered (SE + orgnr + 01); the exempt flows'
  // Peppol invoices must carry the seller's number (BR-E-02, decision 0150).
  const common = { validFrom: '2026-01-01', vatRegistered: true, paymentTermsDays: 30 } as const;
  const regionInput = (n: number, unit: string | null, legal: string, prefix: string): PartyInput => ({
    ...common,
    partyCode: region.id,
    unit,
    legalName: legal,
    organisationNumber: demoOrganisationNumber(1),
    vatNumber: `SE${demoOrganisationNumber(1)}01`,
    address: { street: `EXEMPEL Regiongatan ${String(n)}`, postalCode: '831 80', city: 'Östersund' },
    payment: { kind: 'bankgiro', account: demoBankgiro(n) },
    buyerReference: `EXEMPEL-${prefix}`,
    invoicePrefix: prefix,
  });
  return [
    regionInput(1, null, region.name, 'RJH'),
    regionInput(2, 'MT', `${region.name}, Medicinsk teknik`, 'RJHMT'),
    regionInput(3, 'syncentralen', `${region.name}, Syncentralen`, 'RJHSYN'),
    regionInput(4, 'horcentralen', `${region.name}, Hörselvården`, 'RJHHOR'),
    ...agreement.municipalities.map((m, i): PartyInput => ({
      ...common,
      partyCode: m.code,
      legalName: `${m.name}${genitiveS.has(m.name) ? 's' : ''} kommun`,
      organisationNumber: demoOrganisationNumber(10 + i),
      vatNumber: `SE${demoOrganisationNumber(10 + i)}01`,
      address: { street: `EXEMPEL Kommunhuset ${String(i + 1)}`, postalCode: `8${String(30 + i)} 80`, city: m.name },
      payment: { kind: 'bankgiro', account: demoBankgiro(10 + i) },
      buyerReference: `EXEMPEL-${m.code}`,
      invoicePrefix: `K${m.code}`,
    })),
  ];
}

/** Seed the demo register (every identifier a placeholder, the rows marked demo). */
export async function seedDemoParties(store: Store, agreement: Agreement, actor: string): Promise<void> {
  for (const input of demoPartyInputs(agreement))
    await recordParty(store, agreement, input, actor, { placeholders: PLACEHOLDERS, demo: true });
}
