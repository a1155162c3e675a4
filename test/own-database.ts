import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { closeDb } from '@/db/client';
import { resetConfig } from '@/lib/config';

async function onAdmin(url: string, statement: string) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(statement);
  await admin.end();
}

/**
 * Gives the calling test file a database no other file writes to: on PostgreSQL a fresh database
 * (files share one otherwise, and run at the same time), on the embedded database a data
 * directory when `onDisk` (another process must open it), else the file's own memory database.
 * For files whose work sweeps every row it finds (a worker, a runner).
 */
export function withOwnDatabase(options: { label: string; onDisk?: boolean }): { dataDir: string | null } {
  const sharedUrl = process.env.DATABASE_URL;
  const ownDatabase = sharedUrl ? `laurel_${options.label}_${process.pid}_${Date.now().toString(36)}` : null;
  const dataDir =
    !sharedUrl && options.onDisk ? mkdtempSync(path.join(tmpdir(), `laurel-${options.label}-`)) : null;
  if (dataDir) process.env.PGLITE_PATH = dataDir;

  beforeAll(async () => {
    await closeDb();
    if (sharedUrl && ownDatabase) {
      await onAdmin(sharedUrl, `create database ${ownDatabase}`);
      process.env.DATABASE_URL = sharedUrl.replace(/\/[^/]*$/, `/${ownDatabase}`);
    }
    resetConfig();
  });

  afterAll(async () => {
    await closeDb();
    if (sharedUrl) process.env.DATABASE_URL = sharedUrl;
    resetConfig();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (sharedUrl && ownDatabase)
      await onAdmin(sharedUrl, `drop database if exists ${ownDatabase} with (force)`);
  });
  return { dataDir };
}
