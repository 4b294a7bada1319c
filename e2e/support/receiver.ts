// A real HTTP receiver for outbound webhooks, verifying each delivery with the standardwebhooks library.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Receiver = {
  url: string;
  secret: string | null;
  deliveries: { type: string; data: unknown; verified: boolean }[];
  close(): Promise<void>;
};

export async function startReceiver(): Promise<Receiver> {
  const receiver: Omit<Receiver, "url" | "close"> = { secret: null, deliveries: [] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      let verified = false;
      try {
        new Webhook(receiver.secret ?? "whsec_AAAA").verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const parsed = JSON.parse(body) as { type: string; data: unknown };
      receiver.deliveries.push({ type: parsed.type, data: parsed.data, verified });
      res.writeHead(verified ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: verified }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/wigiwork/events`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
