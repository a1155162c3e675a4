import { FetchError } from '@/lib/net/types';
import { checkCredentialStatus } from '@/lib/openbadges/status/check';
import { noteUnreachable, type VerifyContext } from '../context';
import { describeStatus, fetchResource, readJsonObject } from '../fetch-json';
import { proofHolds } from './proof';

/** A status list (or revocation list) as JSON, fetched once per verification through ctx.fetch. */
function fetchJsonFor(ctx: VerifyContext) {
  return async (url: string): Promise<unknown> => {
    const resource = await fetchResource(ctx, url);
    if (resource.status < 200 || resource.status > 299) {
      throw new FetchError(`${url} answered with ${describeStatus(resource.status)}.`);
    }
    const node = readJsonObject(resource);
    if (typeof node === 'string') throw new Error(node);
    return node;
  };
}

/** Revocation (and suspension) by the credential's status entry, in plain words. */
export async function checkVcStatus(ctx: VerifyContext, credential: Record<string, unknown>): Promise<void> {
  if (credential.credentialStatus === undefined) {
    ctx.checks.pass('revoked', 'Cannot be revoked', 'The issuer gave it no status entry.');
    return;
  }
  const result = await checkCredentialStatus(credential, {
    fetchJson: fetchJsonFor(ctx),
    verifyListCredential: (list) => proofHolds(ctx, list),
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
