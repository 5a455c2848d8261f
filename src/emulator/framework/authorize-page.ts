/** The demo installation's sign-in page: choose who you are, grant access, get a PIN. */
const ROLES: Array<[string, string]> = [
  ['lecturer', 'Wykładowca / Lecturer (dr hab. Zofia Żółkiewska)'],
  ['student', 'Student / Student'],
  ['template_admin', 'Administrator szablonów obiegówek / Slip template admin'],
  ['administrator', 'Administrator egzaminów / Exam administrator']
]

const shell = (body: string) => `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>USOS API — instalacja demonstracyjna</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.4rem 0}
button{font:inherit;padding:.4rem 1rem;margin-right:.5rem}#oauth-verifier{font-size:2rem;letter-spacing:.2rem}</style></head>
<body>${body}</body></html>`

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function authorizePage(tokenKey: string | null): string {
  if (!tokenKey)
    return shell(
      '<h1>Nieprawidłowy token / Invalid token</h1><p>Start the sign-in again from the application.</p>'
    )
  return shell(`<h1>Instalacja demonstracyjna USOS API</h1>
<p>Aplikacja prosi o dostęp do Twojego konta. / An application asks for access to your account.</p>
<form method="post">
<input type="hidden" name="oauth_token" value="${esc(tokenKey)}">
<fieldset><legend>Zaloguj jako / Sign in as</legend>
${ROLES.map(([value, label], i) => `<label><input type="radio" name="role" value="${value}"${i === 0 ? ' checked' : ''}> ${label}</label>`).join('\n')}
</fieldset>
<p><button type="submit" name="decision" value="grant" id="grant">Zezwól / Allow</button>
<button type="submit" name="decision" value="deny">Odmów / Deny</button></p>
</form>`)
}

export function grantedPage(verifier: string | null): string {
  if (verifier === null) return shell('<h1>Odmówiono dostępu / Access denied</h1>')
  return shell(`<h1>Dostęp przyznany / Access granted</h1>
<p>Wpisz ten PIN w aplikacji / Enter this PIN in the application:</p>
<p><strong id="oauth-verifier">${esc(verifier)}</strong></p>`)
}
