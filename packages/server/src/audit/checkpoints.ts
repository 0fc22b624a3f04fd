/**
 * Checkpoints: the chain's head (sequence number, count and hash) at a moment, signed with the
 * audit key and appended as one JSON line to a file outside the database (decision 0100). The
 * service writes one after every committed change that appended audit rows, at start, and when
 * `audit verify` succeeds (which also prints it, so it can be kept elsewhere). Someone who can
 * rewrite the database but not this file cannot delete the newest rows or all of them unseen.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditKey } from './audit-key.js';

/** Why a checkpoint was written. `legacy`: rows 1..seq were written before the key (plain SHA-256). */
export type CheckpointKind = 'commit' | 'start' | 'verify' | 'legacy' | 'backup' | 'restore';

/** One signed checkpoint line. */
export interface Checkpoint {
  readonly v: 1;
  readonly kind: CheckpointKind;
  readonly seq: number;
  readonly count: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  readonly mac: string;
}

/** A checkpoint read back, with the line it was on. */
export interface ReadCheckpoint {
  readonly file: string;
  readonly line: number;
  readonly checkpoint: Checkpoint;
}

/** A line that is not a checkpoint signed with the key. */
export interface CheckpointProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

function macOf(key: AuditKey, c: Omit<Checkpoint, 'mac'>): string {
  return createHmac('sha256', key.secret)
    .update(canonicalJson({ ...c, purpose: 'samverkan-audit-checkpoint' }), 'utf8')
    .digest('hex');
}

/** Sign a checkpoint of the head `seq`/`hash` (seq = count: sequence numbers start at 1 without gaps). */
export function signCheckpoint(
  key: AuditKey,
  kind: CheckpointKind,
  head: { readonly seq: number; readonly hash: string },
  at = new Date().toISOString(),
): Checkpoint {
  const body = { v: 1 as const, kind, seq: head.seq, count: head.seq, hash: head.hash, at, keyId: key.id };
  return { ...body, mac: macOf(key, body) };
}

/** True when `c` was signed with `key`. */
export function checkpointSigned(key: AuditKey, c: Checkpoint): boolean {
  const { mac, ...body } = c;
  const expected = Buffer.from(macOf(key, body), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Append `c` as one line (created with mode 0600; O_APPEND keeps lines of concurrent writers whole). */
export function appendCheckpoint(file: string, c: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(c) + '\n', { mode: 0o600 });
}

function isCheckpoint(v: unknown): v is Checkpoint {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    o['v'] === 1 &&
    typeof o['kind'] === 'string' &&
    Number.isSafeInteger(o['seq']) &&
    Number.isSafeInteger(o['count']) &&
    typeof o['hash'] === 'string' &&
    typeof o['at'] === 'string' &&
    typeof o['keyId'] === 'string' &&
    typeof o['mac'] === 'string' &&
    /^[0-9a-f]{64}$/.test(o['mac'])
  );
}

/** Read every checkpoint of `file` (none when it does not exist), checking each signature. */
export function readCheckpoints(file: string, key: AuditKey): { checkpoints: ReadCheckpoint[]; problems: CheckpointProblem[] } {
  const checkpoints: ReadCheckpoint[] = [];
  const problems: CheckpointProblem[] = [];
  if (!existsSync(file)) return { checkpoints, problems };
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push({ file, line, message: `rad ${String(line)} i ${file} är ingen kontrollpunkt (inte JSON).` });
      return;
    }
    if (!isCheckpoint(parsed))
      problems.push({ file, line, message: `rad ${String(line)} i ${file} är ingen kontrollpunkt (fält saknas eller har fel typ).` });
    else if (parsed.keyId !== key.id)
      problems.push({
        file,
        line,
        message: `kontrollpunkten på rad ${String(line)} i ${file} är skriven med en annan nyckel (${parsed.keyId}, nu ${key.id}).`,
      });
    else if (!checkpointSigned(key, parsed))
      problems.push({
        file,
        line,
        message: `kontrollpunkten på rad ${String(line)} i ${file} har ändrats eller är förfalskad (signaturen stämmer inte).`,
      });
    else checkpoints.push({ file, line, checkpoint: parsed });
  });
  return { checkpoints, problems };
}
