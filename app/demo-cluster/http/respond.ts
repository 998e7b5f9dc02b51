// Response helpers: JSON bodies, Status errors and admission Warning headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../api/status-error.js';

/** Sends a JSON body with the given status code and optional Warning headers. */
export function sendJson(res: ServerResponse, code: number, body: unknown, warnings: string[] = [], contentType = 'application/json'): void {
  const text = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const headers: Record<string, string | string[]> = { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': String(text.length) };
  if (warnings.length > 0) headers['Warning'] = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
}

/** Sends a StatusError (or any error as a 500 Status). */
export function sendError(res: ServerResponse, error: unknown, warnings: string[] = []): void {
  const status = error instanceof StatusError ? error : new StatusError(500, 'InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`);
  if (res.headersSent) { res.end(); return; }
  sendJson(res, status.code, status.toStatus(), warnings);
}

/** Reads a request body as UTF-8 text (bounded, as the apiserver limits bodies). */
export async function readBody(req: IncomingMessage, limit = 3 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new StatusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
