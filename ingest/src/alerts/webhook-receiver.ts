import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver captured. */
export interface CapturedRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A scripted answer: status and body text; `hang` never answers (timeouts). */
export type ReceiverAnswer = { status: number; body: string } | 'hang';

/**
 * A local HTTP server standing in for a DingTalk robot in tests: captures every request and
 * answers from a script (then `{"errcode":0}` once the script is used up).
 */
export class WebhookReceiver {
  readonly requests: CapturedRequest[] = [];
  private readonly script: ReceiverAnswer[] = [];
  private server: Server | null = null;
  url = '';

  /** Queues answers for the next requests. */
  answer(...answers: ReceiverAnswer[]): void {
    this.script.push(...answers);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: keep the text.
        }
        this.requests.push({
          method: request.method ?? '',
          url: new URL(request.url ?? '/', this.url),
          headers: request.headers,
          body,
        });
        const next = this.script.shift() ?? { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
        if (next === 'hang') return;
        response.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
