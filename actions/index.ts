/**
 * The salon's side of the flows: every action, guard, button provider and slot picker `flows/*.yaml` name, and
 * the display variables of `content/responses.yaml`, on the CRM port, the catalog and the rules.
 */
import type { FlowRegistry } from '../core';
import { createBookingActions } from './booking-actions';
import { createButtons } from './buttons';
import { createChangeActions } from './change-actions';
import { createComplaintActions } from './complaint-actions';
import { salonContext, type SalonDeps } from './deps';
import { createGuards } from './guards';
import { handOver } from './handover-action';
import { createIdentifyActions } from './identify-actions';
import { namedBookingPicker } from './named-booking';
import { createNoSlotActions } from './no-slot-actions';
import { createUpsellActions } from './upsell-actions';

/**
 * The flow registry of the salon, built once at start-up. It does not call the CRM until a flow runs.
 *
 * @example
 * const registry = createSalonRegistry({ crm, catalog, rules, clock, responses });
 * const flows = loadFlows('flows', { registry, responses, intents });
 */
export function createSalonRegistry(deps: SalonDeps): FlowRegistry {
  const context = salonContext(deps);
  return {
    actions: {
      ...createBookingActions(context),
      ...createNoSlotActions(context),
      ...createIdentifyActions(context),
      ...createChangeActions(context),
      ...createComplaintActions(context),
      ...createUpsellActions(context),
      handOver,
    },
    guards: createGuards(context),
    buttons: createButtons(context),
    pickers: { namedBooking: namedBookingPicker(context) },
  };
}

// Display variables
export { createVariableBuilder, type SalonVariableBuilder } from './variables';

// The handover reasons the product can give staff (each needs words in content/staff.yaml)
export { handoverReasonsInUse } from './handover-reasons';

// What the registry is built on
export type { SalonDeps } from './deps';
export { IDENTITY_CODE_TTL_MINUTES, type ChannelUser, type IdentityCourier, type IdentityVerification } from './identity-check';

// Values and payloads the flows and tests share
export { ANY_MASTER, NO_PHOTO, chosenOffer, offerChoice } from './read-slots';
export { BUTTON_RESPONSES, OUTCOMES, POPULAR_SERVICES, slotPayload } from './buttons';
export { COMPLAINT_HISTORY_DAYS } from './complaint-visit';
export { DEFAULT_HANDOVER_REASON } from './handover-action';
export { MAX_TITLE_LENGTH } from './titles';
