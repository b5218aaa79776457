/** How much one client may ask of the web API: requests per minute and open event streams. */

export interface WebLimits {
  /** The window request counts are kept in. */
  windowMs: number;
  /** Requests of one client IP per window (a salon's guests may share one address). */
  requestsPerIp: number;
  /** Requests of one session (one guest's pages) per window. */
  requestsPerSession: number;
  /** Event streams one session keeps open at once (tabs of one guest). */
  streamsPerSession: number;
  /** Event streams one client IP keeps open at once. */
  streamsPerIp: number;
}

/** A guest types a few messages a minute; 300 requests in a burst is a script. */
export const DEFAULT_WEB_LIMITS: WebLimits = {
  windowMs: 60_000,
  requestsPerIp: 200,
  requestsPerSession: 60,
  streamsPerSession: 3,
  streamsPerIp: 20,
};
