/**
 * Imports files one at a time through the API, so the window never freezes and
 * progress (count, current file) and Cancel are real. Collects the report
 * (imported, duplicate, failed with reason, warnings as codes the panel words) and
 * asks for an encoding when the archive cannot tell one for sure.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../common/api.js';
import { FILE_WARNING_CODES } from '../../common/import-warnings.js';
import { useApp } from '../app/api-context.js';
import { ApiCallError } from '../api/client.js';
import { wordError } from '../i18n/error-strings.js';
import { useI18n } from '../i18n/i18n.js';
import { toBase64 } from './read-dropped.js';

/** A warning as the core sent it: a code with parameters and its English message (common/import-warnings.ts). */
export interface ReportedWarning {
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface FileReport {
  /** `warnings`: about this article (a dropped link, a date not understood…). */
  imported: Array<{ file: string; id: string; title: string; warnings: ReportedWarning[] }>;
  /** Warnings about a file as a whole (skipped dataset records, damaged bytes), once per file. */
  notices: Array<{ file: string; warnings: ReportedWarning[] }>;
  duplicates: Array<{ file: string; id: string; title: string }>;
  /** `reason` in the UI language; `detail` the archive's own (English) message, when there is one. */
  failed: Array<{ file: string; reason: string; detail?: string }>;
}

export interface EncodingQuestion {
  file: string;
  message: string;
  candidates: string[];
  answer: (encoding: string | null) => void;
}

export interface ImportRun {
  total: number;
  done: number;
  current: string;
  cancelled: boolean;
  finished: boolean;
  report: FileReport;
  question: EncodingQuestion | null;
}

/** Files bigger than this are refused here, before they are read into memory (the archive's cap). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const isFileWarning = (warning: ReportedWarning) => FILE_WARNING_CODES.has(warning.code as never);

/** An imported article's own warnings; a core without codes sends English sentences only, shown as they are. */
function articleWarnings(outcome: Extract<ImportOutcome, { status: 'imported' }>): ReportedWarning[] {
  const coded: ReportedWarning[] = outcome.codedWarnings ?? (outcome.warnings ?? []).map((message) => ({ code: 'unknown', message }));
  return coded.filter((warning) => !isFileWarning(warning));
}

export function useFileImport(): { run: ImportRun | null; start: (files: File[]) => void; cancel: () => void; dismiss: () => void } {
  const { client } = useApp();
  const { t, locale } = useI18n();
  const [run, setRun] = useState<ImportRun | null>(null);
  const cancelled = useRef(false);

  const start = useCallback(
    (files: File[]) => {
      cancelled.current = false;
      const report: FileReport = { imported: [], notices: [], duplicates: [], failed: [] };
      const update = (patch: Partial<ImportRun>) => setRun((current) => (current ? { ...current, ...patch, report: { ...report } } : current));
      setRun({ total: files.length, done: 0, current: '', cancelled: false, finished: false, report, question: null });

      const ask = (file: string, message: string, candidates: string[]) =>
        new Promise<string | null>((resolve) => {
          update({ question: { file, message, candidates, answer: (encoding) => { update({ question: null }); resolve(encoding); } } });
        });

      const worded = (error: unknown) => {
        const { text, detail } = wordError(error, locale);
        return { reason: text, detail };
      };

      void (async () => {
        for (const [index, file] of files.entries()) {
          if (cancelled.current) break;
          update({ done: index, current: file.name });
          const name = file.webkitRelativePath || file.name;
          if (file.size > MAX_FILE_BYTES) {
            const tooLarge = new ApiCallError({ code: 'INVALID_INPUT', message: `${name}: the file is ${file.size} bytes; the limit is ${MAX_FILE_BYTES}`, params: { reason: 'file-too-large', file: file.name, size: file.size, limit: MAX_FILE_BYTES } });
            report.failed.push({ file: name, ...worded(tooLarge) });
            continue;
          }
          try {
            const data = await toBase64(file);
            let encoding: string | undefined;
            for (;;) {
              const result = await client.api.importFile({ name: file.name, data, ...(encoding ? { encoding } : {}) });
              if (result.status === 'done') {
                const fileWarnings = (result.codedWarnings ?? []).filter(isFileWarning);
                if (fileWarnings.length > 0) report.notices.push({ file: name, warnings: fileWarnings });
                for (const outcome of result.outcomes) {
                  if (outcome.status === 'imported') report.imported.push({ file: name, id: outcome.article.id, title: outcome.article.title, warnings: articleWarnings(outcome) });
                  else report.duplicates.push({ file: name, id: outcome.existing.id, title: outcome.existing.title });
                }
                break;
              }
              const chosen = await ask(name, result.message, result.candidates);
              if (!chosen) {
                report.failed.push({ file: name, reason: t.importNoEncoding, detail: result.message });
                break;
              }
              encoding = chosen;
            }
          } catch (error) {
            report.failed.push({ file: name, ...worded(error) });
          }
        }
        update({ done: files.length, current: '', finished: true, cancelled: cancelled.current });
      })();
    },
    [client, t, locale],
  );

  return {
    run,
    start,
    cancel: () => {
      cancelled.current = true;
    },
    dismiss: () => setRun(null),
  };
}
