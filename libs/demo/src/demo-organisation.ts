import { LocalizedText } from '@lms/core';
import { OfficerLanguage, ServiceType } from '@lms/personnel';

/** The demo organisation: real-looking Kazakh units and people, generated deterministically. */
export interface DemoUnit {
  code: string;
  name: string;
  names: LocalizedText;
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

const REGIONS: { code: string; name: string; ru: string; districts: [string, string, string][] }[] = [
  {
    code: 'ALM',
    ru: 'Департамент полиции города Алматы',
    name: 'Алматы қаласының Полиция департаменті',
    districts: [
      ['ALMALY', 'Алмалы', 'Алмалинского'],
      ['BOST', 'Бостандық', 'Бостандыкского'],
      ['AUEZ', 'Әуезов', 'Ауэзовского'],
      ['MEDEU', 'Медеу', 'Медеуского'],
      ['TURK', 'Түрксіб', 'Турксибского'],
    ],
  },
  {
    code: 'AST',
    ru: 'Департамент полиции города Астаны',
    name: 'Астана қаласының Полиция департаменті',
    districts: [
      ['ESIL', 'Есіл', 'Есильского'],
      ['SARY', 'Сарыарқа', 'Сарыаркинского'],
      ['BAIK', 'Байқоңыр', 'Байконурского'],
      ['NURA', 'Нұра', 'Нуринского'],
    ],
  },
  {
    code: 'SHY',
    ru: 'Департамент полиции города Шымкента',
    name: 'Шымкент қаласының Полиция департаменті',
    districts: [
      ['ABAI', 'Абай', 'Абайского'],
      ['FARABI', 'Әл-Фараби', 'Аль-Фарабийского'],
      ['ENBEK', 'Еңбекші', 'Енбекшинского'],
    ],
  },
  {
    code: 'KRG',
    ru: 'Департамент полиции Карагандинской области',
    name: 'Қарағанды облысының Полиция департаменті',
    districts: [
      ['KRGCITY', 'Қарағанды қалалық', 'Карагандинского городского'],
      ['TEMIR', 'Теміртау қалалық', 'Темиртауского городского'],
      ['BALKH', 'Балқаш қалалық', 'Балхашского городского'],
    ],
  },
];

const SECTIONS: { suffix: string; name: string; ru: string; serviceType: ServiceType; positions: string[] }[] = [
  {
    suffix: 'PPS',
    ru: 'батальон патрульной полиции',
    name: 'патрульдік полиция батальоны',
    serviceType: 'patrol',
    positions: ['патрульный полицейский', 'старший патрульный полицейский', 'командир взвода'],
  },
  {
    suffix: 'UP',
    ru: 'отделение участковых инспекторов полиции',
    name: 'учаскелік полиция инспекторлары бөлімшесі',
    serviceType: 'district_inspector',
    positions: ['участковый инспектор полиции', 'старший участковый инспектор полиции'],
  },
  {
    suffix: 'JP',
    ru: 'отделение дорожной полиции',
    name: 'жол полициясы бөлімшесі',
    serviceType: 'traffic',
    positions: ['инспектор дорожной полиции', 'старший инспектор дорожной полиции'],
  },
  {
    suffix: 'IDN',
    ru: 'инспекция по делам несовершеннолетних',
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
  const unit = (code: string, kk: string, ru: string, parent: string | null, serviceType?: ServiceType): DemoUnit => ({
    code,
    name: kk,
    names: { kk, ru },
    parent,
    ...(serviceType ? { serviceType } : {}),
  });
  const units: DemoUnit[] = [
    unit(
      'MVD',
      'Қазақстан Республикасы Ішкі істер министрлігі',
      'Министерство внутренних дел Республики Казахстан',
      null,
    ),
  ];
  for (const region of REGIONS) {
    units.push(unit(region.code, region.name, region.ru, 'MVD'));
    for (const [code, name, ru] of region.districts) {
      const district = `${region.code}-${code}`;
      units.push(
        unit(district, `${name} ауданының полиция басқармасы`, `Управление полиции ${ru} района`, region.code),
      );
      for (const section of SECTIONS) {
        units.push(
          unit(
            `${district}-${section.suffix}`,
            `${name} ПБ ${section.name}`,
            `${capitalised(section.ru)} УП ${ru} района`,
            district,
            section.serviceType,
          ),
        );
      }
    }
  }
  return units;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
