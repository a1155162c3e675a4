'use client';

import { useActionState } from 'react';
import { BadgeDecision } from '@/components/badges/badge-decision';
import { idle } from '@/lib/actions/form-state';
import { acceptClaimAction, declineClaimAction } from './actions';

type Props = { token: string; canAccept: boolean; badgeName: string; issuerName: string };

/** Accept (only when someone is signed in) and Decline, which asks first, for a claim link. */
export function ClaimDecision({ token, canAccept, badgeName, issuerName }: Props) {
  const [accepted, accept] = useActionState(acceptClaimAction, idle);
  const [declined, decline] = useActionState(declineClaimAction, idle);
  const fields = <input type="hidden" name="token" value={token} />;
  return (
    <BadgeDecision
      badgeName={badgeName}
      issuerName={issuerName}
      accept={canAccept ? { action: accept, state: accepted, fields } : undefined}
      decline={{ action: decline, state: declined, fields }}
    />
  );
}
