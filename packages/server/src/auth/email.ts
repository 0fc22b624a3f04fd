/**
 * A user's e-mail address, used to link an OIDC sign-in to the account. Checked for the shape
 * of an address a person types (one @, a dot in the domain, no spaces), not by RFC 5322's full
 * grammar: a typing mistake should be caught, an unusual but real address not refused.
 */
import { invalidInput } from '@samverkan/core';

const shape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

/** The address trimmed and in lower case, or null for none; a malformed one is SAMV_ERR_INVALID_INPUT naming `email`. */
export function normaliseEmail(text: string | null | undefined): string | null {
  const t = text?.trim().toLowerCase() ?? '';
  if (t === '') return null;
  if (t.length > 320 || !shape.test(t))
    throw invalidInput('email', `email: "${t}" är ingen giltig e-postadress. Skriv den som namn@exempel.se.`, t);
  return t;
}
