import { ModalDialog } from './modal-dialog.tsx';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The question, naming what will happen ("Retry 3 failed PDF jobs?"). */
  question: string;
  detail?: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks the user to confirm an action; Escape or Cancel declines. */
export function ConfirmDialog({
  question,
  detail,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <ModalDialog
      title={question}
      onClose={onCancel}
      narrow
      footer={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'danger' : 'primary'}
            onClick={onConfirm}
            autoFocus
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="muted">{detail ?? 'This cannot be undone from here.'}</p>
    </ModalDialog>
  );
}
