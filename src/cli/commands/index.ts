import type { CliIo } from '../io'
import { generateCommand } from './generate'

export interface CliCommand {
  summary: string
  run(args: string[], io: CliIo): Promise<number>
}

export const commands: Record<string, CliCommand> = {
  generate: generateCommand
}
