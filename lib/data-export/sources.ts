import 'server-only';
import type { Db, Executor } from '@/db/client';
import { importedBadges } from './imported-badges';
import { laurelBadges } from './laurel-badges';
import type { ZipSink } from './zip-sink';

/** One line of badges.csv and badges.json. */
export type IndexRow = {
  id: string;
  source: 'laurel' | 'imported';
  name: string;
  issuer: string;
  /** Empty for an imported badge that names no date. */
  issued: string | null;
  expires: string | null;
  /** Laurel's badges: valid, expired or revoked; imported ones: as last checked (verified, unverified, invalid). */
  status: 'valid' | 'expired' | 'revoked' | 'verified' | 'unverified' | 'invalid';
  isPublic: boolean;
  /** Paths inside the zip. */
  files: string[];
};

export type ExportContext = {
  db: Db;
  userId: string;
  appUrl: string;
  zip: ZipSink;
  /** Called once per badge written: moves the progress bar. */
  badgeWritten(): Promise<void>;
};

/**
 * Where the export's badges come from. Each source writes its badges' files one badge at a time,
 * then lists them again for the index, in pages, so neither pass holds all badges in memory.
 * `indexRows` must name exactly the files `writeFiles` wrote (the second pass runs after the first).
 */
export type BadgeSource = {
  count(db: Executor, userId: string): Promise<number>;
  writeFiles(ctx: ExportContext): Promise<void>;
  indexRows(ctx: ExportContext): AsyncIterable<IndexRow>;
};

/** Made fresh for each export (a source may remember what it wrote for its index). */
export const BADGE_SOURCES: Array<() => BadgeSource> = [laurelBadges, importedBadges];
