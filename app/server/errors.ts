/** The HTTP errors live with the shared contracts (connectors answer with them too). */
export { badRequest, HttpError } from '../../common';
