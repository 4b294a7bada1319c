// `npm start`: build when needed, then serve. The server migrates its database and seeds the demo
// on an empty one before it answers (instrumentation.ts).
import { spawn } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed";

buildIfNeeded();
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
