import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer } from '../../../src/emulator'
import { parseSelector } from '../../../src/emulator/framework/fields'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation()
})
afterAll(() => inst.close())

describe('fields selector', () => {
  it('parses nested selectors and refuses malformed ones', () => {
    const s = parseSelector('id|lecturer[id|faculty[name]]|term')
    expect([...s.keys()]).toEqual(['id', 'lecturer', 'term'])
    expect([...(s.get('lecturer')?.keys() ?? [])]).toEqual(['id', 'faculty'])
    expect(s.get('term')).toBeNull()
    for (const bad of ['', 'id|', 'a[b', 'a]b', 'a|a', 'a[]', 'id name'])
      expect(() => parseSelector(bad)).toThrow()
  })

  it('renders defaults, nested references and primary fields of a reference', async () => {
    const plain = await inst.call('fac/faculty', { fac_id: 'WMIM-II' })
    expect(plain.body).toEqual({
      id: 'WMIM-II',
      name: { pl: 'Instytut Informatyki', en: 'Institute of Informatics' }
    })
    const nested = await inst.call('fac/faculty', { fac_id: 'WMIM-II', fields: 'id|parent[id|parent[name]]' })
    expect(nested.body).toEqual({
      id: 'WMIM-II',
      parent: { id: 'WMIM', parent: { name: { pl: 'Uniwersytet Demonstracyjny', en: 'Demo University' } } }
    })
    const primary = await inst.call('fac/faculty', { fac_id: 'WMIM', fields: 'parent' })
    expect(primary.body).toEqual({
      parent: { id: '00000000', name: { pl: 'Uniwersytet Demonstracyjny', en: 'Demo University' } }
    })
  })

  it('refuses unknown fields (field_not_found) and sub-selectors on plain fields (field_invalid)', async () => {
    const unknown = await inst.call('fac/faculty', { fac_id: 'WF', fields: 'id|colour' })
    expect(unknown.status).toBe(400)
    expect(unknown.body).toMatchObject({
      error: 'field_not_found',
      field_name: 'colour',
      method_name: 'services/fac/faculty'
    })
    const sub = await inst.call('fac/faculty', { fac_id: 'WF', fields: 'name[pl]' })
    expect(sub.body).toMatchObject({ error: 'field_invalid', field_name: 'name' })
  })

  it('answers multi-id methods keyed by the ids sent, null for unknown ones', async () => {
    const r = await inst.call('users/users', { user_ids: `${inst.server.demoUserIds.student}|999999999` })
    expect(r.body).toEqual({
      [inst.server.demoUserIds.student]: {
        id: inst.server.demoUserIds.student,
        first_name: 'Jan',
        last_name: 'Kowalski'
      },
      '999999999': null
    })
  })

  it('names the missing and the invalid parameter', async () => {
    expect((await inst.call('fac/faculty', {})).body).toMatchObject({
      error: 'param_missing',
      param_name: 'fac_id'
    })
    expect((await inst.call('groups/group', { course_unit_id: 'x', group_number: '1' })).body).toMatchObject({
      error: 'param_invalid',
      param_name: 'course_unit_id'
    })
    expect((await inst.call('fac/faculty', { fac_id: 'NOPE' })).body).toMatchObject({
      error: 'object_not_found'
    })
    expect((await inst.call('fac/faculty', { fac_id: 'WF', format: 'xml' })).body).toMatchObject({
      param_name: 'format'
    })
  })

  it('gives e-mail addresses only with the email scope', async () => {
    const withScope = await inst.call('users/user', { fields: 'email' })
    expect(withScope.body.email).toMatch(/@/)
    const without = await inst.call('users/user', { fields: 'email' }, { scopes: ['studies'] })
    expect(without.body.email).toBeNull()
  })
})

describe('the installation itself', () => {
  it('counts requests per method at /__demo/stats', async () => {
    const before = inst.server.stats().requests_total
    await inst.call('fac/faculty', { fac_id: 'WF' })
    const stats = (await (await fetch(`${inst.baseUrl}__demo/stats`)).json()) as {
      requests_total: number
      by_method: Record<string, number>
    }
    expect(stats.requests_total).toBeGreaterThan(before)
    expect(stats.by_method['fac/faculty']).toBeGreaterThan(0)
  })

  it('seeds deterministically', async () => {
    const names = async (seed: number) => {
      const t = await startTestInstallation({ seed, referenceDate: '2026-11-22' })
      const r = await t.call('users/users', { user_ids: '200001|200002|300001|300002' })
      await t.close()
      return JSON.stringify(r.body)
    }
    expect(await names(3)).toBe(await names(3))
    expect(await names(3)).not.toBe(await names(4))
  })

  it('keeps changes across a restart on the same data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-persist-'))
    const first = await startTestInstallation({ dataDir: dir })
    const created = await first.call(
      'slips/create_template',
      { fac_id: 'WMIM', name: 'Obiegówka — test trwałości' },
      { as: 'template_admin' }
    )
    expect(created.status).toBe(200)
    const id = (created.body as { tpl_id?: string | number }).tpl_id
    expect(id).toBeTruthy()
    await first.close()
    const second = await startTestInstallation({ dataDir: dir })
    const again = await second.call(
      'slips/template',
      { tpl_id: String(id), fields: 'id|name' },
      { as: 'template_admin' }
    )
    expect(again.body).toMatchObject({ name: 'Obiegówka — test trwałości' })
    await second.close()
  })

  it('adds the requested latency to every answer', async () => {
    const slow = await startDemoServer({ latencyMs: 120, scale: 'small' })
    const t = Date.now()
    await fetch(`${slow.baseUrl}services/apisrv/installations`)
    expect(Date.now() - t).toBeGreaterThanOrEqual(110)
    await slow.close()
  })
})
