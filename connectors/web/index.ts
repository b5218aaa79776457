/** The web channel: the chat API, live replies over server-sent events, the widget and its demo page. */

// HTTP
export { webRouter, type WebRouterDeps } from './router';
export { webAssets, WEB_PUBLIC_DIR } from './assets';

// Limits per client
export { DEFAULT_WEB_LIMITS, type WebLimits } from './limits';
export { StreamCaps, type StreamRefusal } from './stream-caps';

// Messages in and out
export { webInboundMessage, checkSessionId, WEB_CHANNEL, MAX_TEXT_LENGTH } from './inbound';
export { webSender } from './sender';
export { WebEventHub } from './events';
export { webHistory, type HistoryItem } from './history';
