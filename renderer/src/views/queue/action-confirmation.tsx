import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { describeBulkAction, eligibleJobs } from '../../lib/bulk-actions.ts';
import { pluralize } from '../../lib/format.ts';
import { applyJobAction } from '../../services/job-actions.ts';
import { useAppStore } from '../../store/app-store.ts';

const CONFIRM_LABELS = { retry: 'Retry', cancel: 'Cancel jobs', delete: 'Delete' } as const;

const PARTICIPLES = { retry: 'retried', cancel: 'cancelled', delete: 'deleted' } as const;

const DETAILS = {
  retry: 'Each job resumes after its last checkpoint.',
  cancel: 'Running jobs stop at once; a retry later resumes after their last checkpoint.',
  delete: 'The jobs and their history are removed. Documents and materials stay.',
} as const;

/**
 * Renders the confirmation dialog of a pending job action. It names only the jobs the action
 * applies to, so "Retry 3 failed PDF jobs?" is exactly what happens, and it states how many
 * selected jobs it leaves out.
 */
export function ActionConfirmation() {
  const api = useApi();
  const request = useAppStore((state) => state.actionRequest);
  // The job map is selected only while a dialog is open, so this stays idle otherwise.
  const jobs = useAppStore((state) => (state.actionRequest ? state.jobs : null));
  const requestAction = useAppStore((state) => state.requestAction);
  if (!request || !jobs) return null;

  const requested = request.ids.flatMap((id) => {
    const job = jobs.get(id);
    return job ? [job] : [];
  });
  const affected = eligibleJobs(request.action, requested);
  const left = requested.length - affected.length;
  const cancel = () => requestAction(null);

  if (affected.length === 0) {
    return (
      <ConfirmDialog
        question={`No selected job can be ${PARTICIPLES[request.action]}`}
        detail="Their status changed since they were selected."
        confirmLabel="Close"
        onConfirm={cancel}
        onCancel={cancel}
      />
    );
  }

  const detail =
    left > 0
      ? `${DETAILS[request.action]} ${pluralize(left, 'other selected job')} ${left === 1 ? 'is' : 'are'} not affected.`
      : DETAILS[request.action];

  return (
    <ConfirmDialog
      question={describeBulkAction(request.action, affected)}
      detail={detail}
      confirmLabel={CONFIRM_LABELS[request.action]}
      danger={request.action !== 'retry'}
      onCancel={cancel}
      onConfirm={() => {
        requestAction(null);
        void applyJobAction(
          api,
          useAppStore,
          request.action,
          affected.map((job) => job.id),
        );
      }}
    />
  );
}
