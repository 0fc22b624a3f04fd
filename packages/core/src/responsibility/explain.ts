/**
 * Swedish prose for an answer, for a nurse to read aloud: who is responsible and why, with the
 * agreement text it rests on, then physician, products, who performs and billing, and what to do
 * next. Built only from the answer (so the web app and the CLI say the same thing).
 */
import { formatKronor, ore } from '../money.js';
import type { Answer, AnswerParty, ClauseRef, MunicipalityRef, PartyDecision, RateRef } from './answer.js';
import { productFlagLabels, productFlags, type ProductFlag } from './inputs.js';

/** What a missing input asks for, in Swedish. */
const missingLabels: Readonly<Record<string, string>> = {
  storsjoglantan: 'om personen är ansluten till Storsjögläntan',
  atDayActivity: 'om personen just nu vistas i daglig verksamhet eller dagverksamhet',
  safeAtHome: 'om insatsen kan utföras patientsäkert i hemmet och inte som egenvård (kriterium 1)',
  needOver14Days: 'om behovet är frekvent och sammanhängande i mer än 14 dagar (kriterium 2)',
  cfs: 'personens skörhet enligt Clinical Frailty Scale (kriterium 3)',
  cognitiveImpairment: 'om personen har kognitiv svikt (kriterium 3)',
  cannotReachHealthCentre: 'om personen kan ta sig till hälsocentralen, själv eller med stöd (kriterium 4)',
  prefersHealthCentre: 'om personen önskar få sin vård av regionen, på hälsocentralen eller regionens öppna mottagning',
  preferenceRisksSafety: 'om önskemålet om vård på hälsocentralen skulle påverka patientsäkerheten',
  listedAtOtherHealthCentre: 'om personen är listad vid en annan hälsocentral än boendets',
  time: 'vilken tid på dygnet insatsen görs',
};

/** Swedish description of one missing input (`products[i].flag` included). */
export function describeMissing(name: string, answer?: Answer): string {
  const m = /^products\[(\d+)\]\.(.+)$/.exec(name);
  if (m) {
    const product = answer?.products[Number(m[1])];
    const flag = m[2] as ProductFlag;
    const what = product ? (product.label ?? product.kindLabel) : 'produkten';
    return (productFlags as readonly string[]).includes(flag) ? `om ${what} ${productFlagLabels[flag]}` : name;
  }
  return missingLabels[name] ?? name;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1] ?? ''}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function who(party: AnswerParty, municipality: MunicipalityRef | null, unit: string | null): string {
  switch (party) {
    case 'region':
      return unit ? `Regionen (${unit})` : 'Regionen';
    case 'kommun':
      return municipality ? `Kommunen (${municipality.name})` : 'Kommunen';
    case 'employer':
      return 'Arbetsgivaren';
    case 'individual_agreement':
      return 'En överenskommelse i det enskilda fallet avgör vem som';
    case 'undecided':
      return 'Det är ännu inte avgjort vem som';
  }
}

/** ", enligt <dokument>, <rubrik>: ”<citat>”" for the first clause of a decision, ending the sentence. */
function citation(clauses: readonly ClauseRef[]): string {
  const c = clauses[0];
  if (!c) return '.';
  const quote = c.quote.replace(/[:;,]\s*$/, '');
  // A quote that ends its own sentence closes ours too.
  return `, enligt ${c.documentTitle}, ${c.heading}: ”${quote}”${/[.!?]$/.test(quote) ? '' : '.'}`;
}

function decisionSentence(d: PartyDecision, what: string, answer: Answer): string {
  if (d.party === 'undecided') {
    const ask = d.missing.map((n) => describeMissing(n, answer));
    const tail = ask.length > 0 ? ` Ta reda på ${list(ask)}.` : '';
    return `Det går ännu inte att avgöra vem som ansvarar för ${what}, eftersom ${d.reason}.${tail}`;
  }
  return `${who(d.party, d.municipality, d.unit)} ansvarar för ${what} eftersom ${d.reason}${citation(d.clauses)}`;
}

function rateText(rate: RateRef): string {
  const amount = formatKronor(ore(rate.valueOre));
  const year = rate.baseYear === null ? '' : ` (${rate.baseYear} års nivå)`;
  const index = rate.index === null ? '' : `, räknas om årligen enligt ${rate.index}`;
  return `${amount} per påbörjad timme${year}${index}`;
}

function billingSentence(answer: Answer): string {
  const p = answer.performing;
  switch (p.billing) {
    case 'none':
      return 'Inget faktureras mellan parterna för detta.';
    case 'none_record_volume':
      return 'Ingen ersättning utgår; registrera volymen för uppföljning.';
    case 'per_started_hour':
      return p.rate ? `Hyrs personal ersätts den med ${rateText(p.rate)}.` : 'Hyrd personal ersätts per påbörjad timme.';
    case 'tillaggsbelopp':
      // The reason usually says it already; saying it twice reads as a copying mistake.
      return /tilläggsbelopp/.test(p.reason)
        ? 'Det faktureras inte per timme.'
        : 'Det ersätts genom tilläggsbeloppet och faktureras inte per timme.';
    case 'home_region': {
      const home = answer.careResponsibility.homeRegion;
      return `Regionen fakturerar därefter personens hemregion${home ? ` (${home})` : ''}.`;
    }
    case 'undecided':
      return '';
  }
}

const statusWords = { met: 'uppfyllt', not_met: 'inte uppfyllt', unknown: 'okänt' } as const;

/** Swedish prose explaining `answer`, paragraphs separated by blank lines. */
export function explainAnswer(answer: Answer): string {
  const paragraphs: string[] = [];
  const care = answer.careResponsibility;
  const careText = [decisionSentence(care, 'hälso- och sjukvården upp till läkarnivå', answer)];
  if (care.party !== 'undecided') careText.push(...care.notes);
  if (answer.criteria.length > 0) {
    careText.push(`Kriterierna för kommunens ansvar: ${answer.criteria.map((c) => `${c.number} ${statusWords[c.status]}`).join(', ')}.`);
  }
  paragraphs.push(careText.join(' '));

  const ph = answer.physician;
  if (ph.party === 'undecided') {
    paragraphs.push(
      `Läkare: regionen ansvarar alltid för läkarmedverkan, men ${decisionSentence(ph, 'läkarkontakten', answer).replace(/^Det/, 'det')}`,
    );
  } else {
    const contact = ph.fixedPhysicianContact ? ` Fast läkarkontakt: ${ph.fixedPhysicianContact}.` : '';
    paragraphs.push(
      `Läkare: ${decisionSentence(ph, 'läkarmedverkan', answer)}${contact}${ph.notes.length > 0 ? ` ${ph.notes.join(' ')}` : ''}`,
    );
  }

  for (const p of answer.products) {
    const name = p.label ? `${p.label} (${p.kindLabel})` : p.kindLabel;
    const via = p.via ? ` Det följer hälso- och sjukvårdsansvaret (${p.via}).` : '';
    paragraphs.push(`${capitalise(name)}: ${decisionSentence(p, 'förskrivning, uppföljning och kostnad', answer)}${via}`);
  }

  const perf = answer.performing;
  if (perf.performer === 'undecided') {
    const ask = perf.missing.map((n) => describeMissing(n, answer));
    paragraphs.push(
      `Utförande: det går ännu inte att säga vem som utför och om det faktureras, eftersom ${perf.reason}.${ask.length > 0 ? ` Ta reda på ${list(ask)}.` : ''}`,
    );
  } else {
    paragraphs.push(`Utförande: ${capitalise(perf.reason)}${citation(perf.clauses)} ${billingSentence(answer)}`.trim());
  }

  const vh = answer.visionHearing;
  if (vh.billable !== null) {
    paragraphs.push(
      `Syn- och hörselombud: ${vh.billable ? `ombudets uppdrag kan faktureras regionen${vh.rate ? ` med ${rateText(vh.rate)}` : ''}` : 'ombudets insatser faktureras inte'}, eftersom ${vh.reason}.`,
    );
  }

  if (answer.handover.length > 0) {
    paragraphs.push(`Överlämning: följ ${list(answer.handover.map((h) => h.routine))}.`);
  }
  paragraphs.push(`Gäller alltid: ${answer.duties.map((d) => d.text).join(' ')}`);
  paragraphs.push(`Svaret bygger på ${answer.agreement.id} version ${answer.agreement.version} och gäller ${answer.date}.`);
  return paragraphs.join('\n\n');
}
