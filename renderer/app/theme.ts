/**
 * The app-wide theme (issue 10): puts the resolved theme on <html data-theme> for
 * theme.css. "system" follows the OS (prefers-color-scheme: dark → dark, else light)
 * and keeps following it while the app is open. The last choice is kept in the
 * window's UI state (ui-state.ts: the archive's ui-state.json, mirrored in
 * localStorage) so the first frame after a start — in any host, on any port — is
 * already in the right colours (the archive's settings arrive a moment later and
 * confirm or correct it).
 */
import type { ReaderSettings } from '../../common/types/article.js';
import { getUiValue, setUiValue } from './ui-state.js';

export type ThemeChoice = ReaderSettings['theme'];
export type ResolvedTheme = Exclude<ThemeChoice, 'system'>;

const STORAGE_KEY = 'theme';
const darkQuery = (): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null);

let choice: ThemeChoice = 'system';
let listening = false;

export function resolveTheme(picked: ThemeChoice, osDark: boolean): ResolvedTheme {
  if (picked === 'system') return osDark ? 'dark' : 'light';
  return picked;
}

function paint(): void {
  const resolved = resolveTheme(choice, darkQuery()?.matches ?? false);
  const root = document.documentElement;
  root.dataset.theme = resolved;
  root.dataset.themeChoice = choice;
}

/** Applies the user's choice (or "system") to the whole window, and remembers it for the next start. */
export function applyTheme(next: ThemeChoice): void {
  show(next);
  setUiValue(STORAGE_KEY, next);
}

function show(next: ThemeChoice): void {
  choice = next;
  if (!listening) {
    listening = true;
    darkQuery()?.addEventListener('change', () => {
      if (choice === 'system') paint();
    });
  }
  paint();
}

/** Before the first render: the choice remembered from the last run, else the OS. */
export function applyRememberedTheme(): void {
  const remembered = getUiValue(STORAGE_KEY);
  const known: readonly unknown[] = ['system', 'light', 'sepia', 'dark'];
  // Shown, not remembered anew: a default must not pass for a newer choice than the archive's.
  show(known.includes(remembered) ? (remembered as ThemeChoice) : 'system');
}
