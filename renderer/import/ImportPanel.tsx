/**
 * Progress and outcome of a file import: a progress bar with the current file and
 * Cancel while it runs, a question when a file's encoding is unsure, and at the
 * end the report — imported (open), duplicate (open the existing one), failed
 * (with the reason), and warnings worded in the user's language, each with the
 * core's English message behind "technical details".
 */
import { useState } from 'react';
import { articleRoute } from '../app/use-route.js';
import { fillIsolated } from '../i18n/fill.js';
import { useI18n } from '../i18n/i18n.js';
import { wordWarnings } from '../i18n/warning-strings.js';
import type { EncodingQuestion, ImportRun, ReportedWarning } from './use-file-import.js';
import './import.css';

const ENCODING_NAMES: Record<string, string> = {
  'windows-1256': 'Windows-1256 (Arabic, Windows)',
  'iso-8859-6': 'ISO-8859-6 (Arabic, ISO)',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

function EncodingPrompt({ question }: { question: EncodingQuestion }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState(question.candidates[0] ?? 'windows-1256');
  return (
    <div className="encoding-question" role="alertdialog" aria-labelledby="encoding-title">
      <p id="encoding-title">
        <strong dir="auto">{question.file}</strong> — {t.importEncodingAsk}
      </p>
      <details className="import-detail">
        <summary>{t.technicalDetail}</summary>
        <code dir="ltr">{question.message}</code>
      </details>
      <select value={choice} onChange={(event) => setChoice(event.target.value)} aria-label={t.importEncodingAsk}>
        {[...new Set([...question.candidates, 'windows-1256', 'iso-8859-6', 'utf-8', 'utf-16le'])].map((name) => (
          <option key={name} value={name}>
            {ENCODING_NAMES[name] ?? name}
          </option>
        ))}
      </select>
      <button type="button" className="button-primary" onClick={() => question.answer(choice)}>
        {t.importEncodingUse}
      </button>
      <button type="button" onClick={() => question.answer(null)}>
        {t.importSkipFile}
      </button>
    </div>
  );
}

/** Warnings as sentences in the UI language; the core's English behind "technical details". */
function Warnings({ warnings }: { warnings: ReportedWarning[] }) {
  const { t, locale } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <ul className="import-warnings">
      {wordWarnings(warnings, locale).map((warning, index) => (
        <li key={index} className="warning" data-code={warning.code}>
          <span className="warning-label">{t.importWarningLabel}</span> {warning.text}
          <details className="import-detail">
            <summary>{t.technicalDetail}</summary>
            <code dir="ltr">{warning.detail}</code>
          </details>
        </li>
      ))}
    </ul>
  );
}

export function ImportPanel({ run, onCancel, onDismiss }: { run: ImportRun; onCancel: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  const { report } = run;
  return (
    <section className="import-panel" aria-labelledby="import-panel-title" aria-live="polite">
      <div className="import-panel-head">
        <h2 id="import-panel-title">{run.finished ? t.importReportTitle : t.importProgressTitle}</h2>
        {run.finished ? (
          <button type="button" onClick={onDismiss}>
            {t.close}
          </button>
        ) : (
          <button type="button" className="button-danger" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
      <progress max={run.total} value={run.done} aria-label={t.importProgressTitle} />
      <p className="import-count">
        {fillIsolated(t.importCounter, { done: run.done, total: run.total })}
        {run.current && (
          <>
            {' — '}
            <bdi className="import-current">{run.current}</bdi>
          </>
        )}
      </p>
      {run.question && <EncodingPrompt question={run.question} />}
      {run.finished && (
        <p className="import-summary">
          {t.importImported} {report.imported.length} · {t.importDuplicates} {report.duplicates.length} · {t.importFailed} {report.failed.length}
          {run.cancelled && ` · ${t.importCancelled}`}
        </p>
      )}
      {(run.finished || report.failed.length > 0) && (
        <ul className="import-report">
          {report.failed.map((item, index) => (
            <li key={`f${index}`} className="failed">
              <bdi className="file">{item.file}</bdi> — {item.reason}
              {item.detail && (
                <details className="import-detail">
                  <summary>{t.technicalDetail}</summary>
                  <code dir="ltr">{item.detail}</code>
                </details>
              )}
            </li>
          ))}
          {run.finished &&
            report.notices.map((item, index) => (
              <li key={`n${index}`} className="notice">
                <bdi className="file">{item.file}</bdi>
                <Warnings warnings={item.warnings} />
              </li>
            ))}
          {run.finished &&
            report.duplicates.map((item, index) => (
              <li key={`d${index}`} className="duplicate">
                <bdi className="file">{item.file}</bdi> — {t.duplicate}{' '}
                <a href={`#${articleRoute(item.id)}`} dir="auto">
                  {item.title}
                </a>
              </li>
            ))}
          {run.finished &&
            report.imported.map((item, index) => (
              <li key={`i${index}`} className="imported">
                <a href={`#${articleRoute(item.id)}`} dir="auto">
                  {item.title}
                </a>{' '}
                <span className="file" dir="auto">
                  ({item.file})
                </span>
                <Warnings warnings={item.warnings} />
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
