import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** A narrow dialog for confirmations. */
  narrow?: boolean;
  /** Extra content in the header, right of the title. */
  headerActions?: ReactNode;
}

/**
 * Renders a modal on the native `<dialog>` and `showModal()`, which makes the rest of the page
 * inert, keeps focus inside, closes on Escape and returns focus to the opener on close.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  footer,
  narrow,
  headerActions,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    // The browser's Escape closes the dialog itself; the cancel event hands that to React.
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal${narrow ? ' narrow' : ''}`} aria-labelledby={titleId}>
      <div className="modal-header">
        <h2 id={titleId}>{title}</h2>
        {headerActions}
        <button type="button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer ? <div className="modal-footer">{footer}</div> : null}
    </dialog>
  );
}
