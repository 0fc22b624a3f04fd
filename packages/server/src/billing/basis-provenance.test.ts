import { describe, expect, it } from 'vitest';
import type { IndexUse } from '@samverkan/core';
import type { AllocationKeyView } from '../reference/allocation-keys.js';
import { keyNote } from './allocation-key-choice.js';
import { basisProvenance } from './basis-provenance.js';

const key = (example: boolean): AllocationKeyView => ({
  id: 'k1',
  name: 'resursfordelning-exempel',
  title: 'Exempelnyckel',
  note: null,
  validFrom: '2026-01-01',
  validTo: null,
  factors: [],
  source: 'examples/allocation-key.example.yaml (EXEMPEL)',
  decisionRef: null,
  example,
  demo: true,
  version: 2,
  recordedAt: '2026-01-01T00:00:00Z',
  recordedBy: 'system:demo',
});

const published: IndexUse = { series: 'VPI', year: 2025, percent: '2.9', kind: 'outcome', source: 'SKR cirkulär 25:01' };

describe('basisProvenance', () => {
  it('a basis on published outcomes only is final, with no warnings', () => {
    expect(basisProvenance({ indexValues: [published] }, { notes: [keyNote(key(false))] })).toEqual({ final: true, warnings: [] });
  });

  it('an example forecast gives two warnings (example and forecast), each naming series and year', () => {
    const p = basisProvenance(
      {
        indexValues: [
          published,
          { series: 'VPI', year: 2026, percent: '3.1', kind: 'forecast', source: 'exempel – ej SKR:s publicerade värde', example: true },
        ],
      },
      null,
    );
    expect(p.final).toBe(false);
    expect(p.warnings.map((w) => w.id)).toEqual(['example-index:VPI:2026', 'forecast-index:VPI:2026']);
    expect(p.warnings[0]).toMatchObject({ kind: 'example-index', series: 'VPI', year: 2026 });
    expect(p.warnings[0]?.text).toBe(
      'VPI 2026 (3,1 %) är ett exempelvärde, inte SKR:s publicerade värde (källa: exempel – ej SKR:s publicerade värde).',
    );
    expect(p.warnings[1]?.text).toMatch(/^VPI 2026 \(3,1 %\) är en prognos, inte ett utfall/);
  });

  it('a published forecast warns only that it is a forecast', () => {
    const p = basisProvenance(
      { indexValues: [{ series: 'LPIK', year: 2027, percent: '2.5', kind: 'forecast', source: 'SKR cirkulär 26:10' }] },
      null,
    );
    expect(p.warnings.map((w) => w.id)).toEqual(['forecast-index:LPIK:2027']);
  });

  it('a trace from before the example flag is recognised by the example source text', () => {
    const p = basisProvenance(
      { indexValues: [{ series: 'OPI', year: 2026, percent: '3.2', kind: 'outcome', source: 'exempel – ej SKR:s publicerade värde' }] },
      null,
    );
    expect(p.warnings.map((w) => w.id)).toEqual(['example-index:OPI:2026']);
  });

  it('the example allocation key, as the flows name it (keyNote), is a warning naming the key', () => {
    const p = basisProvenance({ indexValues: [] }, { notes: [keyNote(key(true))] });
    expect(p.warnings).toEqual([
      {
        id: 'example-allocation-key:resursfordelning-exempel',
        kind: 'example-allocation-key',
        key: 'resursfordelning-exempel',
        text: 'Fördelningsnyckeln resursfordelning-exempel (version 2, gäller från 2026-01-01) är en exempelnyckel, inte en beslutad fördelningsnyckel.',
      },
    ]);
  });

  it('example population (development funds, I10) is a warning naming the date', () => {
    const p = basisProvenance({ indexValues: [] }, { notes: ['Folkmängd 2025-12-31 (tolkning I10), EXEMPEL'] });
    expect(p.warnings.map((w) => w.id)).toEqual(['example-population:2025-12-31']);
    expect(basisProvenance({ indexValues: [] }, { notes: ['Folkmängd 2025-12-31 (tolkning I10)'] }).final).toBe(true);
  });
});
