/**
 * What a zip chosen for restore says about itself, read in the page before it is
 * sent (issue 10): only its manifest.json is inflated (fflate), to know whether
 * it is a backup of one collection — restoring that adds to the archive — so the
 * confirmation can say so up front. Anything unreadable is null: the core's full
 * check then names the file and the reason.
 */
import { unzipSync } from 'fflate';
import type { BackupCollectionScope } from '../../common/api.js';

export interface PeekedBackup {
  scope: BackupCollectionScope | null;
  articleCount: number;
}

export async function peekBackup(file: Blob): Promise<PeekedBackup | null> {
  try {
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), { filter: (entry) => entry.name === 'manifest.json' && entry.originalSize < 64 * 1024 * 1024 });
    const bytes = entries['manifest.json'];
    if (!bytes) return null;
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { articleCount?: unknown; scope?: Partial<BackupCollectionScope> };
    const articleCount = typeof manifest.articleCount === 'number' ? manifest.articleCount : 0;
    const scope = manifest.scope;
    if (!scope || scope.kind !== 'collection' || typeof scope.name !== 'string') return { scope: null, articleCount };
    return { scope: { kind: 'collection', id: String(scope.id ?? ''), name: scope.name, path: String(scope.path ?? scope.name), collectionCount: Number(scope.collectionCount ?? 1) }, articleCount };
  } catch {
    return null;
  }
}
