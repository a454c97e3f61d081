import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fixture server answers to one request. */
export interface FixtureReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
  /** Announce the full length, send half the body, then cut the connection. */
  truncate?: boolean;
}

/** A request as a route sees it; `attempt` counts requests to the same path + query. */
export interface FixtureRequest {
  path: string;
  query: URLSearchParams;
  attempt: number;
  headers: http.IncomingHttpHeaders;
}

/** A running fixture server on 127.0.0.1. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request URL received, in order. */
  requests: string[];
  /** Forgets requests and attempt counts (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A recorded-portal stand-in for tests: answers each request from `route`, with injectable faults
 * (status codes, `Retry-After`, hanging, truncated bodies). Listens on 127.0.0.1 only.
 */
export async function startFixtureServer(
  route: (request: FixtureRequest) => FixtureReply | Promise<FixtureReply>,
): Promise<FixtureServer> {
  const attempts = new Map<string, number>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const key = url.pathname + url.search;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    void Promise.resolve(
      route({ path: url.pathname, query: url.searchParams, attempt, headers: req.headers }),
    ).then((reply) => answer(reply, res));
  });
  const answer = (reply: FixtureReply, res: http.ServerResponse): void => {
    if (reply.hang) return;
    const body =
      reply.body === undefined
        ? Buffer.alloc(0)
        : Buffer.isBuffer(reply.body)
          ? reply.body
          : Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status ?? 200, { 'content-length': String(body.length), ...reply.headers });
    if (reply.truncate) {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset: () => {
      requests.length = 0;
      attempts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (for "connection refused"). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
