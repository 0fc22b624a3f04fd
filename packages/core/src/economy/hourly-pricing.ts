/**
 * Time-based pricing. Started hours (påbörjad timme, ORD.uppdrag-dagtid and
 * SYNHOR.ekonomisk-ersattning): billed hours = ceil(minutes / 60), so 61 minutes bill as 2 hours.
 * MT's variable part (MT.bilaga-1-rorlig-del) has no "påbörjad": actual minutes, rounded up to the
 * increment of interpretation I7 (1 minute by default, 15 with the quarter-hour option), priced pro
 * rata and rounded half-up to whole öre.
 */
import { invalidInput } from '../errors.js';
import { ore, type Ore } from '../money.js';
import { divRound } from '../rounding.js';

/** Minutes must be a non-negative whole number; anything else is an error naming `field`. */
export function requireMinutes(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw invalidInput(field, `${field}: ${String(value)} är inget helt antal minuter.`, value);
  if (value < 0) throw invalidInput(field, `${field}: antalet minuter får inte vara negativt (${String(value)}).`, value);
  return value;
}

/** Started hours for `minutes`: ceil(minutes / 60). */
export function startedHours(minutes: number, field = 'minuter'): number {
  const m = requireMinutes(minutes, field);
  return Math.ceil(m / 60);
}

/** A priced quantity of time. */
export interface PricedTime {
  /** Minutes that are billed (started hours × 60, or minutes rounded up to the increment). */
  readonly billedMinutes: number;
  readonly amountOre: Ore;
}

/** Price `minutes` per started hour at `rateOre` per started hour. */
export function priceStartedHours(minutes: number, rateOre: Ore, field = 'minuter'): PricedTime & { readonly billedHours: number } {
  const hours = startedHours(minutes, field);
  return { billedHours: hours, billedMinutes: hours * 60, amountOre: ore(BigInt(hours) * BigInt(rateOre), field) };
}

/** Round `minutes` up to a whole number of `increment`-minute units (I7). */
export function roundUpToIncrement(minutes: number, increment: number, field = 'minuter'): number {
  const m = requireMinutes(minutes, field);
  if (!Number.isSafeInteger(increment) || increment < 1)
    throw invalidInput('I7.incrementMinutes', `Avrundningssteget ${String(increment)} minuter är ogiltigt.`, increment);
  return Math.ceil(m / increment) * increment;
}

/** Price `minutes` pro rata at `ratePerHourOre` after rounding up to `increment` minutes, half-up to öre (I7). */
export function priceProRata(minutes: number, ratePerHourOre: Ore, increment: number, field = 'minuter'): PricedTime {
  const billed = roundUpToIncrement(minutes, increment, field);
  return { billedMinutes: billed, amountOre: ore(divRound(BigInt(billed) * BigInt(ratePerHourOre), 60n, 'half-up'), field) };
}
