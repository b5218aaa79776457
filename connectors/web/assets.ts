/** The widget script and the demo page, served from `connectors/web/public/`. */
import express, { type Router } from 'express';
import { join } from 'node:path';

/** The folder of `widget.js` and the demo `index.html`. */
export const WEB_PUBLIC_DIR = join(__dirname, 'public');

/**
 * Serves `/widget.js` (embeddable: `<script src="https://<host>/widget.js" data-title="Madam COCO">`) and
 * the demo page at `/`.
 */
export function webAssets(): Router {
  const router = express.Router();
  router.get('/widget.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    res.type('application/javascript').sendFile(join(WEB_PUBLIC_DIR, 'widget.js'));
  });
  router.get('/', (_req, res) => {
    res.type('html').sendFile(join(WEB_PUBLIC_DIR, 'index.html'));
  });
  return router;
}
