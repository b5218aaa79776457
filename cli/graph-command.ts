import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { parseFlow, flowToMermaid } from '../core';
import { readContentFile } from '../salon';
import { flowsDir } from './open-assistant';
import { readdirSync } from 'node:fs';

/** `coco graph <flow>`: a Mermaid diagram of a flow, for staff to see what they edit. */
export function graphCommand(): Command {
  return new Command('graph')
    .description('print a Mermaid diagram of a flow (paste it into any Mermaid viewer)')
    .argument('<flow>', 'a flow id, e.g. booking')
    .action((flow: string) => {
      const files = readdirSync(flowsDir()).filter((f) => f.endsWith('.yaml') && f !== 'slots.yaml');
      const definitions = files.map((f) => parseFlow(readContentFile(join(flowsDir(), f), 'the flow', 'flows live in flows/'), join(flowsDir(), f)));
      const definition = definitions.find((d) => d.id === flow);
      if (!definition) throw new InvalidArgumentError(`no flow "${flow}"; the flows are: ${definitions.map((d) => d.id).join(', ')}`);
      console.log(flowToMermaid(definition));
    });
}
