// A local HTTP server that speaks the three public job-board APIs, for pull-sync tests.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type BoardServer = {
  url: string;
  greenhouse: { jobs: Record<string, unknown>[]; pay: Record<string, Record<string, unknown>> };
  lever: Record<string, unknown>[];
  ashby: Record<string, unknown>[];
  /** Answer every request with this status instead (simulates a failing board). */
  failWith: number | null;
  /** Never answer (simulates a board that hangs). */
  hang: boolean;
  requests: string[];
  close(): Promise<void>;
};

export async function startBoardServer(): Promise<BoardServer> {
  const state = {
    greenhouse: { jobs: [] as Record<string, unknown>[], pay: {} as Record<string, Record<string, unknown>> },
    lever: [] as Record<string, unknown>[],
    ashby: [] as Record<string, unknown>[],
    failWith: null as number | null,
    hang: false,
    requests: [] as string[],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://board.test");
    state.requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (state.hang) return;
    if (state.failWith) return send(state.failWith, { error: "failing on purpose" });
    const greenhouseJob = url.pathname.match(/^\/v1\/boards\/[^/]+\/jobs\/([^/]+)$/);
    if (greenhouseJob) {
      const pay = state.greenhouse.pay[greenhouseJob[1] as string];
      return pay ? send(200, pay) : send(404, { error: "not found" });
    }
    if (/^\/v1\/boards\/[^/]+\/jobs$/.test(url.pathname)) {
      return send(200, { jobs: state.greenhouse.jobs, meta: { total: state.greenhouse.jobs.length } });
    }
    if (/^\/v0\/postings\/[^/]+$/.test(url.pathname)) {
      const skip = Number(url.searchParams.get("skip") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      return send(200, state.lever.slice(skip, skip + limit));
    }
    if (/^\/posting-api\/job-board\/[^/]+$/.test(url.pathname))
      return send(200, { apiVersion: "1", jobs: state.ashby });
    return send(404, { error: "unknown path" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
