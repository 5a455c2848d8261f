/**
 * Deterministic seed of the slips module, centred on world.referenceDate: faculty roles, templates
 * (draft / active / obsolete, some connected, one cycle), questions (with obsolete earlier wordings),
 * issued slips in both states with answers of every status, and the demo users in every role.
 */
import type Database from 'better-sqlite3'
import type { Rng, Scale, SeedWorld } from '../../../framework/types'
import { answerStatus } from '../answer-status'
import { usosDatetime, warsawNoon } from '../time'
import {
  ANSWERS,
  ISSUER_COMMENTS,
  PROGRAMMES,
  REGEXP,
  TEMPLATE_KINDS,
  type AnswererPool,
  type QuestionSpec
} from './content'
import { templateName } from './names'

const COUNTS: Record<Scale, { templates: number; slips: number }> = {
  small: { templates: 14, slips: 36 },
  medium: { templates: 56, slips: 180 },
  large: { templates: 320, slips: 720 }
}

type Lang = 'pl' | 'en'
interface SeededQuestion {
  id: number
  tplId: number
  spec: QuestionSpec
  lang: Lang
  answerers: string[]
  obsolete: boolean
  includedByDefault: boolean
}
interface SeededTemplate {
  id: number
  facId: string
  lang: Lang
  state: 'draft' | 'active' | 'obsolete'
  kind: string
  questions: SeededQuestion[]
  connected: number[]
}

const DAY_MS = 86_400_000

export function seedSlips(db: Database.Database, world: SeedWorld, rng: Rng): void {
  if (db.prepare('SELECT 1 FROM slips_templates LIMIT 1').get()) return
  db.transaction(() => new Seeder(db, world, rng).run())()
}

function prepareInserts(db: Database.Database) {
  return {
    directory: db.prepare('INSERT OR IGNORE INTO slips_directory (kind, id) VALUES (?, ?)'),
    role: db.prepare('INSERT OR IGNORE INTO slips_faculty_roles (fac_id, user_id, role) VALUES (?, ?, ?)'),
    template: db.prepare(
      `INSERT INTO slips_templates (id, name, lang, desc_for_issuers, fac_id, state, date_created)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    ),
    connection: db.prepare(
      'INSERT OR IGNORE INTO slips_template_connections (tpl_id, connected_tpl_id, position) VALUES (?, ?, ?)'
    ),
    question: db.prepare(
      `INSERT INTO slips_questions (id, tpl_id, position, question, desc_for_answerers, is_included_by_default,
         can_client_answer, can_issuers_answer, can_issuers_assign_answerers, is_obsolete, regexp_cleared,
         regexp_rejected, quick_answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    answerer: db.prepare(
      'INSERT OR IGNORE INTO slips_question_answerers (question_id, user_id, position) VALUES (?, ?, ?)'
    ),
    programme: db.prepare(
      `INSERT INTO slips_student_programmes (id, user_id, programme_id, name_pl, name_en, status)
       VALUES (?, ?, ?, ?, ?, ?)`
    ),
    slip: db.prepare(
      `INSERT INTO slips_slips (id, tpl_id, issuer_id, client_id, student_programme_id, state, date_created,
         date_last_closed, issuers_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    sq: db.prepare(
      `INSERT INTO slips_slipquestions (id, slip_id, question_id, answer, answerer_id, date_answered)
       VALUES (?, ?, ?, ?, ?, ?)`
    ),
    extra: db.prepare(
      'INSERT OR IGNORE INTO slips_extra_answerers (sq_id, user_id, position) VALUES (?, ?, ?)'
    )
  }
}

class Seeder {
  private readonly anchor: number
  private readonly demo: SeedWorld['users']['demo']
  private readonly facA: string
  private readonly facB: string
  private readonly pools = new Map<AnswererPool, string[]>()
  private readonly issuersByFac = new Map<string, string[]>()
  private readonly templates: SeededTemplate[] = []
  private readonly programmesByUser = new Map<string, number[]>()
  private nextTemplateId = 101
  private nextQuestionId = 1001
  private nextProgrammeId = 5001
  private nextSlipId = 20001
  private nextSqId = 100001

  private readonly ins: ReturnType<typeof prepareInserts>

  constructor(
    private readonly db: Database.Database,
    private readonly world: SeedWorld,
    private readonly rng: Rng
  ) {
    this.ins = prepareInserts(db)
    this.anchor = warsawNoon(world.referenceDate).getTime()
    this.demo = world.users.demo
    // Faculty A and B are where the demo users hold their roles; the root faculty is the university.
    this.facA = world.faculties[1] ?? world.faculties[0] ?? 'ROOT'
    this.facB = world.faculties[2] ?? this.facA
  }

  run(): void {
    this.directory()
    this.roles()
    this.answererPools()
    this.seedTemplates()
    this.seedConnections()
    this.seedSlips()
  }

  /** A datetime `daysAgo` days before the reference date, during office hours. */
  private when(daysAgo: number): string {
    const minutes = this.rng.int(0, 8 * 60) - 4 * 60
    return usosDatetime(new Date(this.anchor - daysAgo * DAY_MS + minutes * 60_000))
  }

  /** Random staff, never a demo user: the demo users' roles are assigned on purpose, below. */
  private staffSample(n: number): string[] {
    const demo = new Set(Object.values(this.demo))
    return this.rng.shuffle(this.world.users.staff.filter((u) => !demo.has(u))).slice(0, n)
  }

  private directory(): void {
    const users = new Set([
      ...Object.values(this.demo),
      ...this.world.users.staff,
      ...this.world.users.students
    ])
    for (const u of users) this.ins.directory.run('user', u)
    for (const f of this.world.faculties) this.ins.directory.run('faculty', f)
  }

  private roles(): void {
    for (const fac of this.world.faculties) {
      const admins = this.staffSample(2)
      const issuers = this.staffSample(3)
      for (const u of admins) this.ins.role.run(fac, u, 'template_admin')
      for (const u of issuers) this.ins.role.run(fac, u, 'issuer')
      this.issuersByFac.set(fac, issuers)
    }
    const grant = (fac: string, user: string, role: 'template_admin' | 'issuer'): void => {
      this.ins.role.run(fac, user, role)
      if (role === 'issuer') {
        const list = this.issuersByFac.get(fac) ?? []
        if (!list.includes(user)) list.push(user)
        this.issuersByFac.set(fac, list)
      }
    }
    // Template editor: edits and issues in faculties A and B.
    for (const fac of new Set([this.facA, this.facB])) {
      grant(fac, this.demo.template_admin, 'template_admin')
      grant(fac, this.demo.template_admin, 'issuer')
    }
    // Dean's office administrator: issues everywhere, edits the university-wide templates.
    const root = this.world.faculties[0]
    if (root) grant(root, this.demo.administrator, 'template_admin')
    for (const fac of this.world.faculties) grant(fac, this.demo.administrator, 'issuer')
    // The lecturer also issues lab clearances in faculty A.
    grant(this.facA, this.demo.lecturer, 'issuer')
  }

  private answererPools(): void {
    const pools: AnswererPool[] = [
      'library',
      'dorm',
      'finance',
      'deans_office',
      'lab',
      'it',
      'sport',
      'coordinator'
    ]
    for (const p of pools) this.pools.set(p, this.staffSample(this.rng.int(2, 4)))
    // The lecturer answers lab and supervision questions: the app's "to be answered" list.
    for (const p of ['lab', 'coordinator'] as const) this.pools.get(p)?.unshift(this.demo.lecturer)
  }

  private answerersFor(pool: AnswererPool): string[] {
    const all = this.pools.get(pool) ?? []
    if (pool === 'lab' || pool === 'coordinator')
      return [all[0] ?? this.demo.lecturer, ...this.rng.shuffle(all.slice(1)).slice(0, 1)]
    return this.rng.shuffle(all).slice(0, this.rng.int(1, 2))
  }

  private seedTemplates(): void {
    const { templates } = COUNTS[this.world.scale]
    const facs = this.world.faculties.length > 0 ? this.world.faculties : ['ROOT']
    for (let i = 0; i < templates; i++) {
      const kind = TEMPLATE_KINDS[i % TEMPLATE_KINDS.length] as (typeof TEMPLATE_KINDS)[number]
      const round = Math.floor(i / TEMPLATE_KINDS.length)
      // The first rounds go to the demo faculties, so every demo role finds templates to work with.
      const facId =
        round === 0 ? this.facA : round === 1 ? this.facB : (facs[(i * 7 + round) % facs.length] as string)
      const lang: Lang = i % 3 === 2 ? 'en' : 'pl'
      const state = this.templateState(i, round)
      const name = templateName(kind, lang, round, this.world.referenceDate)
      const tpl: SeededTemplate = {
        id: this.nextTemplateId++,
        facId,
        lang,
        state,
        kind: kind.key,
        questions: [],
        connected: []
      }
      this.ins.template.run(
        tpl.id,
        name,
        lang,
        lang === 'pl' ? kind.descPl : kind.descEn,
        facId,
        state,
        this.when(this.rng.int(200, 900))
      )
      this.seedQuestions(tpl, kind.questions)
      this.templates.push(tpl)
    }
  }

  /** Mostly active; drafts in the demo faculties; some obsolete (with slips issued before). */
  private templateState(i: number, round: number): SeededTemplate['state'] {
    if (round <= 1 && i % 7 === 5) return 'draft'
    if (round >= 2 && i % 11 === 3) return 'draft'
    if (i % 9 === 8) return 'obsolete'
    return 'active'
  }

  private seedQuestions(tpl: SeededTemplate, specs: QuestionSpec[]): void {
    const chosen = specs.filter((_, k) => k < 4 || this.rng.bool(0.7))
    let position = 1
    for (const spec of chosen) {
      if ((spec.oldPl || spec.oldEn) && tpl.state !== 'draft' && this.rng.bool(0.5)) {
        this.insertQuestion(tpl, spec, position++, true)
      }
      this.insertQuestion(tpl, spec, position++, false)
    }
  }

  private insertQuestion(tpl: SeededTemplate, spec: QuestionSpec, position: number, obsolete: boolean): void {
    const lang = tpl.lang
    const text = obsolete
      ? ((lang === 'pl' ? spec.oldPl : spec.oldEn) ?? spec.pl)
      : lang === 'pl'
        ? spec.pl
        : spec.en
    const desc = (lang === 'pl' ? spec.descPl : spec.descEn) ?? null
    const re = REGEXP[lang]
    const includedByDefault = spec.includedByDefault ?? true
    const q: SeededQuestion = {
      id: this.nextQuestionId++,
      tplId: tpl.id,
      spec,
      lang,
      answerers: this.answerersFor(spec.pool),
      obsolete,
      includedByDefault
    }
    this.ins.question.run(
      q.id,
      tpl.id,
      position,
      text,
      desc,
      includedByDefault ? 1 : 0,
      spec.clientAnswers ? 1 : 0,
      spec.issuersAnswer ? 1 : 0,
      spec.issuersAssign ? 1 : 0,
      obsolete ? 1 : 0,
      re.cleared,
      re.rejected,
      re.quick
    )
    q.answerers.forEach((u, k) => this.ins.answerer.run(q.id, u, k + 1))
    tpl.questions.push(q)
  }

  /**
   * In each faculty and language, a graduation template is issued together with the library and
   * dormitory ones; the first library template points back at its graduation template (a cycle).
   */
  private seedConnections(): void {
    const groups = new Map<string, SeededTemplate[]>()
    for (const t of this.templates) {
      const key = `${t.facId}|${t.lang}`
      const list = groups.get(key) ?? []
      list.push(t)
      groups.set(key, list)
    }
    let cycles = 0
    for (const list of groups.values()) {
      const graduation = list.find((t) => t.kind === 'graduation' && t.state !== 'draft')
      if (!graduation) continue
      const parts = ['library', 'dorm', 'lab']
        .map((k) => list.find((t) => t.kind === k && t.state === 'active'))
        .filter((t): t is SeededTemplate => t !== undefined)
      parts.forEach((p, k) => {
        this.ins.connection.run(graduation.id, p.id, k + 1)
        graduation.connected.push(p.id)
      })
      const library = parts.find((p) => p.kind === 'library')
      if (library && cycles < 2) {
        this.ins.connection.run(library.id, graduation.id, 1)
        library.connected.push(graduation.id)
        cycles++
      }
    }
  }

  private programmesOf(userId: string): number[] {
    let list = this.programmesByUser.get(userId)
    if (!list) {
      list = []
      const n = this.rng.bool(0.15) ? 2 : 1
      for (const p of this.rng.shuffle(PROGRAMMES).slice(0, n)) {
        const id = this.nextProgrammeId++
        this.ins.programme.run(id, userId, p.id, p.pl, p.en, this.rng.bool(0.85) ? 'active' : 'graduated')
        list.push(id)
      }
      this.programmesByUser.set(userId, list)
    }
    return list
  }

  /** The questions a slip starts with, as issue_slip picks them (connected active templates included). */
  private initialQuestions(tpl: SeededTemplate): SeededQuestion[] {
    const seen = new Set<number>([tpl.id])
    const order = [tpl]
    for (let i = 0; i < order.length; i++) {
      for (const id of (order[i] as SeededTemplate).connected) {
        if (seen.has(id)) continue
        seen.add(id)
        const t = this.templates.find((x) => x.id === id)
        if (t && t.state === 'active') order.push(t)
      }
    }
    return order.flatMap((t) => t.questions.filter((q) => !q.obsolete && q.includedByDefault))
  }

  private seedSlips(): void {
    const { slips } = COUNTS[this.world.scale]
    const issuable = this.templates.filter((t) => t.state !== 'draft')
    if (issuable.length === 0) return
    // A quarter of the slips use faculty A's templates, where the demo lecturer issues and answers.
    const inFacA = issuable.filter((t) => t.facId === this.facA)
    const students = this.world.users.students.length > 0 ? this.world.users.students : [this.demo.student]
    for (let i = 0; i < slips; i++) {
      // The demo student is the client of every ninth slip; the lecturer (also a student) of a few.
      const client =
        i % 9 === 0 ? this.demo.student : i % 41 === 7 ? this.demo.lecturer : this.rng.pick(students)
      const tpl = i % 4 === 0 && inFacA.length > 0 ? this.rng.pick(inFacA) : this.rng.pick(issuable)
      this.seedSlip(tpl, client, i)
    }
  }

  private seedSlip(tpl: SeededTemplate, client: string, i: number): void {
    const issuers = this.issuersByFac.get(tpl.facId) ?? [this.demo.administrator]
    const issuer = i % 10 === 3 ? this.demo.administrator : this.rng.pick(issuers)
    const daysAgo = tpl.state === 'obsolete' ? this.rng.int(120, 400) : this.rng.int(0, 150)
    const created = this.when(daysAgo)
    // Recent slips are mostly open; a few were never activated, some were closed after completion.
    const roll = this.rng.next()
    const state = daysAgo < 2 && roll < 0.5 ? 'closed' : roll < 0.75 ? 'active' : 'closed'
    const everActive = !(daysAgo < 2 && roll < 0.5)
    const closedAt =
      state === 'closed' && everActive ? this.when(Math.max(0, daysAgo - this.rng.int(1, 30))) : null
    const progs = this.programmesOf(client)
    const programme = this.rng.bool(0.7) ? (this.rng.pick(progs) ?? null) : null
    const comments = ISSUER_COMMENTS[tpl.lang]
    const comment = this.rng.bool(0.3) ? this.rng.pick(comments) : null
    const slipId = this.nextSlipId++
    this.ins.slip.run(slipId, tpl.id, issuer, client, programme, state, created, closedAt, comment)

    const questions = this.initialQuestions(tpl)
    // Share answered: older and closed slips are further along.
    const answeredShare = !everActive
      ? 0
      : Math.min(0.95, 0.2 + daysAgo / 120 + (state === 'closed' ? 0.3 : 0))
    for (const q of questions) this.seedSlipquestion(slipId, q, client, daysAgo, answeredShare, i)
  }

  private seedSlipquestion(
    slipId: number,
    q: SeededQuestion,
    client: string,
    daysAgo: number,
    answeredShare: number,
    i: number
  ): void {
    const sqId = this.nextSqId++
    let answer: string | null = null
    let answerer: string | null = null
    let answeredAt: string | null = null
    // The lecturer's own questions are left open on most active slips, so the demo has work to show.
    const lecturersQuestion = q.answerers[0] === this.demo.lecturer
    const share = lecturersQuestion ? answeredShare / 2 : answeredShare
    if (this.rng.bool(share)) {
      const roll = this.rng.next()
      const status = roll < 0.7 ? 'cleared' : roll < 0.88 ? 'rejected' : 'unclear'
      answer = this.rng.pick(ANSWERS[q.lang][status])
      // Sanity: the seeded answers compute to the status they were picked for.
      if (answerStatus(answer, REGEXP[q.lang].cleared, REGEXP[q.lang].rejected) !== status) {
        throw new Error(`slips seed: "${answer}" does not compute to ${status}`)
      }
      answerer = q.spec.clientAnswers && this.rng.bool(0.5) ? client : (this.rng.pick(q.answerers) ?? null)
      answeredAt = this.when(this.rng.int(0, Math.max(0, daysAgo - 1)))
    }
    this.ins.sq.run(sqId, slipId, q.id, answer, answerer, answeredAt)
    if (q.spec.issuersAssign && this.rng.bool(0.25)) {
      const extra = i % 5 === 0 ? this.demo.lecturer : this.staffSample(1)[0]
      if (extra) this.ins.extra.run(sqId, extra, 1)
    }
  }
}
