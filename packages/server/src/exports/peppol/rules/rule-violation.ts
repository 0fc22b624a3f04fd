/** One broken rule: its official id (e.g. `BR-CO-10`, `PEPPOL-COMMON-R049`), its flag, where, and why in Swedish. */
export interface RuleViolation {
  readonly rule: string;
  /** The official flag; our exports must have neither (zero errors, zero warnings). */
  readonly flag?: 'fatal' | 'warning';
  readonly path: string;
  readonly message: string;
}
