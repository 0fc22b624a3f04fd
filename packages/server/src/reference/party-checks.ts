/**
 * Checks of the identifiers on an invoice: organisationsnummer (10 digits, Luhn over all of
 * them, as Bolagsverket assigns them), bankgiro (7–8 digits) and plusgiro (2–8 digits), both
 * with Luhn over every digit as Bankgirot and Plusgirot publish it, Swedish VAT numbers
 * (SE + organisationsnummer + 01). Each refusal names the field in Swedish.
 */
import { invalidInput } from '@samverkan/core';

/** True when the digits pass the Luhn (mod 10) check, the last digit being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes `body`. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${String(d)}`)) return String(d);
  throw new Error('unreachable: some digit completes every Luhn body');
}

/** `NNNNNN-NNNN` or 10 digits → 10 digits, Luhn-checked. */
export function organisationNumber(text: string, field = 'organisationNumber'): string {
  const digits = text.trim().replace(/[-\s]/g, '');
  if (!/^\d{10}$/.test(digits)) throw invalidInput(field, `${field}: organisationsnumret "${text}" ska ha 10 siffror (NNNNNN-NNNN).`, text);
  if (!luhnValid(digits))
    throw invalidInput(field, `${field}: organisationsnumret "${text}" har fel kontrollsiffra (Luhn); kontrollera numret.`, text);
  return digits;
}

/** Bankgiro `NNN-NNNN` / `NNNN-NNNN` or plusgiro `N…N-N` (2–8 digits), Luhn-checked; stored as written without spaces. */
export function paymentAccount(kind: 'bankgiro' | 'plusgiro', text: string, field = 'payment.account'): string {
  const compact = text.trim().replace(/\s/g, '');
  const digits = compact.replace(/-/g, '');
  const [min, max, shape] = kind === 'bankgiro' ? [7, 8, 'NNN-NNNN eller NNNN-NNNN'] : [2, 8, 't.ex. 12345-6'];
  if (!/^\d+(-\d+)?$/.test(compact) || digits.length < min || digits.length > max)
    throw invalidInput(field, `${field}: ${kind}numret "${text}" ska ha ${String(min)}–${String(max)} siffror (${shape}).`, text);
  if (!luhnValid(digits)) throw invalidInput(field, `${field}: ${kind}numret "${text}" har fel kontrollsiffra; kontrollera numret.`, text);
  // Shown the customary way: bankgiro with a hyphen before the last four, plusgiro before the last one.
  return kind === 'bankgiro' ? `${digits.slice(0, -4)}-${digits.slice(-4)}` : `${digits.slice(0, -1)}-${digits.slice(-1)}`;
}

/** SE + the party's organisationsnummer + 01 (Skatteverket's form of a Swedish VAT number). */
export function vatNumber(text: string, orgNumber: string, field = 'vatNumber'): string {
  const v = text.trim().toUpperCase().replace(/\s/g, '');
  if (v !== `SE${orgNumber}01`)
    throw invalidInput(
      field,
      `${field}: momsregistreringsnumret ska vara SE${orgNumber}01 (SE + organisationsnumret + 01), inte "${text}".`,
      text,
    );
  return v;
}

/** A Swedish postal code `NNN NN` (stored as 5 digits). */
export function postalCode(text: string, field = 'address.postalCode'): string {
  const digits = text.replace(/\s/g, '');
  if (!/^\d{5}$/.test(digits)) throw invalidInput(field, `${field}: postnumret "${text}" ska ha 5 siffror (NNN NN).`, text);
  return digits;
}
