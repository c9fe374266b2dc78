/**
 * The reader's sticky toolbar: back to the library, find, reader settings (with
 * its panel), the highlights sidebar, editing text and details, trash, shortcuts.
 */
import { useI18n } from '../i18n/i18n.js';
import { ReaderSettingsPanel } from './ReaderSettingsPanel.js';
import type { ReaderSettingsState } from './use-reader-settings.js';

export interface ReaderToolbarProps {
  settings: ReaderSettingsState;
  findOpen: boolean;
  settingsOpen: boolean;
  sidebarOpen: boolean;
  onToggleFind(): void;
  onToggleSettings(): void;
  onToggleSidebar(): void;
  onEditText(): void;
  onEditDetails(): void;
  onTrash(): void;
  onHelp(): void;
}

export function ReaderToolbar(props: ReaderToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="reader-toolbar reader-sticky">
      <a href="#/" className="back-link">
        {t.back}
      </a>
      <span className="spacer" />
      <button type="button" className="tool-button" aria-pressed={props.findOpen} title={`${t.findInArticle} (Ctrl+F)`} onClick={props.onToggleFind}>
        {t.findInArticle}
      </button>
      <button type="button" className="tool-button" aria-expanded={props.settingsOpen} aria-label={t.readerSettings} title={t.readerSettings} onClick={props.onToggleSettings}>
        <span aria-hidden="true" className="aa-mark">
          {t.readerSettingsShort}
        </span>
      </button>
      <button type="button" className="tool-button" aria-pressed={props.sidebarOpen} onClick={props.onToggleSidebar}>
        {t.highlightsPanel}
      </button>
      <button type="button" className="tool-button" onClick={props.onEditText}>
        {t.editText}
      </button>
      <button type="button" className="tool-button" onClick={props.onEditDetails}>
        {t.edit}
      </button>
      <button type="button" className="tool-button button-danger" onClick={props.onTrash}>
        {t.moveToTrash}
      </button>
      <button type="button" className="tool-button icon-only" aria-label={t.shortcuts} title={t.shortcuts} onClick={props.onHelp}>
        ?
      </button>
      {props.settingsOpen && <ReaderSettingsPanel settings={props.settings} />}
    </div>
  );
}
