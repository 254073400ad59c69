import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { ReadControl } from './feed-types.ts';
import { feedInputError } from './feed-errors.ts';

const DEFAULT_CHUNK_BYTES = 64 * 1024;
const DEFAULT_PROGRESS_INTERVAL_BYTES = 1024 * 1024;

/** Returns the size of a feed file, raising an InputError when it is missing or not a file. */
export async function feedFileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw feedInputError(
        'not_a_file',
        path,
        undefined,
        'The path is not a regular file.',
        'Pass the path of the feed file itself.',
      );
    }
    return info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw feedInputError(
        'file_not_found',
        path,
        undefined,
        'The file does not exist.',
        'Check the path and that the file was fully downloaded.',
        error,
      );
    }
    throw error;
  }
}

/** Reads up to `maxBytes` from the start of a file. */
export async function readFileSample(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Streams a file as byte chunks, reporting progress in bytes and stopping with
 * `signal.reason` when the signal aborts.
 */
export async function* readFileChunks(
  path: string,
  control: ReadControl = {},
): AsyncGenerator<Buffer> {
  const { signal, onProgress } = control;
  signal?.throwIfAborted();
  const totalBytes = onProgress ? await feedFileSize(path) : 0;
  const interval = control.progressIntervalBytes ?? DEFAULT_PROGRESS_INTERVAL_BYTES;
  const stream = createReadStream(path, { highWaterMark: DEFAULT_CHUNK_BYTES });
  let bytesRead = 0;
  let reportedAt = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      bytesRead += chunk.length;
      if (onProgress && bytesRead - reportedAt >= interval) {
        reportedAt = bytesRead;
        onProgress({ bytesRead, totalBytes });
      }
      yield chunk;
    }
    if (onProgress && reportedAt !== bytesRead) onProgress({ bytesRead, totalBytes });
  } finally {
    stream.destroy();
  }
}
