/**
 * Batch registration with an administrative consumer key, against the demo installation: each
 * user's status as USOS answers it, the same batch sent again applying nothing twice, and a clear
 * refusal for an ordinary key.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { APP_SCOPES } from '../../../src/core/accounts/types'
import { usosClientFactory } from '../../../src/core/usos'
import { createApiHandlers } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import { startDemoServer, type DemoServer } from '../../../src/emulator'

let server: DemoServer
const contexts: AppContext[] = []

async function signIn(key: string, secret: string): Promise<{ api: ApiHandlers; ctx: AppContext }> {
  const ctx = createAppContext({
    dataDir: mkdtempSync(join(tmpdir(), 'exam-batch-')),
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory
  })
  contexts.push(ctx)
  const api = createApiHandlers(ctx)
  const started = await api.beginSignIn({
    baseUrl: server.baseUrl,
    consumerKey: key,
    consumerSecret: secret,
    scopes: [...APP_SCOPES],
    flow: 'pin'
  })
  const pin = server.approve(
    new URL(started.authorizeUrl).searchParams.get('oauth_token') as string,
    'lecturer'
  )
  await api.completeSignIn({ pendingId: started.pendingId, pin })
  await api.sync({ full: true })
  return { api, ctx }
}

beforeAll(async () => {
  server = await startDemoServer({ scale: 'small', seed: 4 })
}, 60_000)
afterAll(async () => {
  for (const c of contexts) c.close()
  await server.close()
})

describe('batch registration to an exam', () => {
  it('registers users with an administrative key, each with its status, and nothing twice', async () => {
    const { api, ctx } = await signIn(server.adminConsumerKey, server.adminConsumerSecret)
    const exam = (await api.listExams({}))[0]!
    const group = exam.groups[0]!
    const before = await api.getExamGroup({ examId: exam.id, groupNumber: group.number })
    const already = before.attendees[0]!.userId
    const slot = group.slots[0]!.number
    const batch = (userIds: string[], action: 'register' | 'unregister' = 'register') =>
      api.batchExamRegistration({ examId: exam.id, groupNumber: group.number, slot, userIds, action })
    // Someone on the list already: USOS says so, and nothing changes.
    expect(await batch([already])).toEqual([{ userId: already, status: 'w_already_registered' }])
    // Students the mirror knows, one after another, until one is admitted and not yet registered.
    const db = ctx.mirrors.get(ctx.accounts.active()!.id)
    const students = (
      db.prepare('SELECT id FROM users WHERE student_number IS NOT NULL ORDER BY id').all() as Array<{
        id: string
      }>
    ).map((u) => u.id)
    let newcomer: string | null = null
    for (const id of students.slice(0, 40)) {
      const [r] = await batch([id])
      expect(r!.userId).toBe(id)
      if (r!.status === 'success') {
        newcomer = id
        break
      }
      expect(r!.status).toMatch(/^(w_|e_)already_registered$|^e_not_permitted$/)
    }
    expect(newcomer).not.toBeNull()
    // Sent again, the newcomer is "already registered": nothing is applied twice.
    expect(await batch([newcomer!])).toEqual([{ userId: newcomer, status: 'w_already_registered' }])
    // The next sync reads the attendee lists again.
    await api.sync({})
    const attendees = (await api.getExamGroup({ examId: exam.id, groupNumber: group.number })).attendees
    expect(attendees.filter((a) => a.userId === newcomer)).toHaveLength(1)
    expect(await batch([newcomer!], 'unregister')).toEqual([{ userId: newcomer, status: 'success' }])
  }, 60_000)

  it('refuses clearly with an ordinary consumer key', async () => {
    const { api } = await signIn(server.consumerKey, server.consumerSecret)
    const exam = (await api.listExams({}))[0]!
    await expect(
      api.batchExamRegistration({
        examId: exam.id,
        groupNumber: exam.groups[0]!.number,
        slot: 1,
        userIds: ['100002'],
        action: 'register'
      })
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/administrative consumer key/)
    })
    await expect(
      api.batchExamRegistration({
        examId: exam.id,
        groupNumber: 1,
        slot: 1,
        userIds: ['abc'],
        action: 'register'
      })
    ).rejects.toMatchObject({ code: 'invalid_argument' })
  }, 60_000)
})

describe('attendee lists by slot', () => {
  it('with an administrative key, knows who sits in which slot as USOS lists them, and prints each slot alone', async () => {
    const { api, ctx } = await signIn(server.adminConsumerKey, server.adminConsumerSecret)
    const client = ctx.accounts.clientFor(ctx.accounts.active()!.id)
    let compared = 0
    for (const exam of await api.listExams({})) {
      for (const g of exam.groups) {
        const d = await api.getExamGroup({ examId: exam.id, groupNumber: g.number })
        expect(d.slotsRead).toBe(true)
        for (const slot of g.slots) {
          const usos = await client.call<{ attendees: Array<string | number> }>('services/exams/slot', {
            exam_id: exam.id,
            group_number: g.number,
            slot_number: slot.number,
            fields: 'attendees'
          })
          const mine = d.attendees.filter((a) => a.slotNumber === slot.number)
          expect(mine.map((a) => a.userId).sort()).toEqual(usos.attendees.map(String).sort())
          const printed = await api.printExamAttendees({
            examId: exam.id,
            groupNumber: g.number,
            slotNumber: slot.number,
            language: 'en'
          })
          for (const a of d.attendees) {
            const row = `<td>${a.firstName} ${a.lastName}</td>`
            if (a.slotNumber === slot.number) expect(printed.html).toContain(row)
            else expect(printed.html).not.toContain(row)
          }
          const csv = await api.exportExamAttendees({
            examId: exam.id,
            groupNumber: g.number,
            slotNumber: slot.number,
            format: 'csv',
            language: 'en'
          })
          expect(csv.text.trim().split('\r\n')).toHaveLength(mine.length + 1)
          compared += mine.length
        }
        // The whole group's list: a table per slot, everyone once.
        const whole = await api.printExamAttendees({ examId: exam.id, groupNumber: g.number, language: 'pl' })
        if (d.attendees.length > 0)
          for (const slot of g.slots) expect(whole.html).toMatch(new RegExp(`Slot ${slot.number}(,| —)`))
        for (const a of d.attendees)
          expect(whole.html!.split(`<td>${a.firstName} ${a.lastName}</td>`)).toHaveLength(2)
      }
    }
    expect(compared).toBeGreaterThan(0)
    await expect(
      api.printExamAttendees({
        examId: (await api.listExams({}))[0]!.id,
        groupNumber: 1,
        slotNumber: 999,
        language: 'pl'
      })
    ).rejects.toMatchObject({ code: 'not_found' })
  }, 60_000)

  it('with an ordinary key, prints the whole group and says why a slot cannot be printed alone', async () => {
    const { api } = await signIn(server.consumerKey, server.consumerSecret)
    const exam = (await api.listExams({}))[0]!
    const g = exam.groups[0]!
    const d = await api.getExamGroup({ examId: exam.id, groupNumber: g.number })
    expect(d.slotsRead).toBe(false)
    expect(d.attendees.every((a) => a.slotNumber === null)).toBe(true)
    await expect(
      api.printExamAttendees({
        examId: exam.id,
        groupNumber: g.number,
        slotNumber: g.slots[0]!.number,
        language: 'en'
      })
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/administrative consumer keys/)
    })
  }, 60_000)
})
