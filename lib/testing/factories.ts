// Small builders for test data, inserted straight through drizzle.
import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { brands, memberships, organisations, users } from "@/db/schema";
import type { MemberRole, OrgKind } from "@/db/schema/enums";

const suffix = () => randomBytes(4).toString("hex");

export async function makeOrg(
  db: Database,
  overrides: Partial<typeof organisations.$inferInsert> & { kind?: OrgKind } = {},
) {
  const name = overrides.name ?? `Org ${suffix()}`;
  const [org] = await db
    .insert(organisations)
    .values({
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix()}`,
      kind: "employer",
      verification: "verified",
      domains: [`${suffix()}.example`],
      ...overrides,
    })
    .returning();
  if (!org) throw new Error("org not created");
  const [brand] = await db
    .insert(brands)
    .values({ orgId: org.id, name, nameKey: name.toLowerCase(), verified: true, domains: org.domains })
    .returning();
  return { ...org, brandId: brand?.id as string };
}

export async function makeUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `user-${suffix()}@example.test`, name: "Test User", passwordHash: "x", ...overrides })
    .returning({ id: users.id, email: users.email });
  if (!user) throw new Error("user not created");
  return user;
}

export async function makeMember(db: Database, orgId: string, role: MemberRole = "owner", overrides = {}) {
  const user = await makeUser(db, overrides);
  await db.insert(memberships).values({ userId: user.id, orgId, role });
  return user;
}
