/**
 * TRUST_PROXY: the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto the service believes,
 * as a comma-separated list of addresses and CIDR ranges (`127.0.0.1,10.0.0.0/8`). Trusting every
 * hop (the old `TRUST_PROXY=1`) let any client pick its own address and sidestep the sign-in
 * limits, so `1`/`true`/`ja`… are refused at start with a message saying what to write instead
 * (decision 0132); `0`/`false`/empty mean no proxy.
 */
import { isIP } from 'node:net';
import { SamverkanError } from '@samverkan/core';

const OFF = new Set(['', '0', 'false', 'nej', 'no', 'off']);
const OLD_ON = new Set(['1', 'true', 'ja', 'yes', 'on', '*', 'all']);

function refuse(message: string): SamverkanError {
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', `TRUST_PROXY: ${message}`, { field: 'TRUST_PROXY' });
}

function checkEntry(entry: string): void {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) throw refuse(`"${entry}" är ingen IP-adress eller CIDR (t.ex. 127.0.0.1, ::1 eller 10.0.0.0/8).`);
  if (prefix === undefined) return;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) throw refuse(`"${entry}": prefixlängden måste vara ett heltal 0–${String(max)}.`);
}

/** The trusted proxies of TRUST_PROXY (empty: none, X-Forwarded-* ignored). */
export function readTrustedProxies(text: string | undefined): readonly string[] {
  const value = (text ?? '').trim();
  if (OFF.has(value.toLowerCase())) return [];
  if (OLD_ON.has(value.toLowerCase())) {
    throw refuse(
      `"${value}" (lita på alla) stöds inte längre: då kan vem som helst ange sin egen adress och kringgå inloggningsspärren. Ange proxyns adresser, t.ex. TRUST_PROXY=127.0.0.1 eller TRUST_PROXY=10.0.0.0/8 (se docs/operations.md).`,
    );
  }
  const entries = value.split(',').map((e) => e.trim());
  if (entries.some((e) => e === '')) throw refuse(`"${value}" har ett tomt element; skriv adresserna åtskilda med kommatecken.`);
  for (const e of entries) checkEntry(e);
  return entries;
}
