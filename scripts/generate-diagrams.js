// Rewrites the Mermaid diagrams in workflows/README.md from the machines (run `npm run diagrams` after a change;
// a unit test fails while the README and the machines disagree).
const fs = require('node:fs');
const path = require('node:path');
const { WORKFLOWS } = require('../dist/workflows');
const { toMermaid } = require('../dist/workflows/diagram');

const file = path.join(__dirname, '../workflows/README.md');
let text = fs.readFileSync(file, 'utf8');
for (const w of WORKFLOWS) {
  const key = `${w.id}@${w.version}`;
  const block = `<!-- diagram:${key} -->\n\`\`\`mermaid\n${toMermaid(w.machine)}\n\`\`\`\n<!-- /diagram:${key} -->`;
  const pattern = new RegExp(`<!-- diagram:${key} -->[\\s\\S]*?<!-- /diagram:${key} -->`);
  text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n## ${key}\n\n${block}\n`;
}
fs.writeFileSync(file, text);
console.log(`updated ${path.relative(process.cwd(), file)}`);

// The README's "who is told what" table, from the notification rules.
const { notificationRulesMarkdown } = require('../dist/src/notifications/rules-table');
const readme = path.join(__dirname, '../README.md');
let readmeText = fs.readFileSync(readme, 'utf8');
const rules = `<!-- notification-rules -->\n${notificationRulesMarkdown()}\n<!-- /notification-rules -->`;
readmeText = readmeText.replace(/<!-- notification-rules -->[\s\S]*?<!-- \/notification-rules -->/, rules);
fs.writeFileSync(readme, readmeText);
