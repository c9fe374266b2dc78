/**
 * The app-wide theme (issue 10): puts the resolved theme on <html data-theme> for
 * theme.css. "system" follows the OS (prefers-color-scheme: dark → dark, else light)
 * and keeps following it while the app is open. The last resolved theme is kept in
 * localStorage so the first frame after a start is already in the right colours
 * (the archive's settings arrive a moment later and confirm or correct it).
 */
import type { ReaderSettings } from '../../common/types/article.js';

export type ThemeChoice = ReaderSettings['theme'];
export type ResolvedTheme = Exclude<ThemeChoice, 'system'>;

const STORAGE_KEY = 'qirtas.theme';
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
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage may be unavailable (private mode); the settings still carry the choice.
  }
}

/** Applies the user's choice (or "system") to the whole window. */
export function applyTheme(next: ThemeChoice): void {
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
  let remembered: string | null;
  try {
    remembered = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    remembered = null;
  }
  const known: readonly string[] = ['system', 'light', 'sepia', 'dark'];
  applyTheme(remembered !== null && known.includes(remembered) ? (remembered as ThemeChoice) : 'system');
}
