import { describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { loadConfig } from './config.js';
import { readTrustedProxies } from './trusted-proxies.js';

function messageOf(text: string): string {
  try {
    readTrustedProxies(text);
  } catch (e) {
    if (isSamverkanError(e) && e.location.field === 'TRUST_PROXY') return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('TRUST_PROXY', () => {
  it('is off by default and for 0/false', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    for (const v of ['', '0', 'false', 'nej']) expect(readTrustedProxies(v)).toEqual([]);
  });

  it('reads a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses the old "trust every hop" values at start, saying what to write instead', () => {
    for (const v of ['1', 'true', 'ja', 'TRUE']) {
      const m = messageOf(v);
      expect(m).toContain('stöds inte längre');
      expect(m).toContain('TRUST_PROXY=127.0.0.1');
    }
  });

  it('refuses entries that are not addresses or CIDRs, naming them', () => {
    expect(messageOf('proxy.example.se')).toBe(
      'TRUST_PROXY: "proxy.example.se" är ingen IP-adress eller CIDR (t.ex. 127.0.0.1, ::1 eller 10.0.0.0/8).',
    );
    expect(messageOf('10.0.0.0/33')).toContain('0–32');
    expect(messageOf('::1/129')).toContain('0–128');
    expect(messageOf('10.0.0.1,,10.0.0.2')).toContain('tomt element');
  });
});
