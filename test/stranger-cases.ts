import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { unreachableCredentialJson } from './imported-badges';
import type { Case, World } from './stranger-world';

const png = async () =>
  new File(
    [
      new Uint8Array(
        await sharp({ create: { width: 300, height: 300, channels: 3, background: '#2563eb' } })
          .png()
          .toBuffer(),
      ),
    ],
    'badge.png',
    { type: 'image/png' },
  );

const csv = () =>
  new File(['email,name\nnew-learner@example.test,New Learner\n'], 'a.csv', { type: 'text/csv' });

const member = (targetsIds: boolean, form: Case['form']): Case => ({ access: 'member', targetsIds, form });
const admin = (targetsIds: boolean, form: Case['form']): Case => ({ access: 'admin', targetsIds, form });
const user = (targetsIds: boolean, form: Case['form']): Case => ({ access: 'user', targetsIds, form });

/** A valid form for the owner of each action; the issuer's `slug` is added per caller. */
export const MATRIX: Record<string, Case> = {
  'issuer/[slug]/award/actions.ts#awardOneAction': member(true, (w: World) => ({
    templateId: w.templateId,
    email: 'someone-new@example.test',
    name: 'Someone New',
    issuedAt: '',
    expiresAt: '',
    evidenceUrl: '',
    evidenceNarrative: '',
  })),
  'issuer/[slug]/awards/actions.ts#revokeFromConsoleAction': member(true, (w) => ({
    awardId: w.acceptedId,
    reason: 'Issued in error.',
  })),
  'issuer/[slug]/awards/actions.ts#resendFromConsoleAction': member(true, (w) => ({ awardId: w.pendingId })),
  'issuer/[slug]/bulk/actions.ts#validateCsvAction': member(true, (w) => ({
    templateId: w.templateId,
    file: csv(),
  })),
  'issuer/[slug]/bulk/actions.ts#startCsvAction': member(true, (w) => ({ jobId: w.jobId })),
  'issuer/[slug]/bulk/actions.ts#retryBulkJobAction': member(true, (w) => ({ jobId: w.failedJobId })),
  'issuer/[slug]/keys/actions.ts#createKeyAction': admin(false, () => ({ name: 'Another key' })),
  'issuer/[slug]/keys/actions.ts#revokeKeyAction': admin(true, (w) => ({ keyId: w.keyId })),
  'issuer/[slug]/templates/actions.ts#createTemplateAction': member(false, async () => ({
    name: 'Kubernetes Basics',
    description: 'Ran a cluster.',
    criteriaNarrative: 'Finish the lab.',
    criteriaUrl: '',
    skills: 'Kubernetes',
    validityDays: '',
    image: await png(),
  })),
  'issuer/[slug]/templates/actions.ts#updateTemplateAction': member(true, (w) => ({
    templateId: w.templateId,
    name: 'Linux Fundamentals II',
    description: 'Navigated the shell again.',
    criteriaNarrative: 'Complete the lab.',
    criteriaUrl: '',
    skills: 'Linux',
    validityDays: '',
  })),
  'issuer/[slug]/templates/actions.ts#archiveTemplateAction': member(true, (w) => ({
    templateId: w.templateId,
  })),
  'issuer/[slug]/webhooks/actions.ts#createEndpointAction': admin(false, () => ({
    url: 'http://127.0.0.1:9/other-hook',
  })),
  'issuer/[slug]/webhooks/actions.ts#sendTestAction': admin(true, (w) => ({ endpointId: w.endpointId })),
  'issuer/[slug]/webhooks/actions.ts#disableEndpointAction': admin(true, (w) => ({
    endpointId: w.endpointId,
  })),
  'issuer/[slug]/undelivered/actions.ts#retryDeliveryAction': admin(true, (w) => ({
    deliveryId: w.failedDeliveryId,
  })),
  '(wallet)/wallet/[awardId]/actions.ts#decideAwardAction': user(true, (w) => ({
    awardId: w.pendingId,
    decision: 'accepted',
  })),
  '(wallet)/wallet/[awardId]/badge-actions.ts#setVisibilityAction': user(true, (w) => ({
    awardId: w.acceptedId,
    isPublic: 'false',
  })),
  '(wallet)/wallet/import-actions.ts#importBadgeAction': user(false, (w) => ({
    text: unreachableCredentialJson(w.learner.email),
  })),
  '(wallet)/wallet/imported/[id]/actions.ts#setImportedVisibilityAction': user(true, (w) => ({
    id: w.importedId,
    isPublic: 'true',
  })),
  '(wallet)/wallet/imported/[id]/actions.ts#removeImportedBadgeAction': user(true, (w) => ({
    id: w.importedId,
  })),
  'settings/actions.ts#updateProfileAction': user(false, () => ({
    name: 'Renamed Learner',
    handle: '',
    headline: '',
  })),
  'settings/actions.ts#photoAction': user(false, async () => ({ intent: 'upload', photo: await png() })),
  'settings/actions.ts#optOutAction': user(false, () => ({ optedOut: 'on' })),
  'settings/session-actions.ts#signOutEverywhereAction': user(false, () => ({})),
  'settings/data-export-actions.ts#requestDataExportAction': user(false, () => ({})),
  // Every test person has the factories' password: each caller can change only their own.
  'settings/email-actions.ts#addEmailAction': user(false, () => ({
    email: `added-${randomUUID()}@example.test`,
  })),
  'settings/email-actions.ts#emailAddressAction': user(true, (w) => ({
    emailId: w.extraEmailId,
    intent: 'remove',
  })),
  'settings/notification-actions.ts#notificationsAction': user(false, () => ({ badge_expiring: 'on' })),
  'settings/password-actions.ts#changePasswordAction': user(false, () => ({
    currentPassword: 'correct horse battery',
    newPassword: 'a brand new passphrase',
    confirmPassword: 'a brand new passphrase',
  })),
  // Deleting acts on the caller's own account only (the factories' password is everyone's).
  'settings/delete-account-actions.ts#deleteAccountAction': user(false, () => ({
    password: 'correct horse battery',
    confirm: 'on',
  })),
  // The claim token is the capability (whoever the email reached); a session is still required.
  'claim/[token]/actions.ts#acceptClaimAction': {
    ...user(false, (w) => ({ token: w.claimToken })),
    isTokenCapability: true,
  },
};
