// `npm run db:seed`: migrates, then creates the demo accounts and SEED_CANDIDATES generated candidates.
import { databaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

async function main() {
  const handle = databaseHandle();
  const started = Date.now();
  await handle.migrate();
  const { seeded } = await seedDemo(handle.db, { candidates: env().seedCandidates });
  await handle.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    seeded
      ? `Seeded the demo with ${env().seedCandidates} candidates in ${seconds} s (${handle.kind}).`
      : "The demo is already there; nothing to do.",
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
