import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { assess } from './assess.js';
import { describeMissing, explainAnswer } from './explain.js';
import { compileResponsibilityRules } from './load-rules.js';
import { parseSituation } from './situation.js';

const agreement = shippedAgreement();
const rules = compileResponsibilityRules(agreement);
const explain = (raw: Record<string, unknown>): string => explainAnswer(assess(agreement, rules, parseSituation(raw, rules, '2026-03-01')));
const allMet = {
  housing: 'ordinart',
  registeredMunicipality: '2380',
  storsjoglantan: false,
  atDayActivity: false,
  safeAtHome: true,
  needOver14Days: true,
  cfs: 6,
  cannotReachHealthCentre: true,
  prefersHealthCentre: false,
};

describe('explainAnswer', () => {
  it('says who is responsible, why, and quotes the clause with its document and heading', () => {
    const text = explain({ ...allMet, time: '10:00' });
    expect(text).toMatch(
      /^Kommunen \(Östersund\) ansvarar för hälso- och sjukvården upp till läkarnivå eftersom personen bor i ordinärt boende och alla fyra kriterierna för kommunens ansvar är uppfyllda, enligt Överenskommelse hälso- och sjukvård i ordinärt boende, Ansvarsfördelning: ”Både regionen och kommunen ansvarar/,
    );
    expect(text).toContain('Kriterierna för kommunens ansvar: 1 uppfyllt, 2 uppfyllt, 3 uppfyllt, 4 uppfyllt.');
    expect(text).toContain(
      'Överlämning: följ Informationsöverföring på primärvårdsnivå, Samarbete vid utskrivning från sluten vård, Anslutningsöversikt, Handbok Link, Läkarmedverkan i kommunal hälso- och sjukvård och Uppdrag för fasta kontakter.',
    );
    expect(text).toContain('Svaret bygger på jamtland-2026 version 2026.1 och gäller 2026-03-01.');
  });

  it('names the unit and the billing when the region is responsible in the evening', () => {
    const text = explain({ ...allMet, cannotReachHealthCentre: false, time: '19:30' });
    expect(text).toMatch(
      /^Regionen \(hälsocentralen\) ansvarar för hälso- och sjukvården upp till läkarnivå eftersom personen bor i ordinärt boende och minst ett av kriterierna/,
    );
    expect(text).toContain('Kriterierna för kommunens ansvar: 1 uppfyllt, 2 uppfyllt, 3 uppfyllt, 4 inte uppfyllt.');
    expect(text).toContain('Utförande: Kvällar och nätter (17.00–08.00) svarar kommunens sjuksköterskor som inhyrd personal');
    expect(text).toContain('Ingen ersättning utgår; registrera volymen för uppföljning.');
  });

  it('gives the daytime rate in kronor with its index', () => {
    const text = explain({ ...allMet, cannotReachHealthCentre: false, time: '10:00' });
    expect(text).toContain('Hyrs personal ersätts den med 640,00 kr per påbörjad timme (2025 års nivå), räknas om årligen enligt VPI.');
  });

  it('asks for what is missing when the answer is undecided', () => {
    const text = explain({
      housing: 'ordinart',
      registeredMunicipality: '2380',
      storsjoglantan: false,
      atDayActivity: false,
      safeAtHome: true,
      needOver14Days: true,
      cannotReachHealthCentre: true,
      prefersHealthCentre: false,
    });
    expect(text).toMatch(
      /^Det går ännu inte att avgöra vem som ansvarar för hälso- och sjukvården upp till läkarnivå, eftersom inget kriterium är underkänt men minst ett är ännu inte bedömt\. Ta reda på personens skörhet enligt Clinical Frailty Scale \(kriterium 3\) och om personen har kognitiv svikt \(kriterium 3\)\./,
    );
    expect(text).toContain('Kriterierna för kommunens ansvar: 1 uppfyllt, 2 uppfyllt, 3 okänt, 4 uppfyllt.');
  });

  it('explains products, Storsjögläntan, the home region and the physician', () => {
    const storsj = explain({
      housing: 'ordinart',
      registeredMunicipality: '2309',
      storsjoglantan: true,
      time: '02:00',
      products: [{ kind: 'incontinence' }, { kind: 'consumables', label: 'Förband', workEnvironment: false }],
    });
    expect(storsj).toContain('Regionen (Storsjögläntan) ansvarar för hälso- och sjukvården');
    expect(storsj).toContain(
      'Inkontinensprodukter: Kommunen (Krokom) ansvarar för förskrivning, uppföljning och kostnad eftersom personen är ansluten till Storsjögläntan',
    );
    expect(storsj).toContain(
      'Förband (förbrukningsmaterial): Regionen (Storsjögläntan) ansvarar för förskrivning, uppföljning och kostnad',
    );
    expect(storsj).toContain('ersätts genom tilläggsbeloppet');
    // Said once, not again in the billing sentence.
    const performing = storsj.split('\n\n').find((para) => para.startsWith('Utförande:')) ?? '';
    expect(performing.match(/[Ee]rsätts genom tilläggsbeloppet/g)?.length).toBe(1);
    expect(storsj).toContain('Det faktureras inte per timme.');
    expect(storsj).toContain('Fast läkarkontakt: Storsjöglänteteamets läkare.');
    const visitor = explain({ housing: 'ordinart', registeredMunicipality: 'none', homeRegion: 'Region Skåne', time: '21:00' });
    expect(visitor).toContain('Regionen fakturerar därefter personens hemregion (Region Skåne).');
  });

  it('describes missing product flags in words', () => {
    const answer = assess(
      agreement,
      rules,
      parseSituation({ ...allMet, products: [{ kind: 'aid', label: 'Rullator' }] }, rules, '2026-03-01'),
    );
    expect(answer.products[0]?.missing).toEqual(['products[0].physicianOnlyPrescription']);
    expect(describeMissing('products[0].physicianOnlyPrescription', answer)).toBe('om Rullator endast läkare har förskrivningsrätt');
    expect(explainAnswer(answer)).toContain(
      'Rullator (hjälpmedel): Det går ännu inte att avgöra vem som ansvarar för förskrivning, uppföljning och kostnad',
    );
  });
});
