/** Files or folders dropped anywhere on the window are imported; an overlay says so while dragging. */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { filesFromDrop } from './read-dropped.js';
import './import.css';

export function DropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children: ReactNode }) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  return (
    <div
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        depth.current += 1;
        setDragging(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDragOver={(event) => {
        if (carriesFiles(event)) event.preventDefault();
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        void filesFromDrop(event.dataTransfer.items).then((files) => files.length > 0 && onFiles(files));
      }}
    >
      {children}
      {dragging && <div className="drop-overlay">{t.dropHere}</div>}
    </div>
  );
}
