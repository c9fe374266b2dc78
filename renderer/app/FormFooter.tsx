/** The end of every dialog form: the archive's refusal (if any) as an alert, then Submit and Cancel. */
import { useI18n } from '../i18n/i18n.js';

export function FormFooter({ error, submitLabel, disabled, onCancel }: { error?: string | null; submitLabel: string; disabled?: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={disabled}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </>
  );
}
