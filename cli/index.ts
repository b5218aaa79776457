/**
 * TODO(#12) describe cli
 */

export { PROJECT_ROOT } from './paths';
