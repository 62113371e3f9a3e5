// The other generators `npm run bench` compares against: Eleventy 3 (`--vs-eleventy`), Hugo
// (`--vs-hugo`) and Jekyll (`--vs-jekyll`, the generator of the series' page today). Each gets the
// same talk files (front matter and abstract unchanged) and the equivalent minimal site: one talk
// layout applied to every talk (title, speakers with their bios rendered from Markdown, abstract,
// recording link) plus one index page listing every talk.
// Eleventy is installed into a folder under the OS temp dir, never into the project.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const ELEVENTY_VERSION = '3.1.8';
/** Kept across runs, so that only the first `--vs-eleventy` downloads Eleventy. */
export const ELEVENTY_DIR = path.join(os.tmpdir(), 'lg-bench-eleventy');

const SERIES = 'Datasets through the L👀king-Glass';

/** Copy only the talk files (not session.yaml) from content/seasons to `target`, keeping folders. */
async function copyTalks(contentDir, talkPaths, target) {
  const seasons = path.join(contentDir, 'seasons');
  for (const folder of new Set(talkPaths.map((t) => path.dirname(t)))) {
    await mkdir(path.join(target, path.relative(seasons, folder)), { recursive: true });
  }
  for (const talk of talkPaths) await cp(talk, path.join(target, path.relative(seasons, talk)));
}

// ---------------------------------------------------------------------------------------------------
// Eleventy

/** Path of Eleventy's CLI, installing Eleventy first when needed; undefined when that failed. */
export function ensureEleventy(log) {
  const cli = path.join(ELEVENTY_DIR, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const manifest = path.join(ELEVENTY_DIR, 'node_modules', '@11ty', 'eleventy', 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === ELEVENTY_VERSION) return cli;
  log(`installing @11ty/eleventy@${ELEVENTY_VERSION} into ${ELEVENTY_DIR} (once; not a project dependency)`);
  mkdirSync(ELEVENTY_DIR, { recursive: true });
  const packageJson = path.join(ELEVENTY_DIR, 'package.json');
  if (!existsSync(packageJson)) writeFileSync(packageJson, '{ "name": "lg-bench-eleventy", "private": true }\n');
  const npm = spawnSync('npm', ['install', '--prefix', ELEVENTY_DIR, `@11ty/eleventy@${ELEVENTY_VERSION}`, '--no-audit', '--no-fund'], {
    cwd: ELEVENTY_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (npm.status !== 0 || !existsSync(cli)) {
    log(`installing Eleventy failed: ${npm.stderr?.trim().split('\n').slice(-3).join(' ') ?? npm.error}`);
    return undefined;
  }
  return cli;
}

const ELEVENTY_TALK_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }} · ${SERIES}</title></head>
<body>
<main>
<article>
<h1>{{ title }}</h1>
<p>Season {{ season }}{% if episode %}, episode {{ episode }}{% endif %}</p>
{% for s in speakers %}<section class="speaker">
<h2>{% if s.honorific %}{{ s.honorific }} {% endif %}{% if s.website %}<a href="{{ s.website }}">{{ s.name }}</a>{% else %}{{ s.name }}{% endif %}</h2>
<p>{{ s.affiliation }}{% if s.location %} ({{ s.location }}){% endif %}</p>
{% if s.bio %}{{ s.bio | md | safe }}{% endif %}
</section>{% endfor %}
<h2>Abstract</h2>
{{ content | safe }}
{% if recording %}<p><a href="{{ recording }}">Recording</a></p>{% endif %}
</article>
</main>
</body>
</html>
`;

const ELEVENTY_INDEX = `---
permalink: /index.html
---
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${SERIES}</title></head>
<body>
<h1>${SERIES}</h1>
<ul>
{% for talk in collections.talk %}<li><a href="{{ talk.url }}">{{ talk.data.title }}</a>: {% for s in talk.data.speakers %}{{ s.name }}{% if not loop.last %}, {% endif %}{% endfor %}</li>
{% endfor %}</ul>
</body>
</html>
`;

/** The config resolves markdown-it from Eleventy's own install, for the `md` filter on bios. */
function eleventyConfig() {
  return `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(ELEVENTY_DIR, 'package.json'))});
const markdownIt = require('markdown-it');

export default function (eleventyConfig) {
  const md = markdownIt();
  eleventyConfig.addFilter('md', (text) => md.render(text));
}

export const config = {
  dir: { input: 'src', output: '_site' },
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
};
`;
}

/** Write the Eleventy site for the content into `siteDir`; returns how to build it. */
export async function prepareEleventySite({ cli, contentDir, talkPaths, siteDir }) {
  const src = path.join(siteDir, 'src');
  await copyTalks(contentDir, talkPaths, path.join(src, 'seasons'));
  await mkdir(path.join(src, '_includes'), { recursive: true });
  await writeFile(path.join(src, 'seasons', 'seasons.11tydata.json'), `${JSON.stringify({ layout: 'talk.njk', tags: 'talk' })}\n`);
  await writeFile(path.join(src, '_includes', 'talk.njk'), ELEVENTY_TALK_LAYOUT);
  await writeFile(path.join(src, 'index.njk'), ELEVENTY_INDEX);
  await writeFile(path.join(siteDir, 'eleventy.config.mjs'), eleventyConfig());
  return {
    outDir: path.join(siteDir, '_site'),
    clean: [path.join(siteDir, '_site')],
    command: process.execPath,
    args: [cli, '--config=eleventy.config.mjs', '--quiet'],
    cwd: siteDir,
  };
}

// ---------------------------------------------------------------------------------------------------
// Hugo

/** `hugo` on PATH, with its version line; undefined when absent. */
export function findHugo() {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return { command: 'hugo', version: result.stdout.trim() };
}

const HUGO_CONFIG = `baseURL = "https://example.org/"
title = "${SERIES}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "section", "404"]
`;

const HUGO_SINGLE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<main>
<article>
<h1>{{ .Title }}</h1>
<p>Season {{ .Params.season }}{{ with .Params.episode }}, episode {{ . }}{{ end }}</p>
{{ range .Params.speakers }}<section class="speaker">
<h2>{{ with .honorific }}{{ . }} {{ end }}{{ if .website }}<a href="{{ .website }}">{{ .name }}</a>{{ else }}{{ .name }}{{ end }}</h2>
<p>{{ .affiliation }}{{ with .location }} ({{ . }}){{ end }}</p>
{{ with .bio }}{{ . | markdownify }}{{ end }}
</section>{{ end }}
<h2>Abstract</h2>
{{ .Content }}
{{ with .Params.recording }}<p><a href="{{ . }}">Recording</a></p>{{ end }}
</article>
</main>
</body>
</html>
`;

const HUGO_LIST = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ site.Title }}</title></head>
<body>
<h1>{{ site.Title }}</h1>
<ul>
{{ range site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>: {{ range $i, $s := .Params.speakers }}{{ if $i }}, {{ end }}{{ $s.name }}{{ end }}</li>
{{ end }}</ul>
</body>
</html>
`;

/** Write the Hugo site for the content into `siteDir`; returns how to build it. */
export async function prepareHugoSite({ hugo, contentDir, talkPaths, siteDir }) {
  await copyTalks(contentDir, talkPaths, path.join(siteDir, 'content', 'seasons'));
  await mkdir(path.join(siteDir, 'layouts', '_default'), { recursive: true });
  await writeFile(path.join(siteDir, 'config.toml'), HUGO_CONFIG);
  await writeFile(path.join(siteDir, 'layouts', '_default', 'single.html'), HUGO_SINGLE);
  await writeFile(path.join(siteDir, 'layouts', '_default', 'list.html'), HUGO_LIST);
  const outDir = path.join(siteDir, 'public');
  const cacheDir = path.join(siteDir, 'hugo-cache');
  return {
    outDir,
    clean: [outDir, cacheDir],
    command: hugo.command,
    args: ['--source', siteDir, '--destination', outDir, '--cacheDir', cacheDir, '--quiet'],
    cwd: siteDir,
  };
}

// ---------------------------------------------------------------------------------------------------
// Jekyll: the generator the series' own page uses today (Debian's `jekyll` package)

/** `jekyll` on PATH, with its version line; undefined when absent. */
export function findJekyll() {
  const result = spawnSync('jekyll', ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return { command: 'jekyll', version: result.stdout.trim() };
}

const JEKYLL_CONFIG = `title: "${SERIES}"
collections:
  talks:
    output: true
    permalink: /seasons/:path/
defaults:
  - scope: { path: "", type: talks }
    values: { layout: talk }
markdown: kramdown
`;

const JEKYLL_TALK_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ page.title }} · {{ site.title }}</title></head>
<body>
<main>
<article>
<h1>{{ page.title }}</h1>
<p>Season {{ page.season }}{% if page.episode %}, episode {{ page.episode }}{% endif %}</p>
{% for s in page.speakers %}<section class="speaker">
<h2>{% if s.honorific %}{{ s.honorific }} {% endif %}{% if s.website %}<a href="{{ s.website }}">{{ s.name }}</a>{% else %}{{ s.name }}{% endif %}</h2>
<p>{{ s.affiliation }}{% if s.location %} ({{ s.location }}){% endif %}</p>
{% if s.bio %}{{ s.bio | markdownify }}{% endif %}
</section>{% endfor %}
<h2>Abstract</h2>
{{ content }}
{% if page.recording %}<p><a href="{{ page.recording }}">Recording</a></p>{% endif %}
</article>
</main>
</body>
</html>
`;

const JEKYLL_INDEX = `---
---
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ site.title }}</title></head>
<body>
<h1>{{ site.title }}</h1>
<ul>
{% for talk in site.talks %}<li><a href="{{ talk.url }}">{{ talk.title }}</a>: {% for s in talk.speakers %}{{ s.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}</li>
{% endfor %}</ul>
</body>
</html>
`;

/** Write the Jekyll site for the content into `siteDir`; returns how to build it (its cache folder cleared too). */
export async function prepareJekyllSite({ jekyll, contentDir, talkPaths, siteDir }) {
  const source = path.join(siteDir, 'site');
  await copyTalks(contentDir, talkPaths, path.join(source, '_talks'));
  await mkdir(path.join(source, '_layouts'), { recursive: true });
  await writeFile(path.join(source, '_config.yml'), JEKYLL_CONFIG);
  await writeFile(path.join(source, '_layouts', 'talk.html'), JEKYLL_TALK_LAYOUT);
  await writeFile(path.join(source, 'index.html'), JEKYLL_INDEX);
  const outDir = path.join(siteDir, '_site');
  return {
    outDir,
    clean: [outDir, path.join(source, '.jekyll-cache')],
    command: jekyll.command,
    args: ['build', '--source', source, '--destination', outDir, '--quiet'],
    cwd: siteDir,
  };
}
