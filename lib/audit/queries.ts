// Reading the audit log: an organisation's chain (its owners and admins) or every chain (trust &
// safety), filtered by actor, action and date, a page at a time, with actions and targets in words.
import "server-only";
import { stringify } from "csv-stringify/sync";
import { and, count, desc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, organisations, users } from "@/db/schema";
import { actionLabel, isEnforcementAction, TARGET_LABELS } from "./catalogue";
import { nameTargets, targetKey } from "./targets";

export type AuditViewer = "organisation" | "trust_safety";

export type AuditFilter = {
  /** An organisation's chain; `null` the platform chain; `undefined` every chain (trust & safety only). */
  orgId?: string | null;
  actorUserId?: string;
  action?: string;
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
};

export type AuditRow = {
  id: number;
  createdAt: Date;
  action: string;
  actionLabel: string;
  actorName: string;
  orgName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  targetName: string | null;
  detail: Record<string, unknown>;
  hash: string;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageCount: number; pageSize: number };

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_LIMIT = 50_000;
const DAY_MS = 86_400_000;

const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

function conditions(filter: AuditFilter): SQL | undefined {
  return and(
    filter.orgId === undefined
      ? undefined
      : filter.orgId === null
        ? isNull(auditLog.orgId)
        : eq(auditLog.orgId, filter.orgId),
    filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.createdAt, utcDay(filter.from)) : undefined,
    filter.to ? lt(auditLog.createdAt, new Date(utcDay(filter.to).getTime() + DAY_MS)) : undefined,
  );
}

function selectRows(db: Database, filter: AuditFilter, limit: number, offset: number) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
      actorIsStaff: sql<boolean>`${users.platformRole} is not null`,
      orgName: organisations.name,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      detail: auditLog.detail,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.orgId))
    .where(conditions(filter))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

type Selected = Awaited<ReturnType<typeof selectRows>>[number];

function actorOf(row: Selected, viewer: AuditViewer): string {
  if (!row.actorUserId) return "System";
  if (row.actorIsStaff && viewer === "organisation") return "Wigiwork trust & safety";
  return row.actorName ?? "A former member";
}

async function present(db: Database, rows: Selected[], viewer: AuditViewer): Promise<AuditRow[]> {
  const names = await nameTargets(db, rows);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    actionLabel: actionLabel(row.action),
    actorName: actorOf(row, viewer),
    orgName: row.orgName,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetType ? (TARGET_LABELS[row.targetType] ?? row.targetType) : null,
    targetName: row.targetType && row.targetId ? (names.get(targetKey(row.targetType, row.targetId)) ?? null) : null,
    detail: row.detail,
    hash: row.hash,
  }));
}

export async function listAudit(
  db: Database,
  filter: AuditFilter,
  options: { page?: number; viewer: AuditViewer; pageSize?: number },
): Promise<AuditPage> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const [totals] = await db.select({ n: count() }).from(auditLog).where(conditions(filter));
  const total = totals?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const rows = await selectRows(db, filter, pageSize, (page - 1) * pageSize);
  return { rows: await present(db, rows, options.viewer), total, page, pageCount, pageSize };
}

/** The newest entries of one organisation's chain, as the organisation sees them. */
export async function listOrgAudit(db: Database, orgId: string, limit = 100): Promise<AuditRow[]> {
  return (await listAudit(db, { orgId }, { viewer: "organisation", pageSize: limit })).rows;
}

/** Trust & safety's actions on an organisation, newest first: what was done and why, for its members. */
export async function enforcementNotices(db: Database, orgId: string, target?: { type: string; id: string }) {
  const rows = await db
    .select({ id: auditLog.id, action: auditLog.action, detail: auditLog.detail, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        sql`${auditLog.action} like 'enforcement.%'`,
        target ? and(eq(auditLog.targetType, target.type), eq(auditLog.targetId, target.id)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(10);
  return rows
    .filter((r) => isEnforcementAction(r.action))
    .map((r) => ({
      id: r.id,
      action: r.action,
      label: actionLabel(r.action),
      reason: typeof r.detail.reason === "string" ? r.detail.reason : null,
      createdAt: r.createdAt,
    }));
}

/** Who appears as an actor in a chain, and which actions, for the filters. */
export async function auditFilterOptions(db: Database, orgId: string | undefined, viewer: AuditViewer) {
  const scope = orgId ? eq(auditLog.orgId, orgId) : undefined;
  const actors = await db
    .selectDistinct({
      id: auditLog.actorUserId,
      name: sql<string>`coalesce(${users.name}, ${users.email})`,
      staff: sql<boolean>`${users.platformRole} is not null`,
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorUserId))
    .where(scope);
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).where(scope);
  return {
    actors: actors
      .filter((a) => viewer === "trust_safety" || !a.staff)
      .map((a) => ({ id: a.id as string, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    actions: actions
      .map((a) => ({ code: a.action, label: actionLabel(a.action) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** The filtered audit as CSV (newest first, at most 50,000 entries), with a header row. */
export async function auditCsv(db: Database, filter: AuditFilter, viewer: AuditViewer): Promise<string> {
  const rows = await present(db, await selectRows(db, filter, EXPORT_LIMIT, 0), viewer);
  return stringify(
    rows.map((r) => [
      r.id,
      r.createdAt.toISOString(),
      ...(viewer === "trust_safety" ? [r.orgName ?? "Platform"] : []),
      r.actorName,
      r.actionLabel,
      r.action,
      r.targetLabel ?? "",
      r.targetName ?? "",
      r.targetId ?? "",
      JSON.stringify(r.detail),
      r.hash,
    ]),
    {
      header: true,
      columns: [
        "id",
        "time_utc",
        ...(viewer === "trust_safety" ? ["organisation"] : []),
        "actor",
        "action",
        "action_code",
        "target_type",
        "target_name",
        "target_id",
        "detail",
        "hash",
      ],
      cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
    },
  );
}
