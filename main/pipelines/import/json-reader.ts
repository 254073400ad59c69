import Assembler from 'stream-json/assembler.js';
import type { FeedRecord } from './feed-types.ts';
import { feedInputError, shorten } from './feed-errors.ts';
import { isFieldObject, flattenJsonObject } from './record-fields.ts';
import { childKeyPath, jsonRecordKeys, type JsonContainer } from './json-structure.ts';
import { createJsonTokenizer, type JsonSyntaxFault, type JsonToken } from './json-tokens.ts';

/** Options of {@link readJsonRecords}. */
export interface JsonReadOptions {
  /** `$` for a top-level array, or `$.products`-style dotted keys of the product array. */
  recordPath: string;
  source: string;
}

interface Frame extends JsonContainer {
  isTarget: boolean;
}

const PRIMITIVES = new Set(['stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);

/** Assembles the elements of the product array from a token stream, one record at a time. */
class JsonRecordCollector {
  readonly queue: FeedRecord[] = [];
  recordCount = 0;
  targetSeen = false;
  targetClosed = false;
  private readonly stack: Frame[] = [];
  private record: Assembler | null = null;

  constructor(private readonly targetKeys: string[]) {}

  consume(token: JsonToken): void {
    if (this.record) {
      this.record.consume(token);
      if (this.record.done) this.finishRecord();
      return;
    }
    const top = this.stack.at(-1);
    if (
      top?.isTarget &&
      (token.name === 'startObject' || token.name === 'startArray' || PRIMITIVES.has(token.name))
    ) {
      this.record = new Assembler();
      this.consume(token);
      return;
    }
    if (token.name === 'keyValue' && top) top.key = token.value;
    else if (token.name === 'startObject' || token.name === 'startArray')
      this.open(token.name, top);
    else if (token.name === 'endObject' || token.name === 'endArray') this.close();
  }

  private open(name: 'startObject' | 'startArray', top: Frame | undefined): void {
    const keys = childKeyPath(top);
    const isTarget =
      name === 'startArray' &&
      top?.kind !== 'array' &&
      keys.length === this.targetKeys.length &&
      keys.every((key, i) => key === this.targetKeys[i]);
    if (isTarget) this.targetSeen = true;
    this.stack.push({ kind: name === 'startObject' ? 'object' : 'array', keys, isTarget });
  }

  private close(): void {
    if (this.stack.pop()?.isTarget) this.targetClosed = true;
  }

  private finishRecord(): void {
    const value: unknown = this.record?.current;
    this.record = null;
    this.recordCount++;
    this.queue.push(toRecord(value, this.recordCount));
  }
}

/**
 * Streams the elements of the product array. A syntax error or a truncated file raises an
 * InputError with line and column after every record completed before it.
 */
export async function* readJsonRecords(
  text: AsyncIterable<string>,
  options: JsonReadOptions,
): AsyncGenerator<FeedRecord> {
  const collector = new JsonRecordCollector(jsonRecordKeys(options.recordPath));
  const tokenize = createJsonTokenizer();
  let lines = 1;
  let lastLineLength = 0;
  for await (const chunk of text) {
    const { tokens, fault } = tokenize(chunk);
    for (const token of tokens) collector.consume(token);
    yield* collector.queue.splice(0);
    if (fault) throw syntaxError(options.source, fault, collector.recordCount);
    const breaks = chunk.split('\n');
    lines += breaks.length - 1;
    lastLineLength =
      breaks.length > 1 ? (breaks.at(-1)?.length ?? 0) : lastLineLength + chunk.length;
  }
  if (!collector.targetSeen) throw noArrayError(options);
  if (!collector.targetClosed) {
    const end = {
      message: 'the file ends inside the product array',
      line: lines,
      column: lastLineLength + 1,
    };
    throw syntaxError(options.source, end, collector.recordCount, 'truncated_file');
  }
}

function toRecord(value: unknown, rowNumber: number): FeedRecord {
  if (isFieldObject(value)) return { rowNumber, fields: flattenJsonObject(value) };
  return {
    rowNumber,
    fields: { value },
    issue: {
      field: 'record',
      reason: 'The array element is not an object, so it has no named fields.',
      rawValue: shorten(JSON.stringify(value) ?? String(value)),
    },
  };
}

function syntaxError(
  source: string,
  fault: JsonSyntaxFault,
  records: number,
  code = 'malformed_json',
) {
  return feedInputError(
    code,
    source,
    { line: fault.line, column: fault.column },
    `The JSON is not valid after ${records} complete records: ${fault.message.replace(/\.$/, '')}.`,
    code === 'truncated_file'
      ? 'Download or export the file again and check that it is complete.'
      : 'Repair the file at that position or ask the supplier for a valid export.',
  );
}

function noArrayError(options: JsonReadOptions) {
  return feedInputError(
    'no_records',
    options.source,
    undefined,
    `The JSON has no array at ${options.recordPath}.`,
    'Pass the record path of the product array, such as $.products.',
  );
}

/**
 * Streams JSON Lines: each non-blank line is one record. A line that is not a JSON object is
 * yielded with an issue (a row failure) instead of stopping the import.
 */
export async function* readJsonLinesRecords(
  text: AsyncIterable<string>,
): AsyncGenerator<FeedRecord> {
  let carry = '';
  let line = 0;
  let rowNumber = 0;
  for await (const chunk of text) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    for (const part of parts) {
      line++;
      if (part.trim() !== '') yield parseLine(part, ++rowNumber, line);
    }
  }
  line++;
  if (carry.trim() !== '') yield parseLine(carry, ++rowNumber, line);
}

function parseLine(text: string, rowNumber: number, line: number): FeedRecord {
  try {
    const value: unknown = JSON.parse(text);
    return { ...toRecord(value, rowNumber), line };
  } catch (error) {
    return {
      rowNumber,
      line,
      fields: {},
      issue: {
        field: 'line',
        reason: `The line is not valid JSON: ${(error as Error).message}.`,
        rawValue: shorten(text.trim()),
      },
    };
  }
}
