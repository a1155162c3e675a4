'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { AppError } from '@/lib/errors';
import { issuerActionContext } from '../../console';

const adminOf = (slug: string) => issuerActionContext(slug, 'admin');

export type CreatedKey =
  | { status: 'idle' }
  | { status: 'error'; message: string }
  | { status: 'created'; key: string; name: string };

const createSchema = z.object({
  slug: z.string(),
  name: z.string().trim().min(1, 'Give the key a name.').max(100),
});

/** Creates a key and returns it once; only its hash is kept. */
export async function createKeyAction(_previous: CreatedKey, formData: FormData): Promise<CreatedKey> {
  const parsed = createSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { status: 'error', message: parsed.error.issues[0]?.message ?? 'Invalid input.' };
  try {
    const { db, issuer } = await adminOf(parsed.data.slug);
    const { key } = await createApiKey(db, { issuerId: issuer.id, name: parsed.data.name });
    revalidatePath(`/issuer/${issuer.slug}/keys`);
    return { status: 'created', key, name: parsed.data.name };
  } catch (error) {
    if (error instanceof AppError) return { status: 'error', message: error.message };
    throw error;
  }
}

export const revokeKeyAction = formAction(
  z.object({ slug: z.string(), keyId: z.uuid() }),
  async ({ slug, keyId }) => {
    const { db, issuer } = await adminOf(slug);
    await revokeApiKey(db, { issuerId: issuer.id, keyId });
    revalidatePath(`/issuer/${issuer.slug}/keys`);
    return { status: 'success', message: 'Key revoked. Requests using it are now refused.' };
  },
);
