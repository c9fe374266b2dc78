/**
 * Gives components the API client and a way to report results: a toast for
 * success (optionally with an Undo action) and one for errors.
 */
import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client.js';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** The technical detail behind an error (the core's own message), shown on request. */
  detail?: string;
  action?: { label: string; run: () => void };
}

export interface AppServices {
  client: ApiClient;
  notify(toast: Omit<Toast, 'id'>): void;
  /** Reports an error from an API call in the UI language. */
  fail(error: unknown): void;
  navigate(route: string): void;
  /** Imports files (dropped, picked, or a folder's contents) with progress and a report. */
  importFiles(files: File[]): void;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useApp outside AppServicesContext');
  return services;
}
