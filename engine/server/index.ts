/** The HTTP server: configuration, the express app, starting and stopping, the HTTP errors. */

// Configuration
export { serverConfigFromEnv, describeChannels, type ServerConfig, type ChannelStatus } from './config';

// The application
export { createServerApp, type ServerAppDeps } from './app';
export { startServer, type RunningServer, type StartServerOptions } from './start-server';

// Errors
export { HttpError, badRequest } from './errors';
export { jsonErrorHandler, notFound, type ErrorBody } from './error-handler';
