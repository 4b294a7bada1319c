// Where the end-to-end suite's server listens, and the fixed secrets it runs with.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const DEMO_PASSWORD = "wigiwork-demo";
