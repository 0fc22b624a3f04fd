import { describe, expect, it } from 'vitest';
import { shippedAgreement } from './shipped-agreement.testkit.js';

const a = shippedAgreement();

describe('the shipped agreement (agreements/jamtland-2026)', () => {
  it('loads and validates every file', () => {
    expect(a.meta.id).toBe('jamtland-2026');
    expect(a.documents.map((d) => d.id)).toEqual(['PRINC', 'GEMUTV', 'MT', 'ORD', 'SABO', 'SYNHOR', 'PALL', 'TILL']);
  });

  it('has a clause for each section heading the results cite', () => {
    const required = [
      'PRINC.halso-och-sjukvard-i-hemmet',
      'PRINC.bakgrund',
      'PRINC.syfte',
      'PRINC.regionalt-samverkansseminarium',
      'PRINC.modell-for-ekonomisk-reglering',
      'PRINC.skattevaxling',
      'PRINC.tillaggsbelopp',
      'PRINC.gemensamma-utvecklingsmedel',
      'PRINC.tillampning',
      'PRINC.utvardering-och-uppfoljning',
      'PRINC.giltighet',
      'GEMUTV.bakgrund',
      'GEMUTV.syfte',
      'GEMUTV.utvecklingsomrade-ekonomisk-analys-och-uppfoljning',
      'GEMUTV.tillampning',
      'GEMUTV.utvardering-och-uppfoljning',
      'GEMUTV.giltighetstid',
      'MT.bakgrund',
      'MT.syfte',
      'MT.ansvarsfordelning',
      'MT.ekonomisk-ersattning',
      'MT.tillampning',
      'MT.utvardering-och-uppfoljning',
      'MT.tvist',
      'MT.giltighetstid',
      'MT.bilaga-1-fast-del',
      'MT.bilaga-1-rorlig-del',
      'ORD.bakgrund',
      'ORD.syfte',
      'ORD.definitioner',
      'ORD.ansvarsfordelning',
      'ORD.egenvard',
      'ORD.lakarmedverkan',
      'ORD.lakemedel',
      'ORD.fasta-kontakter',
      'ORD.informationsoverforing',
      'ORD.nar-kommunens-personal-deltar-i-sluten-vard',
      'ORD.arbete-pa-annans-uppdrag',
      'ORD.uppdrag-dagtid',
      'ORD.rehabilitering-och-habilitering',
      'ORD.sjukvardsmaterial',
      'ORD.hjalpmedel-och-mt-utrustning',
      'ORD.smittskydd-och-vardhygien',
      'ORD.tillampning',
      'ORD.utvardering-och-uppfoljning',
      'ORD.tvist',
      'ORD.giltighetstid',
      'SABO.bakgrund',
      'SABO.definitioner',
      'SABO.ansvarsfordelning',
      'SABO.lakarmedverkan',
      'SABO.rehabilitering-och-habilitering',
      'SABO.sjukvardsmaterial',
      'SABO.hjalpmedel-och-mt-utrustning',
      'SABO.tillampning',
      'SABO.utvardering-och-uppfoljning',
      'SABO.tvist',
      'SABO.giltighetstid',
      'SYNHOR.bakgrund',
      'SYNHOR.ansvarsfordelning',
      'SYNHOR.ekonomisk-ersattning',
      'SYNHOR.utvardering-och-uppfoljning',
      'SYNHOR.tvist',
      'SYNHOR.giltighetstid',
      'PALL.bakgrund',
      'PALL.ansvarsfordelning',
      'PALL.sjukvardsprodukter',
      'PALL.lakarmedverkan',
      'PALL.tillampning',
      'PALL.utvardering-och-uppfoljning',
      'PALL.tvist',
      'PALL.giltighetstid',
      'TILL.bakgrund',
      'TILL.grundforutsattningar',
      'TILL.avstamning',
      'TILL.tillampning',
      'TILL.utvardering-och-uppfoljning',
      'TILL.tvist',
      'TILL.giltighetstid',
    ];
    expect(required.filter((id) => !a.clauses.has(id))).toEqual([]);
    for (const c of a.clauses.values()) {
      // Short quotes: one or two sentences a result would cite.
      expect(c.quote.length, c.id).toBeLessThanOrEqual(500);
    }
    expect(a.clauses.get('PRINC.giltighet')?.quote).toContain('minst 12 månader före giltighetstidens utgång');
    expect(a.clauses.get('TILL.avstamning')?.quote).toContain('Under första kvartalet summeras antal personer');
  });

  it('has the collaboration forums, the lokal samverkansarena once per municipality, and the 2023 review', () => {
    expect(a.forums.map((f) => [f.id, f.level])).toEqual([
      ['svom', 'politisk'],
      ['samverkansrad', 'politisk'],
      ['tjanstepersonsarena', 'tjänsteperson'],
      ['lokal-samverkansarena', 'lokal'],
      ['samverkansseminarium', 'övrigt'],
      ['sarskilda-utredare', 'övrigt'],
    ]);
    expect(a.forums.find((f) => f.id === 'lokal-samverkansarena')?.perMunicipality).toBe(true);
    const review = a.forums.find((f) => f.id === 'samverkansrad')?.description ?? '';
    expect(review).toContain('december 2023');
    expect(review).toMatch(/1\).*2\).*3\)/s);
  });

  it('keeps the decision history linked to the documents it affects', () => {
    expect(a.decisions.map((d) => d.date)).toEqual([
      '2017',
      '2020-11-06',
      '2021-02-26',
      '2021',
      '2021-06-04',
      '2023-04',
      '2023-12',
      '2025-09-05',
      '2025-09-11',
    ]);
    expect(a.decisions.find((d) => d.reference === 'SVOM § 31')?.documents).toHaveLength(8);
    expect(a.decisions.find((d) => d.reference === 'HSN/1556/2025')?.documents).toEqual(a.documents.map((d) => d.id));
  });

  it('has one obligation per row of the årshjul, each with clause and frequency', () => {
    expect(a.obligations.map((o) => `${o.id}:${o.frequency}:${o.owner ?? '-'}`)).toEqual([
      'till-avstamning:yearly:tjanstepersonsarena',
      'till-indexering:yearly:-',
      'till-normalvariation:every-3-years:-',
      'till-uppfoljning:every-2-years:tjanstepersonsarena',
      'skattevaxling-uppfoljning:every-4-years:-',
      'gemutv-uppfoljning:yearly:tjanstepersonsarena',
      'avtal-uppfoljning:yearly:tjanstepersonsarena',
      'samverkansseminarium:yearly:-',
      'ord-gemensamt-mote:yearly:region-och-kommun',
      'sabo-gemensamt-mote:yearly:region-och-kommun',
      'pall-gemensamt-mote:yearly:sarskilda-utredare',
      'mt-gemensam-uppfoljning:yearly:region-och-kommun',
      'synhor-gemensam-uppfoljning:yearly:region-och-kommun',
      'dialogmaterial-oversyn:yearly:lokal-samverkansarena',
      'mt-fast-del-faktura:half-yearly:region',
      'mt-rorlig-del-faktura:monthly:region',
      'synhor-faktura:monthly:kommun',
      'mt-indexering:yearly:-',
      'dagtid-indexering:yearly:-',
      'synhor-indexering:yearly:-',
      'uppsagning-sista-dag:per-period:svom',
    ]);
  });

  it('has the escalation path of each document and level (Tvist)', () => {
    const path = (doc: string, level: string): string[] | undefined =>
      a.disputePaths.find((p) => p.documents.includes(doc) && p.level === level)?.steps.map((s) => s.forum);
    for (const doc of ['ORD', 'SABO', 'SYNHOR']) {
      expect(path(doc, 'individ')).toEqual(['ledningsfunktioner']);
      expect(path(doc, 'organisation')).toEqual(['ledningsfunktioner', 'lokal-samverkansarena', 'tjanstepersonsarena']);
    }
    expect(path('PALL', 'organisation')).toEqual(['sarskilda-utredare', 'tjanstepersonsarena']);
    expect(path('MT', 'organisation')).toEqual(['ledningsfunktioner']);
    expect(path('TILL', 'utforande')).toEqual(['ledningsfunktioner']);
    expect(path('TILL', 'storlek-fordelning')).toEqual(['tjanstepersonsarena']);
    expect(a.disputePaths.every((p) => p.clause.endsWith('.tvist'))).toBe(true);
  });
});
