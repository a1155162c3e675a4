/** One CLI command: `noun verb`, its help, and what it runs. */
export type Command = {
  /** "issuer create" */
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The synopsis: `npm run cli -- issuer create --slug <slug> …` */
  usage: string;
  /** What it does, its options and an example; shown by `help <command>` and `--help`. */
  details: string;
  run: (args: string[]) => Promise<void>;
};

/** The full help of a command. */
export function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}\n\n${command.details.trim()}`;
}
