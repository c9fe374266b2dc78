/** The top bar: app name, the library and trash views, and the language switch. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { ExportDialog } from '../export/ExportDialog.js';
import type { Route } from './use-route.js';

export function Header({ route, onSwitchLocale, onSearch }: { route: Route; onSwitchLocale: () => void; onSearch: () => void }) {
  const { t } = useI18n();
  const [exporting, setExporting] = useState(false);
  return (
    <header className="header">
      <a className="brand" href="#/">
        <span className="brand-mark" aria-hidden="true">
          ق
        </span>
        {t.appName}
      </a>
      <nav className="nav" aria-label={t.appName}>
        <a href="#/" aria-current={route.name === 'library' ? 'page' : undefined}>
          {t.library}
        </a>
        <a href="#/notes" aria-current={route.name === 'notes' ? 'page' : undefined}>
          {t.notes}
        </a>
        <a href="#/trash" aria-current={route.name === 'trash' ? 'page' : undefined}>
          {t.trash}
        </a>
      </nav>
      <button type="button" className="search-button" onClick={onSearch} aria-keyshortcuts="Control+K">
        <span>{t.search}</span>
        <kbd>{t.searchShortcut}</kbd>
      </button>
      <button type="button" className="button-quiet" onClick={() => setExporting(true)}>
        {t.exportButton}
      </button>
      {exporting && <ExportDialog articleId={route.name === 'article' ? route.id : undefined} onClose={() => setExporting(false)} />}
      <button type="button" className="button-quiet" onClick={onSwitchLocale} aria-label={t.switchLanguageLabel} lang={t.switchLanguage === 'English' ? 'en' : 'ar'}>
        {t.switchLanguage}
      </button>
    </header>
  );
}
