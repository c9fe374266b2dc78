/**
 * The application shell: language, routes, toasts and the header. Views get the
 * API client through context and never know which host they run in.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { Locale } from '../../common/types/article.js';
import type { ApiClient } from '../api/client.js';
import { I18nProvider } from '../i18n/i18n.js';
import { LibraryView } from '../library/LibraryView.js';
import { TrashView } from '../library/TrashView.js';
import { ReaderView } from '../reader/ReaderView.js';
import { NotesView } from '../notes/NotesView.js';
import { SearchPalette } from '../search/SearchPalette.js';
import { ImportPanel } from '../import/ImportPanel.js';
import { useFileImport } from '../import/use-file-import.js';
import { DropZone } from '../import/DropZone.js';
import { AppServicesContext, type Toast } from './api-context.js';
import { Header } from './Header.js';
import { Toasts } from './Toasts.js';
import { type Route, useRoute } from './use-route.js';
import { applyTheme, type ThemeChoice } from './theme.js';
import { uiStateProblem } from './ui-state.js';
import { STRINGS } from '../i18n/strings.js';
import { wordError } from '../i18n/error-strings.js';

const TOAST_MS = 8000;

export function App({ client }: { client: ApiClient }) {
  const [locale, setLocale] = useState<Locale>('ar');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [route, navigate] = useRoute();
  const [searching, setSearching] = useState(false);
  const nextId = useRef(1);
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const [theme, setTheme] = useState<ThemeChoice>(() => (document.documentElement.dataset.themeChoice as ThemeChoice | undefined) ?? 'system');
  useEffect(() => {
    const load = () =>
      client.api.getSettings({}).then((settings) => {
        setLocale(settings.locale);
        setTheme(settings.reader.theme);
        applyTheme(settings.reader.theme);
      }, () => undefined);
    void load();
    // The reader's settings panel, another window or the CLI host changed a setting (the theme among them).
    return client.subscribe((event) => {
      if (event.type === 'settings-changed') void load();
    });
  }, [client]);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  // The archive could not use the stored window state (ui-state.json): said once, the file and reason in the detail.
  useEffect(() => {
    const problem = uiStateProblem();
    if (problem) notify({ kind: 'error', text: STRINGS[localeRef.current][problem.movedTo ? 'uiStateMovedAside' : 'uiStateNotSaved'], detail: problem.message });
  }, [notify]);
  const fail = useCallback(
    (error: unknown) => {
      const { text, detail } = wordError(error, localeRef.current);
      notify({ kind: 'error', text, detail });
    },
    [notify],
  );
  const baseServices = useMemo(() => ({ client, notify, fail, navigate, importFiles: (files: File[]) => startImport.current(files) }), [client, notify, fail, navigate]);
  const startImport = useRef<(files: File[]) => void>(() => undefined);

  // Ctrl/Cmd+K opens search from anywhere in the app.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const chooseTheme = (next: ThemeChoice) => {
    setTheme(next);
    applyTheme(next);
    client.api.updateSettings({ reader: { theme: next } }).catch(fail);
  };

  const switchLocale = () => {
    const next: Locale = locale === 'ar' ? 'en' : 'ar';
    setLocale(next);
    client.api.updateSettings({ locale: next }).catch(fail);
  };

  return (
    <I18nProvider locale={locale}>
      <AppServicesContext.Provider value={baseServices}>
        <Shell route={route} onSwitchLocale={switchLocale} theme={theme} onChooseTheme={chooseTheme} searching={searching} setSearching={setSearching} startImport={startImport} />
        <Toasts toasts={toasts} dismiss={dismiss} />
      </AppServicesContext.Provider>
    </I18nProvider>
  );
}

/** The window's content; lives inside the services context so file import can use the API client. */
function Shell({
  route,
  onSwitchLocale,
  theme,
  onChooseTheme,
  searching,
  setSearching,
  startImport,
}: {
  route: Route;
  onSwitchLocale: () => void;
  theme: ThemeChoice;
  onChooseTheme: (theme: ThemeChoice) => void;
  searching: boolean;
  setSearching: (open: boolean) => void;
  startImport: MutableRefObject<(files: File[]) => void>;
}) {
  const fileImport = useFileImport();
  startImport.current = fileImport.start;
  return (
    <DropZone onFiles={fileImport.start}>
      <div className="app">
        <Header route={route} onSwitchLocale={onSwitchLocale} theme={theme} onChooseTheme={onChooseTheme} onSearch={() => setSearching(true)} />
        <main className="main">
          {fileImport.run && <ImportPanel run={fileImport.run} onCancel={fileImport.cancel} onDismiss={fileImport.dismiss} />}
          {route.name === 'library' && <LibraryView />}
          {route.name === 'trash' && <TrashView />}
          {route.name === 'notes' && <NotesView />}
          {route.name === 'article' && <ReaderView key={route.id} id={route.id} focus={route.at} />}
        </main>
        {searching && <SearchPalette onClose={() => setSearching(false)} />}
      </div>
    </DropZone>
  );
}

