/**
 * A modal confirmation for actions that cannot be undone in place (approve, credit, escalate,
 * decide): Designsystemet's Dialog on the native <dialog> element, so the browser traps focus,
 * Escape cancels and focus returns to the button that opened it. The dialog is named by its
 * heading and described by its first text; focus starts on the first field, or on the cancel
 * button when there is none, so Enter never confirms by accident. `children` holds what the
 * action will do and any fields it needs; the caller validates them in `onConfirm`.
 */
import { useEffect, useId, useRef, type ReactNode, type SubmitEvent } from 'react';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';

/** Props of the confirmation dialog. */
export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** What confirming does, and any fields (the first field gets focus). */
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** Danger colour for destructive actions (credit). */
  readonly danger?: boolean;
  readonly pending?: boolean;
  /** An error to show inside the dialog (e.g. the service's answer). */
  readonly error?: ReactNode;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Whether the body has a field to focus first (otherwise the cancel button gets focus). */
  readonly hasField?: boolean;
}

/** The dialog; render it beside the button that opens it. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Avbryt',
  danger = false,
  pending = false,
  error,
  onConfirm,
  onCancel,
  hasField = false,
}: ConfirmDialogProps): ReactNode {
  const id = useId();
  const headingId = `${id}-title`;
  const bodyId = `${id}-body`;
  const formRef = useRef<HTMLFormElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Runs after the Dialog's own effect (children's effects run first) has called showModal().
  useEffect(() => {
    if (!open) return;
    const field = hasField ? formRef.current?.querySelector<HTMLElement>('input, textarea, select') : null;
    (field ?? cancelRef.current)?.focus();
  }, [open, hasField]);

  function submit(e: SubmitEvent): void {
    e.preventDefault();
    onConfirm();
  }

  return (
    <Dialog
      open={open}
      onClose={onCancel}
      closeButton="Stäng dialogrutan"
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      className="confirm-dialog"
    >
      <form ref={formRef} className="stack" noValidate onSubmit={submit}>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
        <div id={bodyId} className="stack">
          {children}
        </div>
        {error ?? null}
        <div className="row">
          <Button type="submit" data-color={danger ? 'danger' : undefined} disabled={pending}>
            {pending ? 'Sparar…' : confirmLabel}
          </Button>
          <Button ref={cancelRef} type="button" variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
