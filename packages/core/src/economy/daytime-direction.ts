/**
 * Which way one daytime-assignment record bills (ORD.uppdrag-dagtid, ORD.bakgrund, I14, I15;
 * docs/decisions/0070-daytime-assignment-direction.md). A record maps to exactly one seller →
 * buyer pair or it is refused: the lender invoices the hirer, one the region and the other a
 * municipality. A person not registered in the county is the region's responsibility, so only
 * the region can hire for them (from a municipality, then invoicing the home region itself);
 * a municipality hiring the region for such a person would make two payers of one visit — the
 * municipality and, through the region, the home region — and is refused.
 */

/** A party of a daytime-assignment row by kind. */
export type DaytimeSide = 'region' | 'kommun';

/** The columns of a daytime-assignment row that decide its direction. */
export type DaytimeDirectionColumn = 'lender' | 'hirer' | 'homeRegion';

/** What the direction rule needs of one row. */
export interface DaytimeDirectionInput {
  readonly lender: DaytimeSide;
  readonly hirer: DaytimeSide;
  /** The person is not registered in the county; a home region is named instead (ORD.bakgrund). */
  readonly notRegisteredInCounty: boolean;
}

/** The one pair a row bills, or why it has none (or two). */
export type DaytimeDirection =
  | {
      readonly ok: true;
      /** `kommun-till-region`: the region hired municipal staff; `region-till-kommun`: a municipality hired the region's. */
      readonly pair: 'kommun-till-region' | 'region-till-kommun';
      /** The region passes the cost on to the home region itself: listed in the home-region report, not billed here. */
      readonly homeRegionReport: boolean;
      readonly clauses: readonly string[];
    }
  | { readonly ok: false; readonly columns: readonly DaytimeDirectionColumn[]; readonly reason: string };

/** The one seller → buyer pair of a daytime-assignment row under ORD.uppdrag-dagtid and ORD.bakgrund, or the problem. */
export function daytimeDirection(row: DaytimeDirectionInput): DaytimeDirection {
  if (row.lender === row.hirer) {
    const both = row.lender === 'region' ? 'båda regionen' : 'båda kommuner';
    return {
      ok: false,
      columns: ['lender', 'hirer'],
      reason: `utförare och beställare är ${both}; uppdrag dagtid gäller regionen och en kommun som hyr personal av varandra (ORD.uppdrag-dagtid): en av utförare och beställare ska vara region, den andra en kommun.`,
    };
  }
  if (row.lender === 'region' && row.notRegisteredInCounty) {
    return {
      ok: false,
      columns: ['lender', 'hirer', 'homeRegion'],
      reason:
        'utförare region, beställare en kommun och en hemregion ger två betalare för samma uppdrag. En kommun ansvarar bara för personer folkbokförda i kommunen (I15); ' +
        'för en person som inte är folkbokförd i länet fakturerar regionen hemregionen (ORD.bakgrund). Lämna hemregion tom om personen är folkbokförd i kommunen, ' +
        'annars är uppdraget regionens eget och ska inte faktureras kommunen.',
    };
  }
  return {
    ok: true,
    pair: row.lender === 'kommun' ? 'kommun-till-region' : 'region-till-kommun',
    homeRegionReport: row.notRegisteredInCounty,
    clauses: row.notRegisteredInCounty ? ['ORD.uppdrag-dagtid', 'ORD.bakgrund'] : ['ORD.uppdrag-dagtid'],
  };
}
