/**
 * Edits the article's text, one paragraph per line (quotes start with "> ", list
 * items with "- ", as the importer reads them). The archive re-anchors every
 * highlight; the ones that cannot be placed stay as orphans.
 */
import { useState, type FormEvent } from 'react';
import type { FullArticle } from '../../common/api.js';
import type { Block } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import { Dialog } from '../app/Dialog.js';
import { useI18n } from '../i18n/i18n.js';
import { FormFooter } from '../app/FormFooter.js';

export function blocksToPlainText(blocks: readonly Block[]): string {
  return blocks.map((block) => (block.kind === 'quote' ? `> ${block.text}` : block.kind === 'list-item' ? `- ${block.text}` : block.text)).join('\n');
}

export function EditTextDialog({ article, onClose, onSaved }: { article: FullArticle; onClose: () => void; onSaved: (article: FullArticle) => void }) {
  const { t } = useI18n();
  const { client } = useApp();
  const [text, setText] = useState(() => blocksToPlainText(article.blocks));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSaved(await client.api.updateArticleText({ id: article.meta.id, text }));
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t.editTextTitle} onClose={onClose} labelledBy="edit-text-title">
      <form className="form edit-text-form" onSubmit={submit}>
        <p className="hint">{t.editTextHint}</p>
        <label>
          <span className="offscreen">{t.importTextLabel}</span>
          <textarea dir="rtl" lang="ar" rows={16} value={text} onChange={(event) => setText(event.target.value)} required />
        </label>
        <FormFooter error={error} submitLabel={t.save} disabled={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
