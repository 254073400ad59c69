import type { FeedRecord } from './feed-types.ts';
import { feedInputError } from './feed-errors.ts';
import { createElementNode, flattenElement, type XmlElementNode } from './xml-element-tree.ts';
import { compileRecordPath, type RecordPathMatcher } from './xml-names.ts';
import { createXmlParser, type XmlStartTag } from './xml-parsing.ts';

/** Options of {@link readXmlRecords}. */
export interface XmlReadOptions {
  /** Slash-separated path of the record element, e.g. `rss/channel/item`. */
  recordPath: string;
  /** File name or URL used in error messages. */
  source: string;
  /** Upper bound on the characters of one record, so a record that never closes cannot fill memory. */
  maxRecordChars?: number;
}

const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;
const MAX_CONTEXT_ENTRIES = 2000;
const MAX_CONTEXT_VALUE_CHARS = 1000;

interface OutsideFrame {
  text: string;
  hasChildren: boolean;
}

/** Mutable state of one read; records are queued while saxes processes a chunk. */
class XmlRecordCollector {
  readonly queue: FeedRecord[] = [];
  readonly context: Record<string, string> = {};
  private readonly stack: string[] = [];
  private readonly outside: OutsideFrame[] = [];
  private record: XmlElementNode[] = [];
  private recordLine = 0;
  private recordPath = '';
  private recordChars = 0;
  private contextSize = 0;
  recordCount = 0;

  constructor(
    private readonly matcher: RecordPathMatcher,
    private readonly source: string,
    private readonly maxRecordChars: number,
  ) {}

  open(tag: XmlStartTag): void {
    this.stack.push(tag.name);
    const current = this.record.at(-1);
    if (current) {
      const node = createElementNode(tag.name, tag.attributes);
      current.children.push(node);
      this.record.push(node);
      this.charge(
        tag.name.length + tag.attributes.reduce((n, [k, v]) => n + k.length + v.length, 0),
      );
      return;
    }
    if (this.matcher.matches(this.stack)) {
      this.record = [createElementNode(tag.name, tag.attributes)];
      this.recordLine = tag.line;
      this.recordPath = this.stack.join('/');
      this.recordChars = 0;
      return;
    }
    const parent = this.outside.at(-1);
    if (parent) parent.hasChildren = true;
    this.outside.push({ text: '', hasChildren: false });
    for (const [name, value] of tag.attributes)
      this.remember(`${this.stack.join('.')}.@${name}`, value);
  }

  text(text: string): void {
    const current = this.record.at(-1);
    if (current) {
      current.text += text;
      this.charge(text.length);
      return;
    }
    const frame = this.outside.at(-1);
    if (frame && frame.text.length < MAX_CONTEXT_VALUE_CHARS) frame.text += text;
  }

  close(): void {
    const node = this.record.pop();
    if (node && this.record.length === 0) this.emit(node);
    if (!node) {
      const frame = this.outside.pop();
      if (frame && !frame.hasChildren) this.remember(this.stack.join('.'), frame.text.trim());
    }
    this.stack.pop();
  }

  private emit(node: XmlElementNode): void {
    this.recordCount++;
    this.queue.push({
      rowNumber: this.recordCount,
      line: this.recordLine,
      path: this.recordPath,
      fields: flattenElement(node),
      context: this.context,
    });
  }

  private remember(path: string, value: string): void {
    if (value === '' || path in this.context || this.contextSize >= MAX_CONTEXT_ENTRIES) return;
    this.context[path] = value.slice(0, MAX_CONTEXT_VALUE_CHARS);
    this.contextSize++;
  }

  private charge(chars: number): void {
    this.recordChars += chars;
    if (this.recordChars <= this.maxRecordChars) return;
    throw feedInputError(
      'record_too_large',
      this.source,
      { line: this.recordLine, row: this.recordCount + 1 },
      `The record starting here is larger than ${this.maxRecordChars} characters.`,
      'Check the record path; it probably names an element that encloses the whole catalogue.',
    );
  }
}

/**
 * Streams the records at `recordPath` as flat fields. Records completed before a syntax error
 * are yielded before the InputError (with line and column) is raised.
 */
export async function* readXmlRecords(
  text: AsyncIterable<string>,
  options: XmlReadOptions,
): AsyncGenerator<FeedRecord> {
  const matcher = compileRecordPath(options.recordPath);
  const maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const collector = new XmlRecordCollector(matcher, options.source, maxChars);
  const parser = createXmlParser(options.source, collector);
  let failure: unknown;
  for await (const chunk of text) {
    try {
      parser.write(chunk);
    } catch (error) {
      failure = error;
    }
    yield* collector.queue.splice(0);
    if (failure) throw failure;
  }
  try {
    parser.close();
  } catch (error) {
    failure = error;
  }
  yield* collector.queue.splice(0);
  if (failure) throw failure;
  if (collector.recordCount === 0) throw noRecordsError(options);
}

function noRecordsError(options: XmlReadOptions) {
  const element = options.recordPath.split('/').at(-1) ?? options.recordPath;
  return feedInputError(
    'no_records',
    options.source,
    undefined,
    `The document contains no <${element}> element at ${options.recordPath}.`,
    'Check that the export contains products, or pass the record path of the product element.',
  );
}
