/** The eight documents grouped by part, each part with its colour (agreement.md, Documents and parts). */
import type { ReactNode } from 'react';
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { partColour } from './part-colours.js';
import type { DocumentsResponse } from './types.js';

/** Cards per part with its documents, validity and renewal. */
export function DocumentsSection({ data }: { readonly data: DocumentsResponse }): ReactNode {
  return (
    <div className="parts">
      {data.parts.map((p) => {
        const docs = data.documents.filter((d) => d.part === p.part);
        return (
          <Card key={p.part} className="part-card" data-color="neutral">
            <div className="part-card__head">
              <span className="swatch" style={{ background: partColour(p.colour) }} aria-hidden="true" />
              <Heading level={3} data-size="xs">
                Del {p.part} ({p.colour}) {p.decided ? '' : '– stödmaterial'}
              </Heading>
            </div>
            <Paragraph data-size="sm">{p.title}</Paragraph>
            {docs.length > 0 ? (
              <ul className="doc-list">
                {docs.map((d) => (
                  <li key={d.id}>
                    <strong>{d.shortTitle ?? d.title}</strong> <Tag data-color="neutral">{d.id}</Tag>
                    <br />
                    <span className="muted">{d.title}</span>
                    <br />
                    Giltig {d.validFrom} – {d.validTo}.{' '}
                    {d.renewal.kind === 'auto'
                      ? `Förlängs automatiskt med ${String(d.renewal.extensionYears ?? 2)} år om den inte sägs upp minst ${String(d.renewal.noticeMonths ?? 12)} månader före giltighetstidens slut.`
                      : (d.renewal.note ?? 'Ingen förlängningsklausul.')}
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
