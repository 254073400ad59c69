/**
 * A text embedder backed by a server that implements the OpenAI embeddings route:
 * `POST /v1/embeddings` with `{ model, input, dimensions }`, whose response is
 * `{ data: [{ index, embedding }] }`.
 */

import { TransientError } from '../jobs/job-errors.ts';
import type { Embedder } from './embedder.ts';

/** Connection settings for an OpenAI-compatible embeddings endpoint. */
export interface OpenAiCompatibleOptions {
  /** Server root, e.g. `https://api.openai.com` or `http://127.0.0.1:8000`; a trailing `/v1` is accepted. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer KEY`; empty for servers that need no key. */
  apiKey: string;
  model: string;
  /** Vector length requested from and checked against the server. */
  dimensions: number;
  /** Texts per request. Default 64. */
  batchSize?: number;
  /** Limit for one HTTP request, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Extra attempts after a 429, a 5xx or a timeout, per batch. Default 2. */
  maxRetries?: number;
  /** Upper bound on one wait between attempts, in milliseconds. Default 20 000. */
  maxRetryDelayMs?: number;
}

/** A 429 response; `retryAfterMs` is the server's `Retry-After`, or null when it sent none. */
export class EmbeddingRateLimitError extends TransientError {
  override name = 'EmbeddingRateLimitError';
  readonly retryAfterMs: number | null;

  constructor(message: string, retryAfterMs: number | null) {
    super('embedding_rate_limited', message);
    this.retryAfterMs = retryAfterMs;
  }
}

/** A request the server rejected (4xx other than 429), or a response that breaks the format. */
export class EmbeddingRequestError extends Error {
  override name = 'EmbeddingRequestError';
  /** HTTP status, or null when the response body was invalid. */
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.status = status;
  }
}

const BASE_RETRY_DELAY_MS = 500;

/** Embeds texts by calling an OpenAI-compatible `/v1/embeddings` endpoint in batches. */
export class OpenAiCompatibleEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly url: string;
  private readonly apiKey: string;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;

  constructor(options: OpenAiCompatibleOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions < 1) {
      throw new RangeError(`dimensions must be a positive integer, got ${options.dimensions}.`);
    }
    this.model = options.model;
    this.dimensions = options.dimensions;
    this.url = embeddingsUrl(options.baseUrl);
    this.apiKey = options.apiKey;
    this.batchSize = Math.max(1, options.batchSize ?? 64);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = Math.max(0, options.maxRetries ?? 2);
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 20_000;
  }

  /**
   * Embeds `texts` batch by batch, retrying a batch after 429, 5xx, timeouts and refused
   * connections. Throws `TransientError` once retries are spent, `EmbeddingRequestError` for
   * other 4xx responses and malformed bodies, and the abort reason when `signal` aborts.
   */
  async embedTexts(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      vectors.push(...(await this.embedBatchWithRetries(batch, signal)));
    }
    return vectors;
  }

  private async embedBatchWithRetries(batch: string[], signal?: AbortSignal): Promise<number[][]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.embedBatch(batch, signal);
      } catch (error) {
        if (!(error instanceof TransientError) || attempt >= this.maxRetries) throw error;
        await sleep(this.retryDelay(error, attempt), signal);
      }
    }
  }

  private retryDelay(error: TransientError, attempt: number): number {
    const serverDelay = error instanceof EmbeddingRateLimitError ? error.retryAfterMs : null;
    return Math.min(serverDelay ?? BASE_RETRY_DELAY_MS * 2 ** attempt, this.maxRetryDelayMs);
  }

  private async embedBatch(batch: string[], signal?: AbortSignal): Promise<number[][]> {
    const response = await this.post(batch, signal);
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw new EmbeddingRateLimitError(
        `Embedding endpoint ${this.url} returned HTTP 429 (rate limited).`,
        retryAfterMs,
      );
    }
    if (response.status >= 500) {
      throw new TransientError(
        'embedding_server_error',
        `Embedding endpoint ${this.url} returned HTTP ${response.status}: ${await errorDetail(response)}`,
      );
    }
    if (!response.ok) {
      const hint =
        response.status === 401 || response.status === 403
          ? 'Check the API key.'
          : 'Check the model name and dimensions configured for this endpoint.';
      throw new EmbeddingRequestError(
        `Embedding endpoint ${this.url} rejected the request with HTTP ${response.status}: ${await errorDetail(response)} ${hint}`,
        response.status,
      );
    }
    return this.readVectors(await response.json().catch(() => null), batch.length);
  }

  private async post(batch: string[], signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    const body = JSON.stringify({ model: this.model, input: batch, dimensions: this.dimensions });
    try {
      return await fetch(this.url, { method: 'POST', headers, body, signal: combined });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        throw new TransientError(
          'embedding_timeout',
          `Embedding endpoint ${this.url} timed out after ${this.timeoutMs} ms.`,
          { cause: error },
        );
      }
      throw new TransientError(
        'embedding_unreachable',
        `Embedding endpoint ${this.url} could not be reached: ${(error as Error).message}.`,
        { cause: error },
      );
    }
  }

  private readVectors(payload: unknown, expected: number): number[][] {
    const data = (payload as { data?: unknown } | null)?.data;
    if (!Array.isArray(data) || data.length !== expected) {
      throw new EmbeddingRequestError(
        `Embedding endpoint ${this.url} returned ${Array.isArray(data) ? data.length : 'no'} vectors for ${expected} inputs.`,
        null,
      );
    }
    const vectors = new Array<number[]>(expected);
    data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
      const index = typeof item.index === 'number' ? item.index : position;
      const embedding = item.embedding;
      if (!Array.isArray(embedding) || embedding.some((value) => typeof value !== 'number')) {
        throw new EmbeddingRequestError(
          `Embedding endpoint ${this.url} returned a non-numeric embedding at index ${index}.`,
          null,
        );
      }
      if (embedding.length !== this.dimensions) {
        throw new EmbeddingRequestError(
          `Embedding endpoint ${this.url} returned ${embedding.length} dimensions for model ${this.model}, expected ${this.dimensions}. Set dimensions to the model's output size.`,
          null,
        );
      }
      vectors[index] = embedding as number[];
    });
    if (vectors.some((vector) => vector === undefined)) {
      throw new EmbeddingRequestError(
        `Embedding endpoint ${this.url} returned duplicate or out-of-range indexes.`,
        null,
      );
    }
    return vectors;
  }
}

function embeddingsUrl(baseUrl: string): string {
  const root = baseUrl.replace(/\/+$/, '');
  return root.endsWith('/v1') ? `${root}/embeddings` : `${root}/v1/embeddings`;
}

/** Parses `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.slice(0, 300) || '(empty body)';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
