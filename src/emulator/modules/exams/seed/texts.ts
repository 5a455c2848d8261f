/** Polish and English texts of the seeded sessions and exams, as a faculty office would write them. */

export type SessionKind = 'early' | 'main' | 'parttime' | 'resit' | 'parttime_resit'

interface Season {
  pl: string
  plAdj: string
  en: string
}
const seasonOf = (termId: string): Season =>
  termId.endsWith('-L')
    ? { pl: 'letni', plAdj: 'letnia', en: 'Summer' }
    : { pl: 'zimowy', plAdj: 'zimowa', en: 'Winter' }

/** "2026/27-Z" -> "2026/27". */
const academicYear = (termId: string) => termId.replace(/-[A-Z]+$/, '')

export function sessionName(kind: SessionKind, termId: string): { pl: string; en: string } {
  const s = seasonOf(termId)
  const y = academicYear(termId)
  switch (kind) {
    case 'early':
      return {
        pl: `Egzaminy zerowe — semestr ${s.pl} ${y}`,
        en: `Early exams — ${s.en.toLowerCase()} semester ${y}`
      }
    case 'main':
      return {
        pl: `Sesja ${s.plAdj} ${y} — studia stacjonarne`,
        en: `${s.en} examination session ${y} — full-time studies`
      }
    case 'parttime':
      return {
        pl: `Sesja ${s.plAdj} ${y} — studia niestacjonarne`,
        en: `${s.en} examination session ${y} — part-time studies`
      }
    case 'resit':
      return {
        pl: `Sesja poprawkowa ${s.plAdj} ${y} — studia stacjonarne`,
        en: `${s.en} resit session ${y} — full-time studies`
      }
    case 'parttime_resit':
      return {
        pl: `Sesja poprawkowa ${s.plAdj} ${y} — studia niestacjonarne`,
        en: `${s.en} resit session ${y} — part-time studies`
      }
  }
}

export function sessionDescription(
  kind: SessionKind,
  faculty: { pl: string; en: string }
): { pl: string; en: string } {
  const resit = kind === 'resit' || kind === 'parttime_resit'
  return {
    pl:
      `${faculty.pl}. Rejestracja na egzaminy odbywa się w USOSweb w terminach podanych przy każdym egzaminie. ` +
      (resit
        ? 'Do terminu poprawkowego mogą zapisać się osoby, które nie zdały egzaminu w pierwszym terminie lub do niego nie przystąpiły.'
        : 'Wyrejestrowanie i zamiana grupy są możliwe do terminów podanych przy egzaminie; później prosimy o kontakt z sekretariatem.'),
    en:
      `${faculty.en}. Registration for exams takes place in USOSweb within the periods given for each exam. ` +
      (resit
        ? 'The resit is open to students who failed or missed the first sitting.'
        : 'Unregistering and changing groups are possible until the deadlines given for the exam; afterwards please contact the faculty office.')
  }
}

export interface ExamKind {
  code: string
  oral: boolean
  /** Sitting of the exam report: 1 first, 2 resit. */
  sitting: 1 | 2
  pl: string
  en: string
  descPl: string
  descEn: string
}

const WRITTEN: ExamKind = {
  code: 'EP',
  oral: false,
  sitting: 1,
  pl: 'egzamin pisemny',
  en: 'written exam',
  descPl:
    'Egzamin pisemny z materiału wykładu i ćwiczeń, 120 minut. Dozwolona jedna kartka A4 z odręcznymi notatkami; telefony i kalkulatory niedozwolone. Proszę mieć przy sobie legitymację studencką.',
  descEn:
    'Written exam on the lectures and classes, 120 minutes. One handwritten A4 sheet of notes is allowed; no phones or calculators. Please bring your student ID.'
}
const ORAL: ExamKind = {
  code: 'EU',
  oral: true,
  sitting: 1,
  pl: 'egzamin ustny',
  en: 'oral exam',
  descPl:
    'Egzamin ustny: każda osoba losuje trzy pytania z listy opublikowanej na stronie przedmiotu. Prosimy przyjść 10 minut przed początkiem swojego slotu.',
  descEn:
    'Oral exam: each student draws three questions from the list published on the course page. Please arrive 10 minutes before your slot starts.'
}
const EARLY: ExamKind = {
  code: 'EZ',
  oral: false,
  sitting: 1,
  pl: 'egzamin zerowy',
  en: 'early exam',
  descPl:
    'Egzamin zerowy dla osób z oceną co najmniej dobrą z ćwiczeń. Niezdany egzamin zerowy nie przepada: pierwszy termin pozostaje dostępny.',
  descEn:
    'Early exam for students with at least a good grade from the classes. Failing it costs nothing: the first sitting remains available.'
}
const RESIT_WRITTEN: ExamKind = {
  code: 'PP',
  oral: false,
  sitting: 2,
  pl: 'egzamin poprawkowy (pisemny)',
  en: 'resit exam (written)',
  descPl: 'Termin poprawkowy w formie pisemnej, 90 minut. Zakres materiału jak w pierwszym terminie.',
  descEn: 'Written resit, 90 minutes. The material is the same as in the first sitting.'
}
const RESIT_ORAL: ExamKind = {
  code: 'PU',
  oral: true,
  sitting: 2,
  pl: 'egzamin poprawkowy (ustny)',
  en: 'resit exam (oral)',
  descPl: 'Termin poprawkowy w formie ustnej, w slotach po kilka osób. Lista pytań jak w pierwszym terminie.',
  descEn: 'Oral resit in slots of a few students. The questions are those of the first sitting.'
}

export const EXAM_KINDS: Record<SessionKind, ExamKind[]> = {
  early: [EARLY],
  main: [WRITTEN, ORAL],
  parttime: [WRITTEN, ORAL],
  resit: [RESIT_WRITTEN, RESIT_ORAL],
  parttime_resit: [RESIT_WRITTEN]
}

export function examName(
  kind: ExamKind,
  course: { pl: string; en: string },
  partTime: boolean
): { pl: string; en: string } {
  return {
    pl: `${course.pl} — ${kind.pl}${partTime ? ' (studia niestacjonarne)' : ''}`,
    en: `${course.en} — ${kind.en}${partTime ? ' (part-time studies)' : ''}`
  }
}

export const EXAMREP_TYPES = {
  exam: { pl: 'Egzamin', en: 'Exam' },
  classes: { pl: 'Zaliczenie ćwiczeń', en: 'Classes credit' }
} as const
