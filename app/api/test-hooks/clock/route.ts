// Test hook (WIGI_TEST_HOOKS=1, refused in production): moves this server's clock forward and runs
// the Access Request sweep at the new time, so browser tests can let requests expire and lapse.
import { z } from "zod";
import { getDb } from "@/db/client";
import { advanceClock, sweepAccess } from "@/lib/access";
import { env } from "@/lib/env";

const body = z.object({ advanceDays: z.number().min(0).max(3650) }).strict();

export async function POST(request: Request): Promise<Response> {
  if (!env().testHooks) return Response.json({ error: { code: "not_found" } }, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: { code: "invalid_payload" } }, { status: 400 });
  const at = advanceClock(parsed.data.advanceDays * 24 * 60 * 60 * 1000);
  const swept = await sweepAccess(getDb(), at);
  return Response.json({ now: at.toISOString(), swept });
}
