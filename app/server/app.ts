/** The express application: health, the web channel (API, widget, demo page), the messengers' webhooks, one JSON error handler. */
import express, { type Express, type Router } from 'express';
import { webAssets, webRouter, type WebEventHub } from '../../connectors/web';
import type { DeliveryService, ConversationStore } from '../../core';
import type { Logger } from '../../common';
import type { ServerConfig } from './config';
import { jsonErrorHandler, notFound } from './error-handler';
import { demoPageSecurityHeaders, securityHeaders } from './security-headers';

export interface ServerAppDeps {
  config: ServerConfig;
  delivery: DeliveryService;
  store: Pick<ConversationStore, 'messages'>;
  hub: WebEventHub;
  /** The channels' webhook routes (Telegram, WhatsApp), each with its own body parser. */
  routers?: Router[];
  log: Logger;
}

/**
 * Builds the application without listening (tests and `startServer` listen).
 *
 * @example createServerApp({ config, delivery, store: assistant.store, hub, log }).listen(3000)
 */
export function createServerApp(deps: ServerAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', channels: Object.fromEntries(deps.config.channels.map((c) => [c.channel, c.active])) });
  });
  app.use(webRouter({ delivery: deps.delivery, store: deps.store, hub: deps.hub, allowedOrigins: deps.config.widgetOrigins, limits: deps.config.webLimits }));
  for (const router of deps.routers ?? []) app.use(router);
  app.get('/', demoPageSecurityHeaders());
  app.use(webAssets());
  app.use(notFound);
  app.use(jsonErrorHandler(deps.log));
  return app;
}
