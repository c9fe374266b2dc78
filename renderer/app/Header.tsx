/** The top bar: app name, the library, notes and trash views, search, export, the theme and the language switch. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { ExportDialog } from '../export/ExportDialog.js';
import type { Route } from './use-route.js';
import type { ThemeChoice } from './theme.js';

const THEMES: ReadonlyArray<[ThemeChoice, 'themeSystem' | 'themeLight' | 'themeSepia' | 'themeDark']> = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['sepia', 'themeSepia'],
  ['dark', 'themeDark'],
];

export function Header({
  route,
  onSwitchLocale,
  theme,
  onChooseTheme,
  onSearch,
}: {
  route: Route;
  onSwitchLocale: () => void;
  theme: ThemeChoice;
  onChooseTheme: (theme: ThemeChoice) => void;
  onSearch: () => void;
}) {
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
      <select className="theme-select" aria-label={t.themeLabel} value={theme} onChange={(event) => onChooseTheme(event.target.value as ThemeChoice)}>
        {THEMES.map(([value, label]) => (
          <option key={value} value={value}>
            {t[label]}
          </option>
        ))}
      </select>
      <button type="button" className="button-quiet" onClick={onSwitchLocale} aria-label={t.switchLanguageLabel} lang={t.switchLanguage === 'English' ? 'en' : 'ar'}>
        {t.switchLanguage}
      </button>
    </header>
  );
}
