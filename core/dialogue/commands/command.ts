/**
 * What a message means for the conversation, as typed commands: the interpretation (`../interpret`)
 * reads a message in its context into an ordered list of them, and the processor (`./process`) applies
 * them, in order, against the flows. Each kind is applied by its own file in this folder.
 */
export type Command =
  /** The interrupted flow is taken up again; `askAgain`: its pending question is asked again (a «да» to «вернёмся?»). */
  | { kind: 'resume_flow'; flow: string; askAgain: boolean }
  /** The active flow ends unfinished; `then`: what the guest hears besides «хорошо, остановились». */
  | { kind: 'cancel_flow'; then: 'stopped' | 'how_can_we_help' }
  /** A guess of «стоп» while a flow has progress: «Отменить запись?» with yes/no buttons. */
  | { kind: 'confirm_cancel'; flow: string }
  /** The guest asks for a person. */
  | { kind: 'hand_over' }
  /** A flow starts (over the active one when `interrupts` is set), with what the message already gives. */
  | { kind: 'start_flow'; flow: string; interrupts?: string }
  /**
   * Values for the active flow's slots: the awaited one, later ones given early, or a correction
   * (`corrects`: those that change a value given before); `inPassing` for a greeting that names them.
   */
  | { kind: 'set_slots'; values: Record<string, unknown>; corrects: string[]; inPassing?: boolean }
  /** Values for the flow that called the active one (the complaint's salon while identify asks the phone). */
  | { kind: 'carry_to_caller'; values: Record<string, unknown> }
  /**
   * A question answered from the FAQ: in passing (a flow asks again afterwards), or with a person
   * offered; `otherwise`: the response said when the FAQ has no answer (what we do not talk about).
   */
  | { kind: 'answer_question'; inPassing: boolean; otherwise?: string; /** Unanswered, the message is no value for the flow; answered, the flow asks again. */ orNoValue?: boolean }
  /** A greeting, thanks, a goodbye, something we do not do: answered with the response of that name. */
  | { kind: 'chit_chat'; response: string; inPassing: boolean }
  /** The active flow's pending question, asked again. */
  | { kind: 'repeat_question' }
  /** Low confidence outside a flow, the first time: «вы имели в виду…» with the likeliest intents as buttons. */
  | { kind: 'clarify'; intents: string[] }
  /** Nothing usable: the flow asks again (and gives up after its attempts); outside a flow, the FAQ or a person. */
  | { kind: 'cannot_handle' }
  /** A button the assistant did not offer: it changes nothing. */
  | { kind: 'refuse_button'; payload: string };

export type CommandKind = Command['kind'];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;
