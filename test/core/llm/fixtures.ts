import { join } from 'node:path';
import { loadBrand, type Brand } from '../../../salon/brand';
import { loadFaq, type FaqBase } from '../../../core/faq';
import { CONTENT_DIR, shippedCatalog } from '../../support/content';

let brand: Brand | undefined;
let faq: FaqBase | undefined;

/** The shipped brand voice, loaded once per test run. */
export function shippedBrand(): Brand {
  return (brand ??= loadBrand(join(CONTENT_DIR, 'brand.yaml')));
}

/** The shipped FAQ, loaded once per test run. */
export function shippedFaq(): FaqBase {
  return (faq ??= loadFaq(join(CONTENT_DIR, 'faq'), shippedCatalog()));
}

/** The content of the system message the stub received, or ''. */
export function systemPromptOf(body: { messages?: Array<{ role: string; content: string }> }): string {
  return body.messages?.find((m) => m.role === 'system')?.content ?? '';
}
