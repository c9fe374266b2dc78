/** The toast stack: polite live region for results, with an optional action (Undo). */
import { useI18n } from '../i18n/i18n.js';
import type { Toast } from './api-context.js';

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <span>{toast.text}</span>
          {toast.detail && (
            <details className="toast-detail">
              <summary>{t.technicalDetail}</summary>
              <code dir="ltr">{toast.detail}</code>
            </details>
          )}
          {toast.action && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                toast.action?.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label={t.close} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
