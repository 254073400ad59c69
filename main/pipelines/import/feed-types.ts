/**
 * Types shared by the feed readers, the presets and the mapping step of the feed import.
 */

/** The `import_type` of a `data_import_jobs` row. JSON Lines and JSON share `json`. */
export type ImportType = 'xml' | 'csv' | 'json';

/** The concrete syntax of a feed, finer than {@link ImportType}. */
export type FeedFormat = 'xml' | 'csv' | 'json' | 'jsonl' | 'datanorm';

/**
 * The values of one record, keyed by field path. Nested elements and objects become dotted
 * paths (`PRODUCT_DETAILS.EAN`), XML attributes `@name`, repeated leaf values arrays of strings,
 * and repeated structured values arrays of objects keyed the same way (an object's own XML text
 * sits under `#text`). Use `getFieldValues` from `record-fields.ts` to read a path through arrays.
 */
export type RecordFields = Record<string, unknown>;

/** A problem that makes one record unusable without stopping the import (a ragged CSV row). */
export interface RecordIssue {
  /** Field path, column name or record part at fault. */
  field: string;
  /** The problem, as one sentence. */
  reason: string;
  /** The offending source text, shortened to 200 characters. */
  rawValue: string;
}

/** One record as a reader yields it, before any mapping. */
export interface FeedRecord {
  /** 1-based index of the record among the file's records (header rows and blank rows excluded). */
  rowNumber: number;
  /** 1-based line in the file where the record starts, when the format has lines worth citing. */
  line?: number;
  fields: RecordFields;
  /** Slash-separated element path of an XML record, e.g. `BMECAT/T_UPDATE_PRICES/ARTICLE`. */
  path?: string;
  /** Set when the record is unusable; the mapping step turns it into a row failure. */
  issue?: RecordIssue;
  /**
   * Document-level values read outside any record before this one (an XML or DATANORM header),
   * keyed by path from the root element. Every record of a file shares one growing object.
   */
  context?: Readonly<Record<string, string>>;
}

/** Progress of a read, in bytes of the file (not decoded characters). */
export interface ByteProgress {
  bytesRead: number;
  totalBytes: number;
}

export type ProgressCallback = (progress: ByteProgress) => void;

/** Cancellation and progress hooks accepted by every streaming read. */
export interface ReadControl {
  /** Aborts the read; the iterator then throws `signal.reason`. */
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Minimum bytes between two progress calls; the last call always reports the full size. */
  progressIntervalBytes?: number;
}
