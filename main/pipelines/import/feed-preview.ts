import { InputError } from '../../jobs/job-errors.ts';
import type { FeedFormat, FeedRecord, ImportType } from './feed-types.ts';
import type { EncodingInfo } from './encoding-detection.ts';
import type { FeedMapping, PresetId } from './feed-mapping.ts';
import { DEFAULT_PROFILE_RECORDS, profileFields, type FieldProfile } from './field-profile.ts';
import { proposeMapping } from './mapping-proposal.ts';
import { openFeed, type OpenFeedOptions } from './feed-source.ts';

/** Options of {@link previewFeed}. */
export interface PreviewFeedOptions extends OpenFeedOptions {
  /** Records profiled for fields and the mapping proposal; 500 when omitted. */
  profileRecords?: number;
  /** Records returned as samples; 10 when omitted. */
  sampleRecords?: number;
  signal?: AbortSignal;
}

/** Description of a feed and its proposed mapping, built from its first records. */
export interface FeedPreview {
  source: string;
  importType: ImportType;
  format: FeedFormat;
  encoding: EncodingInfo;
  preset: { id: PresetId; label: string } | null;
  recordPath: string | null;
  csv: { delimiter: string; headerLine: number; columns: string[] } | null;
  sizeBytes: number;
  recordsProfiled: number;
  fields: FieldProfile[];
  proposedMapping: FeedMapping;
  /** The first records, without their shared document context. */
  sampleRecords: FeedRecord[];
  /** Problems that did not stop the preview, such as a syntax error after the profiled records. */
  warnings: string[];
}

/**
 * Reads the start of a feed and describes it: format, encoding, preset, record path, field
 * profiles and a proposed mapping. A syntax error after at least one record becomes a warning
 * (the full import will stop there); before any record it is raised.
 */
export async function previewFeed(
  path: string,
  options: PreviewFeedOptions = {},
): Promise<FeedPreview> {
  const feed = await openFeed(path, options);
  const limit = options.profileRecords ?? DEFAULT_PROFILE_RECORDS;
  const records: FeedRecord[] = [];
  const warnings = [...feed.warnings];
  try {
    for await (const record of feed.records({ signal: options.signal })) {
      records.push(record);
      if (records.length >= limit) break;
    }
  } catch (error) {
    if (!(error instanceof InputError) || records.length === 0) throw error;
    if (!warnings.includes(error.message)) warnings.push(error.message);
  }
  const fields = profileFields(records);
  const preset = feed.preset ? { id: feed.preset.id, fields: feed.preset.fields } : null;
  return {
    source: feed.source,
    importType: feed.importType,
    format: feed.format,
    encoding: feed.encoding,
    preset: feed.preset ? { id: feed.preset.id, label: feed.preset.label } : null,
    recordPath: feed.recordPath,
    csv: feed.csv
      ? {
          delimiter: feed.csv.delimiter,
          headerLine: feed.csv.headerRowIndex + 1,
          columns: feed.csv.columns,
        }
      : null,
    sizeBytes: feed.sizeBytes,
    recordsProfiled: records.length,
    fields,
    proposedMapping: proposeMapping(fields, { preset, recordPath: feed.recordPath }),
    sampleRecords: records.slice(0, options.sampleRecords ?? 10).map(withoutContext),
    warnings,
  };
}

// Every record of a file references the same context object, which would be serialised once
// per sample record.
function withoutContext(record: FeedRecord): FeedRecord {
  const copy = { ...record };
  delete copy.context;
  return copy;
}
