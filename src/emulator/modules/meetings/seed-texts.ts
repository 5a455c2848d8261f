/** Realistic Polish/English texts for the seeded office hours. */

export const MEETING_NAMES: Array<[string, string, string | null, string | null]> = [
  ['Dyżur', 'Office hours', 'Proszę zapisywać się z wyprzedzeniem.', 'Please sign up in advance.'],
  [
    'Konsultacje przed egzaminem',
    'Consultations before the exam',
    'Tylko dla studentów kursu.',
    'For students of the course only.'
  ],
  ['Konsultacje prac dyplomowych', 'Thesis consultations', null, null],
  [
    'Dyżur dla doktorantów',
    'Office hours for PhD students',
    'Sala może się zmienić.',
    'The room may change.'
  ],
  ['Zaliczenia poprawkowe', 'Resit assessments', 'Proszę zabrać indeks.', 'Please bring your student ID.'],
  ['Omówienie kolokwium', 'Test review', null, null]
]
export const MEETING_SUBST: Array<[string, string, string, string]> = [
  ['Konsultacje', 'Consultation', 'Pytania dotyczące zajęć', 'Questions about the classes'],
  ['Praca dyplomowa', 'Thesis', 'Sprawy pracy dyplomowej', 'Thesis matters'],
  ['Sprawy organizacyjne', 'Administrative matters', 'Zaliczenia, terminy', 'Credits and deadlines'],
  ['Poprawa oceny', 'Grade improvement', 'Wgląd do pracy, poprawa', 'Reviewing a test, resits']
]
export const REJECTION_SUBST: Array<[string, string, string, string]> = [
  ['Brak miejsc', 'No seats left', 'Proszę zapisać się na inny termin.', 'Please sign up for another date.'],
  [
    'Sprawa do załatwienia mailowo',
    'Can be handled by e-mail',
    'Proszę napisać wiadomość.',
    'Please send an e-mail.'
  ],
  ['Termin odwołany', 'Date cancelled', 'Przepraszam za utrudnienia.', 'Sorry for the inconvenience.']
]
export const MESSAGES = [
  'Chciałbym omówić projekt.',
  'Pytanie o kolokwium.',
  'Wgląd do pracy.',
  'Prośba o podpis.',
  'Konsultacja tematu pracy.',
  null,
  null
]

/** The lecturer's private notes about a student: for their own eyes only. */
export const PRIVATE_NOTES = [
  'Ma trudności z dowodami indukcyjnymi; zaproponować dodatkowe zadania.',
  'Prosi o przedłużenie terminu projektu — zgoda do końca tygodnia.',
  'Bardzo dobre pytania na dyżurze, warto zaproponować koło naukowe.',
  'Nieobecny na dwóch kolokwiach, sprawdzić usprawiedliwienie.',
  'Temat pracy: algorytmy grafowe; do ustalenia promotor pomocniczy.',
  'Pisze wolno, ale rzetelnie. Ewentualnie dłuższy czas na egzaminie (orzeczenie).'
]

/** Public notes: visible to every staff member who looks the student up. */
export const PUBLIC_NOTES = [
  'Konsultacja w sprawie projektu zaliczeniowego — ustalono zakres.',
  'Wgląd do kolokwium odbyty, ocena bez zmian.',
  'Omówiono plan pracy dyplomowej, kolejne spotkanie za dwa tygodnie.',
  'Student zgłosił problem z dostępem do USOSweb; przekazano do dziekanatu.',
  'Uzgodniono termin poprawy kolokwium.',
  'Podpisano kartę zaliczeniową.'
]
