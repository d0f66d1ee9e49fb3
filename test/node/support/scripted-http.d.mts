// Types of scripted-http.mjs, so TypeScript tests can use it.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** One scripted answer. `json` is serialised (application/json); `body` is sent as is. */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  contentType?: string;
  delayMs?: number;
  /** Never answer (`headers`), or send half the body and stall (`body`). */
  hang?: 'headers' | 'body';
  /** Drop the connection before the headers, or after half the body. */
  reset?: 'headers' | 'body';
}

/** A request as the scripted server received it; `path` is after the test id, still URL-encoded. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Scripts and received requests, keyed by test id. */
export interface ScriptStore {
  script(id: string, responses: ScriptedResponse[]): void;
  next(id: string): ScriptedResponse | undefined;
  record(id: string, request: ReceivedRequest): void;
  received(id: string): ReceivedRequest[];
  forget(id: string): void;
}

/** An empty store. */
export function createScriptStore(): ScriptStore;

/** Serves a request under `prefix` from `store`; resolves false for any other path. */
export function handleScripted(store: ScriptStore, req: IncomingMessage, res: ServerResponse, prefix: string): Promise<boolean>;

/** A running scripted server on 127.0.0.1. */
export interface ScriptedServer {
  origin: string;
  store: ScriptStore;
  close(): Promise<void>;
}

/** Starts a scripted server on a random port of 127.0.0.1. */
export function startScriptedServer(options?: { prefix?: string }): Promise<ScriptedServer>;
