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
/**
 * A collection backup's manifest is version 2: a Qirtas from before scoped
 * backups accepts only version 1, so it refuses such a zip instead of swapping
 * it in as the whole archive (which would drop every other article).
 */
export const SCOPED_MANIFEST_VERSION = 2;

/** What a scoped backup holds: one collection with its sub-collections (issue 10). */
export const ManifestScope = z.object({
  kind: z.literal('collection'),
  /** The collection's id (kept on restore, so a restore merges into it when it is still there). */
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  /** «parent/child» names from the top level, as it was when backed up. */
  path: z.string().max(5000),
  /** Its parent then (not in the backup): a restore puts it back there when that parent still exists. */
  parentId: z.string().min(1).max(200).nullable(),
  /** Sub-collections are included: collectionCount counts the collection and every one below it. */
  collectionCount: z.number().int().positive(),
});
export type ManifestScope = z.infer<typeof ManifestScope>;

export const ManifestFile = z.object({
  path: z.string().min(1).max(300),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex'),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const BackupManifest = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    manifestVersion: z.union([z.literal(MANIFEST_VERSION), z.literal(SCOPED_MANIFEST_VERSION)]),
    /** The archive's file format (SCHEMA_VERSION of library.json and the article files). */
    archiveSchemaVersion: z.number().int().positive(),
    created: z.string(),
    kind: BackupKind,
    app: z.object({ name: z.string(), version: z.string() }),
    articleCount: z.number().int().nonnegative(),
    annotationCount: z.number().int().nonnegative(),
    files: z.array(ManifestFile).max(1_000_000),
    /** Set (with manifestVersion 2) when the backup holds one collection, not the whole archive. */
    scope: ManifestScope.optional(),
  })
  .refine((manifest) => (manifest.scope !== undefined) === (manifest.manifestVersion === SCOPED_MANIFEST_VERSION), {
    message: 'a collection backup has manifest version 2 and a scope; a whole-archive backup has version 1 and none',
    path: ['manifestVersion'],
  });
export type BackupManifest = z.infer<typeof BackupManifest>;

/** The names a backup may hold besides the manifest: the archive's files, nothing else. */
export const ALLOWED_NAME = /^(library\.json|articles\/[A-Za-z0-9_-]{1,100}\.json|index\/[A-Za-z0-9][A-Za-z0-9._-]{0,120})$/;
export const ARTICLE_NAME = /^articles\/([A-Za-z0-9_-]{1,100})\.json$/;
