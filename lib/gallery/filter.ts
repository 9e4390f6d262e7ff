// 品牌风采 filters, worked out on the server from the cached list of brands: year, field, region, award, a search on
// brand or organization name, and pages of GALLERY_PAGE_SIZE. A plain GET form drives them, so the page works before
// (and without) its JavaScript and every filtered view has an address that can be shared.
import { queryString } from '@/lib/format';
import type { TGalleryBrand } from '@/lib/gallery/queries';

export const GALLERY_PAGE_SIZE = 24;
export const GALLERY_QUERY_MAX = 40;

export const GALLERY_FILTERS = [
  { name: 'year', label: '年度', all: '全部年度' },
  { name: 'field', label: '领域', all: '全部领域' },
  { name: 'region', label: '地区', all: '全部地区' },
  { name: 'award', label: '荣誉', all: '全部荣誉' },
] as const;

export type TGalleryFilterName = (typeof GALLERY_FILTERS)[number]['name'];
export type TGalleryOptions = Record<TGalleryFilterName, string[]>;
export type TGalleryFilter = Record<TGalleryFilterName, string> & { q: string; page: number };

const sortedUnique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => !!value))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));

const awardNames = (brand: TGalleryBrand) => brand.awards.map((award) => award.name);

/** What each select offers: the values present among the honored brands (years newest first). */
export function galleryOptions(brands: TGalleryBrand[]): TGalleryOptions {
  return {
    year: [...new Set(brands.map((brand) => String(brand.year)))].sort((a, b) => Number(b) - Number(a)),
    field: sortedUnique(brands.map((brand) => brand.fieldName)),
    region: sortedUnique(brands.map((brand) => brand.regionName)),
    award: sortedUnique(brands.flatMap(awardNames)),
  };
}

type TSearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The filter in the address. A value that is no option (an old link, a typo) is ignored like an unknown parameter, the
 * search is trimmed and cut to GALLERY_QUERY_MAX characters, and a page that is no positive whole number is page 1.
 */
export function parseGalleryFilter(searchParams: TSearchParams, options: TGalleryOptions): TGalleryFilter {
  const chosen = Object.fromEntries(
    GALLERY_FILTERS.map(({ name }) => {
      const value = single(searchParams[name]);
      return [name, options[name].includes(value) ? value : ''];
    }),
  ) as Record<TGalleryFilterName, string>;
  const page = Number(single(searchParams.page));
  return { ...chosen, q: single(searchParams.q).trim().slice(0, GALLERY_QUERY_MAX), page: Number.isInteger(page) && page > 0 ? page : 1 };
}

export const isFiltered = (filter: TGalleryFilter) => !!filter.q || GALLERY_FILTERS.some(({ name }) => filter[name]);

/** The brands the filter lets through, in the list's order (newest year first, then award order). */
export function filterGalleryBrands(brands: TGalleryBrand[], filter: TGalleryFilter): TGalleryBrand[] {
  const needle = filter.q.toLowerCase();
  return brands.filter(
    (brand) =>
      (!filter.year || String(brand.year) === filter.year) &&
      (!filter.field || brand.fieldName === filter.field) &&
      (!filter.region || brand.regionName === filter.region) &&
      (!filter.award || awardNames(brand).includes(filter.award)) &&
      (!needle || `${brand.brandName} ${brand.organizationName}`.toLowerCase().includes(needle)),
  );
}

/** One page of the filtered brands; a page past the end shows the last one. */
export function pageOfGallery(brands: TGalleryBrand[], requested: number) {
  const pageCount = Math.max(1, Math.ceil(brands.length / GALLERY_PAGE_SIZE));
  const page = Math.min(requested, pageCount);
  return { page, pageCount, brands: brands.slice((page - 1) * GALLERY_PAGE_SIZE, page * GALLERY_PAGE_SIZE) };
}

/** The address of a filtered view: empty values and page 1 are left out, so each view has one address. */
export const galleryHref = ({ year, field, region, award, q }: TGalleryFilter, page = 1) => `/gallery${queryString({ year, field, region, award, q, page: page > 1 ? page : undefined })}`;
