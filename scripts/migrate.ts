// `npm run db:migrate`: applies pending migrations to the configured database.
import { databaseHandle } from "@/db/client";

async function main() {
  const handle = databaseHandle();
  await handle.migrate();
  await handle.close();
  console.log(`Migrations applied (${handle.kind}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
