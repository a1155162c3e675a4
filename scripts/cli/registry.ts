import { apiKeyCommands } from './api-key';
import type { Command } from './command';
import { issuerCommands } from './issuer';
import { jobsCommands } from './jobs';
import { keysCommands } from './keys';
import { laborMarketCommands } from './labor-market';
import { laborMarketFetchCommand } from './labor-market-fetch';
import { memberCommands } from './member';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  ...issuerCommands,
  ...memberCommands,
  ...apiKeyCommands,
  ...jobsCommands,
  ...laborMarketCommands,
  laborMarketFetchCommand,
  ...keysCommands,
];

/** The command named by the first two words, if any. */
export function findCommand(words: string[]): Command | undefined {
  const name = words.slice(0, 2).join(' ');
  return COMMANDS.find((command) => command.name === name);
}

/** The commands of a noun ("issuer"): what `help issuer` lists. */
export function commandsOf(noun: string | undefined): Command[] {
  return COMMANDS.filter((command) => command.name.split(' ')[0] === noun);
}

/** The overview `--help` prints. */
export function overview(commands = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`);
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Help on one command: npm run cli -- help <command> (or <command> --help), e.g. npm run cli -- help issuer create',
  ].join('\n');
}
