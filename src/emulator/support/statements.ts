import type Database from 'better-sqlite3'

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** The demo installation's prepared statements: each SQL text prepared once per connection. */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let bySql = prepared.get(db)
  if (bySql === undefined) {
    bySql = new Map()
    prepared.set(db, bySql)
  }
  let statement = bySql.get(sql)
  if (statement === undefined) {
    statement = db.prepare(sql)
    bySql.set(sql, statement)
  }
  return statement
}
