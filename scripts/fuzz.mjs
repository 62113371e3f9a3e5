// `npm run fuzz`: the fuzzer's two files (test/fuzz/check.test.ts and build.test.ts), each in a vitest
// process of its own, side by side (one per core). Vitest prints a failure's counterexample only when
// every file of its run has ended; one process per file prints a finding as soon as its own file ends,
// not an hour later behind the other. Each process's output is prefixed with its file's name; the exit
// code is 1 when either failed. FUZZ_RUNS (default 20,000) and FUZZ_SEED pass through.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const FILES = ['test/fuzz/check.test.ts', 'test/fuzz/build.test.ts'];
const PROJECT = 'once (America/New_York)';
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '20000' };

function run(file) {
  const name = file.replace(/^test\/fuzz\/|\.test\.ts$/g, '');
  const child = spawn('npx', ['vitest', 'run', '--project', PROJECT, '--maxWorkers', '1', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

const started = Date.now();
console.log(`fuzzing with FUZZ_RUNS=${env.FUZZ_RUNS}${env.FUZZ_SEED ? ` FUZZ_SEED=${env.FUZZ_SEED}` : ''}`);
const codes = await Promise.all(FILES.map(run));
console.log(`fuzzing ended after ${Math.round((Date.now() - started) / 1000)} s: ${codes.every((c) => c === 0) ? 'no finding' : 'a finding (above)'}`);
process.exitCode = codes.every((c) => c === 0) ? 0 : 1;
