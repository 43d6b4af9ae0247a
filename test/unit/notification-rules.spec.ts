import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inboxWakeUps } from '../../src/notifications/notifications.service';
import { NOTIFICATION_RULES } from '../../src/notifications/recipients';
import { notificationRulesMarkdown } from '../../src/notifications/rules-table';
import { WORKFLOWS } from '../../workflows';
import { toMermaid } from '../../workflows/diagram';

/** Every `notify` template a machine can emit, read from the machines' definitions. */
function templates(): string[] {
  const found = new Set<string>();
  const text = JSON.stringify(
    WORKFLOWS.map((w) => w.machine.config),
    (_key, value: unknown) => (typeof value === 'function' ? (value as () => unknown).toString() : value),
  );
  for (const match of text.matchAll(/template['"\\]*\s*:\s*['"\\]*([a-zA-Z]+\.[a-zA-Z]+)/g))
    found.add(match[1]);
  return [...found].sort();
}

describe('who is told what', () => {
  it('has a rule, with recipients and channels, for every template the machines emit', () => {
    const used = templates();
    expect(used.length).toBeGreaterThan(10);
    for (const template of used) {
      expect(`${template}:${!!NOTIFICATION_RULES[template]}`).toBe(`${template}:true`);
      expect(NOTIFICATION_RULES[template].to.length).toBeGreaterThan(0);
      expect(NOTIFICATION_RULES[template].channels).toContain('inbox');
    }
  });

  it('has titles in Vietnamese and English that name the subject', () => {
    for (const [template, rule] of Object.entries(NOTIFICATION_RULES)) {
      expect(
        `${template}:${rule.title.vi.includes('{subject}')}:${rule.title.en.includes('{subject}')}`,
      ).toBe(`${template}:true:true`);
    }
    expect(toMermaid(WORKFLOWS[0].machine)).toContain('stateDiagram-v2');
  });
});

describe("the README's table of who is told what", () => {
  it('is the table in code (run `npm run diagrams` after changing the rules)', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- notification-rules -->([\s\S]*?)<!-- \/notification-rules -->/.exec(readme)![1];
    // Prettier pads the cells; compare the cells themselves.
    const cells = (table: string) =>
      table
        .trim()
        .split('\n')
        .filter((line) => !/^\|\s*-/.test(line))
        .map((line) =>
          line
            .split('|')
            .map((c) => c.trim())
            .join('|'),
        );
    expect(cells(block)).toEqual(cells(notificationRulesMarkdown()));
  });
});

describe('the wake-ups of the live inbox streams', () => {
  it('fit PostgreSQL NOTIFY payloads whatever the number of people', () => {
    const ids = Array.from(
      { length: 1000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const chunks = inboxWakeUps(ids);
    for (const chunk of chunks) expect(Buffer.byteLength(chunk)).toBeLessThan(8000);
    expect(chunks.flatMap((c) => JSON.parse(c) as string[])).toEqual(ids);
    expect(inboxWakeUps([])).toEqual([]);
  });
});
