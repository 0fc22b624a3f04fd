/** Plain-Swedish pieces of the answer card: who, billing, what is still missing. */
import { municipalityName } from '../../api/municipalities.js';
import type { AnswerParty, AssessResult, MunicipalityRef, RateRef } from './assess.js';
import { formatOre } from '../../format/money.js';

/** "Östersunds kommun", "Region Jämtland Härjedalen (Storsjögläntan)", … */
export function partyText(party: AnswerParty, municipality: MunicipalityRef | null, unit: string | null): string {
  switch (party) {
    case 'kommun':
      return municipality ? municipalityName(municipality.name) : 'Kommunen';
    case 'region':
      return `Region Jämtland Härjedalen${unit ? ` (${unit})` : ''}`;
    case 'employer':
      return 'Arbetsgivaren';
    case 'individual_agreement':
      return 'En överenskommelse i det enskilda fallet';
    case 'undecided':
      return 'Inte avgjort ännu';
  }
}

const missingLabels: Readonly<Record<string, string>> = {
  storsjoglantan: 'om personen är ansluten till Storsjögläntan',
  atDayActivity: 'om personen vistas i daglig verksamhet eller dagverksamhet',
  safeAtHome: 'kriterium 1: om insatsen kan utföras patientsäkert i hemmet',
  needOver14Days: 'kriterium 2: om behovet varar mer än 14 dagar',
  cfs: 'kriterium 3: skörhet enligt Clinical Frailty Scale',
  cognitiveImpairment: 'kriterium 3: om personen har kognitiv svikt',
  cannotReachHealthCentre: 'kriterium 4: om personen kan ta sig till hälsocentralen',
  prefersHealthCentre: 'om personen önskar vård av regionen (hälsocentralen eller regionens öppna mottagning)',
  preferenceRisksSafety: 'om önskemålet påverkar patientsäkerheten',
  listedAtOtherHealthCentre: 'om personen är listad vid en annan hälsocentral än boendets',
  time: 'vilken tid på dygnet insatsen görs',
  workEnvironment: 'om produkten används av arbetsmiljöskäl',
  specialisedCare: 'om produkten används i samband med specialiserad vård',
  afterDischarge: 'om produkten behövs efter utskrivning från slutenvård',
  notProcured: 'om produkten saknar upphandling eller passande förpackning',
  specialistResponsibility: 'om det medicinska ansvaret ligger i specialiserad vård',
  physicianOnlyPrescription: 'om bara läkare får förskriva produkten',
  onBehalfOfOther: 'om vårdgivaren utför arbetet på annans uppdrag',
};

/** Swedish text for a missing input (`products[0].flag` included). */
export function missingText(name: string): string {
  return missingLabels[name.replace(/^products\[\d+\]\./, '')] ?? name;
}

/** "640,00 kr per påbörjad timme (2025 års nivå), räknas om årligen enligt VPI". */
export function rateText(rate: RateRef): string {
  const year = rate.baseYear === null ? '' : ` (${String(rate.baseYear)} års nivå)`;
  const index = rate.index === null ? '' : `, räknas om årligen enligt ${rate.index}`;
  return `${formatOre(rate.valueOre)} per påbörjad timme${year}${index}`;
}

/** Whether and how the work is billed between the parties (ORD Arbete på annans uppdrag). */
export function billingText(r: AssessResult): string {
  const p = r.performing;
  switch (p.billing) {
    case 'none':
      return 'Inget faktureras mellan parterna.';
    case 'none_record_volume':
      return 'Ingen ersättning utgår. Registrera volymen för uppföljning.';
    case 'per_started_hour':
      return p.rate ? `Hyrs personal ersätts den med ${rateText(p.rate)}.` : 'Hyrd personal ersätts per påbörjad timme.';
    case 'tillaggsbelopp':
      // The reason usually says it already; saying it twice reads as a copying mistake.
      return /tilläggsbelopp/.test(p.reason)
        ? 'Det faktureras inte per timme.'
        : 'Det ersätts genom tilläggsbeloppet och faktureras inte per timme.';
    case 'home_region':
      return `Regionen fakturerar i efterhand personens hemregion${r.careResponsibility.homeRegion ? ` (${r.careResponsibility.homeRegion})` : ''}.`;
    default:
      return '';
  }
}

/** Capitalise the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
