import { DEMO_ADMIN, DEMO_PASSWORD } from './harness';

/** A signed-in API client: the session cookie and the CSRF token a browser would hold. */
export type ApiClient = {
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
};

export async function signInApi(baseUrl: string, email = DEMO_ADMIN, password = DEMO_PASSWORD): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

export async function zoneCount(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/zones?limit=1`);
  return ((await res.json()) as { total: number }).total;
}

type Created = { id: string };

/**
 * A small registry in the shape of the reference data set (same keys, names and structure: Zhongguancun's
 * incubators sit in its member parks), for a server whose database does not load the reference data.
 * Positions are given, since a fresh database may have no city centres either.
 */
export async function seedMiniRegistry(api: ApiClient): Promise<void> {
  const post = (plural: string, body: Record<string, unknown>) => api.call<Created>('POST', `/api/v1/${plural}`, body);
  const src = 'seeds/003_9139a8a9e0304334.txt';
  const committee = await post('institutions', {
    key: 'inst:zgc-administrative-commission',
    names: { en: 'Zhongguancun Science Park Administrative Committee', zh: '中关村科技园区管理委员会', ur: 'ژونگ گوان سون سائنس پارک انتظامی کمیٹی' },
    kind: 'government_body',
    country: 'CN',
    source: src,
  });
  const zgc = await post('zones', {
    key: 'zone:zhongguancun',
    names: { en: 'Zhongguancun Science Park', zh: '中关村科技园区', ur: 'ژونگ گوان سون سائنس پارک' },
    nativeName: '中关村科技园区',
    abbreviation: 'Z-Park',
    kind: 'national_hightech_zone',
    country: 'CN',
    province: '110000',
    city: '110100',
    lat: 39.98,
    lon: 116.31,
    website: 'http://www.zgc.gov.cn',
    approvedOn: '1988-05',
    approvedBy: 'State Council',
    areaKm2: 488,
    companyCount: 22000,
    memberParkCount: 16,
    governingBodyId: committee.id,
    description: { en: "China's first science and technology industrial park, approved by the State Council in May 1988." },
    source: src,
  });
  const haidian = await post('zones', {
    key: 'zone:zgc-haidian-park',
    names: { en: 'Haidian Park of Zhongguancun', zh: '中关村海淀园', ur: 'ژونگ گوان سون ہائی ڈیان پارک' },
    kind: 'software_park',
    parentId: zgc.id,
    country: 'CN',
    province: '110000',
    city: '110100',
    lat: 39.96,
    lon: 116.3,
    source: src,
  });
  const wuhan = await post('zones', {
    key: 'zone:wuhan-east-lake',
    names: { en: 'Wuhan East Lake High-Tech Development Zone', zh: '武汉东湖新技术开发区', ur: 'ووہان ایسٹ لیک ہائی ٹیک ڈیولپمنٹ زون' },
    kind: 'national_hightech_zone',
    country: 'CN',
    province: '420000',
    city: '420100',
    lat: 30.48,
    lon: 114.41,
    approvedOn: '1991-03',
    source: 'seeds/001_55069fa1c9af000a.txt',
  });
  await post('zones', {
    key: 'zone:jinan',
    names: { en: 'Jinan High-Tech Industrial Development Zone', zh: '济南高新技术产业开发区', ur: 'جینان ہائی ٹیک صنعتی ترقیاتی زون' },
    kind: 'national_hightech_zone',
    country: 'CN',
    province: '370000',
    city: '370100',
    lat: 36.68,
    lon: 117.12,
    approvedOn: '1991-03',
    areaKm2: 318,
    source: 'seeds/002_d481d2e1475dd825.txt',
  });
  await post('zones', {
    key: 'zone:stza-islamabad',
    names: { en: 'Islamabad Special Technology Zone', ur: 'اسلام آباد اسپیشل ٹیکنالوجی زون' },
    kind: 'special_technology_zone',
    country: 'PK',
    province: 'PK-IS',
    lat: 33.68,
    lon: 73.05,
    source: 'seeds/004_3dc6acbbfe700a50.txt',
  });
  const legend = await post('incubators', {
    key: 'inc:legend-star',
    names: { en: 'Legend Star', zh: '联想之星', ur: 'لیجنڈ اسٹار' },
    kind: 'technology_business_incubator',
    hostZoneId: haidian.id,
    country: 'CN',
    province: '110000',
    city: '110100',
    lat: 39.99,
    lon: 116.32,
    foundedOn: '2008',
    source: 'seeds/002_d481d2e1475dd825.txt',
  });
  await post('incubators', {
    key: 'inc:3w-cafe',
    names: { en: '3W Café', zh: '3W咖啡', ur: '3W کیفے' },
    kind: 'makerspace',
    hostZoneId: haidian.id,
    country: 'CN',
    province: '110000',
    lat: 39.983,
    lon: 116.307,
    foundedOn: '2011',
    source: 'seeds/002_d481d2e1475dd825.txt',
  });
  await post('incubators', {
    key: 'inc:zgc-direct',
    names: { en: 'Zhongguancun International Incubator', zh: '中关村国际孵化器', ur: 'ژونگ گوان سون بین الاقوامی انکیوبیٹر' },
    kind: 'international_business_incubator',
    hostZoneId: zgc.id,
    country: 'CN',
    province: '110000',
    lat: 40.05,
    lon: 116.29,
    foundedOn: '2002',
    source: src,
  });
  await post('incubators', {
    key: 'inc:wuhan-east-lake-innovation-center',
    names: { en: 'Wuhan East Lake Innovation Center', zh: '武汉东湖新技术创业者中心', ur: 'ووہان ایسٹ لیک انوویشن سینٹر' },
    kind: 'technology_business_incubator',
    hostZoneId: wuhan.id,
    country: 'CN',
    province: '420000',
    lat: 30.5,
    lon: 114.39,
    foundedOn: '1987-06',
    source: 'seeds/002_d481d2e1475dd825.txt',
  });
  await post('incubators', {
    key: 'inc:comsats-business-incubation-centre',
    names: { en: 'COMSATS Business Incubation Centre', ur: 'کامسیٹس بزنس انکیوبیشن سینٹر' },
    kind: 'university_science_park',
    country: 'PK',
    province: 'PK-IS',
    lat: 33.65,
    lon: 73.16,
    source: 'seeds/004_3dc6acbbfe700a50.txt',
  });
  await post('enterprises', {
    key: 'ent:cambricon',
    names: { en: 'Cambricon', zh: '寒武纪', ur: 'کیمبریکون' },
    country: 'CN',
    province: '110000',
    sector: 'electronic_information',
    hostZoneId: zgc.id,
    valuationUsd: 2_000_000_000,
    source: src,
  });
  await post('enterprises', {
    key: 'ent:legend-tenant',
    names: { en: 'Star Robotics', zh: '星辰机器人' },
    country: 'CN',
    province: '110000',
    sector: 'advanced_manufacturing',
    hostZoneId: haidian.id,
    incubatorId: legend.id,
    tenancyStatus: 'tenant',
    employees: 24,
    technicalStaff: 15,
    source: src,
  });
  await post('investors', {
    key: 'inv:innofund',
    names: { en: 'Innofund', zh: '科技型中小企业技术创新基金', ur: 'انوفنڈ' },
    kind: 'guiding_fund',
    country: 'CN',
    source: 'seeds/000_d1407c9116085406.txt',
  });
  await post('people', {
    key: 'person:focal-demo',
    names: { en: 'Zhang Wei', zh: '张伟' },
    country: 'CN',
    title: 'Director',
    roles: ['focal_person'],
    source: 'seeds/004_3dc6acbbfe700a50.txt',
  });
}

/** Makes sure the server has registry data to show: the reference data set if it loaded, else the mini registry. */
export async function ensureRegistry(baseUrl: string): Promise<'reference' | 'mini'> {
  if ((await zoneCount(baseUrl)) > 0) return 'reference';
  await seedMiniRegistry(await signInApi(baseUrl));
  return 'mini';
}
