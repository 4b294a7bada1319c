// Next.js configuration. Security headers that need a per-request nonce are set in proxy.ts.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "argon2"],
  // Type checking runs as its own step (`npm run typecheck`), so builds stay fast.
  typescript: { ignoreBuildErrors: true },
  experimental: { serverActions: { bodySizeLimit: "256kb" }, taint: true },
};

module.exports = nextConfig;
