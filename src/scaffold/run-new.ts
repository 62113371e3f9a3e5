import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { findNextEpisode, readExisting, writeNewTalk, type NewTalkRequest } from './new-talk.js';

/** Where `new` reads answers and writes messages. */
export interface NewTalkIo {
  input: Readable;
  output: Writable;
  errors: Writable;
  /** Ask for what the flags leave out (in a terminal); otherwise missing flags are an error. */
  interactive: boolean;
}

const FLAGS_EXAMPLE = 'npm run new -- --season 11 --speaker "Ada Lovelace" --title "Datasets in the wild"';

/** `npm run new`: ask for or take season, speakers and title, write the talk file, print its path. Exit code. */
export async function runNewTalk(request: NewTalkRequest, contentDir: string, displayRoot: string, io: NewTalkIo): Promise<number> {
  const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/');
  const existing = await readExisting(contentDir);
  const complete = io.interactive ? await askForMissing(request, existing.latestSeason, io) : request;
  const missing = [complete.season === undefined && '--season', complete.speakers.length === 0 && '--speaker', !complete.title && '--title'].filter(Boolean);
  if (missing.length > 0 || complete.season === undefined || !complete.title) {
    io.errors.write(`new: missing ${missing.join(', ')}; for example:\n  ${FLAGS_EXAMPLE}\n(run it in a terminal to be asked instead)\n`);
    return 2;
  }
  if (!isCount(complete.season) || (complete.episode !== undefined && !isCount(complete.episode))) {
    io.errors.write('new: --season and --episode take a whole number from 1, e.g. --season 11\n');
    return 2;
  }
  const episode = complete.episode ?? findNextEpisode(existing, complete.season);
  const result = await writeNewTalk({ season: complete.season, episode, title: complete.title, speakers: complete.speakers }, existing, contentDir, display);
  if (!result.ok) {
    io.errors.write(`new: ${result.message}\n`);
    return 1;
  }
  for (const file of result.written) io.output.write(`Wrote ${display(file)}\n`);
  io.output.write('Fill in the empty keys and write the abstract below the front matter, then run: npm run check\n');
  return 0;
}

/** Ask, one line each, for what the request does not say yet. */
async function askForMissing(request: NewTalkRequest, latestSeason: number | undefined, io: NewTalkIo): Promise<NewTalkRequest> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: (io.input as { isTTY?: boolean }).isTTY === true });
  // Reading through the iterator buffers lines typed (or piped) ahead of their question.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string> => {
    io.output.write(question);
    const next = await lines.next();
    return next.done ? '' : String(next.value).trim();
  };
  try {
    const answered = { ...request, speakers: [...request.speakers] };
    while (answered.season === undefined) {
      const answer = await ask(`Season number${latestSeason ? ` [${latestSeason}]` : ''}: `);
      const season = answer === '' ? latestSeason : Number(answer);
      if (season !== undefined && isCount(season)) answered.season = season;
      else if (answer === '' && latestSeason === undefined) break;
    }
    if (!answered.title) answered.title = await ask('Talk title: ');
    if (answered.speakers.length === 0) {
      for (let name = await ask("Speaker's full name: "); name; name = await ask('Another speaker (Enter when done): ')) answered.speakers.push(name);
    }
    return answered;
  } finally {
    rl.close();
  }
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}
