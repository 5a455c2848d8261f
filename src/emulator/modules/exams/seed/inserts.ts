/** The generator's prepared statements (prepared once, run thousands of times in one transaction). */
import type Database from 'better-sqlite3'

export function prepareInserts(db: Database.Database) {
  return {
    session: db.prepare(
      `INSERT INTO exams_sessions (id, name_pl, name_en, description_pl, description_en, status, fac_id, term_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    examrep: db.prepare(
      'INSERT INTO exams_examreps (id, course_id, term_id, type_pl, type_en) VALUES (?, ?, ?, ?, ?)'
    ),
    exam: db.prepare(
      `INSERT INTO exams_exams (id, session_id, term_id, course_id, name_pl, name_en, description_pl, description_en, code,
         registration_start, registration_end, register_until, unregister_until, exchange_until, examiners_visible,
         has_priorities, preferences_limit, micro_round_length, micro_break_length, coordinator_id, examrep_id,
         examrep_session_number)
       VALUES (@id, @session_id, @term_id, @course_id, @name_pl, @name_en, @description_pl, @description_en, @code,
         @registration_start, @registration_end, @register_until, @unregister_until, @exchange_until, @examiners_visible,
         @has_priorities, @preferences_limit, @micro_round_length, @micro_break_length, @coordinator_id, @examrep_id,
         @examrep_session_number)`
    ),
    group: db.prepare(
      `INSERT INTO exams_groups (exam_id, number, exam_start, exam_end, capacity, number_of_slots, room_id,
         registration_start, register_until, unregister_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    examiner: db.prepare(
      'INSERT OR IGNORE INTO exams_examiners (exam_id, group_number, user_id) VALUES (?, ?, ?)'
    ),
    admitted: db.prepare('INSERT OR IGNORE INTO exams_admitted (exam_id, user_id) VALUES (?, ?)'),
    unadmitted: db.prepare(
      'INSERT OR IGNORE INTO exams_unadmitted (exam_id, user_id, examrep_id) VALUES (?, ?, ?)'
    ),
    condition: db.prepare(
      'INSERT OR IGNORE INTO exams_conditions (exam_id, examrep_id, grade_symbol) VALUES (?, ?, ?)'
    ),
    registration: db.prepare(
      'INSERT OR IGNORE INTO exams_registrations (exam_id, group_number, slot_number, user_id) VALUES (?, ?, ?, ?)'
    ),
    facAdmin: db.prepare('INSERT OR IGNORE INTO exams_fac_admins (fac_id, user_id) VALUES (?, ?)')
  }
}

export type Inserts = ReturnType<typeof prepareInserts>
