/**
 * A local fake of the WhatsApp send API for tests, on 127.0.0.1 with a free port: Meta's
 * `POST /{version}/{phone number id}/messages` and 360dialog's `POST /messages`. Records each request
 * (path, headers, JSON body) and answers like the Cloud API; errors can be scripted.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface GraphRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export interface FakeGraphApi {
  baseUrl: string;
  requests: GraphRequest[];
  /** The next request answers with this status and Graph error. */
  failNext(status: number, error: { message: string; type?: string; code: number; fbtrace_id?: string }): void;
  close(): Promise<void>;
}

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const requests: GraphRequest[] = [];
  const failures: Array<{ status: number; error: object }> = [];
  let next = 1;
  const app = express();
  app.use(express.json());
  const answer = (req: express.Request, res: express.Response) => {
    requests.push({ path: req.path, headers: req.headers, body: req.body });
    const failure = failures.shift();
    if (failure) {
      res.status(failure.status).json({ error: failure.error });
      return;
    }
    // The documented success answer of POST /messages.
    res.json({
      messaging_product: 'whatsapp',
      contacts: [{ input: req.body.to, wa_id: req.body.to }],
      messages: [{ id: `wamid.HBgLFAKE${next++}` }],
    });
  };
  app.post('/:version/:phoneNumberId/messages', answer);
  app.post('/messages', answer);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext(status, error) {
      failures.push({ status, error: { type: 'OAuthException', fbtrace_id: 'AbCdEf', ...error } });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
