/** Renders a status pill whose text is the status itself, so colour is never the only cue. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge ${status}`}>{label ?? status}</span>;
}
