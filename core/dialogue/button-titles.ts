import type { Responses } from '../responses';

/** The title of a button: the response `button_<name>` when content has it, else `fallback`. */
export function buttonTitle(responses: Responses, name: string, fallback: string = name): string {
  const key = `button_${name}`;
  return responses.has(key) ? responses.render(key) : fallback;
}
