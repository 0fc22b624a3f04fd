/**
 * Provenance of an invoice basis: whether it rests only on final values, or on values that are
 * not (yet) the ones to bill — an example index value (shipped with the agreement, not SKR's), a
 * forecast (prognos, not the outcome), the example allocation key or example population. Read
 * from what the basis stored when it was computed (its trace and its inputs), so it never changes
 * afterwards; the basis page, its JSON and every export show the same warnings, and approving
 * such a basis needs a confirmation naming each warning by id (basis-actions.ts).
 */
import type { IndexUse, Trace } from '@samverkan/core';
import type { BasisInputs } from './basis-draft.js';

/** What kind of value is not final. */
export type ProvenanceKind = 'example-index' | 'forecast-index' | 'example-allocation-key' | 'example-population';

/** One value a basis rests on that is not final. */
export interface ProvenanceWarning {
  /** Stable id, named in the approval's `confirmProvisional`: `example-index:VPI:2026`, … */
  readonly id: string;
  readonly kind: ProvenanceKind;
  readonly series?: string;
  readonly year?: number;
  /** Allocation key name (example-allocation-key). */
  readonly key?: string;
  /** Population date (example-population). */
  readonly date?: string;
  /** Swedish text for the reader. */
  readonly text: string;
}

/** Whether a basis rests only on final values, and the warnings when not. */
export interface Provenance {
  readonly final: boolean;
  readonly warnings: readonly ProvenanceWarning[];
}

/**
 * An index value is an example when its trace says so; traces written before that flag existed
 * are recognised by the source text the shipped example files carry ("exempel – ej SKR:s …").
 * Erring this way only ever adds a warning, never hides one.
 */
function isExampleIndex(u: IndexUse): boolean {
  return u.example === true || /\bexempel\b/i.test(u.source ?? '');
}

function percentText(u: IndexUse): string {
  return `${u.percent.replace('.', ',')} %`;
}

function indexWarnings(uses: readonly IndexUse[]): ProvenanceWarning[] {
  const out: ProvenanceWarning[] = [];
  for (const u of uses) {
    const name = `${u.series} ${String(u.year)}`;
    if (isExampleIndex(u)) {
      out.push({
        id: `example-index:${u.series}:${String(u.year)}`,
        kind: 'example-index',
        series: u.series,
        year: u.year,
        text: `${name} (${percentText(u)}) är ett exempelvärde, inte SKR:s publicerade värde${u.source ? ` (källa: ${u.source})` : ''}.`,
      });
    }
    if (u.kind === 'forecast') {
      out.push({
        id: `forecast-index:${u.series}:${String(u.year)}`,
        kind: 'forecast-index',
        series: u.series,
        year: u.year,
        text: `${name} (${percentText(u)}) är en prognos, inte ett utfall; beloppet kan ändras när utfallet publiceras.`,
      });
    }
  }
  return out;
}

// The notes the flows write for an allocation key (allocation-key-choice.ts `keyNote`) and for the
// population they split by (flows/development-funds.ts); basis-provenance.test.ts feeds the real
// `keyNote` through this, so a change of its wording fails a test instead of hiding a warning.
const KEY_NOTE = /^Fördelningsnyckel (\S+) version (\d+) \(gäller från (\d{4}-\d{2}-\d{2})\), EXEMPEL$/;
const POPULATION_NOTE = /^Folkmängd (\d{4}-\d{2}-\d{2}) \(tolkning I10\), EXEMPEL$/;

function inputWarnings(notes: readonly string[]): ProvenanceWarning[] {
  const out: ProvenanceWarning[] = [];
  for (const n of notes) {
    const key = KEY_NOTE.exec(n);
    if (key) {
      const [, name = '', version = '', from = ''] = key;
      out.push({
        id: `example-allocation-key:${name}`,
        kind: 'example-allocation-key',
        key: name,
        text: `Fördelningsnyckeln ${name} (version ${version}, gäller från ${from}) är en exempelnyckel, inte en beslutad fördelningsnyckel.`,
      });
    }
    const population = POPULATION_NOTE.exec(n);
    if (population) {
      const [, date = ''] = population;
      out.push({
        id: `example-population:${date}`,
        kind: 'example-population',
        date,
        text: `Folkmängden ${date} som fördelningen bygger på är exempeldata, inte SCB:s siffror.`,
      });
    }
  }
  return out;
}

/** The provenance of a basis from its stored trace and inputs. */
export function basisProvenance(trace: Pick<Trace, 'indexValues'>, inputs: Pick<BasisInputs, 'notes'> | null): Provenance {
  const warnings = [...indexWarnings(trace.indexValues), ...inputWarnings(inputs?.notes ?? [])];
  const unique = warnings.filter((w, i) => warnings.findIndex((x) => x.id === w.id) === i);
  return { final: unique.length === 0, warnings: unique };
}
