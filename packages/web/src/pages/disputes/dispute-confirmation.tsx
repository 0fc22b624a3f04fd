/**
 * The confirmation asked before a dispute moves on: escalating to the next forum, proposing a
 * decision, confirming the other party's proposal, or recording the forum's decision. Each says
 * what will happen, in which forum, with the outcome and any cost regulation spelled out, because
 * none of them can be undone in place (a decision is billed; an escalation does not go back).
 */
import type { ReactNode } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { formatOre } from '../../format/money.js';
import type { Dispute } from './types.js';

/** The path segment after /disputes/:id/ of each action. */
export type DisputeActionPath = 'escalate' | 'proposals' | 'decide' | 'close' | `proposals/${string}/confirm`;

/** An action with its request body, waiting for confirmation. */
export interface PendingAction {
  readonly action: DisputeActionPath;
  readonly body: Readonly<Record<string, unknown>>;
}

interface Props {
  readonly dispute: Dispute;
  readonly confirming: PendingAction | null;
  readonly pending: boolean;
  readonly error: ReactNode;
  /** The Swedish name of a party code. */
  readonly party: (code: string) => string;
  readonly onCancel: () => void;
  readonly onConfirm: (vars: PendingAction) => void;
}

function costText(ore: unknown, payer: unknown, parties: readonly string[], party: (code: string) => string): string | null {
  if (typeof ore !== 'number' || typeof payer !== 'string') return null;
  const payee = parties.find((p) => p !== payer);
  return `Kostnadsreglering ${formatOre(ore)}, betalas av ${party(payer)}${payee === undefined ? '' : ` till ${party(payee)}`}, som fakturerar den under Ekonomi.`;
}

function texts(d: Dispute, c: PendingAction, party: (code: string) => string): { title: string; confirm: string; body: ReactNode } {
  const forum = d.currentStep.forumName;
  const outcome = typeof c.body['outcome'] === 'string' ? c.body['outcome'] : '';
  const cost = costText(c.body['costRegulationOre'], c.body['costRegulationPayer'], d.parties, party);
  if (c.action === 'escalate') {
    const next = d.path[d.currentStep.index + 1]?.forumName ?? 'nästa steg';
    return {
      title: 'Eskalera tvisten?',
      confirm: 'Ja, eskalera',
      body: (
        <Paragraph>
          Tvisten flyttas från {forum} till {next}, som avgör den i nästa steg. Den går inte att flytta tillbaka.
        </Paragraph>
      ),
    };
  }
  if (c.action === 'proposals') {
    return {
      title: 'Föreslå beslutet?',
      confirm: 'Skicka förslaget',
      body: (
        <>
          <Paragraph>
            Förslag till beslut i {forum}: ”{outcome}”
          </Paragraph>
          {cost ? <Paragraph>{cost}</Paragraph> : null}
          <Paragraph>Förslaget blir ett beslut först när en ekonom hos den andra parten bekräftar det.</Paragraph>
        </>
      ),
    };
  }
  if (c.action === 'decide') {
    return {
      title: 'Registrera forumets beslut?',
      confirm: 'Registrera beslutet',
      body: (
        <>
          <Paragraph>
            Beslut i {forum}: ”{outcome}”
          </Paragraph>
          {cost ? <Paragraph>{cost}</Paragraph> : null}
          <Paragraph>
            Enligt protokoll: {typeof c.body['forumMinutes'] === 'string' ? c.body['forumMinutes'] : ''}. Beslutet står direkt.
          </Paragraph>
        </>
      ),
    };
  }
  const p = d.pendingDecision;
  return {
    title: 'Bekräfta beslutet?',
    confirm: 'Bekräfta',
    body: (
      <>
        <Paragraph>
          Beslut i {p?.forumName ?? forum}: ”{p?.outcome ?? ''}”
        </Paragraph>
        {p && p.costRegulationOre !== null ? (
          <Paragraph>{costText(p.costRegulationOre, p.costRegulationPayer, d.parties, party)}</Paragraph>
        ) : null}
        <Paragraph>
          När du bekräftar står beslutet{p && p.costRegulationOre !== null ? ' och kostnadsregleringen kan faktureras' : ''}.
        </Paragraph>
      </>
    ),
  };
}

/** The dialog for the action waiting in `confirming` (closed when null). */
export function DisputeConfirmation({ dispute, confirming, pending, error, party, onCancel, onConfirm }: Props): ReactNode {
  const t = confirming === null ? null : texts(dispute, confirming, party);
  return (
    <ConfirmDialog
      open={confirming !== null}
      title={t?.title ?? 'Bekräfta'}
      confirmLabel={t?.confirm ?? 'Bekräfta'}
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        if (confirming !== null) onConfirm(confirming);
      }}
    >
      {t?.body ?? null}
    </ConfirmDialog>
  );
}
