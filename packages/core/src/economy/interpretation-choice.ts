/**
 * Interpretations I1–I15 (interpretations.yaml) as selectable options. A calculation asks for the
 * option in effect (the caller's choice or the data's default) and records it in its trace; the
 * option's `values` are read as data, so switching an option is a data change, not a code change.
 */
import { SamverkanError } from '../errors.js';
import type { InterpretationUse } from '../trace.js';
import type { EconomyData } from './economy-data.js';

/** Chosen option per interpretation id, e.g. `{ I3: 'from-reference' }`; unnamed ones use the default. */
export type InterpretationChoices = Readonly<Partial<Record<string, string>>>;

/** The option in effect for one interpretation. */
export interface ChosenOption {
  readonly id: string;
  readonly option: string;
  /** The option's Swedish name (interpretations.yaml `label`), for step descriptions. */
  readonly label: string;
  readonly values: Readonly<Record<string, string | number | boolean>>;
  readonly use: InterpretationUse;
}

/** The option of interpretation `id` in effect; an unknown option names the ones that exist. */
export function chooseOption(data: EconomyData, id: string, choices: InterpretationChoices = {}): ChosenOption {
  const it = data.interpretations.get(id);
  if (!it) {
    throw new SamverkanError('SAMV_ERR_AGREEMENT_DATA', `Avtalsdata saknar tolkningen ${id} (interpretations.yaml).`, {
      file: 'interpretations.yaml',
      field: id,
    });
  }
  const wanted = choices[id] ?? it.default;
  const option = it.options.find((o) => o.id === wanted);
  if (!option) {
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `Tolkning ${id} (${it.topic}): alternativet "${wanted}" finns inte. Välj ett av: ${it.options.map((o) => o.id).join(', ')}.`,
      { field: id, value: wanted },
    );
  }
  return { id, option: option.id, label: option.label, values: option.values ?? {}, use: { id, option: option.id } };
}

/** An integer value set by an option; a missing or non-integer value is an agreement-data error. */
export function optionInteger(chosen: ChosenOption, key: string): number {
  const v = chosen.values[key];
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  throw new SamverkanError(
    'SAMV_ERR_AGREEMENT_DATA',
    `Tolkning ${chosen.id}, alternativ ${chosen.option}: värdet "${key}" ska vara ett heltal (interpretations.yaml).`,
    { file: 'interpretations.yaml', field: `${chosen.id}.${chosen.option}.${key}`, value: v },
  );
}

/** A decimal value (string or integer) set by an option, as text for exact parsing. */
export function optionDecimalText(chosen: ChosenOption, key: string): string {
  const v = chosen.values[key];
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  throw new SamverkanError(
    'SAMV_ERR_AGREEMENT_DATA',
    `Tolkning ${chosen.id}, alternativ ${chosen.option}: värdet "${key}" saknas (interpretations.yaml).`,
    { file: 'interpretations.yaml', field: `${chosen.id}.${chosen.option}.${key}` },
  );
}
