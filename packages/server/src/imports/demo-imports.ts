/**
 * Demo records for every billing flow, imported through the real importer (all or nothing,
 * audited, marked demo): ombud tasks, MT work orders and the MT inventory, costs of staff in
 * inpatient care (January 2026, Östersund and Krokom), a connected count and a development budget
 * for 2026, and the agreement's example population (31 December 2025). With the demo data's
 * example index values and example key, a billing run of each flow produces invoice bases.
 * Everything here is invented.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import { defaultAgreementDir } from '../agreement/read-agreement-dir.js';
import { scanFile } from './file-scan.js';
import { findImportKind } from './kinds/index.js';
import { runImport } from './run-import.js';

/** The demo files: kind, file name and content (semicolon CSV, Swedish headers). */
export function demoImportFiles(): readonly { kind: string; filename: string; text: string }[] {
  const population = readFileSync(
    join(process.env['SAMVERKAN_AGREEMENT_DIR'] ?? defaultAgreementDir, 'examples', 'population.example.csv'),
    'utf8',
  )
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => `2025-12-31;${l}`);
  return [
    {
      kind: 'ombud-tasks',
      filename: 'demo-synhor-ombud-2026-01.csv',
      text: [
        'datum;kommun;enhet;insatstid;administration;återrapportering;restid;resa samordnad;referens',
        '2026-01-08;Östersund;syncentralen;50;10;5;0;nej;DEMO-SYN-1',
        '2026-01-15;Östersund;hörcentralen;40;10;5;15;nej;DEMO-HOR-1',
        '2026-01-21;Östersund;hörcentralen;30;5;5;20;ja;DEMO-HOR-2',
        '2026-01-12;Krokom;syncentralen;45;10;5;20;nej;DEMO-SYN-2',
        '2026-01-26;Krokom;hörcentralen;20;5;5;0;nej;DEMO-HOR-3',
      ].join('\n'),
    },
    {
      kind: 'mt-work-orders',
      filename: 'demo-mt-arbetsordrar-2026-01.csv',
      text: [
        'datum;kommun;minuter;resekostnad;förbrukningsmaterial;reservdelar;arbetsorder',
        '2026-01-09;Östersund;95;250,00;0;1 240,50;DEMO-AO-1001',
        '2026-01-20;Krokom;45;380,00;120,00;0;DEMO-AO-1002',
        '2026-01-27;Östersund;30;0;0;0;DEMO-AO-1003',
      ].join('\n'),
    },
    {
      kind: 'mt-inventory',
      filename: 'demo-mt-inventarier-2025-12-31.csv',
      text: [
        'inventeringsdatum;kommun;antal',
        ...['Berg;52', 'Bräcke;60', 'Härjedalen;98', 'Krokom;91', 'Ragunda;41', 'Strömsund;150', 'Åre;55', 'Östersund;384'].map(
          (r) => `2025-12-31;${r}`,
        ),
      ].join('\n'),
    },
    {
      kind: 'inpatient-staff',
      filename: 'demo-personal-sluten-vard-2026-01.csv',
      text: [
        'datum;kommun;överenskommelse;skriftlig överenskommelse;typ;belopp',
        '2026-01-13;Östersund;ORD;DEMO-ÖK-A;lön;8 450,00',
        '2026-01-13;Östersund;ORD;DEMO-ÖK-A;resa;312,50',
        '2026-01-22;Krokom;SABO;DEMO-ÖK-B;lön;5 120,00',
        '2026-01-22;Krokom;SABO;DEMO-ÖK-B;färdtid;640,00',
      ].join('\n'),
    },
    { kind: 'connected-counts', filename: 'demo-anslutna-2026.csv', text: 'år;antal;källa\n2026;172;DEMO – påhittat antal' },
    {
      kind: 'development-budgets',
      filename: 'demo-utvecklingsmedel-2026.csv',
      text: 'år;område;budget;utfall\n2026;Ekonomisk analys och uppföljning;1 000 000;',
    },
    { kind: 'population', filename: 'demo-folkmangd-2025-12-31.csv', text: ['datum;kommun;folkmängd;källa', ...population].join('\n') },
  ];
}

/** Import the demo files (into an empty database, as the demo seed does). */
export async function seedDemoImports(store: Store, agreement: Agreement, actor: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-demo-'));
  try {
    for (const f of demoImportFiles()) {
      const kind = findImportKind(f.kind);
      if (!kind) throw new Error(`demo import kind ${f.kind} missing`);
      const path = join(dir, f.filename);
      await writeFile(path, f.text + '\n', 'utf8');
      await runImport(store, agreement, {
        kind,
        file: await scanFile(path),
        filename: f.filename,
        actor,
        municipality: undefined,
        demo: true,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
