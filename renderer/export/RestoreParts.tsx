/**
 * The restore confirmation and what a collection restore reports (issue 10).
 * A whole-archive backup replaces the archive (the previous one is kept aside);
 * a collection backup adds to it — the dialog says which, up front, and the
 * report says what was added and what was already there and left as it was.
 */
import type { BackupCollectionScope, RestoreMergeReport } from '../../common/api.js';
import { Dialog } from '../app/Dialog.js';
import { plural } from '../i18n/format-numbers.js';
import { fill, fillIsolated } from '../i18n/fill.js';
import { useI18n } from '../i18n/i18n.js';

export function RestoreConfirm({
  name,
  scope,
  articleCount,
  onConfirm,
  onCancel,
}: {
  name: string;
  /** Known for a collection backup; null for a whole-archive one (or a zip that did not say). */
  scope: BackupCollectionScope | null;
  articleCount: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const merge = scope !== null;
  return (
    <Dialog title={merge ? t.restoreMergeTitle : t.restoreConfirmTitle} onClose={onCancel} labelledBy="restore-confirm-title" className="restore-confirm">
      <p>{merge ? fillIsolated(t.restoreMergeBody, { name: scope.path, articles: plural('articles', articleCount, locale) }) : fill(t.restoreConfirmBody, { name })}</p>
      <div className="form-actions">
        <button type="button" className={merge ? 'button-primary' : 'button-danger'} onClick={onConfirm}>
          {merge ? t.restoreMergeConfirm : t.restoreConfirm}
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          {t.cancel}
        </button>
      </div>
    </Dialog>
  );
}

/** What merging a collection backup did, line by line. */
export function MergeReport({ report }: { report: RestoreMergeReport }) {
  const { t, locale } = useI18n();
  const count = (n: number) => plural('articles', n, locale);
  return (
    <div className="backups-merge-report" data-testid="merge-report">
      <p>{fillIsolated(t.mergeDone, { name: report.collection.name })}</p>
      <ul>
        <li>{fill(t.mergeAdded, { articles: count(report.articlesAdded), highlights: plural('highlights', report.annotationsAdded, locale) })}</li>
        {report.articlesKept > 0 && (
          <li>
            {fill(t.mergeKept, { articles: count(report.articlesKept) })}
            {report.keptTitles.length > 0 && (
              <span className="backups-kept-titles">
                {' '}
                {report.keptTitles.map((title, index) => (
                  <span key={index}>
                    {index > 0 && (locale === 'ar' ? '، ' : ', ')}«<bdi>{title}</bdi>»
                  </span>
                ))}
                {report.articlesKept > report.keptTitles.length && '…'}
              </span>
            )}
          </li>
        )}
        <li>{fillIsolated(t.mergeCollections, { created: report.collectionsCreated, existing: report.collectionsExisting })}</li>
        {report.membershipsAdded > 0 && <li>{fill(t.mergeMemberships, { articles: count(report.membershipsAdded) })}</li>}
        {report.collectionsRenamed.map((renamed) => (
          <li key={`${renamed.from}>${renamed.to}`}>{fillIsolated(t.mergeRenamed, { from: renamed.from, to: renamed.to })}</li>
        ))}
      </ul>
    </div>
  );
}
