/**
 * Security headers (helmet). Every answer: `nosniff`, `Referrer-Policy: no-referrer`, no framing
 * (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) and a CSP that lets a JSON answer load nothing. The
 * demo page gets a page's CSP (its own scripts, styles and API). The widget is embedded as a script, not a
 * frame: `/widget.js` stays loadable from other sites (`Cross-Origin-Resource-Policy: cross-origin`, set
 * where it is served), and what it may call is CORS's business (`COCO_WIDGET_ORIGINS`).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The headers of every answer: the API, `/health`, the webhooks, the widget script.
 *
 * @example app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * The CSP of the demo page, replacing the one of {@link securityHeaders}: helmet's defaults (scripts,
 * styles and requests of its own origin; the widget's inline `<style>` is allowed), framed by itself only.
 *
 * @example app.get('/', demoPageSecurityHeaders());
 */
export function demoPageSecurityHeaders(): RequestHandler {
  const csp = helmet.contentSecurityPolicy({ useDefaults: true, directives: { frameAncestors: ["'self'"] } });
  return (req, res, next) => {
    res.set('X-Frame-Options', 'SAMEORIGIN');
    csp(req, res, next);
  };
}
