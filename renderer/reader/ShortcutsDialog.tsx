/** The reader's keyboard shortcuts, opened with "?". */
import { Dialog } from '../app/Dialog.js';
import { useI18n } from '../i18n/i18n.js';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const rows: Array<[string, string]> = [
    ['Ctrl/⌘ + F', t.keyFind],
    ['1 – 5', t.keyColor],
    ['N', t.keyNote],
    ['T', t.keyTags],
    ['C', t.keyCopy],
    ['Delete', t.keyDelete],
    ['Esc', t.keyEscape],
    ['J / K', t.keyParagraph],
    ['V', t.keySelectParagraph],
    ['] / [', t.keyHighlightNav],
    ['D', t.keyDiacritics],
    ['+ / −', t.keyFontSize],
    ['?', t.keyHelp],
  ];
  return (
    <Dialog title={t.shortcuts} onClose={onClose} labelledBy="shortcuts-title">
      <table className="shortcuts">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd dir="ltr">{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Dialog>
  );
}
