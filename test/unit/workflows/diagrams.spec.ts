import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKFLOWS } from '../../../workflows';
import { toMermaid } from '../../../workflows/diagram';

const readme = readFileSync(path.join(__dirname, '../../../workflows/README.md'), 'utf8');

describe('workflows/README.md', () => {
  for (const workflow of WORKFLOWS) {
    const key = `${workflow.id}@${workflow.version}`;
    it(`shows the current diagram of ${key} (run \`npm run diagrams\` after changing the machine)`, () => {
      const block = new RegExp(
        `<!-- diagram:${key} -->\\s*\`\`\`mermaid\\n([\\s\\S]*?)\\n\`\`\`\\s*<!-- /diagram:${key} -->`,
      ).exec(readme);
      expect(block?.[1]).toBe(toMermaid(workflow.machine));
    });
  }

  it('draws every state and every transition of the nomination machine', () => {
    const diagram = toMermaid(WORKFLOWS[0].machine);
    for (const state of Object.keys(WORKFLOWS[0].machine.root.states)) expect(diagram).toContain(state);
    expect(diagram).toContain('selected --> centralAppraisal: FORWARD [minutesAttached && withinQuota]');
  });
});
