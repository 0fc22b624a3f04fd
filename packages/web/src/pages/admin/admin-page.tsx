/**
 * Administration (administrators only): index values, parameters with validity and source,
 * allocation keys, the party register, users and roles, and the audit log with its hash-chain verification.
 */
import type { ReactNode } from 'react';
import { PageHeading } from '../../components/page-title.js';
import { SubNav } from '../../components/sub-nav.js';
import type { PageProps } from '../../routes.js';
import { AuditSection } from './audit-section.js';
import { IndexValuesSection } from './index-values-section.js';
import { IndexValueBases } from './index-value-bases.js';
import { KeysSection } from './keys-section.js';
import { ParametersSection } from './parameters-section.js';
import { PartiesSection } from './parties-section.js';
import { UsersSection } from './users-section.js';
import './admin.css';

const sections = [
  { segment: 'index', title: 'Indexvärden', render: () => <IndexValuesSection /> },
  { segment: 'parametrar', title: 'Parametrar', render: () => <ParametersSection /> },
  { segment: 'nycklar', title: 'Fördelningsnycklar', render: () => <KeysSection /> },
  { segment: 'parter', title: 'Parter', render: () => <PartiesSection /> },
  { segment: 'anvandare', title: 'Användare', render: () => <UsersSection /> },
  { segment: 'logg', title: 'Granskningslogg', render: () => <AuditSection /> },
] as const;

/** The Administration page; the sub-page is the second path segment (default: index values). */
export default function AdminPage({ location }: PageProps): ReactNode {
  const current = sections.find((s) => s.segment === location.segments[1]) ?? sections[0];
  return (
    <div className="stack">
      <SubNav
        label="Administration"
        current={`/administration/${current.segment}`}
        items={sections.map((s) => ({ path: `/administration/${s.segment}`, title: s.title }))}
      />
      <PageHeading title={`${current.title} – Administration`}>{current.title}</PageHeading>
      {/* #/administration/index/VPI/2026: one index value's versions and the bases computed with each. */}
      {current.segment === 'index' && location.segments[2] !== undefined && location.segments[3] !== undefined ? (
        <IndexValueBases series={location.segments[2]} year={location.segments[3]} />
      ) : (
        current.render()
      )}
    </div>
  );
}
