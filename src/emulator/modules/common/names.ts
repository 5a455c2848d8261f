/** Realistic Polish names and places for the seeded data. */
export const FIRST_NAMES_F = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Zofia',
  'Joanna',
  'Magdalena',
  'Monika',
  'Aleksandra',
  'Natalia',
  'Julia',
  'Zuzanna',
  'Wiktoria',
  'Łucja',
  'Gabriela',
  'Oliwia',
  'Hanna',
  'Małgosia',
  'Jadwiga',
  'Weronika'
]
export const FIRST_NAMES_M = [
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Tomasz',
  'Paweł',
  'Michał',
  'Marcin',
  'Jakub',
  'Łukasz',
  'Mateusz',
  'Grzegorz',
  'Wojciech',
  'Jan',
  'Kacper',
  'Szymon',
  'Bartłomiej',
  'Maciej',
  'Adam',
  'Stanisław',
  'Jerzy',
  'Mikołaj',
  'Antoni',
  'Filip',
  'Dawid',
  'Józef'
]
export const LAST_NAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Kwiatkowski',
  'Krawczyk',
  'Piotrowski',
  'Grabowski',
  'Nowakowski',
  'Pawłowski',
  'Michalski',
  'Król',
  'Wieczorek',
  'Jabłoński',
  'Wróbel',
  'Nowicki',
  'Majewski',
  'Olszewski',
  'Stępień',
  'Jaworski',
  'Malinowski',
  'Pająk',
  'Górski',
  'Rutkowski',
  'Sikora',
  'Baran',
  'Duda',
  'Szewczyk',
  'Tomaszewski',
  'Pietrzak',
  'Zając',
  'Żak',
  'Ćwik',
  'Śliwa',
  'Łuczak',
  'Głowacki',
  'Gołębiowski',
  'Błaszczyk',
  'Chmielewski',
  'Kaczmarek'
]

/** Feminine form of a Polish surname (Kowalski -> Kowalska). */
export function feminine(last: string): string {
  if (last.endsWith('ski')) return `${last.slice(0, -3)}ska`
  if (last.endsWith('cki')) return `${last.slice(0, -3)}cka`
  if (last.endsWith('dzki')) return `${last.slice(0, -4)}dzka`
  return last
}

export const STAFF_TITLES = ['dr', 'dr', 'dr hab.', 'dr hab.', 'prof. dr hab.', 'mgr', 'mgr inż.', 'dr inż.']

export const FACULTIES: Array<{
  code: string
  pl: string
  en: string
  institutes: Array<[string, string, string]>
}> = [
  {
    code: 'WMIM',
    pl: 'Wydział Matematyki, Informatyki i Mechaniki',
    en: 'Faculty of Mathematics, Informatics and Mechanics',
    institutes: [
      ['WMIM-II', 'Instytut Informatyki', 'Institute of Informatics'],
      ['WMIM-IM', 'Instytut Matematyki', 'Institute of Mathematics']
    ]
  },
  {
    code: 'WF',
    pl: 'Wydział Fizyki',
    en: 'Faculty of Physics',
    institutes: [['WF-IFT', 'Instytut Fizyki Teoretycznej', 'Institute of Theoretical Physics']]
  },
  {
    code: 'WH',
    pl: 'Wydział Historii',
    en: 'Faculty of History',
    institutes: [['WH-IH', 'Instytut Historyczny', 'Institute of History']]
  },
  {
    code: 'WP',
    pl: 'Wydział Prawa i Administracji',
    en: 'Faculty of Law and Administration',
    institutes: []
  }
]

export const COURSES: Array<[string, string, string]> = [
  ['1000-211bAL', 'Algebra liniowa', 'Linear Algebra'],
  ['1000-212bAM', 'Analiza matematyczna', 'Mathematical Analysis'],
  ['1000-213bPO', 'Programowanie obiektowe', 'Object-Oriented Programming'],
  ['1000-214bBD', 'Bazy danych', 'Databases'],
  ['1000-215bSO', 'Systemy operacyjne', 'Operating Systems'],
  ['1100-1F12', 'Fizyka I', 'Physics I'],
  ['1100-2MK', 'Mechanika kwantowa', 'Quantum Mechanics'],
  ['2500-HP1', 'Historia Polski nowożytnej', 'Early Modern Polish History'],
  ['1200-PR1', 'Prawo rzymskie', 'Roman Law'],
  ['1000-2M09ZBD', 'Zaawansowane bazy danych', 'Advanced Databases']
]

export const CLASS_TYPES: Array<[string, string, string]> = [
  ['WYK', 'Wykład', 'Lecture'],
  ['CW', 'Ćwiczenia', 'Classes'],
  ['LAB', 'Laboratorium', 'Laboratory'],
  ['SEM', 'Seminarium', 'Seminar']
]

export const BUILDINGS: Array<[string, string, string]> = [
  ['2250-BNW', 'Budynek Nowy Wydziałowy', 'New Faculty Building'],
  ['2110-PAST', 'Gmach Fizyki, Pasteura 5', 'Physics Building, Pasteura 5'],
  ['2050-KP', 'Kampus Krakowskie Przedmieście', 'Krakowskie Przedmieście Campus']
]
