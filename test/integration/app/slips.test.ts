/**
 * The clearance-slip inbox against the demo installation (behind a proxy that can take the network
 * away): the answerer's questions with quick answers, an answer given through the outbox (offline:
 * kept and sent once), USOS's computed status afterwards, and a refusal with its reason.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { usosClientFactory } from '../../../src/core/usos'
import { createApiHandlers } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import { APP_SCOPES } from '../../../src/core/accounts/types'
import { startDemoServer, type DemoServer } from '../../../src/emulator'
import { startFaultyProxy, type FaultyProxy } from '../../helpers/faulty-proxy'

let offline = false
let upstream: DemoServer
let proxy: FaultyProxy
let ctx: AppContext
let api: ApiHandlers

beforeAll(async () => {
  upstream = await startDemoServer({ scale: 'small', seed: 3 })
  proxy = await startFaultyProxy(upstream.baseUrl, () => (offline ? 'drop' : 'ok'))
  ctx = createAppContext({
    dataDir: mkdtempSync(join(tmpdir(), 'slips-flow-')),
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory
  })
  api = createApiHandlers(ctx)
  const started = await api.beginSignIn({
    baseUrl: proxy.url,
    consumerKey: upstream.consumerKey,
    consumerSecret: upstream.consumerSecret,
    scopes: [...APP_SCOPES],
    flow: 'pin'
  })
  const pin = upstream.approve(
    new URL(started.authorizeUrl).searchParams.get('oauth_token') as string,
    'lecturer'
  )
  await api.completeSignIn({ pendingId: started.pendingId, pin })
  await api.sync({ full: true })
}, 60_000)
afterAll(async () => {
  ctx.close()
  await proxy.close()
  await upstream.close()
})

/** USOS's own view of a slipquestion. */
const usosSq = (id: string) =>
  ctx.accounts
    .clientFor(ctx.accounts.active()!.id)
    .call<{ answer: string | null; answer_status: string }>('services/slips/slipquestion', {
      sq_id: id,
      fields: 'answer|answer_status'
    })

describe('the slips inbox', () => {
  it('holds the questions USOS has for the answerer, with their quick answers', async () => {
    const inbox = await api.getSlipsInbox({})
    expect(inbox.roles.answerer).toBe(true)
    expect(inbox.waiting.length).toBeGreaterThan(0)
    for (const q of inbox.waiting) {
      expect(q.answer).toBeNull()
      expect(q.question).not.toBe('')
      expect((await usosSq(q.id)).answer).toBeNull()
    }
    expect(inbox.waiting.some((q) => q.quickAnswers.length > 0)).toBe(true)
  })

  it('answers with a quick answer; USOS then computes the status', async () => {
    const inbox = await api.getSlipsInbox({})
    const q = inbox.waiting.find((x) => x.canAnswer && x.quickAnswers.length > 0)!
    const { result, inbox: after } = await api.answerSlipQuestion({ sqId: q.id, answer: q.quickAnswers[0]! })
    expect(result.outcome).toBe('done')
    const usos = await usosSq(q.id)
    expect(usos.answer).toBe(q.quickAnswers[0])
    const answered = after.answered.find((x) => x.id === q.id)
    expect(answered).toMatchObject({
      answer: q.quickAnswers[0],
      answerStatus: usos.answer_status,
      pending: false
    })
    expect(after.waiting.map((x) => x.id)).not.toContain(q.id)
  })

  it('keeps an answer given offline and sends it once when USOS answers again', async () => {
    const q = (await api.getSlipsInbox({})).waiting.find((x) => x.canAnswer)!
    offline = true
    try {
      const { result, inbox } = await api.answerSlipQuestion({ sqId: q.id, answer: 'Brak zaległości.' })
      expect(result.outcome).toBe('queued')
      expect([...inbox.waiting, ...inbox.answered].find((x) => x.id === q.id)).toMatchObject({
        answer: 'Brak zaległości.',
        pending: true
      })
    } finally {
      offline = false
    }
    expect((await usosSq(q.id)).answer).toBeNull()
    const summary = await api.sync({ full: true })
    expect(summary.outbox.done).toBe(1)
    expect((await usosSq(q.id)).answer).toBe('Brak zaległości.')
    const after = (await api.getSlipsInbox({})).answered.find((x) => x.id === q.id)
    expect(after).toMatchObject({ pending: false, answer: 'Brak zaległości.' })
  }, 30_000)

  it('shows USOS’s reason when it refuses an answer', async () => {
    const { result } = await api.answerSlipQuestion({ sqId: '999999999', answer: 'tak' })
    expect(result.outcome).toBe('needs_attention')
    expect(result.message).toMatch(/no such slip question/i)
  })
})
