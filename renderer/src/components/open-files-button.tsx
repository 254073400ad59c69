import { useRef } from 'react';

/** File types the Open dialog offers: PDF catalogs and CSV, XML or JSON feeds. */
export const ACCEPTED_FILES = '.pdf,.csv,.tsv,.txt,.xml,.json,.jsonl,.ndjson';

/** Props of {@link OpenFilesButton}. */
export interface OpenFilesButtonProps {
  onFiles: (files: File[]) => void;
  label?: string;
  accept?: string;
  className?: string;
}

/** Renders a button that opens the system file picker through a hidden file input. */
export function OpenFilesButton({
  onFiles,
  label = 'Open files…',
  accept = ACCEPTED_FILES,
  className,
}: OpenFilesButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Clearing lets the same file be chosen twice in a row.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
