import { OfficerLanguage, ServiceType } from '@lms/personnel';

/** The demo organisation: real-looking Kazakh units and people, generated deterministically. */
export interface DemoUnit {
  code: string;
  name: string;
  parent: string | null;
  serviceType?: ServiceType;
}

export interface DemoOfficer {
  personnelNumber: string;
  fullName: string;
  rank: string;
  position: string;
  serviceType: ServiceType;
  unitCode: string;
  status: 'active' | 'on_leave' | 'dismissed';
  language: OfficerLanguage;
}

const REGIONS: { code: string; name: string; districts: [string, string][] }[] = [
  {
    code: 'ALM',
    name: 'Алматы қаласының Полиция департаменті',
    districts: [
      ['ALMALY', 'Алмалы'],
      ['BOST', 'Бостандық'],
      ['AUEZ', 'Әуезов'],
      ['MEDEU', 'Медеу'],
      ['TURK', 'Түрксіб'],
    ],
  },
  {
    code: 'AST',
    name: 'Астана қаласының Полиция департаменті',
    districts: [
      ['ESIL', 'Есіл'],
      ['SARY', 'Сарыарқа'],
      ['BAIK', 'Байқоңыр'],
      ['NURA', 'Нұра'],
    ],
  },
  {
    code: 'SHY',
    name: 'Шымкент қаласының Полиция департаменті',
    districts: [
      ['ABAI', 'Абай'],
      ['FARABI', 'Әл-Фараби'],
      ['ENBEK', 'Еңбекші'],
    ],
  },
  {
    code: 'KRG',
    name: 'Қарағанды облысының Полиция департаменті',
    districts: [
      ['KRGCITY', 'Қарағанды қалалық'],
      ['TEMIR', 'Теміртау қалалық'],
      ['BALKH', 'Балқаш қалалық'],
    ],
  },
];

const SECTIONS: { suffix: string; name: string; serviceType: ServiceType; positions: string[] }[] = [
  {
    suffix: 'PPS',
    name: 'патрульдік полиция батальоны',
    serviceType: 'patrol',
    positions: ['патрульный полицейский', 'старший патрульный полицейский', 'командир взвода'],
  },
  {
    suffix: 'UP',
    name: 'учаскелік полиция инспекторлары бөлімшесі',
    serviceType: 'district_inspector',
    positions: ['участковый инспектор полиции', 'старший участковый инспектор полиции'],
  },
  {
    suffix: 'JP',
    name: 'жол полициясы бөлімшесі',
    serviceType: 'traffic',
    positions: ['инспектор дорожной полиции', 'старший инспектор дорожной полиции'],
  },
  {
    suffix: 'IDN',
    name: 'кәмелетке толмағандар ісі жөніндегі инспекция',
    serviceType: 'juvenile',
    positions: ['инспектор по делам несовершеннолетних', 'старший инспектор по делам несовершеннолетних'],
  },
];

const MALE = [
  'Ерлан',
  'Асхат',
  'Дәурен',
  'Нұрлан',
  'Бауыржан',
  'Айдос',
  'Ерболат',
  'Қайрат',
  'Мұрат',
  'Ғалым',
  'Серік',
  'Жандос',
  'Арман',
  'Талғат',
  'Әділет',
  'Нұрсұлтан',
];
const FEMALE = ['Айгүл', 'Әсем', 'Динара', 'Жанар', 'Гүлнұр', 'Аружан', 'Мөлдір', 'Құралай', 'Сәуле', 'Індира'];
const FATHERS = [
  'Серік',
  'Болат',
  'Қанат',
  'Марат',
  'Ержан',
  'Нұрлан',
  'Асқар',
  'Бақыт',
  'Өмірзақ',
  'Тұрсын',
  'Рүстем',
  'Һадис',
];
const SURNAMES = [
  'Ахметов',
  'Серікбаев',
  'Жұмабаев',
  'Нұрланов',
  'Әбдірахманов',
  'Қасымов',
  'Оспанов',
  'Төлеуов',
  'Сейітов',
  'Мұхаметжанов',
  'Бекұлов',
  'Ғабдуллин',
  'Үсенов',
  'Ісмағұлов',
  'Өтегенов',
  'Құдайбергенов',
  'Иванов',
  'Ким',
];
const RANKS = [
  'лейтенант полиции',
  'старший лейтенант полиции',
  'капитан полиции',
  'майор полиции',
  'подполковник полиции',
];

/** A small deterministic generator so every demo install looks the same. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [{ code: 'MVD', name: 'Қазақстан Республикасы Ішкі істер министрлігі', parent: null }];
  for (const region of REGIONS) {
    units.push({ code: region.code, name: region.name, parent: 'MVD' });
    for (const [code, name] of region.districts) {
      const district = `${region.code}-${code}`;
      units.push({ code: district, name: `${name} ауданының полиция басқармасы`, parent: region.code });
      for (const section of SECTIONS) {
        units.push({
          code: `${district}-${section.suffix}`,
          name: `${name} ПБ ${section.name}`,
          parent: district,
          serviceType: section.serviceType,
        });
      }
    }
  }
  return units;
}

export function demoOfficers(perSection = 6): DemoOfficer[] {
  const random = prng(20260101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const officers: DemoOfficer[] = [];
  let number = 100001;
  for (const unit of demoUnits()) {
    if (!unit.serviceType) continue;
    const section = SECTIONS.find((s) => s.serviceType === unit.serviceType)!;
    for (let i = 0; i < perSection; i++) {
      const female = random() < 0.25;
      const surname = pick(SURNAMES);
      const father = pick(FATHERS);
      const fullName = female
        ? `${surname.endsWith('ов') || surname.endsWith('ев') || surname.endsWith('ин') ? surname + 'а' : surname} ${pick(FEMALE)} ${father}қызы`
        : `${surname} ${pick(MALE)} ${father}ұлы`;
      const roll = random();
      officers.push({
        personnelNumber: String(number++),
        fullName,
        rank: pick(RANKS),
        position: pick(section.positions),
        serviceType: random() < 0.05 ? 'other' : unit.serviceType,
        unitCode: unit.code,
        status: roll < 0.05 ? 'on_leave' : roll < 0.07 ? 'dismissed' : 'active',
        language: random() < 0.6 ? 'kk' : 'ru',
      });
    }
  }
  return officers;
}
