'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import type { FormError } from '@/lib/actions/form-state';
import { success } from '@/lib/actions/form-state';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';

export type CreatedKey =
  | { status: 'idle' }
  | FormError
  | { status: 'created'; key: string; keyId: string; name: string };

const createSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the key a name.')
    .max(100, 'Keep the name to 100 characters or fewer.'),
});

/**
 * Creates a key and returns it in this one answer; only its hash is kept, so no page can show it
 * again (the form forgets it when the page is left, and hides it once the key is revoked).
 */
export const createKeyAction = issuerAction<typeof createSchema, CreatedKey>(
  { role: 'admin', schema: createSchema },
  async ({ input: { name }, db, actor, issuer }) => {
    const { id, key } = await createApiKey(db, { actor: { id: actor.id }, issuerId: issuer.id, name });
    revalidatePath(`/issuer/${issuer.slug}/keys`);
    return { status: 'created', key, keyId: id, name };
  },
);

export const revokeKeyAction = issuerAction(
  { role: 'admin', schema: z.object({ keyId: z.uuid({ message: 'That key does not exist.' }) }) },
  async ({ input: { keyId }, db, actor, issuer }) => {
    await revokeApiKey(db, { actor: { id: actor.id }, issuerId: issuer.id, keyId });
    revalidatePath(`/issuer/${issuer.slug}/keys`);
    return success('Key revoked. Requests using it are now refused.');
  },
);
