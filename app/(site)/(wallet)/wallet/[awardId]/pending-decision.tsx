'use client';

import { useActionState } from 'react';
import { BadgeDecision } from '@/components/badges/badge-decision';
import { idle } from '@/lib/actions/form-state';
import { decideAwardAction } from './actions';

type Props = { awardId: string; badgeName: string; issuerName: string };

const fieldsFor = (awardId: string, decision: 'accepted' | 'declined') => (
  <>
    <input type="hidden" name="awardId" value={awardId} />
    <input type="hidden" name="decision" value={decision} />
  </>
);

/** Accept (choosing who sees it) or decline, which asks first: declining cannot be undone. */
export function PendingDecision({ awardId, badgeName, issuerName }: Props) {
  const [accepted, accept] = useActionState(decideAwardAction, idle);
  const [declined, decline] = useActionState(decideAwardAction, idle);
  return (
    <BadgeDecision
      badgeName={badgeName}
      issuerName={issuerName}
      accept={{ action: accept, state: accepted, fields: fieldsFor(awardId, 'accepted') }}
      decline={{ action: decline, state: declined, fields: fieldsFor(awardId, 'declined') }}
    />
  );
}
