import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError } from '../../jobs/job-errors.ts';
import { feedInputError, type FeedLocation } from './feed-errors.ts';
import { installDoctypeEntities } from './xml-entities.ts';
import { canonicalName } from './xml-names.ts';

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** An element start as the feed readers see it, with canonical names. */
export interface XmlStartTag {
  name: string;
  /** Namespace URI of the element ('' when none). */
  uri: string;
  attributes: [string, string][];
  /** Namespace declarations on this element as [prefix, uri], with prefix '' for the default. */
  namespaces: [string, string][];
  /** Line of the end of the start tag. */
  line: number;
}

/** Callbacks of {@link createXmlParser}. */
export interface XmlEvents {
  open(tag: XmlStartTag): void;
  text(text: string): void;
  close(): void;
  doctype?(body: string): void;
}

/** A push parser over decoded text; malformed XML raises an InputError with line and column. */
export interface XmlTextParser {
  write(text: string): void;
  /** Signals the end of the document; raises when elements are still open. */
  close(): void;
  location(): FeedLocation;
}

/** Creates a saxes parser that never reads a DTD and bounds internal entity expansion. */
export function createXmlParser(source: string, events: XmlEvents): XmlTextParser {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const location = (): FeedLocation => ({ line: parser.line, column: parser.column });
  let closing = false;
  parser.on('doctype', (body) => {
    installDoctypeEntities(parser, body, source, location);
    events.doctype?.(body);
  });
  parser.on('opentag', (tag) => events.open(toStartTag(tag, parser.line)));
  parser.on('text', (text) => events.text(text));
  parser.on('cdata', (text) => events.text(text));
  parser.on('closetag', () => events.close());
  parser.on('error', (error) => {
    throw xmlSyntaxError(source, error, location(), closing);
  });
  return {
    write: (text) => void parser.write(text),
    close: () => {
      closing = true;
      parser.close();
    },
    location,
  };
}

function toStartTag(tag: SaxesTagNS, line: number): XmlStartTag {
  const attributes: [string, string][] = [];
  const namespaces: [string, string][] = [];
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.uri === XMLNS_NAMESPACE || attribute.name === 'xmlns') {
      namespaces.push([attribute.prefix === 'xmlns' ? attribute.local : '', attribute.value]);
      continue;
    }
    attributes.push([
      canonicalName(attribute.uri, attribute.prefix, attribute.local),
      attribute.value,
    ]);
  }
  return {
    name: canonicalName(tag.uri, tag.prefix, tag.local),
    uri: tag.uri,
    attributes,
    namespaces,
    line,
  };
}

function xmlSyntaxError(source: string, error: Error, at: FeedLocation, closing: boolean) {
  if (error instanceof InputError) return error;
  const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  if (closing && /unclosed tag|unexpected end|must contain a root/.test(message)) {
    return feedInputError(
      'truncated_file',
      source,
      at,
      `The XML ends before all elements are closed (${message}), so the file is probably truncated.`,
      'Download or export the feed again and check that it is complete.',
      error,
    );
  }
  return feedInputError(
    'malformed_xml',
    source,
    at,
    `The XML is not well-formed: ${message}.`,
    'Repair the file at that position or ask the supplier for a valid export.',
    error,
  );
}
