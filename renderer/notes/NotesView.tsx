/** Notes across the whole archive (issue 5). */
import { useI18n } from '../i18n/i18n.js';

export function NotesView() {
  const { t } = useI18n();
  return <h1>{t.notes}</h1>;
}
