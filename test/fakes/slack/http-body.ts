/** Reading Web API requests the way Slack does: form-encoded (what @slack/web-api sends) or JSON. */
import type { IncomingMessage } from 'node:http';
import type { Json } from './recorder.js';

/** Arguments @slack/web-api JSON-encodes inside a form body; the fake decodes them back into objects. */
const JSON_ENCODED_ARGS = new Set(['blocks', 'view', 'attachments', 'metadata', 'options']);

export const readRawBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

const decodeNested = (args: Json): Json => {
  const out: Json = { ...args };
  for (const key of JSON_ENCODED_ARGS) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    try {
      out[key] = JSON.parse(value);
    } catch {
      // Left as a string: the Block Kit check then reports it, like Slack's invalid_blocks_format.
    }
  }
  return out;
};

export class InvalidJsonError extends Error {
  override readonly name = 'InvalidJsonError';
}

/** Parses a request body (plus query string) into Web API arguments. Throws InvalidJsonError on bad JSON. */
export const parseArgs = (raw: string, contentType: string | undefined, query: URLSearchParams): Json => {
  const args: Json = Object.fromEntries(query.entries());
  if (raw.trim() === '') return decodeNested(args);
  if ((contentType ?? '').includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new InvalidJsonError('body is not valid JSON', { cause: error });
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(args, parsed);
    return decodeNested(args);
  }
  for (const [key, value] of new URLSearchParams(raw).entries()) args[key] = value;
  return decodeNested(args);
};

/** The token a call carries: `Authorization: Bearer …` first, then a `token` argument. */
export const tokenOf = (authorization: string | undefined, args: Json): string => {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (match?.[1]) return match[1].trim();
  return typeof args.token === 'string' ? args.token : '';
};
