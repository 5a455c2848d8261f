import type { LangDict } from '../../shared/types'

export interface OAuthPair {
  key: string
  secret: string
}

/**
 * What sign-in needs of a USOS client (the UsosClient in core/usos fits): the three OAuth legs,
 * signed calls, revoking.
 */
export interface SignInClient {
  requestToken(callback: string, scopes: string[]): Promise<OAuthPair & { authorizeUrl: string }>
  accessToken(requestToken: OAuthPair, verifier: string): Promise<OAuthPair>
  withToken(token: OAuthPair | null): SignInClient
  call<T = unknown>(
    method: string,
    params?: Record<string, string | number | boolean | undefined>,
    opts?: { signal?: AbortSignal }
  ): Promise<T>
  revokeToken(): Promise<void>
}

export type ClientFactory = (options: {
  baseUrl: string
  consumer: OAuthPair
  token?: OAuthPair | null
}) => SignInClient

export interface Account {
  id: string
  baseUrl: string
  institutionName: LangDict | null
  consumerKey: string
  userId: string
  firstName: string
  lastName: string
  scopes: string[]
  isDemo: boolean
  /** The token was refused (expired or revoked): the user must sign in again; nothing is lost. */
  needsSignIn: boolean
  createdAt: string
}

/** Scopes the app asks for, each with why (shown on the sign-in screen). */
export const APP_SCOPES = [
  'offline_access',
  'staff_perspective',
  'studies',
  'slips',
  'slips_admin',
  'email'
] as const
export type AppScope = (typeof APP_SCOPES)[number]
