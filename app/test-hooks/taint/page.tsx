// Test hook (WIGI_TEST_HOOKS=1, refused in production): proves identity taint is live in this build.
// It taints a made-up identity the way lib/identity does and hands one value to a client component
// (`?pass=client`, which must fail the render) or renders it the viewer's way (which must work).
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { taintIdentity } from "@/lib/identity/taint";
import { IdentityText } from "../../(viewer)/candidates/[snapshotId]/identity-text";
import { Echo } from "./echo";

export const dynamic = "force-dynamic";

export default async function TaintProbe({ searchParams }: { searchParams: Promise<{ pass?: string }> }) {
  if (!env().testHooks) notFound();
  const identity = { fullName: `Probe Taintington ${crypto.randomUUID().slice(0, 8)}` };
  taintIdentity(identity, [identity], [identity.fullName]);
  const { pass } = await searchParams;
  return pass === "client" ? <Echo value={identity.fullName} /> : <IdentityText value={identity.fullName} />;
}
