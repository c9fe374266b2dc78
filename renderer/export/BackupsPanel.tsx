/**
 * Backups (issue 6): make one now, the automatic daily backups (on/off, how many
 * to keep), the list of backups in the data folder with a Restore button each,
 * and restoring from a zip file. Restoring asks first, then says what happened:
 * how much was restored and where the previous archive was kept — or why the
 * backup was refused (nothing changed then).
 *
 * Issue 10: a backup can be of one collection (BackupScopePicker); the list
 * names such backups with their collection, and restoring one says up front
 * that it adds to the archive, then reports what it added and kept (RestoreParts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupCollectionScope, BackupInfo, BackupList, RestoreMergeReport } from '../../common/api.js';
import { useApp } from '../app/api-context.js';
import { wordError } from '../i18n/error-strings.js';
import { formatBytes } from '../i18n/format-numbers.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import type { StringKey } from '../i18n/strings.js';
import { toBase64 } from '../import/read-dropped.js';
import { fill, fillIsolated } from '../i18n/fill.js';
import { peekBackup } from './backup-peek.js';
import { BackupScopePicker } from './BackupScopePicker.js';
import { downloadFile } from './download.js';
import { MergeReport, RestoreConfirm } from './RestoreParts.js';

const KIND_KEYS: Record<BackupInfo['kind'], StringKey> = {
  auto: 'kindAuto',
  manual: 'kindManual',
  'before-restore': 'kindBeforeRestore',
  uploaded: 'kindUploaded',
};

type Pending = { kind: 'stored'; backup: BackupInfo } | { kind: 'file'; file: File; scope: BackupCollectionScope | null; articleCount: number };

export function BackupsPanel() {
  const { t, locale } = useI18n();
  const { client, fail } = useApp();
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string; detail?: string; keptAt?: string; merge?: RestoreMergeReport } | null>(null);
  /** An error worded in the user's language, the core's own message kept as the technical detail. */
  const failed = (error: unknown, lead?: string) => {
    const worded = wordError(error, locale);
    // A refused backup's own sentence already says it was not restored and nothing changed.
    const selfContained = (error as { error?: { params?: { reason?: unknown } } } | null)?.error?.params?.reason === 'backup-refused';
    setStatus({ kind: 'error', text: lead && !selfContained ? `${lead} ${worded.text}` : worded.text, detail: worded.detail });
  };
  const [pending, setPending] = useState<Pending | null>(null);
  /** What "Back up now" writes: null, the whole archive; else a collection's id. */
  const [collection, setCollection] = useState<string | null>(null);
  const [keep, setKeep] = useState('7');
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => {
    client.api.listBackups({}).then((result) => {
      setList(result);
      setKeep(String(result.settings.keep));
    }, fail);
  }, [client, fail]);
  useEffect(reload, [reload]);

  const backUp = async () => {
    setBusy(true);
    setStatus({ kind: 'info', text: t.backupWorking });
    try {
      const created = await client.api.createBackup(collection === null ? {} : { collection });
      setStatus({ kind: 'info', text: fill(t.backupDone, { name: created.name }) });
      reload();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  /** The zip itself, saved by the browser (the browser shell cannot open the data folder). */
  const download = async (backup: BackupInfo) => {
    try {
      const file = await client.api.downloadBackup({ name: backup.name });
      downloadFile(file.fileName, file.mimeType, file.data);
    } catch (error) {
      failed(error);
    }
  };

  const updateSettings = async (patch: { enabled?: boolean; keep?: number }) => {
    try {
      const settings = await client.api.updateBackupSettings(patch);
      setList((current) => (current ? { ...current, settings } : current));
      if (patch.keep !== undefined) reload();
    } catch (error) {
      fail(error);
    }
  };

  const restore = async (what: Pending) => {
    setPending(null);
    setBusy(true);
    setStatus({ kind: 'info', text: t.restoreWorking });
    try {
      const result =
        what.kind === 'stored'
          ? await client.api.restoreBackup({ name: what.backup.name })
          : await client.api.restoreBackup({ fileName: what.file.name, data: await toBase64(what.file) });
      if (result.merge) setStatus({ kind: 'info', text: '', merge: result.merge });
      else {
        setStatus({
          kind: 'info',
          text: fill(t.restoreDone, { articles: result.articleCount, highlights: result.annotationCount }),
          ...(result.previousKeptAt ? { keptAt: result.previousKeptAt } : {}),
        });
      }
      reload();
    } catch (error) {
      failed(error, t.restoreFailed);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const pendingName = pending ? (pending.kind === 'stored' ? pending.backup.name : pending.file.name) : '';
  const pendingScope = pending ? (pending.kind === 'stored' ? (pending.backup.scope ?? null) : pending.scope) : null;
  const pendingCount = pending ? (pending.kind === 'stored' ? pending.backup.articleCount : pending.articleCount) : 0;

  return (
    <div className="backups-panel">
      <p className="hint">{t.backupsIntro}</p>
      <BackupScopePicker value={collection} onChange={setCollection} disabled={busy} />
      <div className="backups-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void backUp()}>
          {t.backupNow}
        </button>
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t.backupRestoreFile}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="restore-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Its manifest tells whether it is a collection backup (restoring adds) before anything is sent.
            if (file) void peekBackup(file).then((peeked) => setPending({ kind: 'file', file, scope: peeked?.scope ?? null, articleCount: peeked?.articleCount ?? 0 }));
          }}
        />
      </div>
      {status && (
        <div className={`backups-status backups-status-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text && <p>{status.text}</p>}
          {status.detail && (
            <details className="toast-detail">
              <summary>{t.technicalDetail}</summary>
              <code dir="ltr">{status.detail}</code>
            </details>
          )}
          {status.merge && <MergeReport report={status.merge} />}
          {status.keptAt && (
            <p className="hint backups-folder">
              {t.restoreKept} <bdi dir="ltr">{status.keptAt}</bdi>
            </p>
          )}
        </div>
      )}
      {list && (
        <div className="backups-settings">
          <label>
            <input type="checkbox" checked={list.settings.enabled} onChange={(event) => void updateSettings({ enabled: event.target.checked })} />
            {t.backupAuto}
          </label>
          <label>
            {t.backupKeep}
            <input
              type="number"
              min={1}
              max={100}
              value={keep}
              onChange={(event) => setKeep(event.target.value)}
              onBlur={() => {
                const value = Number(keep);
                if (Number.isInteger(value) && value >= 1 && value <= 100 && value !== list.settings.keep) void updateSettings({ keep: value });
              }}
            />
          </label>
        </div>
      )}
      {list && (
        <p className="hint backups-folder">
          {t.backupFolder} <bdi dir="ltr">{list.folder}</bdi>
        </p>
      )}
      {list && list.backups.length === 0 && <p>{t.backupNone}</p>}
      {list && list.backups.length > 0 && (
        <table className="backups-table">
          <thead>
            <tr>
              <th>{t.backupDate}</th>
              <th>{t.backupKind}</th>
              <th>{t.backupContents}</th>
              <th>{t.backupSize}</th>
              <th>
                <span className="export-sr-only">{t.backupRestore}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.name} data-name={backup.name}>
                <td>
                  <span>{formatDualDate(backup.created, locale)}</span>
                  <span className="backups-time">
                    {' '}
                    <bdi>{new Date(backup.created).toLocaleTimeString(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}</bdi>
                  </span>
                </td>
                <td>{t[KIND_KEYS[backup.kind]]}</td>
                <td>
                  {backup.scope && (
                    <span className="backups-scope-name" data-testid="backup-scope">
                      {fillIsolated(t.backupOfCollection, { name: backup.scope.path })}
                      <br />
                    </span>
                  )}
                  {fill(t.backupArticles, { articles: backup.articleCount, highlights: backup.annotationCount })}
                </td>
                <td>
                  <bdi>{formatBytes(backup.size, locale)}</bdi>
                </td>
                <td className="backups-row-actions">
                  <button type="button" disabled={busy} onClick={() => void download(backup)} aria-label={`${t.backupDownload} ${backup.name}`}>
                    {t.backupDownload}
                  </button>{' '}
                  <button type="button" disabled={busy} onClick={() => setPending({ kind: 'stored', backup })}>
                    {t.backupRestore}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && <RestoreConfirm name={pendingName} scope={pendingScope} articleCount={pendingCount} onConfirm={() => void restore(pending)} onCancel={() => setPending(null)} />}
    </div>
  );
}
