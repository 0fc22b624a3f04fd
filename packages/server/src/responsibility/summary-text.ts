/**
 * The short Swedish text `samverkan assess` prints without `--json` or `--explain`: one line per
 * question with the party and the rule, then what is missing and the clauses cited.
 */
import type { Answer, AnswerParty, MunicipalityRef } from '@samverkan/core';

function partyText(party: AnswerParty, municipality: MunicipalityRef | null, unit: string | null): string {
  switch (party) {
    case 'region':
      return unit ? `Regionen (${unit})` : 'Regionen';
    case 'kommun':
      return municipality ? `Kommunen (${municipality.name}, ${municipality.code})` : 'Kommunen';
    case 'employer':
      return 'Arbetsgivaren';
    case 'individual_agreement':
      return 'Överenskommelse i det enskilda fallet';
    case 'undecided':
      return 'Obestämt';
  }
}

const statusText = { met: 'uppfyllt', not_met: 'inte uppfyllt', unknown: 'okänt' } as const;
const billingText = {
  none: 'inget faktureras',
  none_record_volume: 'ingen ersättning, registrera volymen',
  per_started_hour: 'per påbörjad timme vid inhyrd personal',
  tillaggsbelopp: 'ersätts genom tilläggsbeloppet',
  home_region: 'regionen fakturerar hemregionen',
  undecided: 'obestämt',
} as const;

/** The summary as lines of text. */
export function summaryLines(a: Answer): string[] {
  const care = a.careResponsibility;
  const lines = [`Hälso- och sjukvårdsansvar: ${partyText(care.party, care.municipality, care.unit)} [${care.rule}] – ${care.title}`];
  if (a.criteria.length > 0) lines.push(`Kriterier: ${a.criteria.map((c) => `${c.number} ${statusText[c.status]}`).join(', ')}`);
  lines.push(
    `Läkare: ${partyText(a.physician.party, null, a.physician.unit)} [${a.physician.rule}]${a.physician.fixedPhysicianContact ? `, fast läkarkontakt: ${a.physician.fixedPhysicianContact}` : ''}`,
  );
  for (const p of a.products)
    lines.push(`Produkt ${p.index + 1} (${p.label ?? p.kindLabel}): ${partyText(p.party, p.municipality, p.unit)} [${p.rule}]`);
  const perf = a.performing;
  const performer = perf.performer === 'undecided' ? 'Obestämt' : partyText(perf.performer, perf.municipality, null);
  lines.push(`Utförande: ${performer}${perf.asHiredStaff ? ' som inhyrd personal' : ''}, ${billingText[perf.billing]} [${perf.rule}]`);
  const vh = a.visionHearing;
  lines.push(
    `Syn- och hörselombud: ${vh.billable === null ? 'obestämt' : vh.billable ? 'kan faktureras regionen' : 'faktureras inte'} [${vh.rule}]`,
  );
  if (a.missing.length > 0) lines.push(`Saknas: ${a.missing.join(', ')}`);
  lines.push(`Överlämning: ${a.handover.map((h) => h.routine).join('; ')}`);
  const clauses = new Set([care, a.physician, perf, vh, ...a.products].flatMap((d) => d.clauses.map((c) => c.id)));
  lines.push(`Klausuler: ${[...clauses].join(', ')}`);
  lines.push(`Avtal: ${a.agreement.id} ${a.agreement.version}, datum ${a.date}`);
  return lines;
}
