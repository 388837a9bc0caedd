import type { BrowserWindow } from 'electron';
import type { z } from 'zod';
import { HostError, type HostRequests, type HostResult } from '../../../shared/contract';
import { describeIssues } from '../../../shared/contractSchemas';
import { isTrustedOrigin, originOf } from '../services/security';

/**
 * Every IPC handler goes through `runHandler`: the sender must be one of the app's own pages and the argument must
 * parse with the request's schema before the handler runs, and whatever goes wrong comes back as a failure with its
 * code and a message for the user. No runtime Electron here, so the checks are tested in Node.
 */

export type ApiName = keyof HostRequests;
export type ApiResult<K extends ApiName> = Awaited<ReturnType<HostRequests[K]>>;
type ApiArgument<K extends ApiName> = Parameters<HostRequests[K]>[0];
/** A schema whose input is what the API function takes. */
export type ApiSchema<K extends ApiName> = z.ZodType<unknown, ApiArgument<K>>;

export interface RequestContext {
  /** The window that asked, to parent its dialogs; null when it has closed meanwhile. */
  window: BrowserWindow | null;
}

export interface HostHandler<K extends ApiName, S extends ApiSchema<K> = ApiSchema<K>> {
  name: K;
  /** Completes "Casebook could not …" in messages, e.g. "save the file". */
  action: string;
  schema: S;
  run(request: z.output<S>, context: RequestContext): Promise<ApiResult<K>>;
}

/** Ties a handler to its API function, so its schema and result are checked against the contract. */
export function defineHandler<K extends ApiName, S extends ApiSchema<K>>(
  handler: HostHandler<K, S>,
): HostHandler<K, S> {
  return handler;
}

export async function runHandler<K extends ApiName, S extends ApiSchema<K>>(
  handler: HostHandler<K, S>,
  senderUrl: string | null | undefined,
  argument: unknown,
  context: RequestContext,
  allowedOrigins: readonly string[],
): Promise<HostResult<ApiResult<K>>> {
  if (!isTrustedOrigin(senderUrl, allowedOrigins)) {
    const origin = (senderUrl && originOf(senderUrl)) || 'an unknown page';
    return failure('not-allowed', `Casebook refused to ${handler.action}: the request came from ${origin}, not from Casebook itself.`);
  }
  const parsed = handler.schema.safeParse(argument);
  if (!parsed.success) {
    return failure('invalid-request', `Casebook could not ${handler.action}: ${describeIssues(parsed.error)}`);
  }
  try {
    return { ok: true, value: await handler.run(parsed.data, context) };
  } catch (error) {
    if (error instanceof HostError) return { ok: false, error: error.failure };
    console.error(`[casebook] ${handler.name} failed`, error);
    const reason = error instanceof Error ? error.message : String(error);
    return failure('unknown', `Casebook could not ${handler.action}: ${reason}`);
  }
}

function failure(code: HostError['code'], message: string): HostResult<never> {
  return { ok: false, error: { code, message } };
}
