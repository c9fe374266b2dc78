/**
 * The print view: the whole export as a reading view in a full-window dialog,
 * with Print (the browser's own dialog, where "Save as PDF" makes the PDF) and
 * Close. Rendered into <body> beside the app, so the print stylesheet can hide
 * the app (#root) and print only this.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { ExportView as ExportViewData } from '../../common/api.js';
import { useI18n } from '../i18n/i18n.js';
import { ExportView } from './ExportView.js';

export function PrintView({ view, onClose }: { view: ExportViewData; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    document.documentElement.classList.add('qirtas-printing');
    return () => document.documentElement.classList.remove('qirtas-printing');
  }, []);
  return createPortal(
    <dialog ref={ref} className="export-print" aria-label={t.exportPrint} onClose={onClose} onCancel={onClose}>
      <div className="export-print-bar">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t.printNow}
        </button>
        <button type="button" onClick={onClose}>
          {t.printClose}
        </button>
      </div>
      <ExportView view={view} />
    </dialog>,
    document.body,
  );
}
