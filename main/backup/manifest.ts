/**
 * The manifest every backup zip carries (manifest.json): what made it, when,
 * and every file with its size and SHA-256. A restore checks the zip against it
 * entry by entry, and refuses anything it does not list.
 */
import { z } from 'zod';
import { BackupKind } from '../../common/api.js';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'qirtas-backup';
export const MANIFEST_VERSION = 1;

export const ManifestFile = z.object({
  path: z.string().min(1).max(300),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex'),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  manifestVersion: z.literal(MANIFEST_VERSION),
  /** The archive's file format (SCHEMA_VERSION of library.json and the article files). */
  archiveSchemaVersion: z.number().int().positive(),
  created: z.string(),
  kind: BackupKind,
  app: z.object({ name: z.string(), version: z.string() }),
  articleCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  files: z.array(ManifestFile).max(1_000_000),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** The names a backup may hold besides the manifest: the archive's files, nothing else. */
export const ALLOWED_NAME = /^(library\.json|articles\/[A-Za-z0-9_-]{1,100}\.json|index\/[A-Za-z0-9][A-Za-z0-9._-]{0,120})$/;
export const ARTICLE_NAME = /^articles\/([A-Za-z0-9_-]{1,100})\.json$/;
