import { describe, expect, it } from 'vitest';
import { addDays, citiesOf, isOverdue, nativeNameOf, nextNoticeDay, noticeDue, orderStops, visitDateProblem } from './delegation-rules';
import { cityByName, countryName, placeOf } from './geography';

describe('delegation rules', () => {
  // seeds/000: the 2018 delegation, 26 Nov – 7 Dec, Jinan first and Beijing last.
  const stops = [
    { day: '2018-11-27', city: 'Jinan', position: 0 },
    { day: '2018-12-06', city: 'Beijing', position: 0 },
  ];
  it('accepts a visit whose stops all fall within its dates', () => {
    expect(visitDateProblem('2018-11-26', '2018-12-07', stops)).toBeNull();
    expect(visitDateProblem('2018-11-26', '2018-11-26', [{ day: '2018-11-26', city: 'Jinan' }])).toBeNull();
  });
  it('refuses a visit that ends before it starts, and a stop outside its dates', () => {
    expect(visitDateProblem('2018-12-07', '2018-11-26', [])?.code).toBe('cooperation.delegations.dates_reversed');
    const p = visitDateProblem('2018-11-26', '2018-12-05', stops);
    expect(p).toMatchObject({ code: 'cooperation.delegations.stop_outside_visit', params: { index: 1, city: 'Beijing', day: '2018-12-06' } });
    expect(visitDateProblem('2018-11-28', '2018-12-07', stops)?.params).toMatchObject({ index: 0 });
  });
  it('orders the itinerary by day then position, and names each city once', () => {
    const s = [
      { day: '2018-11-29', position: 1, city: 'Hangzhou' },
      { day: '2018-11-27', position: 0, city: 'Jinan' },
      { day: '2018-11-29', position: 0, city: 'Nanjing' },
      { day: '2018-11-30', position: 0, city: 'Hangzhou' },
    ];
    expect(orderStops(s).map((x) => x.city)).toEqual(['Jinan', 'Nanjing', 'Hangzhou', 'Hangzhou']);
    expect(citiesOf(s)).toEqual(['Jinan', 'Nanjing', 'Hangzhou']);
  });
  it('keeps names in their native script', () => {
    expect(nativeNameOf({ names: { en: 'Liang Gui', zh: '梁桂' }, country: 'CN' })).toBe('梁桂');
    expect(nativeNameOf({ names: { en: 'Ahmed Khan', ur: 'احمد خان' }, country: 'PK' })).toBe('Ahmed Khan');
    expect(nativeNameOf({ names: { en: 'X' }, nativeName: 'Y', country: 'PK' })).toBe('Y');
  });
  it('reminds once in the week before the due day and once when overdue, per due date', () => {
    const f = { status: 'open', dueOn: '2024-03-20', ownerUserId: 'u', remindedFor: null, overdueNoticeFor: null };
    expect(noticeDue(f, '2024-03-12')).toBeNull();
    expect(noticeDue(f, '2024-03-13')).toBe('due');
    expect(noticeDue({ ...f, remindedFor: '2024-03-20' }, '2024-03-15')).toBeNull();
    expect(noticeDue({ ...f, remindedFor: '2024-03-20' }, '2024-03-21')).toBe('overdue');
    expect(noticeDue({ ...f, remindedFor: '2024-03-20', overdueNoticeFor: '2024-03-20' }, '2024-04-21')).toBeNull();
    // A new due date gets its own notices.
    expect(noticeDue({ ...f, dueOn: '2024-04-10', remindedFor: '2024-03-20', overdueNoticeFor: '2024-03-20' }, '2024-04-05')).toBe('due');
    expect(noticeDue({ ...f, status: 'done' }, '2024-03-21')).toBeNull();
    expect(noticeDue({ ...f, ownerUserId: null }, '2024-03-21')).toBeNull();
    expect(isOverdue(f, '2024-03-21')).toBe(true);
    expect(isOverdue(f, '2024-03-20')).toBe(false);
  });
  it('knows the next day a notice is needed', () => {
    const f = { status: 'open', dueOn: '2024-03-20', ownerUserId: 'u', remindedFor: null, overdueNoticeFor: null };
    expect(nextNoticeDay(f, '2024-03-01')).toBe('2024-03-13');
    expect(nextNoticeDay(f, '2024-03-15')).toBe('2024-03-15');
    expect(nextNoticeDay({ ...f, remindedFor: '2024-03-20' }, '2024-03-15')).toBe('2024-03-21');
    expect(nextNoticeDay({ ...f, remindedFor: '2024-03-20', overdueNoticeFor: '2024-03-20' }, '2024-03-15')).toBeNull();
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('geography of itineraries', () => {
  it('places the cities of the 2018 visit from the registry geography', () => {
    expect(cityByName('Hangzhou')?.code).toBe('330100');
    expect(cityByName('杭州')?.code).toBe('330100');
    expect(cityByName('杭州市')?.code).toBe('330100');
    expect(cityByName('beijing')?.code).toBe('110100');
    expect(placeOf('370100')).toEqual({ lat: 36.651, lon: 117.12 });
    expect(placeOf(null)).toEqual({ lat: null, lon: null });
    expect(placeOf('XX-NOPE')).toEqual({ lat: null, lon: null });
    expect(cityByName('Atlantis')).toBeNull();
    expect(countryName('PK', 'zh')).toBe('巴基斯坦');
  });
});
