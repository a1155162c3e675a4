'use server';

import { z } from 'zod';
import { userAction } from '@/lib/actions/form-action';
import type { FormError } from '@/lib/actions/form-state';
import { type ExportView, requestDataExport } from '@/lib/data-export/requests';

export type RequestExportState =
  | { status: 'idle' }
  | FormError
  | { status: 'success'; message: string; export: ExportView };

/** Asks for a zip of the signed-in user's data; the worker builds it and Settings shows its progress. */
export const requestDataExportAction = userAction<z.ZodObject, RequestExportState>(
  { schema: z.object({}) },
  async ({ db, actor }) => ({
    status: 'success',
    message: 'We are gathering your data. You can leave this page: we will email you when it is ready.',
    export: await requestDataExport(db, { userId: actor.id }),
  }),
);
