import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/site.js';

type Step = { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { needs?: string | string[]; if?: string; 'runs-on': string; steps: Step[]; environment?: { name: string; url: string }; permissions?: unknown };
type Workflow = { on: Record<string, any>; permissions?: Record<string, string>; concurrency?: { group: string }; jobs: Record<string, Job> };

/** Node.js releases supported today (December 2026): 22 until April 2027, 24 and 26 longer. */
const SUPPORTED_NODE = ['22', '24', '26'];

/**
 * A job's `if:` as GitHub evaluates it, for the expressions the workflows use: `!cancelled()` (true in
 * a run that was not cancelled), `&&`, `||`, parentheses, and `==` or `!=` between a context value and a
 * string (a value not given is the empty string, as GitHub has it).
 */
function evaluateIf(expression: string, values: Record<string, string>): boolean {
  const js = expression
    .replace(/^\$\{\{|\}\}$/g, '')
    .replace(/!cancelled\(\)/g, 'true')
    .replace(/([\w.-]+)\s*(==|!=)\s*'([^']*)'/g, (_, key: string, op: string, value: string) => String(((values[key] ?? '') === value) === (op === '==')));
  if (!/^[\s()&|!truefals]*$/.test(js)) throw new Error(`cannot evaluate ${expression}`);
  return Function(`return (${js});`)() as boolean;
}

const readWorkflow = async (name: string): Promise<Workflow> => parse(await readFile(path.join(ROOT, '.github/workflows', name), 'utf8'));
const action = (step: Step) => step.uses?.replace(/@.*$/, '');
/** Index of the first step that uses an action or runs a command, -1 when none does. */
const indexOf = (steps: Step[], match: string) => steps.findIndex((s) => action(s) === match || s.run === match);

describe('.github/workflows/pages.yml', () => {
  let workflow: Workflow;
  beforeAll(async () => {
    workflow = await readWorkflow('pages.yml');
  });

  it('runs on every push to main, hourly off the top of the hour, and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const crons = workflow.on.schedule.map((s: { cron: string }) => s.cron);
    expect(crons).toHaveLength(1);
    const [minute, hour, day, month, weekday] = crons[0].split(' ');
    expect(Number(minute)).toBeGreaterThan(0);
    expect(Number(minute)).toBeLessThan(60);
    expect([hour, day, month, weekday]).toEqual(['*', '*', '*', '*']);
  });

  it('may write Pages and mint an OIDC token, read the repository and nothing else, one run at a time', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency?.group).toBe('pages');
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('builds after installing exactly the lock file and passing npm run check, with a supported Node.js and the npm cache; no test step holds the build', () => {
    const steps = workflow.jobs.build!.steps;
    const order = ['actions/checkout', 'actions/setup-node', 'npm ci', 'npm run check', 'actions/configure-pages', 'actions/upload-pages-artifact'].map((m) => indexOf(steps, m));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(indexOf(steps, 'npm test')).toBe(-1);
    const setupNode = steps[indexOf(steps, 'actions/setup-node')]!;
    expect(SUPPORTED_NODE).toContain(String(setupNode.with?.['node-version']));
    expect(setupNode.with?.cache).toBe('npm');
    expect(steps[indexOf(steps, 'actions/upload-pages-artifact')]!.with?.path).toBe('public');
    // The calendars' revisions come from the commits: a shallow clone would have none.
    expect(steps[indexOf(steps, 'actions/checkout')]!.with?.['fetch-depth']).toBe(0);
  });

  it('restores the build cache and the site of the last run after npm ci and before the first command that builds, keyed so that each run saves its own', () => {
    const steps = workflow.jobs.build!.steps;
    const cache = indexOf(steps, 'actions/cache');
    expect(cache).toBeGreaterThan(indexOf(steps, 'npm ci'));
    expect(cache).toBeLessThan(steps.findIndex((s) => /npm run (--silent )?(changed|check|build)/.test(s.run ?? '')));
    const { path: cached, key, 'restore-keys': restoreKeys } = steps[cache]!.with as Record<string, string>;
    // The site built last too, whose unchanged pages the build keeps.
    expect(cached?.trim().split('\n')).toEqual(['node_modules/.cache/looking-glass', 'public']);
    expect(key).toContain('${{ github.run_id }}');
    expect(String(key).startsWith(String(restoreKeys))).toBe(true);
  });

  it('runs the test suite only for a push that changes the generator, found by scripts/touches-code.sh against the commit before', () => {
    const changes = workflow.jobs.changes!;
    expect(changes.steps[0]!.with?.['fetch-depth']).toBe(0);
    const diff = changes.steps.find((s) => s.run?.includes('scripts/touches-code.sh'))!;
    expect(diff.env?.BEFORE?.replace(/\s/g, '')).toBe('${{github.event.before}}');
    expect(diff.run).toContain('"$BEFORE"');
    const test = workflow.jobs.test!;
    expect([test.needs].flat()).toEqual(['changes']);
    expect(test.if).toBe("needs.changes.outputs.code == 'true'");
    expect(indexOf(test.steps, 'npm test')).toBeGreaterThan(indexOf(test.steps, 'npm ci'));
    expect(SUPPORTED_NODE).toContain(String(test.steps[indexOf(test.steps, 'actions/setup-node')]!.with?.['node-version']));
  });

  it('deploys a build whose tests passed or had nothing to test (a content change), and never one whose tests failed', () => {
    const deploy = workflow.jobs.deploy!;
    expect([deploy.needs].flat().sort()).toEqual(['build', 'test']);
    const outcome = (build: string, test: string, publish = '') => evaluateIf(deploy.if!, { 'needs.build.result': build, 'needs.test.result': test, 'needs.build.outputs.publish': publish });
    expect(outcome('success', 'skipped')).toBe(true);
    // An hourly run: deployed when time changed the site, not otherwise.
    expect(outcome('success', 'skipped', 'true')).toBe(true);
    expect(outcome('success', 'skipped', 'false')).toBe(false);
    expect(outcome('success', 'success')).toBe(true);
    expect(outcome('success', 'failure')).toBe(false);
    expect(outcome('failure', 'skipped')).toBe(false);
    expect(outcome('failure', 'success')).toBe(false);
  });

  it('asks on a scheduled run whether time changed the site in the last hour, and otherwise builds nothing (but daily at 04)', () => {
    const build = workflow.jobs.build!;
    const time = build.steps.find((s) => s.id === 'time')!;
    expect(time.if).toBe("github.event_name == 'schedule'");
    expect(time.run).toContain('npm run --silent changed -- --since "$since"');
    expect(time.run).toContain("date -u -d '-1 hour'");
    expect(time.run).toContain('!= 04');
    const after = build.steps.slice(build.steps.indexOf(time) + 1);
    for (const step of after) {
      expect(evaluateIf(step.if!, { 'steps.time.outputs.publish': 'false' }), step.name ?? step.uses).toBe(false);
      expect(evaluateIf(step.if!, { 'steps.time.outputs.publish': 'true' })).toBe(true);
      // A push or a run by hand has no such step: everything runs.
      expect(evaluateIf(step.if!, {})).toBe(true);
    }
    expect((build as Job & { outputs?: Record<string, string> }).outputs?.publish?.replace(/\s/g, '')).toBe('${{steps.time.outputs.publish}}');
  });

  it('builds with the base path and origin that configure-pages gives, between it and the upload', () => {
    const steps = workflow.jobs.build!.steps;
    const configure = steps.find((s) => action(s) === 'actions/configure-pages')!;
    expect(configure.id).toBe('pages');
    const buildIndex = steps.findIndex((s) => s.run?.startsWith('npm run build'));
    expect(buildIndex).toBeGreaterThan(steps.indexOf(configure));
    expect(buildIndex).toBeLessThan(indexOf(steps, 'actions/upload-pages-artifact'));
    const build = steps[buildIndex]!;
    const env = Object.entries(build.env ?? {});
    const variable = (output: string) => env.find(([, value]) => value.replace(/\s/g, '') === `\${{steps.pages.outputs.${output}}}`)?.[0];
    expect(build.run).toContain(`--base-path "$${variable('base_path')}/"`);
    expect(build.run).toContain(`--site-url "$${variable('origin')}"`);
  });

  it('deploys the artifact in a job of its own to the github-pages environment', () => {
    const deploy = workflow.jobs.deploy!;
    const step = deploy.steps.find((s) => action(s) === 'actions/deploy-pages')!;
    expect(step.id).toBe('deployment');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
  });

  it('pins every action to a major version', () => {
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});

describe('.github/workflows/check.yml', () => {
  let workflow: Workflow;
  beforeAll(async () => {
    workflow = await readWorkflow('check.yml');
  });

  it('runs on pull requests only, reading the repository', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('validates the content and builds the site on every pull request', () => {
    const steps = workflow.jobs.content!.steps;
    const order = ['actions/checkout', 'actions/setup-node', 'npm ci', 'npm run check', 'npm run build'].map((m) => indexOf(steps, m));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(SUPPORTED_NODE).toContain(String(steps[indexOf(steps, 'actions/setup-node')]!.with?.['node-version']));
    expect(steps[indexOf(steps, 'actions/checkout')]!.with?.['fetch-depth']).toBe(0);
  });

  it('runs the test suite when the pull request changes the generator, compared with its base', () => {
    const diff = workflow.jobs.changes!.steps.find((s) => s.run?.includes('scripts/touches-code.sh'))!;
    expect(diff.env?.BASE?.replace(/\s/g, '')).toBe('${{github.event.pull_request.base.sha}}');
    const test = workflow.jobs.test!;
    expect(test.if).toBe("needs.changes.outputs.code == 'true'");
    expect(indexOf(test.steps, 'npm test')).toBeGreaterThan(indexOf(test.steps, 'npm ci'));
  });
});
