/**
 * Paste-to-import: a text box for Arabic text (one paragraph per line), with an
 * optional title and source. A duplicate is reported with a link to the article
 * already in the archive instead of being added twice.
 */
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/api-context.js';
import { Dialog } from '../app/Dialog.js';
import { useI18n } from '../i18n/i18n.js';
import { FormFooter } from '../app/FormFooter.js';

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { client, notify, fail, navigate } = useApp();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const outcome = await client.api.importText({ text, title: title || undefined, source: source || undefined, origin: 'pasted text' });
      if (outcome.status === 'imported') {
        notify({ kind: 'info', text: t.imported, action: { label: t.openIt, run: () => navigate(`/article/${outcome.article.id}`) } });
      } else {
        const id = outcome.existing.id;
        notify({ kind: 'info', text: `${t.duplicate} ${outcome.existing.title}`, action: { label: t.openIt, run: () => navigate(`/article/${id}`) } });
      }
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t.importTitle} onClose={onClose} labelledBy="import-title">
      <form className="form" onSubmit={submit}>
        <p className="hint">{t.importHint}</p>
        <label>
          {t.importTextLabel}
          <textarea name="text" dir="auto" lang="ar" rows={10} value={text} onChange={(event) => setText(event.target.value)} required autoFocus />
        </label>
        <div className="form-row">
          <label>
            {t.importTitleLabel}
            <input name="title" dir="auto" value={title} onChange={(event) => setTitle(event.target.value)} />
          </label>
          <label>
            {t.importSourceLabel}
            <input name="source" dir="auto" value={source} onChange={(event) => setSource(event.target.value)} />
          </label>
        </div>
        <FormFooter submitLabel={t.importAction} disabled={busy || text.trim() === ''} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
