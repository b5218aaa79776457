import type { FlowDefinition, Step } from './types';

/**
 * A Mermaid flowchart of a flow: one node per step (its kind and what it does), one arrow per
 * transition, labelled with the branch or event that takes it.
 *
 * @example flowToMermaid(flows.definitions.get('booking')!) // "flowchart TD\n  collect_service[/"…"/] --> …"
 */
export function flowToMermaid(flow: FlowDefinition): string {
  const lines = ['flowchart TD', `  start((${flow.id})) --> ${node(flow.steps[0].id)}`];
  for (const step of flow.steps) {
    lines.push(`  ${node(step.id)}${shape(step)}`);
    for (const [target, label] of transitions(step)) lines.push(`  ${node(step.id)} -->${label ? `|${escape(label)}|` : ''} ${target === '__end' ? 'finish' : node(target)}`);
  }
  lines.push('  finish((конец))');
  return lines.join('\n');
}

function transitions(step: Step): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const next = step.next ?? '__end';
  switch (step.kind) {
    case 'collect':
      out.push([next, step.slot]);
      if (step.onMaxAttempts) out.push([step.onMaxAttempts, `${step.maxAttempts} промаха`]);
      break;
    case 'action':
      out.push([next, 'ok']);
      if (step.onError) out.push([step.onError, 'ошибка']);
      break;
    case 'if':
      out.push([step.then, 'да'], [step.else ?? next, 'нет']);
      break;
    case 'link':
    case 'end':
      out.push(['__end', step.kind === 'link' ? `→ ${step.flow}` : '']);
      break;
    default:
      out.push([next, '']);
  }
  return out;
}

function shape(step: Step): string {
  switch (step.kind) {
    case 'collect':
      return `[/"спросить ${escape(step.slot)}: ${escape(step.ask)}"/]`;
    case 'action':
      return `[["${escape(step.action)}"]]`;
    case 'say':
      return `["сказать: ${escape(step.response)}"]`;
    case 'if':
      return `{"${escape('guard' in step.condition ? step.condition.guard : 'equals' in step.condition ? `${step.condition.slot} = ${JSON.stringify(step.condition.equals)}` : `${step.condition.slot} заполнен = ${step.condition.filled}`)}"}`;
    case 'call':
      return `[["вызвать ${escape(step.flow)}"]]`;
    case 'link':
      return `>"перейти в ${escape(step.flow)}"]`;
    case 'end':
      return '(("конец"))';
  }
}

const node = (id: string) => `s_${id}`;
const escape = (text: string) => text.replace(/"/g, "'").replace(/[|]/g, '/');
