import { jsonParser, type Token } from 'stream-json/parser.js';
import { jsonVerifier } from 'stream-json/utils/verifier.js';

export type { Token as JsonToken } from 'stream-json/parser.js';

/** Position and message of the first syntax error stream-json's verifier found. */
export interface JsonSyntaxFault {
  message: string;
  /** 1-based line and column of the offending character. */
  line: number;
  column: number;
}

/** Tokens of one chunk, and the fault that ended the valid part of the input, if any. */
export interface TokenizedChunk {
  tokens: Token[];
  fault?: JsonSyntaxFault;
}

/**
 * Creates a push tokenizer over decoded JSON text. Each chunk is checked by stream-json's
 * verifier first. At a syntax error only the text before the offending character is
 * tokenized, so every value completed before the fault is still delivered.
 */
export function createJsonTokenizer(jsonStreaming = false): (text: string) => TokenizedChunk {
  const tokenize = jsonParser({ packValues: true, streamValues: false, jsonStreaming });
  const verify = jsonVerifier({ jsonStreaming });
  let consumed = 0;
  let failed = false;
  return (text) => {
    if (failed) return { tokens: [] };
    let valid = text;
    let fault: JsonSyntaxFault | undefined;
    try {
      verify(text);
    } catch (error) {
      const { offset, line, pos } = error as { offset?: number; line?: number; pos?: number };
      if (offset === undefined) throw error;
      failed = true;
      valid = text.slice(0, Math.max(0, offset - consumed));
      const message = (error as Error).message
        .replace(/^ERROR at [^:]*: /, '')
        .replace(/^Verifier (?:cannot parse input: |has )?/, '');
      fault = { message, line: line ?? 0, column: pos ?? 0 };
    }
    consumed += text.length;
    const result = valid === '' ? null : tokenize(valid);
    const tokens = result !== null && typeof result === 'object' ? result.values : [];
    return fault ? { tokens, fault } : { tokens };
  };
}
