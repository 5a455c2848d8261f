import { UsosApiError, type CallContext, type Json, type MethodDef } from '../../framework/types'
import { usosDateTime } from '../../support/warsaw'
import {
  facultyType,
  groupType,
  loadGroup,
  loadUser,
  roomType,
  termType,
  unitType,
  courseType,
  userType
} from './types'

const notFound = (param: string, what: string) =>
  new UsosApiError(400, 'object_not_found', `${what} does not exist.`, { param_name: param })

function single<T>(
  ctx: CallContext,
  typeName: string,
  entity: T | null,
  param: string,
  what: string,
  def: string
): Json {
  const selector = ctx.fields(typeName, def)
  if (!entity) throw notFound(param, what)
  return ctx.select(typeName, entity, selector)
}

const load = (
  type: { load?: (id: string | number, ctx: CallContext) => unknown },
  id: string,
  ctx: CallContext
) => (type.load ? type.load(id, ctx) : null)

export const commonMethods: MethodDef[] = [
  {
    name: 'users/user',
    auth: 'token_optional',
    handler: (ctx) => {
      const id = ctx.params.string('user_id') ?? ctx.user?.id
      if (!id)
        throw new UsosApiError(400, 'param_missing', 'user_id is required when no access token is given.', {
          param_name: 'user_id'
        })
      return single(ctx, 'users/user', loadUser(ctx, id), 'user_id', 'User', 'id|first_name|last_name')
    }
  },
  {
    name: 'users/users',
    auth: 'token_optional',
    handler: (ctx) => {
      const ids = ctx.params.list('user_ids', { required: true, max: 500 })
      const selector = ctx.fields('users/user', 'id|first_name|last_name', { listMethod: true })
      return Object.fromEntries(ids.map((id) => [id, ctx.select('users/user', loadUser(ctx, id), selector)]))
    }
  },
  {
    name: 'fac/faculty',
    auth: 'consumer',
    handler: (ctx) =>
      single(
        ctx,
        'fac/faculty',
        load(facultyType, ctx.params.requiredString('fac_id'), ctx),
        'fac_id',
        'Faculty',
        'id|name'
      )
  },
  {
    name: 'terms/term',
    auth: 'consumer',
    handler: (ctx) =>
      single(
        ctx,
        'terms/term',
        load(termType, ctx.params.requiredString('term_id'), ctx),
        'term_id',
        'Term',
        'id|name|start_date|end_date|finish_date'
      )
  },
  {
    name: 'geo/room',
    auth: 'consumer',
    handler: (ctx) =>
      single(
        ctx,
        'geo/room',
        load(roomType, ctx.params.requiredString('room_id'), ctx),
        'room_id',
        'Room',
        'id|number|building_name'
      )
  },
  {
    name: 'courses/course',
    auth: 'consumer',
    handler: (ctx) =>
      single(
        ctx,
        'courses/course',
        load(courseType, ctx.params.requiredString('course_id'), ctx),
        'course_id',
        'Course',
        'id|name'
      )
  },
  {
    name: 'courses/unit',
    auth: 'consumer',
    handler: (ctx) =>
      single(
        ctx,
        'courses/unit',
        load(unitType, ctx.params.requiredString('unit_id'), ctx),
        'unit_id',
        'Course unit',
        'id|course_id|course_name|term_id'
      )
  },
  {
    name: 'groups/group',
    auth: 'token_optional',
    handler: (ctx) => {
      const unit = ctx.params.requiredInt('course_unit_id')
      const group = ctx.params.requiredInt('group_number')
      return single(
        ctx,
        'groups/group',
        loadGroup(ctx, unit, group),
        'course_unit_id',
        'Group',
        'course_unit_id|group_number|class_type|course_name'
      )
    }
  },
  {
    name: 'apisrv/installations',
    auth: 'consumer',
    anonymous: true,
    handler: (ctx) => [
      {
        base_url:
          (
            ctx.db.prepare("SELECT value FROM emulator_meta WHERE key = 'base_url'").get() as
              { value: string } | undefined
          )?.value ?? null,
        version: 'demo-1',
        institution_name: { pl: 'Uniwersytet Demonstracyjny', en: 'Demo University' },
        contact_emails: ['usos-office-hours@demo.usos.example']
      }
    ]
  },
  {
    // The installation's clock, as USOS's own Python client (usosapi.py) calls it to test a
    // connection: consumer and token ignored; the answer is the installation's local time with
    // microseconds ("2026-12-04 11:23:45.123000"), a JSON string.
    name: 'apisrv/now',
    auth: 'consumer',
    anonymous: true,
    handler: (ctx) => {
      const now = ctx.now()
      return `${usosDateTime(now)}.${String(now.getMilliseconds()).padStart(3, '0')}000`
    }
  }
]

export const commonTypes = [userType, facultyType, termType, roomType, courseType, unitType, groupType]
