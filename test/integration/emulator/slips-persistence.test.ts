/** The slips module keeps its state in the data directory: changes survive a restart, nothing is re-seeded. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

const dir = mkdtempSync(join(tmpdir(), 'slips-persist-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const editor = { as: 'template_admin' as const, scopes: ['slips', 'slips_admin'] }

/** Every template the editor may edit, page by page: a fingerprint of the templates table. */
async function editable(inst: TestInstallation): Promise<string[]> {
  const ids: string[] = []
  for (let start = 0; start < 100; start += 20) {
    const r = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', editable_only: 'true', num: '20', start: String(start), fields: 'id' },
      editor
    )
    ids.push(...r.body.items.map((t: { id: string }) => t.id))
    if (!r.body.next_page) break
  }
  return ids.sort()
}

describe('slips persistence', () => {
  it('keeps templates, questions, slips and answers across a restart', async () => {
    const first = await startTestInstallation({ scale: 'small', seed: 3, dataDir: dir })
    const roles = await first.call('slips/user_roles', {}, editor)
    const fac = Object.keys(roles.body.template_admin.faculties)[0] as string
    const tpl = (await first.call('slips/create_template', { fac_id: fac, name: 'Trwały szablon' }, editor))
      .body.tpl_id
    const q = (
      await first.call('slips/add_question', { tpl_id: tpl, question: 'Czy to przetrwa restart?' }, editor)
    ).body.question_id
    await first.call('slips/update_question', { question_id: q, can_issuers_answer: 'true' }, editor)
    await first.call('slips/update_template', { tpl_id: tpl, state: 'active' }, editor)
    const slipId = (
      await first.call(
        'slips/issue_slip',
        { tpl_id: tpl, client_user_id: first.server.demoUserIds.student },
        editor
      )
    ).body.slip_id
    await first.call('slips/update_slip', { slip_id: slipId, state: 'active' }, editor)
    const sqId = (await first.call('slips/slip', { slip_id: slipId, fields: 'questions[id]' }, editor)).body
      .questions[tpl][0].id
    expect(
      (await first.call('slips/update_slipquestion', { sq_id: sqId, answer: 'tak' }, editor)).body
    ).toEqual({
      success: true
    })
    const before = await editable(first)
    expect(before).toContain(tpl)
    await first.close()

    const second = await startTestInstallation({ scale: 'small', seed: 3, dataDir: dir })
    const t = await second.call('slips/template', { tpl_id: tpl, fields: 'name|state|questions[id]' }, editor)
    expect(t.body).toEqual({ name: 'Trwały szablon', state: 'active', questions: [{ id: q }] })
    const sq = await second.call('slips/slipquestion', { sq_id: sqId, fields: 'answer|slip[state]' }, editor)
    expect(sq.body).toEqual({ answer: 'tak', slip: { state: 'active' } })
    expect(await editable(second)).toEqual(before)
    await second.close()
  })
})
