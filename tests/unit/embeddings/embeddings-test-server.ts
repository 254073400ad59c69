/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI embeddings wire format, with faults
 * that tests queue up front: each queued fault handles one request, then normal responses resume.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One planned misbehaviour of the next request. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'wrong-dimensions'; dimensions: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'shuffled' };

/** A request as the server received it. */
export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: { model: string; input: string[]; dimensions: number };
}

/** The running server. */
export interface EmbeddingsTestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  faults: Fault[];
  close(): Promise<void>;
}

/** Returns a deterministic vector for `text`: its first character codes, scaled, cycled. */
export function expectedVector(text: string, dimensions: number): number[] {
  const codes = [...text].map((char) => char.codePointAt(0)! / 1000);
  return Array.from({ length: dimensions }, (_, i) => codes[i % Math.max(codes.length, 1)] ?? 0);
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startEmbeddingsServer(): Promise<EmbeddingsTestServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const server: Server = createServer((request, response) => {
    void handle(request, response, requests, faults);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  requests: RecordedRequest[],
  faults: Fault[],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
  requests.push({ path: request.url ?? '', authorization: request.headers.authorization, body });

  const fault = faults.shift();
  if (fault?.kind === 'status') {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
    response.writeHead(fault.status, headers);
    response.end(fault.body ?? JSON.stringify({ error: { message: `injected ${fault.status}` } }));
    return;
  }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (response.destroyed) return;

  const dimensions = fault?.kind === 'wrong-dimensions' ? fault.dimensions : body.dimensions;
  const data = body.input.map((text, index) => ({
    object: 'embedding',
    index,
    embedding: expectedVector(text, dimensions),
  }));
  if (fault?.kind === 'shuffled') data.reverse();
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ object: 'list', model: body.model, data, usage: {} }));
}
