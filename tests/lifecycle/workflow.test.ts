// The CI workflow: valid YAML with the steps docs/lifecycle.md describes, and its flagship
// command lines (except the build) run as written on the lifecycle fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, flagship, remove, REPO } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; container?: string }>;
}

const workflow = parse(
  readFileSync(path.join(REPO, '.github/workflows/flagship.yml'), 'utf8'),
) as Workflow;
const steps = Object.values(workflow.jobs)[0]!.steps;
const runs = steps.flatMap((s) => (s.run ? s.run.split('\n') : [])).map((l) => l.trim());

let dir: string;
beforeAll(() => {
  dir = copyFixture();
});
afterAll(() => remove(dir));

describe('.github/workflows/flagship.yml', () => {
  it('runs on pull requests and pushes with the full history', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(
      steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'],
    ).toBe(20);
  });

  it('installs Chromium, poppler and fonts, then flagship', () => {
    const apt = runs.find((l) => l.startsWith('apt-get install'));
    expect(apt).toMatch(/chromium/);
    expect(apt).toMatch(/poppler-utils/);
    expect(apt).toMatch(/fonts-noto-core/);
    expect(runs).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run build']));
  });

  it('checks with annotations, writes the status summary even after a failed check, builds and uploads dist/', () => {
    expect(runs).toContain('npx flagship check --format github');
    const status = steps.find((s) => s.run?.includes('flagship status'));
    expect(status?.run?.trim()).toBe(
      'npx flagship status --format markdown >> "$GITHUB_STEP_SUMMARY"',
    );
    expect(status?.if).toContain('!cancelled()');
    expect(runs).toContain('npx flagship build');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
  });

  it('its check and status commands run as written', () => {
    const check = flagship(dir, 'check', '--format', 'github');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^::warning file=manuscript\/02-governance\.md,line=4,/m);
    const status = flagship(dir, 'status', '--format', 'markdown');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^## ✅ .*status for the first draft/);
    expect(status.stdout).toContain('| # | chapter |');
  });
});
