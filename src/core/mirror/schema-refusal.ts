import type { Migration } from '../store/migrations'

/**
 * What USOS said when it refused a write, beside its English message: its reason codes and its
 * localized user_messages (JSON `{reasons, userMessages}`), so the window words it in the UI
 * language instead of showing USOS's English.
 */
export const outboxRefusalMigration: Migration = (db) => {
  db.exec(`ALTER TABLE outbox ADD COLUMN refusal TEXT;`)
}
