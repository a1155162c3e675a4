'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { checkRequestLimit, TOO_MANY_REQUESTS } from '@/lib/accounts/request-limits';
import { publicAction } from '@/lib/actions/form-action';
import type { FormError } from '@/lib/actions/form-state';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { verifyAnyBadge } from '@/lib/badges/verify-award';
import { getConfig } from '@/lib/config';
import type { VerificationReport, VerifyInput } from '@/lib/openbadges/verify/types';

export type VerifyState =
  | { status: 'idle' }
  | FormError
  | { status: 'done'; report: VerificationReport; source: string; values: { url: string; json: string } };

// The file is read from the form data itself (zod keeps no File); the text fields are bounded here.
const verifySchema = z.object({
  url: z.string().max(4096, 'That web address is too long to be a badge URL.').optional(),
  json: z.string().optional(),
});

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_JSON_BYTES = 1024 * 1024;

/** Turns what the visitor gave (a file, a URL or pasted JSON) into verifier input, or says what is wrong. */
async function readInput(formData: FormData): Promise<{ input: VerifyInput; source: string } | string> {
  const file = formData.get('file');
  const url = String(formData.get('url') ?? '').trim();
  const json = String(formData.get('json') ?? '').trim();
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMAGE_BYTES)
      return 'That file is larger than 5 MB. Badge images are much smaller; check you chose the right file.';
    return {
      input: { kind: 'file', bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name },
      source: file.name,
    };
  }
  if (url) {
    if (!/^https?:\/\//i.test(url)) return 'Enter a web address starting with https:// or http://.';
    return { input: { kind: 'url', url }, source: url };
  }
  if (json) {
    if (Buffer.byteLength(json) > MAX_JSON_BYTES)
      return 'That JSON is larger than 1 MB, which no badge needs.';
    return { input: { kind: 'json', text: json }, source: 'the pasted JSON' };
  }
  return 'Choose a badge image, or paste a badge URL or its JSON.';
}

/** Anyone may verify a badge: a public action, limited per visitor and per target host. */
export const verifyAction = publicAction<typeof verifySchema, VerifyState>(
  { schema: verifySchema },
  async ({ formData, db }) => {
    const values = { url: String(formData.get('url') ?? ''), json: String(formData.get('json') ?? '') };
    const read = await readInput(formData);
    if (typeof read === 'string') return { status: 'error', message: read, values };
    // Each check may fetch from other hosts: limited per visitor, and per host so that many
    // visitors cannot aim the verifier at one site.
    const limit = await checkRequestLimit(db, {
      action: 'verifyBadge',
      client: clientKeyFrom(await headers()),
      target: read.input.kind === 'url' ? hostOf(read.input.url) : undefined,
      clientMax: getConfig().verifyRateLimit,
    });
    if (limit !== 'ok') return { status: 'error', message: TOO_MANY_REQUESTS, values };
    const report = await verifyAnyBadge(read.input, getConfig());
    return { status: 'done', report, source: read.source, values };
  },
);

function hostOf(url: string): string {
  try {
    return `host:${new URL(url).host}`;
  } catch {
    return 'host:invalid';
  }
}
