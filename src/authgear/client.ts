import { GraphQLClient } from 'graphql-request';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import { type AppLogger, redactText } from '../logger.js';
import { AuthgearError, mapAuthgearError } from './errors.js';
import type { AuditContext, TokenSource } from './jwt.js';
import type { Operation } from './operation.js';

export interface AdminApi {
  /** Runs one operation with variables and reads the answer (typed from the schema). Throws AppError only. */
  run<V, D, R>(operation: Operation<V, D, R>, variables: V, actor?: AuditContext): Promise<D>;
}

export interface AdminApiOptions {
  readonly endpoint: string;
  readonly tokens: TokenSource;
  readonly timeoutMs?: number;
  /** Where an error Authgear gave no reason for is logged (its message masked) with its reference. */
  readonly logger?: AppLogger;
}

/** graphql-request against `${endpoint}/_api/admin/graphql`, one operation per request. */
export const createAdminApi = (options: AdminApiOptions): AdminApi => {
  const client = new GraphQLClient(`${options.endpoint}/_api/admin/graphql`, { method: 'POST' });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async run(operation, variables, actor) {
      let raw: Parameters<typeof operation.read>[0];
      try {
        const jwt = await options.tokens.token(actor);
        raw = await client.request<typeof raw>({
          document: operation.document,
          variables: (variables ?? {}) as Record<string, unknown>,
          requestHeaders: { authorization: `Bearer ${jwt}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const mapped = mapAuthgearError(e);
        if (mapped instanceof AuthgearError && mapped.reference !== undefined) {
          options.logger?.warn(
            {
              reference: mapped.reference,
              operation: operation.name,
              authgearMessage: redactText(mapped.authgear.message),
            },
            'Authgear answered an error without extensions (no reason)',
          );
        }
        throw mapped;
      }
      try {
        return operation.read(raw);
      } catch (e) {
        if (!(e instanceof ZodError)) throw e;
        throw new AppError('authgear.unexpected', 'Authgear answered in a shape the bot did not expect.', {
          details: { operation: operation.name, issues: e.issues.length },
        });
      }
    },
  };
};
