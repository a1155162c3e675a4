import { checkCredentialStatus } from '@/lib/openbadges/status/check';
import { statusListFetchJson } from '@/lib/openbadges/status/fetch-list';
import { noteUnreachable, type VerifyContext } from '../context';
import { proofHolds } from './proof';

/** Revocation (and suspension) by the credential's status entry, in plain words. */
export async function checkVcStatus(ctx: VerifyContext, credential: Record<string, unknown>): Promise<void> {
  if (credential.credentialStatus === undefined) {
    ctx.checks.pass('revoked', 'Cannot be revoked', 'The issuer gave it no status entry.');
    return;
  }
  const lists = ctx.statusLists;
  const result = await checkCredentialStatus(credential, {
    fetchJson: statusListFetchJson(ctx.fetch, lists),
    // A list still in the cache whose proof held once is not checked again (./list-cache.ts).
    verifyListCredential: async (list) => {
      if (lists?.isVerified(list)) return { verified: true };
      const outcome = await proofHolds(ctx, list);
      if (outcome.verified) lists?.markVerified(list);
      return outcome;
    },
  });
  if (result.status === 'active') ctx.checks.pass('revoked', 'Not revoked', result.detail);
  else if (result.status === 'revoked') ctx.checks.fail('revoked', 'Revoked by the issuer', result.detail);
  else if (result.status === 'suspended')
    ctx.checks.fail('revoked', 'Suspended by the issuer', result.detail);
  else if (result.unreachableHost) {
    noteUnreachable(
      ctx,
      { id: 'revoked', label: 'Revocation could not be checked' },
      `https://${result.unreachableHost}/`,
      result.detail,
    );
  } else ctx.checks.warn('revoked', 'Revocation could not be checked', result.detail);
}
