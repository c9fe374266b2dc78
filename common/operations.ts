/**
 * The names of every operation of the API contract, with no dependencies, so the
 * preload script can expose exactly these (and nothing else) without bundling zod.
 * `common/api.ts` checks at compile time that this list and the schemas agree.
 */
export const OPERATION_NAMES = [
  'appInfo',
  'listArticles',
  'getArticle',
  'importText',
  'importSample',
  'importFile',
  'updateArticle',
  'trashArticle',
  'restoreArticle',
  'deleteArticle',
  'addAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'listAnnotations',
  'updateArticleText',
  'findInArticle',
  'search',
  'quickOpen',
  'listFacets',
  'getSettings',
  'updateSettings',
  'exportNotes',
  'previewExport',
  'importAnnotationsJson',
  'listBackups',
  'createBackup',
  'restoreBackup',
  'downloadBackup',
  'updateBackupSettings',
  'listLibrary',
  'listCollections',
  'createCollection',
  'updateCollection',
  'deleteCollection',
  'saveSearch',
  'deleteSavedSearch',
  'bulkUpdate',
  'undoBulk',
  'recordReading',
  'getUiState',
  'patchUiState',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** IPC channel names (Electron host only). */
export const IPC_CALL_CHANNEL = 'qirtas:call';
export const IPC_EVENT_CHANNEL = 'qirtas:event';
