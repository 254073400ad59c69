/**
 * The contract between KAI Console's core and its UI: calls (renderer to core, each a
 * promise of a `Result`) and events (core to renderer). Imports only zod and types, so the
 * renderer, the preload, the Electron shell and the core all share it.
 */
export * from './result.ts';
export * from './vocabulary.ts';
export type * from './rows.ts';
export type * from './notifications.ts';
export * from './call-spec.ts';
export * from './calls.ts';
export * from './events.ts';
export type * from './kai-api.ts';
export * from './client.ts';
export * from './websocket-protocol.ts';
export * from './websocket-client.ts';
export * from './calls/common-schemas.ts';
export * from './calls/jobs-calls.ts';
export * from './calls/files-calls.ts';
export * from './calls/materials-calls.ts';
export * from './calls/settings-calls.ts';
export * from './calls/notifications-calls.ts';
export * from './calls/imports-calls.ts';
export * from './calls/scrapes-calls.ts';
