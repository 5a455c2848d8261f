/**
 * Texts of the seeded clearance slips: template kinds with their questions, in Polish and English
 * (a template is written in one language; each kind exists in both).
 */

/** Who answers a question by default: a pool of staff picked by the seed (or the demo lecturer). */
export type AnswererPool =
  'library' | 'dorm' | 'finance' | 'deans_office' | 'lab' | 'it' | 'sport' | 'coordinator'

export interface QuestionSpec {
  pl: string
  en: string
  descPl?: string
  descEn?: string
  pool: AnswererPool
  clientAnswers?: boolean
  issuersAnswer?: boolean
  issuersAssign?: boolean
  includedByDefault?: boolean
  /** An earlier wording, seeded as an obsolete question (as if forked by a "meaning changed" edit). */
  oldPl?: string
  oldEn?: string
}

export interface TemplateKind {
  key: string
  namesPl: string[]
  namesEn: string[]
  descPl: string | null
  descEn: string | null
  questions: QuestionSpec[]
}

export const REGEXP = {
  pl: {
    cleared: '/^\\s*(tak|brak zaległości|rozliczon[oya]|zwrócon[oya]|zaliczon[oya]|nie dotyczy|ok)\\b/iu',
    rejected: '/^\\s*(nie(?!\\s+dotyczy)\\b|zaległ|brak zwrotu|nierozliczon)/iu',
    quick: 'tak|nie|brak zaległości|nie dotyczy'
  },
  en: {
    cleared: '/^\\s*(yes|cleared|returned|paid|ok|not applicable|n\\/a)\\b/i',
    rejected: '/^\\s*(no|outstanding|not returned|unpaid|overdue)\\b/i',
    quick: 'yes|no|cleared|not applicable'
  }
} as const

/** Answers by the status they should compute to, so the seeded data shows every answer_status. */
export const ANSWERS = {
  pl: {
    cleared: ['tak', 'Tak, wszystko rozliczone.', 'brak zaległości', 'zwrócono komplet', 'nie dotyczy', 'ok'],
    rejected: [
      'nie',
      'Nie – zaległa opłata 120 zł.',
      'zaległość: 2 książki',
      'brak zwrotu klucza',
      'nierozliczone'
    ],
    unclear: ['Do wyjaśnienia w dziekanacie.', 'częściowo', 'Proszę o kontakt z kierownikiem pracowni.']
  },
  en: {
    cleared: ['yes', 'Yes, all settled.', 'cleared', 'returned in full', 'not applicable', 'paid'],
    rejected: ['no', 'No – 120 PLN fee outstanding.', 'outstanding: 2 books', 'not returned', 'overdue'],
    unclear: ['To be clarified at the dean’s office.', 'partially', 'Please contact the lab manager.']
  }
} as const

const library: QuestionSpec = {
  pl: 'Czy student zwrócił wszystkie książki do Biblioteki Głównej?',
  en: 'Has the student returned all books to the Main Library?',
  descPl: 'Sprawdź konto czytelnika w systemie bibliotecznym, w tym wypożyczenia międzybiblioteczne.',
  descEn: "Check the reader's account in the library system, interlibrary loans included.",
  pool: 'library',
  oldPl: 'Czy student oddał książki?',
  oldEn: 'Has the student returned the books?'
}
const facultyLibrary: QuestionSpec = {
  pl: 'Czy student rozliczył się z biblioteki wydziałowej?',
  en: 'Has the student settled their account with the faculty library?',
  pool: 'library'
}
const libraryFines: QuestionSpec = {
  pl: 'Czy student uregulował kary za przetrzymanie książek?',
  en: 'Has the student paid all overdue book fines?',
  pool: 'library',
  issuersAnswer: true
}
const readingRoom: QuestionSpec = {
  pl: 'Czy student zwrócił kartę do czytelni czasopism?',
  en: 'Has the student returned the periodicals reading room card?',
  pool: 'library',
  includedByDefault: false
}
const dorm: QuestionSpec = {
  pl: 'Czy student wymeldował się z domu studenckiego?',
  en: 'Has the student checked out of the student dormitory?',
  descPl: 'Dotyczy tylko osób, które w trakcie studiów mieszkały w domu studenckim uczelni.',
  descEn: 'Applies only to students who lived in a university dormitory during their studies.',
  pool: 'dorm'
}
const dormRent: QuestionSpec = {
  pl: 'Czy opłaty za zakwaterowanie zostały uregulowane?',
  en: 'Has all accommodation rent been paid?',
  pool: 'dorm'
}
const dormKeys: QuestionSpec = {
  pl: 'Czy student zwrócił klucze i kartę dostępu do pokoju?',
  en: 'Has the student returned the room keys and access card?',
  pool: 'dorm'
}
const dormInspection: QuestionSpec = {
  pl: 'Czy pokój przeszedł odbiór bez uwag?',
  en: 'Did the room pass the check-out inspection?',
  descPl: 'Wpisz ewentualne uszkodzenia wyposażenia i kwotę do zapłaty.',
  descEn: 'Note any damage to the furnishings and the amount due.',
  pool: 'dorm'
}
const fees: QuestionSpec = {
  pl: 'Czy student uregulował wszystkie opłaty za studia?',
  en: 'Has the student paid all tuition and fees?',
  descPl: 'Opłaty za studia niestacjonarne, powtarzanie przedmiotów, wydanie dyplomu.',
  descEn: 'Part-time tuition, repeated courses, the diploma fee.',
  pool: 'finance',
  issuersAnswer: true
}
const idCard: QuestionSpec = {
  pl: 'Czy student zwrócił elektroniczną legitymację studencką?',
  en: 'Has the student returned the electronic student ID card?',
  pool: 'deans_office',
  issuersAnswer: true
}
const thesis: QuestionSpec = {
  pl: 'Czy praca dyplomowa została złożona w Archiwum Prac Dyplomowych?',
  en: 'Has the thesis been submitted to the Diploma Theses Archive?',
  pool: 'deans_office',
  clientAnswers: true,
  descPl: 'Student może sam potwierdzić złożenie pracy, podając numer potwierdzenia z APD.',
  descEn: 'The student may confirm the submission by giving the archive receipt number.'
}
const lab: QuestionSpec = {
  pl: 'Czy student zwrócił sprzęt wypożyczony z pracowni?',
  en: 'Has the student returned all equipment borrowed from the lab?',
  descPl: 'Dotyczy laptopów, zestawów uruchomieniowych i aparatury pomiarowej.',
  descEn: 'Laptops, development kits and measuring instruments.',
  pool: 'lab',
  issuersAssign: true,
  oldPl: 'Czy student oddał sprzęt?',
  oldEn: 'Has the student returned the equipment?'
}
const labLocker: QuestionSpec = {
  pl: 'Czy student opróżnił i zwrócił szafkę w pracowni?',
  en: 'Has the student emptied and returned the lab locker?',
  pool: 'lab',
  issuersAssign: true
}
const labSafety: QuestionSpec = {
  pl: 'Czy student zdał odczynniki i odpady chemiczne?',
  en: 'Has the student handed in all reagents and chemical waste?',
  pool: 'lab',
  includedByDefault: false,
  issuersAssign: true
}
const supervisor: QuestionSpec = {
  pl: 'Czy promotor potwierdza zakończenie prac nad projektem?',
  en: 'Does the supervisor confirm the project work is complete?',
  pool: 'coordinator',
  issuersAssign: true
}
const itAccount: QuestionSpec = {
  pl: 'Czy konto w sieci uczelnianej może zostać zamknięte?',
  en: 'Can the student’s university network account be closed?',
  pool: 'it',
  includedByDefault: false
}
const sport: QuestionSpec = {
  pl: 'Czy student rozliczył się ze sprzętu sportowego SWFiS?',
  en: 'Has the student returned the sports centre equipment?',
  pool: 'sport'
}
const learningAgreement: QuestionSpec = {
  pl: 'Czy Learning Agreement został podpisany przez koordynatora?',
  en: 'Has the coordinator signed the Learning Agreement?',
  pool: 'coordinator',
  issuersAnswer: true
}
const insurance: QuestionSpec = {
  pl: 'Czy student przedstawił polisę ubezpieczeniową na czas wyjazdu?',
  en: 'Has the student provided insurance for the stay abroad?',
  pool: 'deans_office',
  clientAnswers: true
}
const erasmusGrant: QuestionSpec = {
  pl: 'Czy umowa o dofinansowanie wyjazdu została podpisana?',
  en: 'Has the mobility grant agreement been signed?',
  pool: 'finance'
}
const coursesPassed: QuestionSpec = {
  pl: 'Czy student ma zaliczone wszystkie przedmioty z planu studiów?',
  en: 'Has the student passed all courses of the study plan?',
  pool: 'deans_office',
  issuersAnswer: true
}

export const TEMPLATE_KINDS: TemplateKind[] = [
  {
    key: 'graduation',
    namesPl: [
      'Karta obiegowa absolwenta studiów I stopnia',
      'Karta obiegowa absolwenta studiów II stopnia',
      'Karta obiegowa absolwenta – jednolite magisterskie',
      'Karta obiegowa absolwenta studiów niestacjonarnych'
    ],
    namesEn: [
      'Graduation clearance – bachelor’s programme',
      'Graduation clearance – master’s programme',
      'Graduation clearance – long-cycle master’s',
      'Graduation clearance – part-time studies'
    ],
    descPl:
      'Wystawiaj po złożeniu pracy dyplomowej. Pytanie o kartę do czytelni dołącz tylko studentom, którzy z niej korzystali.',
    descEn:
      'Issue after the thesis is submitted. Add the reading room question only for students who used it.',
    questions: [library, facultyLibrary, dorm, fees, idCard, thesis, lab, supervisor, sport, itAccount]
  },
  {
    key: 'library',
    namesPl: ['Rozliczenie z Biblioteką Główną', 'Rozliczenie z bibliotekami uczelni'],
    namesEn: ['Main Library clearance', 'University libraries clearance'],
    descPl: null,
    descEn: null,
    questions: [library, facultyLibrary, libraryFines, readingRoom]
  },
  {
    key: 'dorm',
    namesPl: ['Wymeldowanie z domu studenckiego', 'Rozliczenie z domem studenckim po roku akademickim'],
    namesEn: ['Dormitory check-out', 'End-of-year dormitory clearance'],
    descPl: 'Dołącz do obiegówki tylko mieszkańcom domów studenckich.',
    descEn: 'Attach only for dormitory residents.',
    questions: [dorm, dormRent, dormKeys, dormInspection]
  },
  {
    key: 'erasmus',
    namesPl: ['Wyjazd na wymianę Erasmus+', 'Wyjazd na praktykę zagraniczną'],
    namesEn: ['Erasmus+ exchange departure', 'Traineeship abroad departure'],
    descPl: 'Koordynator wydziałowy musi zostać wyznaczony jako dodatkowy odpowiadający.',
    descEn: 'The faculty coordinator must be assigned as an extra answerer.',
    questions: [learningAgreement, insurance, erasmusGrant, fees]
  },
  {
    key: 'resignation',
    namesPl: ['Rezygnacja ze studiów', 'Skreślenie z listy studentów'],
    namesEn: ['Withdrawal from studies', 'Removal from the student register'],
    descPl: null,
    descEn: null,
    questions: [fees, library, idCard, dorm, lab]
  },
  {
    key: 'lab',
    namesPl: ['Rozliczenie z pracowni specjalistycznej', 'Rozliczenie z laboratorium dyplomowego'],
    namesEn: ['Specialist lab clearance', 'Diploma lab clearance'],
    descPl: 'Kierownik pracowni może wyznaczyć opiekuna stanowiska jako dodatkowego odpowiadającego.',
    descEn: 'The lab manager may assign the workstation supervisor as an extra answerer.',
    questions: [lab, labLocker, labSafety, supervisor]
  },
  {
    key: 'semester',
    namesPl: ['Zaliczenie semestru – wpis warunkowy', 'Powtarzanie przedmiotu – rozliczenie'],
    namesEn: ['Semester completion – conditional enrolment', 'Repeated course – clearance'],
    descPl: null,
    descEn: null,
    questions: [coursesPassed, fees, lab]
  }
]

export const PROGRAMMES = [
  {
    id: 'S1-INF',
    pl: 'Informatyka, stacjonarne pierwszego stopnia',
    en: 'Computer Science, full-time first-cycle'
  },
  {
    id: 'S2-INF',
    pl: 'Informatyka, stacjonarne drugiego stopnia',
    en: 'Computer Science, full-time second-cycle'
  },
  {
    id: 'S1-MAT',
    pl: 'Matematyka, stacjonarne pierwszego stopnia',
    en: 'Mathematics, full-time first-cycle'
  },
  { id: 'S1-FIZ', pl: 'Fizyka, stacjonarne pierwszego stopnia', en: 'Physics, full-time first-cycle' },
  {
    id: 'N1-ZAR',
    pl: 'Zarządzanie, niestacjonarne pierwszego stopnia',
    en: 'Management, part-time first-cycle'
  },
  {
    id: 'S2-BIO',
    pl: 'Biotechnologia, stacjonarne drugiego stopnia',
    en: 'Biotechnology, full-time second-cycle'
  },
  { id: 'JM-PR', pl: 'Prawo, jednolite magisterskie', en: 'Law, long-cycle master’s' },
  { id: 'S1-CHE', pl: 'Chemia, stacjonarne pierwszego stopnia', en: 'Chemistry, full-time first-cycle' }
] as const

export const ISSUER_COMMENTS = {
  pl: [
    'Proszę o pilne rozliczenie – termin wydania dyplomu 30 dni.',
    'Student mieszkał w DS „Riviera” do czerwca.',
    'Wypożyczony laptop nr inw. 4471/2021.',
    'Obiegówka wystawiona na prośbę studenta.'
  ],
  en: [
    'Please settle promptly – diploma due within 30 days.',
    'The student lived in the dormitory until June.',
    'Borrowed laptop, inventory no. 4471/2021.',
    'Slip issued at the student’s request.'
  ]
} as const
