import type { CliIo } from '../io'
import { calendarCommand } from './calendar'
import { demoServerCommand } from './demo-server'
import { loginCommand, logoutCommand } from './login'
import { syncCommand } from './sync'
import { exportIcsCommand } from './export-ics'
import { generateCommand } from './generate'
import { participantsCommand } from './participants'
import { attendanceCommand } from './attendance'

export interface CliCommand {
  summary: string
  run(args: string[], io: CliIo): Promise<number>
}

export const commands: Record<string, CliCommand> = {
  'demo-server': demoServerCommand,
  login: loginCommand,
  logout: logoutCommand,
  sync: syncCommand,
  calendar: calendarCommand,
  participants: participantsCommand,
  attendance: attendanceCommand,
  'export-ics': exportIcsCommand,
  generate: generateCommand
}
