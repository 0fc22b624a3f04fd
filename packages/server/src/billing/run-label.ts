/** How runs are named to people: "Körning 1", "Tilläggskörning 2"; a run's scope "Hela länet" or the municipality. */
import type { Agreement } from '@samverkan/core';

/** Swedish label of run number `sequence` of a flow and period. */
export function runLabel(sequence: number): string {
  return sequence <= 1 ? `Körning ${String(sequence)}` : `Tilläggskörning ${String(sequence)}`;
}

/** Swedish name of a run's scope: the municipality it was limited to, or the whole county. */
export function scopeName(agreement: Agreement, scope: string | null): string {
  if (scope === null) return 'Hela länet';
  return agreement.municipalities.find((m) => m.code === scope)?.name ?? scope;
}
