// `npm run audit:verify`: checks every audit chain and names the first broken entry of each; exits 1 if any.
import { databaseHandle } from "@/db/client";
import { checkAudit } from "@/lib/audit/report";

async function main() {
  const handle = databaseHandle();
  const { ok, lines } = await checkAudit(handle.db);
  await handle.close();
  console.log(lines.join("\n"));
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
