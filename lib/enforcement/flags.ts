// Flags: raised by signals (one per subject and day, counting repeats) or reported by people.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { flags, organisations, users } from "@/db/schema";
import type { FlagKind, FlagStatus, FlagSubject } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";

export type NewFlag = {
  kind: FlagKind;
  source: "signal" | "report";
  orgId: string | null;
  subjectType: FlagSubject;
  subjectId?: string | null;
  summary: string;
  reason?: string | null;
  evidence?: Record<string, unknown>;
  reportedBy?: string | null;
  /** Signals: the same key updates the open flag (and counts an occurrence) instead of raising a second one. */
  dedupeKey?: string;
  /** False for signals re-evaluated on a timer: a repeat refreshes the evidence without counting. */
  countsRepeats?: boolean;
};

/** The UTC day of `now`, for keys that allow one flag per subject and day. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Raises a flag (or counts a repeat of an open one), in the caller's transaction; audited when new. */
export async function raiseFlag(tx: Database, flag: NewFlag): Promise<{ id: string; created: boolean }> {
  const [row] = await tx
    .insert(flags)
    .values({
      kind: flag.kind,
      source: flag.source,
      orgId: flag.orgId,
      subjectType: flag.subjectType,
      subjectId: flag.subjectId ?? null,
      summary: flag.summary,
      reason: flag.reason ?? null,
      evidence: flag.evidence ?? {},
      reportedBy: flag.reportedBy ?? null,
      dedupeKey: flag.dedupeKey ?? null,
    })
    .onConflictDoUpdate({
      target: flags.dedupeKey,
      set: {
        occurrences: flag.countsRepeats === false ? flags.occurrences : sql`${flags.occurrences} + 1`,
        lastSeenAt: sql`now()`,
        evidence: sql`excluded.evidence`,
        summary: sql`excluded.summary`,
      },
    })
    .returning({ id: flags.id, created: sql<boolean>`xmax = 0` });
  const result = { id: row?.id as string, created: Boolean(row?.created) };
  if (result.created) {
    await recordAudit(tx, {
      orgId: null,
      actorUserId: flag.reportedBy ?? null,
      action: flag.source === "report" ? "flag.reported" : "flag.raised",
      targetType: "flag",
      targetId: result.id,
      detail: { kind: flag.kind, orgId: flag.orgId, subjectType: flag.subjectType },
    });
  }
  return result;
}

export type FlagRow = {
  id: string;
  kind: FlagKind;
  source: string;
  status: FlagStatus;
  orgId: string | null;
  orgName: string | null;
  subjectType: string;
  subjectId: string | null;
  summary: string;
  reason: string | null;
  evidence: Record<string, unknown>;
  reporterName: string | null;
  occurrences: number;
  createdAt: Date;
  lastSeenAt: Date;
  resolution: string | null;
};

const flagColumns = {
  id: flags.id,
  kind: sql<FlagKind>`${flags.kind}`,
  source: flags.source,
  status: sql<FlagStatus>`${flags.status}`,
  orgId: flags.orgId,
  orgName: organisations.name,
  subjectType: flags.subjectType,
  subjectId: flags.subjectId,
  summary: flags.summary,
  reason: flags.reason,
  evidence: flags.evidence,
  reporterName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
  occurrences: flags.occurrences,
  createdAt: flags.createdAt,
  lastSeenAt: flags.lastSeenAt,
  resolution: flags.resolution,
};

export function listFlags(
  db: Database,
  filter: { status?: FlagStatus; orgId?: string; id?: string } = {},
): Promise<FlagRow[]> {
  return db
    .select(flagColumns)
    .from(flags)
    .leftJoin(organisations, eq(organisations.id, flags.orgId))
    .leftJoin(users, eq(users.id, flags.reportedBy))
    .where(
      and(
        filter.status ? eq(flags.status, filter.status) : undefined,
        filter.orgId ? eq(flags.orgId, filter.orgId) : undefined,
        filter.id ? eq(flags.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(flags.lastSeenAt))
    .limit(200);
}

export async function countOpenFlags(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(flags).where(eq(flags.status, "open"));
  return row?.n ?? 0;
}

/** Closes an open flag (resolved: acted on; dismissed: nothing wrong) with a note, audited. */
export async function reviewFlag(
  tx: Database,
  adminUserId: string,
  flagId: string,
  outcome: "resolved" | "dismissed",
  note: string,
): Promise<void> {
  if (!(await closeFlag(tx, adminUserId, flagId, outcome, note))) {
    throw new AppError("conflict", "That flag isn't open any more: someone reviewed it already.");
  }
}

/** As `reviewFlag`, but a flag someone already closed is left as it is; says whether this closed it. */
export async function closeFlag(
  tx: Database,
  adminUserId: string,
  flagId: string,
  outcome: "resolved" | "dismissed",
  note: string,
): Promise<boolean> {
  const [row] = await tx
    .update(flags)
    .set({ status: outcome, resolvedAt: new Date(), resolvedBy: adminUserId, resolution: note })
    .where(and(eq(flags.id, flagId), eq(flags.status, "open")))
    .returning({ orgId: flags.orgId, kind: flags.kind });
  if (!row) return false;
  await recordAudit(tx, {
    orgId: null,
    actorUserId: adminUserId,
    action: outcome === "resolved" ? "enforcement.flag_resolved" : "enforcement.flag_dismissed",
    targetType: "flag",
    targetId: flagId,
    detail: { reason: note, kind: row.kind, orgId: row.orgId },
  });
  return true;
}
