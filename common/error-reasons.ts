/**
 * The kinds of failure the UI words itself (issue 10): an error's `params.reason`
 * is one of these, and its other params fill the sentence. The core names the
 * kind; the renderer (renderer/i18n/error-strings.ts) owns the Arabic and English
 * wording, so no English sentence from the core reaches an Arabic screen.
 */
export const ERROR_REASONS = {
  /** params: file, size, limit (sizes already formatted as numbers of bytes) */
  'file-too-large': ['file', 'size', 'limit'],
  /** A ZIP-based file (.docx, backup) that would unpack past the limit. params: file, limit */
  'too-large-unpacked': ['file', 'limit'],
  'unsupported-format': ['file'],
  'file-empty': ['file'],
  /** Blank, or nothing but markup/whitespace. */
  'no-text': ['file'],
  'binary-file': ['file'],
  /** A .docx or .pdf that cannot be opened. */
  'damaged-document': ['file'],
  'pdf-password': ['file'],
  'pdf-no-text-layer': ['file'],
  'old-doc-format': ['file'],
  /** A file whose name says one format and whose bytes another. params: file, format */
  'wrong-format': ['file', 'format'],
  /** The --- block of a Markdown file is not YAML key: value lines. */
  'bad-front-matter': ['file'],
  /** One record of a dataset. params: file, line */
  'bad-record': ['file', 'line'],
  'missing-column': ['file', 'column'],
  'unknown-encoding': ['file', 'encoding'],
  // An id may be passed too; it is technical and never shown.
  'article-not-found': [],
  /** Some of a selection are gone (bulk actions). params: count */
  'articles-not-found': ['count'],
  'article-in-trash': [],
  'collection-not-found': [],
  'saved-search-not-found': [],
  'collection-name-taken': ['name'],
  'saved-search-name-taken': ['name'],
  /** Moving a collection into itself or one of its sub-collections. params: name */
  'collection-cycle': ['name'],
  /** A collection name that several collections share (CLI). params: name, count */
  'ambiguous-collection': ['name', 'count'],
  /** An id prefix that matches several articles (CLI). params: id, count */
  'ambiguous-id': ['id', 'count'],
  /** Undo of a bulk action that is too old, or from before a restart. */
  'undo-expired': [],
  /** A request to the browser shell over its size limit. params: limit */
  'request-too-large': ['limit'],
  'newer-version': ['file'],
  'read-only': [],
  /** A backup zip refused before anything changed (damaged, not a Qirtas backup, unsafe); the entry and why are the detail. params: file */
  'backup-refused': ['file'],
  /** Arguments the contract refused (operation and field are passed for the technical detail only). */
  'invalid-argument': [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorReason = keyof typeof ERROR_REASONS;

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.hasOwn(ERROR_REASONS, value);
}
