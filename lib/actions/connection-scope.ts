// The organisation scope of a connection action, taken from the signed-in member (never from input).
import "server-only";
import type { Scope } from "@/lib/ats/connections/commands";
import type { MemberActor } from "@/lib/auth/actor";

export const scopeOf = (actor: MemberActor): Scope => ({
  orgId: actor.org.id,
  userId: actor.userId,
  orgKind: actor.org.kind,
});
