import type { IngestItem, IngestOutput } from '../../../contract/calls/files-calls.ts';
import type { KaiApi } from '../../../contract/kai-api.ts';
import { fail, type Result } from '../../../contract/result.ts';
import { fileKind } from '../lib/file-kinds.ts';
import type { AppStore } from '../store/app-store.ts';
import { errorNotice, uiNotice } from './notice-factory.ts';

/**
 * Hands dropped or chosen files to the core. A file with a path on the core's machine (the
 * Electron preload reports one) is ingested by path; otherwise its bytes are uploaded.
 * PDFs become jobs, which reach the queue through `jobs:changed`; the first feed opens the
 * import view with its preview.
 */
export async function intakeFiles(api: KaiApi, store: AppStore, files: readonly File[]) {
  let previewed = false;
  for (const file of files) {
    if (fileKind(file.name) === 'unsupported') {
      store
        .getState()
        .pushNotice(
          uiNotice(
            'ui_error',
            `${file.name} was not added`,
            'Only PDF catalogs and CSV, XML or JSON feeds can be added. Convert the file and drop it again.',
          ),
        );
      continue;
    }

    const result = await sendFile(api, file);
    if (!result.ok) {
      store.getState().pushNotice(errorNotice(`${file.name} was not added`, result.error));
      continue;
    }
    for (const item of result.value.items) {
      if (item.kind === 'needs_preview' && !previewed) {
        previewed = true;
        void previewFeed(api, store, item.path, file.name);
      } else {
        reportItem(store, item, file.name);
      }
    }
  }
}

async function sendFile(api: KaiApi, file: File): Promise<Result<IngestOutput>> {
  const path = api.getPathForFile(file);
  if (path) return api.files.ingest({ paths: [path] });
  // files:upload takes 1 byte to 256 MiB, so an empty file is reported here, in the words
  // the core uses for an empty file it is given by path.
  if (file.size === 0) {
    return fail(
      'input_error',
      `${file.name} is empty (0 bytes), so the upload or download probably failed. Get the file again and add it.`,
    );
  }
  let dataBase64: string;
  try {
    dataBase64 = await readBase64(file);
  } catch (error) {
    // The browser could not read the file (deleted or moved since it was chosen).
    return fail(
      'input_error',
      `${file.name} could not be read: ${String(error)}. Choose it again.`,
    );
  }
  return api.files.upload({ name: file.name, dataBase64 });
}

function reportItem(store: AppStore, item: IngestItem, name: string): void {
  const state = store.getState();
  if (item.kind === 'job') state.upsertJobs([item.job]);
  else if (item.kind === 'rejected')
    state.pushNotice(errorNotice(`${name} was not added`, item.error));
  else {
    state.pushNotice(
      uiNotice(
        'ui_info',
        `${name} was not previewed`,
        'One feed is previewed at a time; drop it again after this import.',
      ),
    );
  }
}

/** Opens the import view on a feed the core has saved, with its preview. */
export async function previewFeed(
  api: KaiApi,
  store: AppStore,
  path: string,
  displayName: string,
): Promise<void> {
  const state = store.getState();
  state.setView('import');
  state.beginPreview();
  const result = await api.imports.preview({ path });
  if (!result.ok) {
    store.getState().setPreviewError(result.error.message);
    return;
  }
  const preview = result.value;
  const sourceName =
    preview.template?.supplier ?? preview.preset ?? displayName.replace(/\.[^.]+$/, '');
  store.getState().setPreview(preview, sourceName);
}

/** Reads a file as base64 through a data URL, which the browser encodes natively. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
