import { closeDb } from '@/db/client';
import { type Command, commandHelp } from './cli/command';
import { isExplained, isUsageMistake, UsageError } from './cli/errors';
import { commandsOf, findCommand, overview } from './cli/registry';

const HELP_FLAGS = new Set(['--help', '-h']);

/** `help`, `help <noun>`, `help <noun> <verb>`. */
function help(words: string[]): string {
  if (words.length === 0) return overview();
  const command = findCommand(words);
  if (command && words.length === 2) return commandHelp(command);
  const ofNoun = commandsOf(words[0]);
  if (ofNoun.length > 0 && words.length === 1) return overview(ofNoun);
  throw new UsageError(`No such command: ${words.join(' ')}`);
}

/** What went wrong, and the usage that fits: the command's own, or the list of commands. */
function unknownCommand(words: string[]): UsageError {
  if (words.length === 0) return new UsageError('No command given.');
  const ofNoun = commandsOf(words[0]);
  const typed = words.slice(0, 2).join(' ');
  if (ofNoun.length > 0) {
    return new UsageError(
      `Unknown command: ${typed}. "${words[0]}" has: ${ofNoun.map((c) => c.name.split(' ')[1]).join(', ')}.`,
    );
  }
  return new UsageError(`Unknown command: ${typed}`);
}

function report(error: unknown, command: Command | undefined, noun: string | undefined) {
  if (isUsageMistake(error)) {
    const ofNoun = commandsOf(noun);
    const usage = command
      ? `Usage: ${command.usage}\nMore: npm run cli -- help ${command.name}`
      : overview(ofNoun.length > 0 ? ofNoun : undefined);
    console.error(`${(error as Error).message}\n\n${usage}`);
  } else if (isExplained(error)) {
    console.error(error.message);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Unexpected error: ${message}`);
    if (process.env.LAUREL_DEBUG) console.error(error);
    else console.error('Run again with LAUREL_DEBUG=1 to see where it happened.');
  }
}

/** Runs the command line; the exit code: 0 done, 1 failed (the reason printed). */
async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const command = findCommand(argv);
  try {
    if (first === 'help' || (first && HELP_FLAGS.has(first))) {
      console.log(help(rest));
    } else if (!command) {
      throw unknownCommand(argv);
    } else if (argv.slice(2).some((arg) => HELP_FLAGS.has(arg))) {
      console.log(commandHelp(command));
    } else {
      await command.run(argv.slice(2));
    }
    return 0;
  } catch (error) {
    report(error, first === 'help' ? undefined : command, first === 'help' ? rest[0] : first);
    return 1;
  } finally {
    await closeDb();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
