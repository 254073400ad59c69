import type { FeedFormat, FeedRecord, ImportType, ReadControl } from './feed-types.ts';
import { feedInputError } from './feed-errors.ts';
import type { PresetId } from './feed-mapping.ts';
import { feedFileSize, readFileChunks, readFileSample } from './byte-source.ts';
import {
  detectBom,
  detectEncoding,
  readXmlDeclaredEncoding,
  sniffUtf16,
  type EncodingInfo,
} from './encoding-detection.ts';
import { decodeChunks } from './text-decoding.ts';
import { incompleteUtf8TailLength } from './utf8-validation.ts';
import { detectFormat, rejectNonTextFeed } from './format-detection.ts';
import { sniffCsvDialect, type CsvDialect } from './csv-dialect.ts';
import { readCsvRecords } from './csv-reader.ts';
import { readDatanormRecords } from './datanorm-reader.ts';
import { chooseJsonRecordPath, scanJsonArrays } from './json-structure.ts';
import { readJsonLinesRecords, readJsonRecords } from './json-reader.ts';
import { chooseRecordPath, scanXmlStructure } from './xml-structure.ts';
import { readXmlRecords } from './xml-reader.ts';
import { detectPreset, getPreset } from './presets/preset-registry.ts';
import type { FeedPreset, FeedSniff } from './presets/preset-types.ts';

// NOTE: detection only sees the start of a file. A CSV header and the start of a JSON product
// array must lie within the first SAMPLE_BYTES, and an XML record element must repeat within
// the first XML_SCAN_CHARS. Files with longer preambles need the recordPath option.
const SAMPLE_BYTES = 1024 * 1024;
const XML_SCAN_CHARS = 8 * 1024 * 1024;

/** Options of {@link openFeed}; each overrides what would otherwise be detected. */
export interface OpenFeedOptions {
  encoding?: string;
  recordPath?: string;
  /** Force a preset (`null` forces a generic feed); detected when omitted. */
  preset?: PresetId | null;
  delimiter?: string;
}

/** A feed whose format, encoding, layout and preset are known; records can be read from it. */
export interface OpenedFeed {
  source: string;
  format: FeedFormat;
  importType: ImportType;
  encoding: EncodingInfo;
  preset: FeedPreset | null;
  recordPath: string | null;
  csv: CsvDialect | null;
  sizeBytes: number;
  warnings: string[];
  /** Starts a new read of the file's records, after the preset's transform. */
  records(control?: ReadControl): AsyncGenerator<FeedRecord>;
}

/** Detects how to read a feed file from its content: format, encoding, layout and preset. */
export async function openFeed(path: string, options: OpenFeedOptions = {}): Promise<OpenedFeed> {
  const source = path;
  const sizeBytes = await feedFileSize(path);
  const sample = await readFileSample(path, SAMPLE_BYTES);
  const bom = detectBom(sample);
  const utf16 = bom?.name.startsWith('utf-16') ? bom.name : sniffUtf16(sample);
  rejectNonTextFeed(sample, source, utf16 !== null);

  const head = looseHead(sample.subarray(bom?.length ?? 0), utf16);
  const detected = detectFormat(head, path, source);
  const encoding = detectEncoding(sample, source, {
    option: options.encoding,
    declared: detected.format === 'xml' ? readXmlDeclaredEncoding(head) : null,
    preferredSingleByte: detected.format === 'datanorm' ? 'cp850' : undefined,
  });
  const sampleText = await decodeSample(sample, sizeBytes, encoding, source);

  const openText = (control?: ReadControl) =>
    decodeChunks(readFileChunks(path, control), encoding, source);
  const sniff: FeedSniff = { source, format: detected.format };
  const layout = await readLayout(sniff, sampleText, openText, options);
  const warnings = detected.warning ? [detected.warning] : [];
  if (layout.scanError) warnings.push(layout.scanError);

  const feed: FeedState = {
    source,
    format: detected.format,
    importType: detected.importType,
    encoding,
    preset: layout.preset,
    recordPath: layout.recordPath,
    csv: layout.csv,
    sizeBytes,
    warnings,
    sniff,
  };
  return { ...feed, records: (control) => readRecords(feed, openText, control) };
}

// Enough of the start, decoded without strictness, to tell XML from JSON from CSV.
function looseHead(bytes: Uint8Array, utf16: string | null): string {
  const head = bytes.subarray(0, 64 * 1024);
  if (utf16) return new TextDecoder(utf16).decode(head);
  return Buffer.from(head).toString('latin1');
}

async function decodeSample(
  sample: Buffer,
  sizeBytes: number,
  encoding: EncodingInfo,
  source: string,
): Promise<string> {
  let end = sample.length;
  if (sample.length < sizeBytes) {
    if (encoding.name === 'utf-8') end -= incompleteUtf8TailLength(sample);
    if (encoding.name.startsWith('utf-16')) end -= end % 2;
  }
  let text = '';
  for await (const part of decodeChunks(toAsync(sample.subarray(0, end)), encoding, source))
    text += part;
  return text;
}

async function* toAsync(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

interface FeedLayout {
  preset: FeedPreset | null;
  recordPath: string | null;
  csv: CsvDialect | null;
  scanError?: string;
}

async function readLayout(
  sniff: FeedSniff,
  sampleText: string,
  openText: () => AsyncIterable<string>,
  options: OpenFeedOptions,
): Promise<FeedLayout> {
  const layout: FeedLayout = { preset: null, recordPath: null, csv: null };
  const knownXmlLayout = options.recordPath !== undefined && options.preset !== undefined;
  if (sniff.format === 'xml' && !knownXmlLayout) {
    sniff.xml = await scanXmlStructure(openText(), sniff.source, XML_SCAN_CHARS);
    if (sniff.xml.error && sniff.xml.paths.length === 0) throw sniff.xml.error;
    if (sniff.xml.error) layout.scanError = sniff.xml.error.message;
  }
  if (sniff.format === 'csv') {
    layout.csv = sniffCsvDialect(sampleText, options.delimiter);
    sniff.csvColumns = layout.csv.columns;
  }
  layout.preset =
    options.preset === undefined
      ? detectPreset(sniff)
      : options.preset
        ? getPreset(options.preset)
        : null;
  layout.recordPath = await resolveRecordPath(sniff, sampleText, layout.preset, options.recordPath);
  return layout;
}

async function resolveRecordPath(
  sniff: FeedSniff,
  sampleText: string,
  preset: FeedPreset | null,
  requested: string | undefined,
): Promise<string | null> {
  if (sniff.format === 'xml') {
    if (requested) return requested;
    if (preset?.recordPath) return preset.recordPath(sniff);
    if (!sniff.xml)
      throw new Error('The XML structure must be scanned before choosing a record path.');
    // A document that fails before its records repeat reports the syntax error, not the
    // missing repetition.
    if (sniff.xml.error && !sniff.xml.paths.some((p) => p.maxSiblings >= 2)) throw sniff.xml.error;
    return chooseRecordPath(sniff.xml, sniff.source);
  }
  if (sniff.format === 'json') return requested ?? chooseJsonPath(sampleText, sniff.source);
  return null;
}

function chooseJsonPath(sampleText: string, source: string): string {
  const { candidates, fault } = scanJsonArrays(sampleText);
  if (fault && !candidates.some((c) => c.objectCount > 0)) {
    throw feedInputError(
      'malformed_json',
      source,
      { line: fault.line, column: fault.column },
      `The JSON is not valid: ${fault.message.replace(/\.$/, '')}.`,
      'Repair the file at that position or ask the supplier for a valid export.',
    );
  }
  return chooseJsonRecordPath(candidates, source);
}

type FeedState = Omit<OpenedFeed, 'records'> & { sniff: FeedSniff };

async function* readRecords(
  feed: FeedState,
  openText: (control?: ReadControl) => AsyncIterable<string>,
  control: ReadControl = {},
): AsyncGenerator<FeedRecord> {
  let records = formatRecords(feed, openText(control));
  if (feed.preset?.transform) records = feed.preset.transform(records, feed.source);
  for await (const record of records) {
    control.signal?.throwIfAborted();
    yield record;
  }
}

function formatRecords(feed: FeedState, text: AsyncIterable<string>): AsyncGenerator<FeedRecord> {
  const { source } = feed;
  switch (feed.format) {
    case 'xml':
      return readXmlRecords(text, { recordPath: feed.recordPath ?? '', source });
    case 'json':
      return readJsonRecords(text, { recordPath: feed.recordPath ?? '$', source });
    case 'jsonl':
      return readJsonLinesRecords(text);
    case 'datanorm':
      return readDatanormRecords(text, source);
    case 'csv':
      if (!feed.csv) throw new Error('The CSV dialect must be sniffed before reading records.');
      return readCsvRecords(text, feed.csv, source);
  }
}
