/**
 * Renderer entry: connects to the archive through this host's transport, loads
 * the window's remembered state (library view, theme, reading positions: one
 * small request, app/ui-state.ts) and mounts the app.
 */
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/600.css';
import './styles/app.css';
import './styles/theme.css';
import './styles/library.css';
import { connect } from './api/client.js';
import { App } from './app/App.js';
import { STRINGS } from './i18n/strings.js';
import { applyRememberedTheme } from './app/theme.js';
import { loadUiState } from './app/ui-state.js';

// From this browser's mirror at once, so the page is in the remembered colours while the archive answers.
applyRememberedTheme();

const root = createRoot(document.getElementById('root') as HTMLElement);
const client = connect();
if (client) {
  void loadUiState(client).then(() => {
    // The archive's copy decides (a new origin has no mirror: the browser shell on a new port).
    applyRememberedTheme();
    root.render(<App client={client} />);
  });
} else {
  root.render(
    <p className="no-token" dir="auto">
      {STRINGS.ar.noToken}
      <br />
      <span lang="en" dir="ltr">{STRINGS.en.noToken}</span>
    </p>,
  );
}
