// Writes docs/rules.md from the rule registry (build/ must be current: npm run build).
// The test tests/unit/rules-doc.test.ts fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../build/rules/doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote docs/rules.md');
