/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape
 * closes it, for free and accessibly.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({
  title,
  onClose,
  children,
  labelledBy,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  labelledBy: string;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className={className ? `dialog ${className}` : 'dialog'} aria-labelledby={labelledBy} onClose={onClose} onCancel={onClose}>
      <h2 id={labelledBy}>{title}</h2>
      {children}
    </dialog>
  );
}
