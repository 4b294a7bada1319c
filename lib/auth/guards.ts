// Page and action guards. Pages redirect signed-out visitors to sign-in and answer 404 to the wrong role.
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { MemberRole } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { type AdminActor, type CandidateActor, currentActor, type MemberActor } from "./actor";
import { safeCallbackPath } from "./callback-url";

export type MemberRequirement = { roles?: readonly MemberRole[]; allowSuspended?: boolean };

export const MANAGERS: readonly MemberRole[] = ["owner", "admin"];

async function signInRedirect(): Promise<never> {
  const path = safeCallbackPath((await headers()).get("x-wigi-path"));
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}

export async function requireMemberPage(req: MemberRequirement = {}): Promise<MemberActor> {
  const actor = await currentActor();
  if (!actor) return signInRedirect();
  if (actor.kind !== "member") notFound();
  if (req.roles && !req.roles.includes(actor.role)) notFound();
  if (actor.org.standing === "suspended" && !req.allowSuspended) redirect("/suspended");
  return actor;
}

export async function requireCandidatePage(): Promise<CandidateActor> {
  const actor = await currentActor();
  if (!actor) return signInRedirect();
  if (actor.kind !== "candidate") notFound();
  return actor;
}

export async function requireAdminPage(): Promise<AdminActor> {
  const actor = await currentActor();
  if (!actor) return signInRedirect();
  if (actor.kind !== "admin") notFound();
  return actor;
}

/** For actions: the same checks, as typed errors instead of navigation. */
export async function requireMember(req: MemberRequirement = {}): Promise<MemberActor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.kind !== "member") throw new AppError("not_found");
  if (req.roles && !req.roles.includes(actor.role)) throw new AppError("not_found");
  if (actor.org.standing === "suspended" && !req.allowSuspended) throw new AppError("org_suspended");
  return actor;
}

export async function requireCandidate(): Promise<CandidateActor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.kind !== "candidate") throw new AppError("not_found");
  return actor;
}

export async function requireAdmin(): Promise<AdminActor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.kind !== "admin") throw new AppError("not_found");
  return actor;
}
