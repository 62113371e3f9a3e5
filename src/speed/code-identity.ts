// What a cache of rendered pages is keyed by besides their inputs: the code that rendered them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The code that renders, as a hash: the bundle is one file (the whole program); run from src/ or dist/,
 * every module there. The installed packages' versions and Node's too.
 */
export function codeIdentity(): string {
  try {
    const hash = createHash('sha256').update(process.version);
    const self = fileURLToPath(import.meta.url);
    const folder = path.dirname(path.dirname(self));
    const files = /^cli(-snapshot)?\.c?js$/.test(path.basename(self)) ? [self] : modulesBelow(folder);
    for (const file of files) hash.update('\0').update(path.relative(folder, file)).update('\0').update(readFileSync(file));
    // npm's record of what it installed, beside the packages.
    const packages = path.join(path.dirname(createRequire(import.meta.url).resolve('nunjucks/package.json')), '..');
    hash.update('\0').update(readFileSync(path.join(packages, '.package-lock.json')));
    return hash.digest('hex');
  } catch {
    // Code that cannot be told apart from other code keeps nothing.
    return `unknown ${process.pid} ${Date.now()} ${Math.random()}`;
  }
}

function modulesBelow(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'bundle') found.push(...modulesBelow(full));
    else if (entry.isFile() && /\.(ts|js)$/.test(entry.name)) found.push(full);
  }
  return found.sort();
}

