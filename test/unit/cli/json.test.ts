import { describe, expect, it } from 'vitest'
import { cliJson, snakeCaseKey } from '../../../src/cli/json'

describe("the CLI's JSON naming", () => {
  it('turns camelCase keys into snake_case and leaves snake_case alone', () => {
    expect(snakeCaseKey('needsAttention')).toBe('needs_attention')
    expect(snakeCaseKey('seatsLimit')).toBe('seats_limit')
    expect(snakeCaseKey('meeting_id')).toBe('meeting_id')
    expect(snakeCaseKey('elapsed_ms')).toBe('elapsed_ms')
    expect(snakeCaseKey('pdfURLPath')).toBe('pdf_url_path')
    expect(snakeCaseKey('pl')).toBe('pl')
  })

  it('renames at any depth, in lists too, and keeps the values', () => {
    expect(
      JSON.parse(
        cliJson({
          outbox: { needsAttention: 1, paused: null },
          main: [{ lastName: 'Żak', titles: { pl: 'dr' } }]
        })
      )
    ).toEqual({
      outbox: { needs_attention: 1, paused: null },
      main: [{ last_name: 'Żak', titles: { pl: 'dr' } }]
    })
  })
})
