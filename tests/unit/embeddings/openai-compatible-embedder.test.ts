import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TransientError } from '../../../main/jobs/job-errors.ts';
import {
  EmbeddingRateLimitError,
  EmbeddingRequestError,
  OpenAiCompatibleEmbedder,
  type OpenAiCompatibleOptions,
} from '../../../main/embeddings/openai-compatible-embedder.ts';
import {
  expectedVector,
  startEmbeddingsServer,
  type EmbeddingsTestServer,
} from './embeddings-test-server.ts';

let server: EmbeddingsTestServer;

beforeAll(async () => {
  server = await startEmbeddingsServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  server.faults.length = 0;
});

function embedder(options: Partial<OpenAiCompatibleOptions> = {}): OpenAiCompatibleEmbedder {
  return new OpenAiCompatibleEmbedder({
    baseUrl: server.baseUrl,
    apiKey: 'test-key',
    model: 'test-embedding-3-small',
    dimensions: 8,
    maxRetryDelayMs: 50,
    ...options,
  });
}

describe('OpenAiCompatibleEmbedder', () => {
  it('posts model, input and dimensions', async () => {
    await embedder().embedTexts(['tile']);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/embeddings');
    expect(request?.authorization).toBe('Bearer test-key');
    expect(request?.body).toEqual({
      model: 'test-embedding-3-small',
      input: ['tile'],
      dimensions: 8,
    });
  });

  it('returns one vector per text in order', async () => {
    const vectors = await embedder().embedTexts(['tile', 'brick']);
    expect(vectors).toEqual([expectedVector('tile', 8), expectedVector('brick', 8)]);
  });

  it('accepts a base URL ending in /v1', async () => {
    await embedder({ baseUrl: `${server.baseUrl}/v1/` }).embedTexts(['tile']);
    expect(server.requests[0]?.path).toBe('/v1/embeddings');
  });

  it('splits input into batches', async () => {
    const texts = ['a', 'b', 'c', 'd', 'e'];
    const vectors = await embedder({ batchSize: 2 }).embedTexts(texts);
    expect(server.requests.map((request) => request.body.input)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect(vectors).toEqual(texts.map((text) => expectedVector(text, 8)));
  });

  it('orders vectors by index', async () => {
    server.faults.push({ kind: 'shuffled' });
    const vectors = await embedder().embedTexts(['tile', 'brick', 'pipe']);
    expect(vectors).toEqual(['tile', 'brick', 'pipe'].map((text) => expectedVector(text, 8)));
  });

  it('sends no request for no texts', async () => {
    expect(await embedder().embedTexts([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('retries after 429 with Retry-After', async () => {
    server.faults.push({ kind: 'status', status: 429, retryAfter: '0' });
    const vectors = await embedder().embedTexts(['tile']);
    expect(vectors).toEqual([expectedVector('tile', 8)]);
    expect(server.requests).toHaveLength(2);
  });

  it('throws a rate-limit error once retries are spent', async () => {
    server.faults.push({ kind: 'status', status: 429, retryAfter: '7' });
    const error = await embedder({ maxRetries: 0 })
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingRateLimitError);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as EmbeddingRateLimitError).retryAfterMs).toBe(7000);
  });

  it('retries after 500', async () => {
    server.faults.push({ kind: 'status', status: 500 });
    await embedder().embedTexts(['tile']);
    expect(server.requests).toHaveLength(2);
  });

  it('throws TransientError on repeated 503', async () => {
    server.faults.push(
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    );
    const error = await embedder({ maxRetries: 2 })
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('embedding_server_error');
    expect(server.requests).toHaveLength(3);
  });

  it('throws a request error on 400 without retrying', async () => {
    server.faults.push({
      kind: 'status',
      status: 400,
      body: JSON.stringify({ error: { message: 'model not found' } }),
    });
    const error = await embedder()
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect(error).not.toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain('HTTP 400: model not found');
    expect(server.requests).toHaveLength(1);
  });

  it('names the API key on 401', async () => {
    server.faults.push({ kind: 'status', status: 401 });
    const error = await embedder()
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('Check the API key.');
    expect((error as Error).message).not.toContain('test-key');
  });

  it('rejects vectors of the wrong dimension', async () => {
    server.faults.push({ kind: 'wrong-dimensions', dimensions: 4 });
    const error = await embedder()
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect((error as Error).message).toContain('returned 4 dimensions');
  });

  it('throws TransientError on timeout', async () => {
    server.faults.push({ kind: 'delay', ms: 500 });
    const error = await embedder({ timeoutMs: 50, maxRetries: 0 })
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('embedding_timeout');
  });

  it('rethrows the abort reason of the signal', async () => {
    server.faults.push({ kind: 'delay', ms: 500 });
    const controller = new AbortController();
    const pending = embedder().embedTexts(['tile'], controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled by test')), 20);
    await expect(pending).rejects.toThrow('cancelled by test');
  });

  it('throws TransientError when nothing listens', async () => {
    const closed = await startEmbeddingsServer();
    await closed.close();
    const error = await embedder({ baseUrl: closed.baseUrl, maxRetries: 0 })
      .embedTexts(['tile'])
      .catch((e: unknown) => e);
    expect((error as TransientError).code).toBe('embedding_unreachable');
  });
});
