/**
 * Argument schemas of the API contract (see api.ts), validated in main at the boundary. Kept
 * apart from api.ts so that the preload and the renderer do not bundle zod.
 */
import { z } from 'zod'

const languageSchema = z.enum(['pl', 'en'])

export const apiInputs = {
  getAppInfo: z.object({}).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z
    .object({
      language: languageSchema.optional(),
      theme: z.enum(['system', 'light', 'dark']).optional()
    })
    .strict()
} as const
