import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo, Settings } from '../../../shared/types'
import {
  ICS_ALARM_MINUTES,
  REMINDER_MINUTES,
  isIcsFilePath,
  type IcsAlarmMinutes,
  type ReminderMinutes
} from '../../../shared/reminders'
import { api } from '../../app/api'
import { errorText } from '../../app/error-text'

export function SettingsPage({
  settings,
  onChange
}: {
  settings: Settings
  onChange: (s: Settings) => void
}) {
  const { t } = useTranslation()
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [icsPath, setIcsPath] = useState(settings.autoExportIcsPath ?? '')

  useEffect(() => {
    api.getAppInfo().then(setInfo, (e: unknown) => setError(errorText(e)))
  }, [])

  const save = async (patch: Partial<Settings>) => {
    setSaved(false)
    // Shown at once (a checkbox flips as it is clicked); the main process's answer then stands,
    // or, refused, what was there before.
    const before = settings
    onChange({ ...settings, ...patch })
    try {
      onChange(await api.updateSettings(patch))
      setError(null)
      setSaved(true)
    } catch (e) {
      onChange(before)
      setError(errorText(e))
    }
  }

  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      {error && (
        <p role="alert" className="error">
          {t('app.error', { message: error })}
        </p>
      )}
      <div className="form-row">
        <label htmlFor="language">{t('settings.language')}</label>
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void save({ language: e.target.value as Settings['language'] })}
        >
          <option value="pl">Polski</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="theme">{t('settings.theme')}</label>
        <select
          id="theme"
          value={settings.theme}
          onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="auto-sync">{t('settings.autoSync')}</label>
        <select
          id="auto-sync"
          value={settings.autoSyncMinutes}
          aria-describedby="auto-sync-hint"
          onChange={(e) => void save({ autoSyncMinutes: Number(e.target.value) })}
        >
          {[...new Set([0, 5, 10, 15, 30, 60, settings.autoSyncMinutes])]
            .sort((a, b) => a - b)
            .map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t('settings.autoSyncOff') : t('settings.autoSyncEvery', { count: m })}
              </option>
            ))}
        </select>
        <span className="hint" id="auto-sync-hint">
          {t('settings.autoSyncHint')}
        </span>
      </div>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault()
          const path = icsPath.trim()
          // Said here, in the UI's language (the main process refuses it too).
          if (path !== '' && !isIcsFilePath(path)) {
            setSaved(false)
            setError(t('settings.autoExportNotIcs'))
            return
          }
          void save({ autoExportIcsPath: path === '' ? null : path })
        }}
      >
        <label htmlFor="auto-ics">{t('settings.autoExport')}</label>
        <input
          id="auto-ics"
          value={icsPath}
          placeholder="/home/…/office-hours.ics"
          aria-describedby="auto-ics-hint"
          onChange={(e) => setIcsPath(e.target.value)}
        />
        <button type="submit">{t('settings.save')}</button>
      </form>
      <p id="auto-ics-hint" className="hint">
        {t('settings.autoExportHint')}
      </p>
      <div className="form-row">
        <label htmlFor="ics-alarm">{t('settings.icsAlarm')}</label>
        <select
          id="ics-alarm"
          value={settings.icsAlarmMinutes ?? ''}
          aria-describedby="ics-alarm-hint"
          onChange={(e) =>
            void save({
              icsAlarmMinutes: e.target.value === '' ? null : (Number(e.target.value) as IcsAlarmMinutes)
            })
          }
        >
          <option value="">{t('settings.icsAlarmNone')}</option>
          {ICS_ALARM_MINUTES.map((m) => (
            <option key={m} value={m}>
              {t(`settings.icsAlarm${m}`)}
            </option>
          ))}
        </select>
        <span className="hint" id="ics-alarm-hint">
          {t('settings.icsAlarmHint')}
        </span>
      </div>
      <fieldset className="settings-group" aria-describedby="notifications-hint">
        <legend>{t('settings.notificationsHeading')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifySignUps}
            onChange={(e) => void save({ notifySignUps: e.target.checked })}
          />
          {t('settings.notifySignUps')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifyPromotions}
            onChange={(e) => void save({ notifyPromotions: e.target.checked })}
          />
          {t('settings.notifyPromotions')}
        </label>
        <div className="form-row">
          <label htmlFor="reminder">{t('settings.reminder')}</label>
          <select
            id="reminder"
            value={settings.reminderMinutes}
            onChange={(e) => void save({ reminderMinutes: Number(e.target.value) as ReminderMinutes })}
          >
            {REMINDER_MINUTES.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t('settings.reminderOff') : t('settings.reminderBefore', { count: m })}
              </option>
            ))}
          </select>
        </div>
        <p id="notifications-hint" className="hint">
          {t('settings.notificationsHint')}
        </p>
      </fieldset>
      <p role="status" aria-live="polite" className="status">
        {saved ? t('settings.saved') : ''}
      </p>
      {info && (
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd data-testid="data-dir">{info.dataDir}</dd>
          <dt>{t('settings.timeZone')}</dt>
          <dd>{info.timeZone}</dd>
        </dl>
      )}
    </section>
  )
}
