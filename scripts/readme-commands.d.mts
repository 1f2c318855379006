/** The commands of the README's ```sh blocks marked <!-- first-run -->, one per entry. */
export function firstRunCommands(markdown: string): string[];
