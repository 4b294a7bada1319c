// `npm run audit:checkpoint`: verifies, then appends a signed checkpoint of every chain's head to
// WIGI_AUDIT_CHECKPOINT_FILE (outside the database). Run it on a schedule, e.g. hourly from cron.
import { databaseHandle } from "@/db/client";
import { checkpointAudit } from "@/lib/audit/report";

async function main() {
  const handle = databaseHandle();
  const { ok, lines } = await checkpointAudit(handle.db);
  await handle.close();
  console.log(lines.join("\n"));
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
