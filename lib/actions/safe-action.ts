// The action wrappers: validate with zod → authenticate → load membership and role → run
// organisation-scoped work → return a typed result union, never a raw error.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { type Database, getDb } from "@/db/client";
import type { AdminActor, CandidateActor, MemberActor } from "@/lib/auth/actor";
import { type MemberRequirement, requireAdmin, requireCandidate, requireMember } from "@/lib/auth/guards";
import { AppError, ERROR_MESSAGES, type ErrorCode, isDatabaseUnavailable } from "@/lib/errors";
import { log } from "@/lib/log";

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; error: string; fieldErrors?: FieldErrors };

export type ActionInput = FormData | Record<string, unknown>;
type Handler<A, S extends z.ZodType, T> = (args: { input: z.output<S>; actor: A; db: Database }) => Promise<T>;

function toObject(input: ActionInput): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = input.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function failure(code: ErrorCode, error?: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, code, error: error ?? ERROR_MESSAGES[code], fieldErrors };
}

export function defineAction<A, S extends z.ZodType, T>(
  name: string,
  resolveActor: () => Promise<A>,
  schema: S,
  run: Handler<A, S, T>,
) {
  return async (_previous: unknown, payload: ActionInput): Promise<ActionResult<T>> => {
    try {
      const actor = await resolveActor();
      const parsed = schema.safeParse(toObject(payload));
      if (!parsed.success) {
        return failure("invalid_input", undefined, z.flattenError(parsed.error).fieldErrors as FieldErrors);
      }
      return { ok: true, data: await run({ input: parsed.data, actor, db: getDb() }) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        log.info("action.refused", { action: name, code: error.code, details: error.details });
        return failure(error.code, error.message, error.details?.fieldErrors as FieldErrors | undefined);
      }
      if (isDatabaseUnavailable(error)) {
        log.error("action.database_unavailable", { action: name, error });
        return failure("database_unavailable");
      }
      log.error("action.failed", { action: name, error });
      return failure("internal");
    }
  };
}

export function publicAction<S extends z.ZodType, T>(name: string, schema: S, run: Handler<null, S, T>) {
  return defineAction(name, async () => null, schema, run);
}

export function memberAction<S extends z.ZodType, T>(
  name: string,
  requirement: MemberRequirement,
  schema: S,
  run: Handler<MemberActor, S, T>,
) {
  return defineAction(name, () => requireMember(requirement), schema, run);
}

export function candidateAction<S extends z.ZodType, T>(name: string, schema: S, run: Handler<CandidateActor, S, T>) {
  return defineAction(name, requireCandidate, schema, run);
}

export function adminAction<S extends z.ZodType, T>(name: string, schema: S, run: Handler<AdminActor, S, T>) {
  return defineAction(name, requireAdmin, schema, run);
}
