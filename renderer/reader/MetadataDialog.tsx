/**
 * Edits an article's title, source, author, link, published date and tags. The
 * archive validates the patch; its message is shown if it refuses.
 */
import { useState, type FormEvent } from 'react';
import type { ArticleMeta } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import { Dialog } from '../app/Dialog.js';
import { useI18n } from '../i18n/i18n.js';
import { FormFooter } from '../app/FormFooter.js';
import { DateField } from '../app/DateField.js';

export function MetadataDialog({ meta, onClose, onSaved }: { meta: ArticleMeta; onClose: () => void; onSaved: (meta: ArticleMeta) => void }) {
  const { t } = useI18n();
  const { client, notify } = useApp();
  const [form, setForm] = useState({
    title: meta.title,
    source: meta.source,
    author: meta.author,
    url: meta.url,
    published: meta.published ?? '',
    tags: meta.tags.join('، '),
  });
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const updated = await client.api.updateArticle({
        id: meta.id,
        patch: {
          title: form.title,
          source: form.source,
          author: form.author,
          url: form.url.trim(),
          published: form.published || null,
          tags: form.tags.split(/[,،]/).map((tag) => tag.trim()).filter(Boolean),
        },
      });
      notify({ kind: 'info', text: t.saved });
      onSaved(updated);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <Dialog title={t.editTitle} onClose={onClose} labelledBy="meta-title">
      <form className="form" onSubmit={submit}>
        <label>
          {t.fieldTitle}
          <input dir="auto" required {...field('title')} />
        </label>
        <div className="form-row">
          <label>
            {t.fieldSource}
            <input dir="auto" {...field('source')} />
          </label>
          <label>
            {t.fieldAuthor}
            <input dir="auto" {...field('author')} />
          </label>
        </div>
        <div className="form-row">
          <label>
            {t.fieldUrl}
            <input dir="ltr" type="url" {...field('url')} />
          </label>
          <label>
            {t.fieldPublished}
            <DateField name="published" value={form.published} onChange={(iso) => setForm({ ...form, published: iso })} showDual />
          </label>
        </div>
        <label>
          {t.fieldTags}
          <input dir="auto" {...field('tags')} />
        </label>
        <FormFooter error={error} submitLabel={t.save} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
