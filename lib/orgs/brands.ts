// An organisation's brands (and, for agencies, clients), for choosing in forms.
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { brands } from "@/db/schema";

export type BrandOption = { id: string; name: string; isClient: boolean; verified: boolean };

export async function listBrands(db: Database, orgId: string): Promise<BrandOption[]> {
  return db
    .select({ id: brands.id, name: brands.name, isClient: brands.isClient, verified: brands.verified })
    .from(brands)
    .where(eq(brands.orgId, orgId))
    .orderBy(asc(brands.isClient), asc(brands.name));
}
