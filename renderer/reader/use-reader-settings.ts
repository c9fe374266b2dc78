/**
 * The reader's settings (font, size, line height, width, theme, diacritics) and the
 * user's colour meanings: loaded with getSettings, changed locally at once and
 * saved through updateSettings (debounced, so dragging a slider is one save).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColorLabels, ReaderSettings, Settings } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';

const SAVE_DELAY_MS = 400;

export interface ReaderSettingsState {
  reader: ReaderSettings;
  colorLabels: ColorLabels;
  setReader(patch: Partial<ReaderSettings>): void;
  setColorLabels(labels: ColorLabels): void;
}

export function useSettings(): ReaderSettingsState | null {
  const { client, fail } = useApp();
  const [settings, setSettings] = useState<Settings | null>(null);
  const pending = useRef<Partial<ReaderSettings>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    client.api.getSettings({}).then((loaded) => live && setSettings(loaded), fail);
    return () => {
      live = false;
    };
  }, [client, fail]);

  const flush = useCallback(() => {
    timer.current = null;
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length > 0) client.api.updateSettings({ reader: patch }).catch(fail);
  }, [client, fail]);

  // Save what is pending when the reader closes.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        flush();
      }
    },
    [flush],
  );

  const setReader = useCallback(
    (patch: Partial<ReaderSettings>) => {
      setSettings((current) => (current ? { ...current, reader: { ...current.reader, ...patch } } : current));
      pending.current = { ...pending.current, ...patch };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  const setColorLabels = useCallback(
    (labels: ColorLabels) => {
      setSettings((current) => (current ? { ...current, colorLabels: { ...current.colorLabels, ...labels } } : current));
      client.api.updateSettings({ colorLabels: labels }).catch(fail);
    },
    [client, fail],
  );

  return settings ? { reader: settings.reader, colorLabels: settings.colorLabels, setReader, setColorLabels } : null;
}
