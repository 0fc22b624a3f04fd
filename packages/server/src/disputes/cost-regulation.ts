/**
 * The cost regulation a dispute's decision may carry (ORD.tvist and the other documents' Tvist
 * clauses: "Eventuella kostnadsregleringar görs i efterhand"): an amount in öre, the party that
 * pays and the party that receives it. The billing flow `cost-regulation` turns it into one
 * invoice line payee → payer in the decision month.
 */
import {
  formatKronor,
  integerValue,
  invalidInput,
  ore,
  parameterValueOn,
  requireParameter,
  type Agreement,
  type Ore,
  type Temporal,
} from '@samverkan/core';

/** The parameter bounding one decision's cost regulation (parameters.yaml, decision 0071). */
export const COST_REGULATION_MAX_PARAMETER = 'tvist.kostnadsreglering.max';

/** The largest cost regulation one decision may carry on `on` (the effective parameter value). */
export function costRegulationMax(agreement: Agreement, on: Temporal.PlainDate): Ore {
  const p = requireParameter(agreement, COST_REGULATION_MAX_PARAMETER);
  return ore(Number(integerValue(p, parameterValueOn(p, on))), COST_REGULATION_MAX_PARAMETER);
}

/** A decision: the outcome, and an optional cost regulation with who pays and who receives it. */
export interface Decision {
  readonly outcome: string;
  readonly costRegulationOre?: number | undefined;
  /** A party of the dispute (`region` or a municipality code); required with an amount. */
  readonly costRegulationPayer?: string | undefined;
  /** Needed only when the dispute has more than two parties; otherwise the other party. */
  readonly costRegulationPayee?: string | undefined;
}

/** The cost-regulation columns of a dispute as written by a decision. */
export interface CostRegulationColumns {
  readonly cost_regulation_ore: number | null;
  readonly cost_regulation_payer: string | null;
  readonly cost_regulation_payee: string | null;
}

/**
 * The cost-regulation columns of a decision: amount > 0 with a payer among the parties and a
 * payee among the others (the other party of a two-party dispute). Without an amount, payer and
 * payee must be left out.
 */
export function costRegulationOf(parties: readonly string[], d: Decision, maxOre: Ore): CostRegulationColumns {
  const listed = parties.join(', ');
  if (d.costRegulationOre === undefined) {
    if (d.costRegulationPayer !== undefined)
      throw invalidInput(
        'costRegulationPayer',
        'costRegulationPayer: ange betalare bara tillsammans med ett belopp i costRegulationOre.',
        d.costRegulationPayer,
      );
    if (d.costRegulationPayee !== undefined)
      throw invalidInput(
        'costRegulationPayee',
        'costRegulationPayee: ange mottagare bara tillsammans med ett belopp i costRegulationOre.',
        d.costRegulationPayee,
      );
    return { cost_regulation_ore: null, cost_regulation_payer: null, cost_regulation_payee: null };
  }
  const amount = ore(d.costRegulationOre, 'costRegulationOre');
  if (amount <= 0)
    throw invalidInput(
      'costRegulationOre',
      'costRegulationOre: kostnadsregleringen ska vara ett belopp större än 0 öre (utelämna fältet om ingen kostnad ska regleras).',
      d.costRegulationOre,
    );
  // A bound keeps every month's cost-regulation basis far from overflow, so it can always be credited.
  if (amount > maxOre) {
    throw invalidInput(
      'costRegulationOre',
      `costRegulationOre: kostnadsregleringen får vara högst ${formatKronor(maxOre)} (parametern ”Högsta kostnadsreglering i ett tvistbeslut”, ${COST_REGULATION_MAX_PARAMETER}); ${formatKronor(amount)} är mer än så.`,
      d.costRegulationOre,
    );
  }
  const payer = d.costRegulationPayer;
  if (payer === undefined)
    throw invalidInput('costRegulationPayer', `costRegulationPayer: ange vilken part som betalar kostnadsregleringen (en av ${listed}).`);
  if (!parties.includes(payer))
    throw invalidInput('costRegulationPayer', `costRegulationPayer: "${payer}" är inte part i tvisten; välj en av ${listed}.`, payer);
  const others = parties.filter((p) => p !== payer);
  const payee = d.costRegulationPayee ?? (others.length === 1 ? others[0] : undefined);
  if (payee === undefined)
    throw invalidInput(
      'costRegulationPayee',
      `costRegulationPayee: tvisten har fler än två parter; ange vilken part som får kostnadsregleringen (en av ${others.join(', ')}).`,
    );
  if (!others.includes(payee))
    throw invalidInput(
      'costRegulationPayee',
      `costRegulationPayee: "${payee}" kan inte ta emot kostnadsregleringen; välj en annan part än betalaren (en av ${others.join(', ')}).`,
      payee,
    );
  return { cost_regulation_ore: amount, cost_regulation_payer: payer, cost_regulation_payee: payee };
}
