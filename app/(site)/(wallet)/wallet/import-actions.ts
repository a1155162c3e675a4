'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { checkRequestLimit, TOO_MANY_REQUESTS } from '@/lib/accounts/request-limits';
import { userAction } from '@/lib/actions/form-action';
import type { FormError } from '@/lib/actions/form-state';
import { type ImportOutcome, importBadge } from '@/lib/imports/import-badge';
import { readImportSource } from '@/lib/imports/read-form';
import { verifierOptions } from '@/lib/imports/verifier';

export type ImportState = { status: 'idle' } | FormError | { status: 'done'; outcome: ImportOutcome };

// The file is read from the form data itself; the text is bounded in readImportSource.
const importSchema = z.object({ text: z.string().optional() });

/** One item of "Add a badge you earned elsewhere": a file, or a pasted URL or text. */
export const importBadgeAction = userAction<typeof importSchema, ImportState>(
  { schema: importSchema },
  async ({ actor, formData, db }) => {
    const read = await readImportSource(formData);
    if (typeof read === 'string') return { status: 'error', message: read };
    const limit = await checkRequestLimit(db, {
      action: 'importBadge',
      client: `user:${actor.id}`,
      target: read.kind === 'url' ? `host:${URL.parse(read.url)?.host ?? 'invalid'}` : undefined,
    });
    if (limit !== 'ok') return { status: 'error', message: TOO_MANY_REQUESTS };
    const outcome = await importBadge(db, { userId: actor.id, source: read, ...verifierOptions() });
    if (outcome.status === 'added') revalidatePath('/wallet');
    return { status: 'done', outcome };
  },
);
