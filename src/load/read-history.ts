import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { instantFromMillis, type Instant } from '../time.js';
import { parseYaml } from './yaml.js';

const run = promisify(execFile);

/** One committed version of a content file. */
export interface FileRevision {
  /** The commit's time (committer date): the same for every clone of the commit. */
  at: Instant;
  /** The file's YAML in that commit, read for session files only; undefined where it was deleted or does not parse. */
  data: unknown;
}

/**
 * The committed history of the content files, from git: for each file (display path), the commits that
 * changed it, oldest first. Calendars take their SEQUENCE and DTSTAMP from it, the feed its dates, so
 * that two builds of one commit are byte-identical, whenever and wherever they run.
 */
export type ContentHistory = ReadonlyMap<string, readonly FileRevision[]>;

/**
 * The history of the content folder, or undefined when there is none to read: not in a git repository,
 * git not installed, or a shallow clone (which knows one commit, so every change would look like the first).
 */
export async function readHistory(contentDir: string, displayRoot: string): Promise<ContentHistory | undefined> {
  try {
    return await readGitHistory(contentDir, displayRoot);
  } catch {
    // git missing, not a repository, or it failed: the build goes on as without a history.
    return undefined;
  }
}

async function readGitHistory(contentDir: string, displayRoot: string): Promise<ContentHistory | undefined> {
  const { stdout } = await run('git', ['-C', contentDir, 'rev-parse', '--is-shallow-repository', '--show-toplevel'], { encoding: 'utf8' });
  const [shallow, top] = stdout.trim().split('\n');
  if (shallow !== 'false' || !top) return undefined;
  const inside = path.relative(top, path.resolve(contentDir)) || '.';
  const { stdout: log } = await run('git', ['-C', top, 'log', '--format=%x01%H %ct', '--name-only', '--no-renames', '--', inside], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const history = new Map<string, { commit: string; at: Instant; repoPath: string }[]>();
  for (const entry of log.split('\x01').slice(1)) {
    const [head, ...files] = entry.split('\n');
    const [commit, seconds] = head!.split(' ');
    const at = instantFromMillis(Number(seconds) * 1000);
    for (const repoPath of files) {
      if (!repoPath) continue;
      const file = path.relative(displayRoot, path.join(top, repoPath)).split(path.sep).join('/');
      let revisions = history.get(file);
      if (!revisions) history.set(file, (revisions = []));
      revisions.unshift({ commit: commit!, at, repoPath });
    }
  }
  const sessionFiles = [...history].filter(([file]) => file.endsWith('/session.yaml'));
  const texts = await readBlobs(top, sessionFiles.flatMap(([, revisions]) => revisions.map((r) => `${r.commit}:${r.repoPath}`)));
  return new Map(
    [...history].map(([file, revisions]) => [file, revisions.map((r) => ({ at: r.at, data: yamlData(texts.get(`${r.commit}:${r.repoPath}`)) }))]),
  );
}

function yamlData(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const parsed = parseYaml(text);
  return parsed.errors.length === 0 ? parsed.data : undefined;
}

/** The texts of `commit:path` objects, through one `git cat-file --batch`; a deleted file is missing. */
async function readBlobs(top: string, specs: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (specs.length === 0) return texts;
  const git = spawn('git', ['-C', top, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  git.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    git.on('error', reject);
    git.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited with ${code}`))));
  });
  git.stdin.end(specs.map((spec) => `${spec}\n`).join(''));
  await done;
  const out = Buffer.concat(chunks);
  let at = 0;
  for (const spec of specs) {
    const lineEnd = out.indexOf(0x0a, at);
    const header = out.toString('utf8', at, lineEnd);
    at = lineEnd + 1;
    const blob = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!blob) continue;
    const size = Number(blob[1]);
    texts.set(spec, out.toString('utf8', at, at + size));
    at += size + 1;
  }
  return texts;
}
