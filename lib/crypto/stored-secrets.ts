import 'server-only';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { issuerKeys, webhookEndpoints } from '@/db/schema';
import type { SecretPurpose } from './at-rest';

/** A column holding secrets encrypted at rest, and what `keys rotate` needs to re-encrypt it. */
export type StoredSecretColumn = {
  /** Plural noun for reports: "webhook endpoint secrets". */
  label: string;
  table: PgTable;
  /** A unique, orderable key of the table (batches page by it). */
  id: PgColumn;
  column: PgColumn;
  purpose: SecretPurpose;
};

/** Every encrypted column. A new kind of stored secret is one more line here. */
export const STORED_SECRETS: StoredSecretColumn[] = [
  {
    label: 'webhook endpoint secrets',
    table: webhookEndpoints,
    id: webhookEndpoints.id,
    column: webhookEndpoints.secretCiphertext,
    purpose: 'webhook-secret',
  },
  {
    label: 'issuer signing keys',
    table: issuerKeys,
    id: issuerKeys.id,
    column: issuerKeys.privateKeyCiphertext,
    purpose: 'issuer-signing-key',
  },
];
