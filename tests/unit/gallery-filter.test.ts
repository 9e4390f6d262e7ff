import { describe, expect, it } from 'vitest';
import { filterGalleryBrands, galleryHref, galleryOptions, GALLERY_PAGE_SIZE, isFiltered, pageOfGallery, parseGalleryFilter } from '@/lib/gallery/filter';
import type { TGalleryBrand } from '@/lib/gallery/queries';

const brand = (id: string, year: number, fieldName: string | null, regionName: string, awards: string[], brandName = `品牌${id}`, organizationName = `单位${id}`): TGalleryBrand => ({
  applicationId: id,
  brandName,
  organizationName,
  logoFileId: null,
  year,
  campaignTitle: `${year}年度选树`,
  fieldName,
  regionName,
  awards: awards.map((name, index) => ({ name, certificateNo: `DJPP-${year}-${id}${index}`, year, issuedOn: `${year}-12-01T00:00:00.000Z` })),
});

const BRANDS = [
  brand('a', 2026, '机关', '东城区', ['示范党建品牌'], '红心驿站', '东城区财政局机关党支部'),
  brand('b', 2026, '国企', '西城区', ['优秀党建品牌']),
  brand('c', 2025, '机关', '西城区', ['示范党建品牌', '最佳人气品牌']),
  brand('d', 2024, null, '东城区', ['优秀党建品牌'], 'Red Star 先锋'),
];

describe('gallery filter', () => {
  const options = galleryOptions(BRANDS);

  it('offers the values present, years newest first', () => {
    expect(options.year).toEqual(['2026', '2025', '2024']);
    expect(options.field).toEqual(['国企', '机关'].sort((x, y) => x.localeCompare(y, 'zh-Hans-CN')));
    expect(options.region.sort()).toEqual(['东城区', '西城区'].sort());
    expect(options.award).toHaveLength(3);
  });

  it('ignores values that are no option, trims the search and reads the page', () => {
    const filter = parseGalleryFilter({ year: 'abc', field: '机关', region: ['西城区', '东城区'], award: '不存在', q: '  红心  ', page: '2' }, options);
    expect(filter).toEqual({ year: '', field: '机关', region: '西城区', award: '', q: '红心', page: 2 });
    expect(parseGalleryFilter({ page: '-1' }, options).page).toBe(1);
    expect(parseGalleryFilter({ page: '1.5' }, options).page).toBe(1);
    expect(parseGalleryFilter({ q: 'x'.repeat(100) }, options).q).toHaveLength(40);
    expect(isFiltered(parseGalleryFilter({}, options))).toBe(false);
    expect(isFiltered(parseGalleryFilter({ year: '2025' }, options))).toBe(true);
  });

  it('combines the filters and searches brand and organization names, case-insensitively', () => {
    const ids = (query: Record<string, string>) => filterGalleryBrands(BRANDS, parseGalleryFilter(query, options)).map((found) => found.applicationId);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ field: '机关' })).toEqual(['a', 'c']);
    expect(ids({ field: '机关', region: '西城区' })).toEqual(['c']);
    expect(ids({ award: '示范党建品牌' })).toEqual(['a', 'c']);
    expect(ids({ award: '最佳人气品牌', year: '2026' })).toEqual([]);
    expect(ids({ q: '财政局' })).toEqual(['a']);
    expect(ids({ q: 'red star' })).toEqual(['d']);
  });

  it('pages the list and shows the last page for a page past the end', () => {
    const many = Array.from({ length: GALLERY_PAGE_SIZE * 2 + 3 }, (_, index) => brand(String(index), 2026, null, '东城区', ['示范党建品牌']));
    expect(pageOfGallery(many, 1).brands).toHaveLength(GALLERY_PAGE_SIZE);
    expect(pageOfGallery(many, 3)).toMatchObject({ page: 3, pageCount: 3 });
    expect(pageOfGallery(many, 3).brands).toHaveLength(3);
    expect(pageOfGallery(many, 9).page).toBe(3);
    expect(pageOfGallery([], 1)).toEqual({ page: 1, pageCount: 1, brands: [] });
  });

  it('gives every view one address', () => {
    expect(galleryHref(parseGalleryFilter({}, options))).toBe('/gallery');
    expect(galleryHref(parseGalleryFilter({ year: '2025', q: '驿站' }, options), 2)).toBe(`/gallery?year=2025&q=${encodeURIComponent('驿站')}&page=2`);
    expect(galleryHref(parseGalleryFilter({ award: '示范党建品牌', page: '4' }, options), 1)).toBe(`/gallery?award=${encodeURIComponent('示范党建品牌')}`);
  });
});
