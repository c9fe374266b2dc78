/**
 * Library commands (issue 10), each one durable change through the contract:
 *   qirtas collection list | create NAME [--parent P] | rename C NAME | move C --parent P|--top
 *                   | add C ID… | remove C ID… | delete C [--with-subcollections]
 *                   | rename-search S NAME   (a saved search, by id or name; its query and filters kept)
 *   qirtas tag add|remove ID… TAG
 *   qirtas status ID… unread|reading|read
 * Collections are named by id, name or path (collection-names.ts); articles by id
 * or a unique prefix.
 */
import type { BulkResult, LibraryTree } from '../../../common/api.js';
import { QirtasError } from '../../../common/errors.js';
import { sameName } from '../../../common/library/index.js';
import type { Collection, SavedSearch } from '../../../common/types/library.js';
import { READING_STATUSES, type ReadingStatus } from '../../../common/types/library.js';
import type { ArchiveApp } from '../../service/archive-app.js';
import { type CliContext, EXIT_OK, UsageError, unwrap } from '../cli-context.js';
import { collectionPath } from '../../../common/library/index.js';
import { resolveCollection } from './collection-names.js';
import { resolveArticleId } from './list-show.js';

export interface CollectionOptions {
  parent?: string;
  top: boolean;
  withSubcollections: boolean;
}

async function withWritableApp(context: CliContext, work: (app: ArchiveApp) => Promise<number>): Promise<number> {
  const app = await context.open(false);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

function report(context: CliContext, result: BulkResult, total: number, what: string): number {
  if (context.json) context.out(JSON.stringify({ changed: result.changedIds }, null, 2));
  else context.out(`${what}: ${result.changedIds.length} of ${total} article${total === 1 ? '' : 's'} changed${result.changedIds.length < total ? ' (the others already were)' : ''}.`);
  return EXIT_OK;
}

function printTree(context: CliContext, tree: LibraryTree): void {
  if (context.json) {
    context.out(JSON.stringify(tree, null, 2));
    return;
  }
  if (tree.collections.length === 0 && tree.savedSearches.length === 0) {
    context.out('No collections yet. Create one with: qirtas collection create NAME');
    return;
  }
  const depth = new Map<string, number>();
  for (const collection of tree.collections) {
    const level = collection.parentId === null ? 0 : (depth.get(collection.parentId) ?? 0) + 1;
    depth.set(collection.id, level);
    const deep = collection.deepCount !== collection.count ? ` (${collection.deepCount} with sub-collections)` : '';
    context.out(`${'  '.repeat(level)}${collection.name}  ${collection.count} article${collection.count === 1 ? '' : 's'}${deep}  [${collection.id}]`);
  }
  for (const saved of tree.savedSearches) context.out(`search: ${saved.name}  ${saved.count} article${saved.count === 1 ? '' : 's'}  [${saved.id}]`);
}

/** A saved search by id or by name (names are unique, compared as the archive compares them). */
function resolveSavedSearch(app: ArchiveApp, idOrName: string): SavedSearch {
  const all = app.store.library.savedSearches;
  const found = all.find((saved) => saved.id === idOrName) ?? all.find((saved) => sameName(saved.name, idOrName));
  if (!found) throw QirtasError.withParams('NOT_FOUND', `No saved search with the id or name "${idOrName}".`, { reason: 'saved-search-not-found', id: idOrName });
  return found;
}

export async function collectionCommand(context: CliContext, args: string[], options: CollectionOptions): Promise<number> {
  const [action, ...rest] = args;
  const needs = (count: number, usage: string) => {
    if (rest.length < count) throw new UsageError(`collection ${action} needs ${usage}`);
  };
  switch (action) {
    case 'list': {
      const app = await context.open(true);
      try {
        printTree(context, unwrap<LibraryTree>(await app.dispatch('listCollections', {})));
        return EXIT_OK;
      } finally {
        await app.close();
      }
    }
    case 'create':
      needs(1, 'a name: qirtas collection create NAME [--parent P]');
      if (rest.length > 1) throw new UsageError(`collection create takes one name; put a name with spaces in quotes (got ${rest.length} words)`);
      return withWritableApp(context, async (app) => {
        const parentId = options.parent === undefined ? null : resolveCollection(app, options.parent).id;
        const created = unwrap<Collection>(await app.dispatch('createCollection', { name: rest[0], parentId }));
        context.out(context.json ? JSON.stringify(created, null, 2) : `Created ${collectionPath(app.store.library.collections, created)}  [${created.id}]`);
        return EXIT_OK;
      });
    case 'rename':
      needs(2, 'the collection and its new name: qirtas collection rename C NAME');
      return withWritableApp(context, async (app) => {
        const updated = unwrap<Collection>(await app.dispatch('updateCollection', { id: resolveCollection(app, rest[0] as string).id, name: rest.slice(1).join(' ') }));
        context.out(context.json ? JSON.stringify(updated, null, 2) : `Renamed to ${updated.name}`);
        return EXIT_OK;
      });
    case 'rename-search':
      needs(2, 'the saved search and its new name: qirtas collection rename-search S NAME');
      return withWritableApp(context, async (app) => {
        const updated = unwrap<SavedSearch>(await app.dispatch('saveSearch', { id: resolveSavedSearch(app, rest[0] as string).id, name: rest.slice(1).join(' ') }));
        context.out(context.json ? JSON.stringify(updated, null, 2) : `Renamed to ${updated.name}`);
        return EXIT_OK;
      });
    case 'move':
      needs(1, 'a collection: qirtas collection move C --parent P (or --top)');
      if ((options.parent === undefined) === !options.top) throw new UsageError('collection move needs exactly one of --parent P or --top');
      return withWritableApp(context, async (app) => {
        const parentId = options.top ? null : resolveCollection(app, options.parent as string).id;
        const updated = unwrap<Collection>(await app.dispatch('updateCollection', { id: resolveCollection(app, rest[0] as string).id, parentId }));
        context.out(context.json ? JSON.stringify(updated, null, 2) : `Moved to ${collectionPath(app.store.library.collections, updated)}`);
        return EXIT_OK;
      });
    case 'add':
    case 'remove':
      needs(2, `a collection and article ids: qirtas collection ${action} C ID…`);
      return withWritableApp(context, async (app) => {
        const collection = resolveCollection(app, rest[0] as string);
        const ids = rest.slice(1).map((id) => resolveArticleId(app, id));
        const kind = action === 'add' ? 'addToCollection' : 'removeFromCollection';
        const result = unwrap<BulkResult>(await app.dispatch('bulkUpdate', { ids, action: { kind, collectionId: collection.id } }));
        return report(context, result, ids.length, `${action === 'add' ? 'Added to' : 'Removed from'} ${collection.name}`);
      });
    case 'delete':
      needs(1, 'a collection: qirtas collection delete C [--with-subcollections]');
      return withWritableApp(context, async (app) => {
        const collection = resolveCollection(app, rest[0] as string);
        const result = unwrap<{ deletedIds: string[]; articlesChanged: number }>(
          await app.dispatch('deleteCollection', { id: collection.id, subcollections: options.withSubcollections ? 'delete' : 'lift' }),
        );
        if (context.json) context.out(JSON.stringify(result, null, 2));
        else context.out(`Deleted ${result.deletedIds.length} collection${result.deletedIds.length === 1 ? '' : 's'}; ${result.articlesChanged} article${result.articlesChanged === 1 ? '' : 's'} taken out of it (no article was deleted).`);
        return EXIT_OK;
      });
    default:
      throw new UsageError(
        action === undefined
          ? 'collection needs an action: list, create, rename, move, add, remove, delete, rename-search'
          : `unknown collection action "${action}" (list, create, rename, move, add, remove, delete, rename-search)`,
      );
  }
}

export async function tagCommand(context: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add' && action !== 'remove') throw new UsageError('tag needs add or remove: qirtas tag add|remove ID… TAG');
  if (rest.length < 2) throw new UsageError(`tag ${action} needs article ids and then the tag: qirtas tag ${action} ID… TAG`);
  const tag = (rest.at(-1) as string).trim();
  if (tag === '') throw new UsageError('the tag is empty');
  return withWritableApp(context, async (app) => {
    const ids = rest.slice(0, -1).map((id) => resolveArticleId(app, id));
    const result = unwrap<BulkResult>(await app.dispatch('bulkUpdate', { ids, action: { kind: action === 'add' ? 'addTags' : 'removeTags', tags: [tag] } }));
    return report(context, result, ids.length, `${action === 'add' ? 'Tagged' : 'Untagged'} «${tag}»`);
  });
}

export async function statusCommand(context: CliContext, args: string[]): Promise<number> {
  const status = args.at(-1);
  if (args.length < 2 || !READING_STATUSES.includes(status as ReadingStatus)) {
    throw new UsageError(`status needs article ids and then ${READING_STATUSES.join(', ')}: qirtas status ID… read`);
  }
  return withWritableApp(context, async (app) => {
    const ids = args.slice(0, -1).map((id) => resolveArticleId(app, id));
    const result = unwrap<BulkResult>(await app.dispatch('bulkUpdate', { ids, action: { kind: 'setStatus', status } }));
    return report(context, result, ids.length, `Marked ${status}`);
  });
}
