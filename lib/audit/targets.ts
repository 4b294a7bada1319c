// Names for what audit entries point at, so a page shows "Greenhouse (careers)" rather than a uuid.
// Reads only names, by id, for the ids on one page.
import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, flags, jobs, organisations, users } from "@/db/schema";
import { isUuid } from "@/lib/ids";

type Ref = { targetType: string | null; targetId: string | null };
export type TargetNames = Map<string, string>;

export const targetKey = (type: string, id: string) => `${type}:${id}`;

const LOOKUPS: Record<string, (db: Database, ids: string[]) => Promise<{ id: string; name: string }[]>> = {
  connection: (db, ids) =>
    db
      .select({ id: atsConnections.id, name: atsConnections.name })
      .from(atsConnections)
      .where(inArray(atsConnections.id, ids)),
  job: async (db, ids) =>
    (
      await db
        .select({ id: jobs.id, title: jobs.title, externalId: jobs.externalId })
        .from(jobs)
        .where(inArray(jobs.id, ids))
    ).map((j) => ({ id: j.id, name: `${j.title || "Untitled job"} (${j.externalId})` })),
  organisation: (db, ids) =>
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, ids)),
  user: async (db, ids) =>
    (
      await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids))
    ).map((u) => ({ id: u.id, name: u.name ?? u.email })),
  flag: async (db, ids) =>
    (await db.select({ id: flags.id, summary: flags.summary }).from(flags).where(inArray(flags.id, ids))).map((f) => ({
      id: f.id,
      name: f.summary,
    })),
};

/** The names of the targets among `refs` that can be named (one query per kind of target). */
export async function nameTargets(db: Database, refs: readonly Ref[]): Promise<TargetNames> {
  const byType = new Map<string, Set<string>>();
  for (const { targetType, targetId } of refs) {
    if (!targetType || !targetId || !LOOKUPS[targetType] || !isUuid(targetId)) continue;
    byType.set(targetType, (byType.get(targetType) ?? new Set()).add(targetId));
  }
  const names: TargetNames = new Map();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      for (const row of await (LOOKUPS[type] as (typeof LOOKUPS)[string])(db, [...ids])) {
        names.set(targetKey(type, row.id), row.name);
      }
    }),
  );
  return names;
}
